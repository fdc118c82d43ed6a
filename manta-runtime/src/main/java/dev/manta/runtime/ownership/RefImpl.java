package dev.manta.runtime.ownership;

import dev.manta.ObjectRef;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.StoredValue;
import java.util.concurrent.CompletableFuture;

/**
 * Manta's {@link ObjectRef}: a pointer to the object's entry in its owner's table, through a shared
 * {@link Handle} whose reachability counts as a reference. Immutable; thread-safe.
 *
 * @param <T> the value type
 */
public final class RefImpl<T> implements ObjectRef<T> {
  private final Handle handle;

  RefImpl(Handle handle) {
    this.handle = handle;
  }

  /** The object this ref points at. */
  public OwnedObject object() {
    return handle.object;
  }

  /** The table that owns the object. */
  public ReferenceTable table() {
    return handle.table;
  }

  @Override
  public String id() {
    return handle.object.id.hex();
  }

  @Override
  public boolean isReady() {
    return handle.object.value.isDone();
  }

  @Override
  @SuppressWarnings("unchecked")
  public CompletableFuture<T> toCompletableFuture() {
    CompletableFuture<T> out = new CompletableFuture<>();
    RefImpl<T> self = this; // keeps the object alive until the future completes
    handle.object.value.whenCompleteAsync(
        (StoredValue v, Throwable t) -> {
          try {
            out.complete((T) self.handle.table.decode(self.handle.object, v));
          } catch (RuntimeException | Error e) { // to the future, never into the callback's
            out.completeExceptionally(e);
          }
        },
        handle.table.callbacks());
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RefImpl<?> r && r.handle.object.id.equals(handle.object.id);
  }

  @Override
  public int hashCode() {
    return handle.object.id.hashCode();
  }

  /**
   * The id and the state of the object: {@code pending} (not produced yet), {@code ready}, {@code
   * failed} (its value is an error), or {@code freed}; e.g. {@code ObjectRef(5e1c…0001, ready)}.
   */
  @Override
  public String toString() {
    OwnedObject o = handle.object;
    StoredValue v = o.value.getNow(null);
    String state =
        o.isFreed() ? "freed" : v == null ? "pending" : v instanceof Failure ? "failed" : "ready";
    return "ObjectRef(" + id() + ", " + state + ")";
  }
}
