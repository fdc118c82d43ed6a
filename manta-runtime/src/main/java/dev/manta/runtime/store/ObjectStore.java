package dev.manta.runtime.store;

import dev.manta.ObjectStoreStats;
import dev.manta.runtime.id.ObjectId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The core worker's port to "where an object's bytes are": the node's object store. Embedded, it is
 * a {@link NodeStore} in this process; in a cluster, a client of the node agent's shared-memory
 * store that this process maps. Implementations are thread-safe.
 */
public interface ObjectStore extends AutoCloseable {
  /** Copies {@code bytes} into the store as object {@code id}. */
  default StoreValue put(ObjectId id, byte[] bytes, int flags) {
    return put(id, bytes.length, flags, view -> view.put(0, bytes));
  }

  /**
   * Stores {@code length} bytes as object {@code id}, written by {@code writer} straight into store
   * memory. {@code writer} gets a buffer of exactly {@code length} bytes at position 0.
   *
   * @throws dev.manta.ObjectStoreFullException if there is no room
   */
  StoreValue put(ObjectId id, int length, int flags, Consumer<ByteBuffer> writer);

  /** Pins object {@code id} in memory; {@link Pin#bytes()} is valid until the pin is closed. */
  Pin pin(ObjectId id);

  /** A read-only zero-copy view of object {@code id}, pinned while the buffer is reachable. */
  ByteBuffer view(ObjectId id);

  /**
   * Makes a value held by another node available here (pulling its bytes in) and returns it as a
   * local store value.
   *
   * @throws UnsupportedOperationException where there are no other nodes (embedded)
   */
  StoreValue localize(RemoteValue v);

  /** Frees object {@code id} now, or when its last pin goes. */
  void free(ObjectId id);

  /** {@code store}, {@code spilled}, {@code freed}, or another description of where it is. */
  String where(ObjectId id);

  /** Whether object {@code id} is pinned now. */
  boolean isPinned(ObjectId id);

  /** Where an object is ({@link #where}) and whether it is pinned ({@link #isPinned}). */
  record Location(String where, boolean pinned) {}

  /**
   * {@link #where} and {@link #isPinned} of each of {@code ids}, in order; a store behind another
   * process answers in one call.
   */
  default List<Location> locate(List<ObjectId> ids) {
    List<Location> out = new ArrayList<>(ids.size());
    for (ObjectId id : ids) {
      out.add(new Location(where(id), isPinned(id)));
    }
    return out;
  }

  /**
   * Sets what the store runs, when it is full and before it spills a referenced object, to have the
   * owner free the objects nobody can reach any more (see {@code NodeStore}, I4). Called once,
   * before the store is used; a store that cannot use it ignores it.
   */
  default void reclaimer(Runnable reclaimer) {}

  /** Counters now. */
  ObjectStoreStats stats();

  @Override
  void close();

  /** A pin on one object's bytes. */
  interface Pin extends AutoCloseable {
    /** The object's bytes; do not write. Valid until {@link #close()}. */
    ByteBuffer bytes();

    @Override
    void close();
  }
}
