package dev.manta.runtime.store;

import dev.manta.ObjectStoreStats;
import dev.manta.runtime.id.ObjectId;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A fake object store for unit tests whose values all stay inline (below the codec's threshold):
 * any use of it is a test bug, and says so.
 */
public final class InlineOnlyStore implements ObjectStore {
  private static UnsupportedOperationException used(String what) {
    return new UnsupportedOperationException(
        what + " on the fake store: values in this test must stay inline (small)");
  }

  @Override
  public StoreValue put(ObjectId id, int length, int flags, Consumer<ByteBuffer> writer) {
    throw used("put " + id + " (" + length + " bytes)");
  }

  @Override
  public Pin pin(ObjectId id) {
    throw used("pin " + id);
  }

  @Override
  public ByteBuffer view(ObjectId id) {
    throw used("view " + id);
  }

  @Override
  public StoreValue localize(RemoteValue v) {
    throw used("localize " + v);
  }

  @Override
  public void free(ObjectId id) {
    throw used("free " + id);
  }

  @Override
  public String where(ObjectId id) {
    return "nowhere";
  }

  @Override
  public boolean isPinned(ObjectId id) {
    return false;
  }

  @Override
  public ObjectStoreStats stats() {
    return new ObjectStoreStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  @Override
  public void close() {}
}
