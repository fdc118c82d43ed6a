package dev.manta.runtime.store;

/**
 * A small value held on the owner's heap and passed inline with tasks.
 *
 * @param bytes the serialized value; never modified after construction
 * @param flags how to read the bytes: {@link #MARKS_STAGE}, {@link #RAW_BYTES}
 */
public record InlineValue(byte[] bytes, int flags) implements StoredValue {
  /** The value came from a {@code CompletionStage}: {@code get} returns a completed stage. */
  public static final int MARKS_STAGE = 1;

  /** The bytes are a {@code ByteBuffer}'s content, not serializer output. */
  public static final int RAW_BYTES = 2;

  @Override
  public long sizeBytes() {
    return bytes.length;
  }

  @Override
  public String location() {
    return "inline";
  }
}
