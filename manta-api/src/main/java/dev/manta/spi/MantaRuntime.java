package dev.manta.spi;

import dev.manta.ActorCreator;
import dev.manta.ActorHandle;
import dev.manta.MantaFunction;
import dev.manta.ObjectRef;
import dev.manta.ObjectStoreStats;
import dev.manta.TaskCall;
import dev.manta.WaitResult;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What {@link dev.manta.Manta} delegates to: one started runtime, embedded or connected to a
 * cluster. Implementations are thread-safe. Users never call this interface; the static methods of
 * {@link dev.manta.Manta} check arguments first and document each method. Timeouts are in
 * nanoseconds, negative meaning "wait forever".
 */
public interface MantaRuntime {
  /** Prepares a task call; {@code refMask} bit i says argument i is a ref to resolve. */
  <R> TaskCall<R> newTask(MantaFunction fn, Object[] args, long refMask);

  /** Prepares an actor. */
  <A> ActorCreator<A> newActor(MantaFunction constructor, Object[] args, long refMask);

  /** Copies {@code value} into the object store. */
  <T> ObjectRef<T> put(T value);

  /** Waits for and returns one value. */
  <T> T get(ObjectRef<T> ref, long timeoutNanos);

  /** Waits for and returns all values, in order. */
  <T> List<T> getAll(List<? extends ObjectRef<? extends T>> refs, long timeoutNanos);

  /** Waits until {@code numReturns} refs are ready or the timeout elapses. */
  <T> WaitResult<T> wait(List<? extends ObjectRef<T>> refs, int numReturns, long timeoutNanos);

  /** Cancels the task producing {@code ref}; returns whether it was still pending or running. */
  boolean cancel(ObjectRef<?> ref, boolean force);

  /** Frees objects now, whatever still refers to them. */
  void free(Collection<? extends ObjectRef<?>> refs);

  /** The live actor of that name, if any. */
  <A> Optional<ActorHandle<A>> findActor(String name);

  /** Statistics of the object store. */
  ObjectStoreStats storeStats();

  /** A human-readable report of every live object and why it is alive. */
  String memorySummary();

  /** The nodes of this runtime: one when embedded; every known node of a cluster. */
  List<dev.manta.Node> nodes();

  /** Describes where the calling thread runs. */
  dev.manta.RuntimeContext runtimeContext();

  /** Kills the actor whose method the calling thread runs. */
  void exitActor();

  /** Stops everything this runtime started and fails pending work. Idempotent. */
  void shutdown();
}
