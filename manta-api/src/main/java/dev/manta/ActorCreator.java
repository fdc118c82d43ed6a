package dev.manta;

/**
 * An actor about to be created, made by {@link Manta#actor}: set options, then {@link #remote()}
 * creates it. It is already a handle: using it as one (calling a method, passing it on) creates the
 * actor with the options set so far, after which options can no longer change.
 *
 * <p>Defaults: no name, {@code maxConcurrency} 1, {@code maxPendingCalls} {@value
 * #DEFAULT_MAX_PENDING_CALLS}, no restarts, no CPU held while alive.
 *
 * @param <A> the actor's class
 */
public abstract class ActorCreator<A> extends ActorHandle<A> {
  /** Default bound on an actor's queued and running calls. */
  public static final int DEFAULT_MAX_PENDING_CALLS = 100_000;

  /** For runtime implementations. */
  protected ActorCreator() {}

  /**
   * Creates the actor (if not yet created) and returns its handle. Returns at once: the constructor
   * runs asynchronously, and calls sent meanwhile wait for it. On a cluster it first tells the head
   * about the actor (one round trip), so that the handle is usable in any process it is sent to,
   * even before the actor is placed on a worker.
   *
   * @throws IllegalArgumentException if the name is taken by a live actor
   */
  public abstract ActorHandle<A> remote();

  /** A unique name; {@link Manta#getActor(String)} finds the actor by it while it lives. */
  public abstract ActorCreator<A> name(String name);

  /** How many calls may run at once (default 1: one at a time, in order). */
  public abstract ActorCreator<A> maxConcurrency(int maxConcurrency);

  /**
   * How many calls may wait or run at once before new calls are refused with {@link
   * PendingCallsLimitException} (default {@value #DEFAULT_MAX_PENDING_CALLS}).
   */
  public abstract ActorCreator<A> maxPendingCalls(int maxPendingCalls);

  /**
   * How often the actor is restarted after its process dies (default 0; -1 is unlimited). Embedded,
   * the actor lives in the driver's process, so there is nothing to restart it in: any value is
   * accepted and has no effect. On a cluster, restarts are not built yet and {@link #remote()}
   * refuses a value other than 0 with an {@link IllegalArgumentException}.
   */
  public abstract ActorCreator<A> maxRestarts(int maxRestarts);

  /** CPUs the actor holds for its whole life (default 0). */
  public abstract ActorCreator<A> numCpus(double cpus);

  /** A custom resource the actor holds for its whole life. */
  public abstract ActorCreator<A> resource(String resourceName, double quantity);
}
