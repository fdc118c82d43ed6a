package dev.manta.runtime.store;

import dev.manta.runtime.id.ObjectId;

/**
 * A large value held in the node's {@link NodeStore} (off the Java heap, possibly spilled).
 *
 * @param id the object's id, the key in the store
 * @param length serialized length in bytes
 * @param flags {@link InlineValue} flags: how to read the bytes back
 */
public record StoreValue(ObjectId id, int length, int flags) implements StoredValue {
  @Override
  public long sizeBytes() {
    return length;
  }

  @Override
  public String location() {
    return "store";
  }
}
