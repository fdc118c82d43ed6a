package dev.manta.ray;

import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import java.util.Objects;

/**
 * Ray's {@link ObjectRef} over a Manta ref. It is plain data: stored inside a value or a task
 * argument it is serialized with the Manta ref inside, which Manta counts as a borrowed reference,
 * so nested refs keep their objects alive exactly as Manta refs do. Thread-safe.
 *
 * @param <T> the object's type
 */
public final class RayRef<T> implements ObjectRef<T> {
  private final dev.manta.ObjectRef<T> ref;

  RayRef(dev.manta.ObjectRef<T> ref) {
    this.ref = Objects.requireNonNull(ref, "ref");
  }

  /** The Manta ref underneath. */
  public dev.manta.ObjectRef<T> manta() {
    return ref;
  }

  @Override
  public T get() {
    return Ray.get(this);
  }

  @Override
  public T get(long timeoutMs) {
    return Ray.get(this, timeoutMs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RayRef<?> r && r.ref.id().equals(ref.id());
  }

  @Override
  public int hashCode() {
    return ref.id().hashCode();
  }

  @Override
  public String toString() {
    return ref.toString(); // Manta's: id and state
  }
}
