package dev.manta.runtime.store;

/**
 * A small value held on the owner's heap and passed inline with tasks.
 *
 * @param bytes the serialized value; never modified after construction
 * @param flags how to read the bytes: {@link #MARKS_STAGE}, {@link #RAW_BYTES}
 */
@SuppressWarnings("ArrayRecordComponent") // never mutated after construction
public record InlineValue(byte[] bytes, int flags) implements StoredValue {
  /** The value came from a {@code CompletionStage}: {@code get} returns a completed stage. */
  public static final int MARKS_STAGE = 1;

  /** The bytes are a {@code ByteBuffer}'s content, not serializer output. */
  public static final int RAW_BYTES = 2;

  /**
   * Bits 4-7: the bytes are a primitive array's content in native byte order (large arrays skip the
   * serializer and go into the store with one copy). 0 means not an array.
   */
  public static final int ARRAY_SHIFT = 4;

  /** Mask of the array-kind bits. */
  public static final int ARRAY_MASK = 0xF << ARRAY_SHIFT;

  @Override
  public long sizeBytes() {
    return bytes.length;
  }

  @Override
  public String location() {
    return "inline";
  }
}
