package dev.manta;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A reference to an immutable value in Manta's object store: the result of a task or actor call, or
 * a value given to {@link Manta#put}. The value may not exist yet; {@link #get()} waits for it.
 *
 * <p>Refs can be passed as task arguments (the task receives the value), nested inside other
 * values, and stored in actor state. The value lives as long as some ref to it is reachable.
 *
 * <p>Thread-safety: refs are immutable and safe to share between threads. Memory consistency
 * effects: the actions of the task that produced the value happen-before {@code get} returns it.
 *
 * @param <T> the type of the value
 */
public interface ObjectRef<T> {

  /** The object's id, as lowercase hex, for logs and diagnostics. */
  String id();

  /**
   * Returns the value, waiting as long as it takes. Same as {@link Manta#get(ObjectRef)}.
   *
   * @throws TaskException if the task that produces the value failed
   * @throws TaskCancelledException if that task was cancelled
   * @throws ActorDiedException if the actor that should produce it died
   */
  default T get() {
    return Manta.get(this);
  }

  /**
   * Returns the value, waiting at most {@code timeout}. Same as {@link Manta#get(ObjectRef,
   * Duration)}.
   *
   * @throws GetTimeoutException if {@code timeout} elapses first; the ref stays valid
   */
  default T get(Duration timeout) {
    return Manta.get(this, timeout);
  }

  /** Whether the value (or the error that replaces it) is available now, without waiting. */
  boolean isReady();

  /**
   * Returns a new future that completes with the value, or exceptionally with the {@link
   * MantaException} that {@link #get()} would throw. Completing or cancelling the returned future
   * does not affect the object or its task; use {@link Manta#cancel(ObjectRef)} for that. Dependent
   * actions run on a Manta thread or the caller's thread: keep them short or use an {@code *Async}
   * method with your own executor.
   */
  CompletableFuture<T> toCompletableFuture();
}
