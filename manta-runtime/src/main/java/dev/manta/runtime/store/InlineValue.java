package dev.manta.runtime.store;

/**
 * A small value held on the owner's heap and passed inline with tasks.
 *
 * @param bytes the serialized value; never modified after construction
 * @param marksStage whether the value came from a {@code CompletionStage} that an actor method
 *     returned (a {@code get} then hands back a completed stage)
 */
public record InlineValue(byte[] bytes, boolean marksStage) implements StoredValue {
  @Override
  public long sizeBytes() {
    return bytes.length;
  }

  @Override
  public String location() {
    return "inline";
  }
}
