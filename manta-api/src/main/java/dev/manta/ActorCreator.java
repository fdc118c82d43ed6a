package dev.manta;

/**
 * An actor about to be created, made by {@link Manta#actor}: set options, then {@link #remote()}
 * creates it. It is already a handle: using it as one (calling a method, passing it on) creates the
 * actor with the options set so far, after which options can no longer change.
 *
 * <p>Defaults: no name, {@code maxConcurrency} 1, {@code maxPendingCalls} {@value
 * #DEFAULT_MAX_PENDING_CALLS}, no restarts, no call retries, no CPU held while alive, the job's
 * choice of worker JVM ({@link #isolated}), {@link ActorLifetime#NON_DETACHED}.
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
   * PendingCallsLimitException} (default {@value #DEFAULT_MAX_PENDING_CALLS}). The count is per
   * calling process, as in Ray: on a cluster, each process holding a handle (the creator, and each
   * worker the handle was passed to) may have this many calls pending on its own.
   */
  public abstract ActorCreator<A> maxPendingCalls(int maxPendingCalls);

  /**
   * How often the actor is restarted after its process dies (default 0; -1 is unlimited). On a
   * cluster, when the actor's worker JVM or node dies, its owner (the process that created it) runs
   * the constructor again, with the same arguments, on a live node: the actor's in-memory state is
   * lost and is whatever the constructor rebuilds. Calls made while it restarts wait for it (up to
   * {@code manta.actor-restart-wait-ms}); calls that were running when it died are sent again only
   * with {@link #maxTaskRetries}. Once the restarts are spent, or when it is killed ({@link
   * ActorHandle#kill()}) or its constructor throws, the actor is dead and its calls fail with
   * {@link ActorDiedException} naming the cause. Embedded, the actor lives in the driver's process,
   * so there is no process to lose: any value is accepted and has no effect.
   */
  public abstract ActorCreator<A> maxRestarts(int maxRestarts);

  /**
   * What happens to the calls that were sent to the actor and had not answered when its process
   * died, once it is restarted ({@link #maxRestarts}): with 0 (the default) each fails at once with
   * {@link ActorDiedException} (at-most-once: a call never runs twice); with -1 (unlimited) or a
   * number above 0 each is sent again to the restarted actor, up to that many times, before the
   * calls made after it (at-least-once: a call may run twice, and each caller's calls keep their
   * order). Calls not yet sent when the actor died always wait for the restart. Embedded it has no
   * effect, as {@link #maxRestarts}.
   */
  public abstract ActorCreator<A> maxTaskRetries(int maxTaskRetries);

  /**
   * On a cluster, whether the actor runs in a worker JVM of its own ({@code true}) or in the JVM
   * its job shares among its actors on the node ({@code false}), each actor there with its own
   * mailbox and virtual threads. Default: the job's {@code manta.actor-hosting} setting ({@code
   * isolated}, unless the driver sets {@code shared}). A shared JVM starts an actor in milliseconds
   * and holds thousands; but its actors share a heap and static fields, and a crash of that JVM
   * (out of memory, a native fault, {@code System.exit}, a kill) kills every actor in it, each then
   * restarted or not by its own {@link #maxRestarts}. Embedded, every actor lives in the driver's
   * JVM: any value is accepted and has no effect.
   */
  public abstract ActorCreator<A> isolated(boolean isolated);

  /**
   * Whether the actor dies with the process that created it ({@link ActorLifetime#NON_DETACHED},
   * the default) or outlives it and its job ({@link ActorLifetime#DETACHED}, found later by name;
   * see there for what a detached actor does on a cluster). Embedded, the process is the whole
   * cluster: a detached actor outlives nothing, and is only, like a named one, not stopped when its
   * handles are gone.
   *
   * @throws NullPointerException if {@code lifetime} is null
   */
  public abstract ActorCreator<A> lifetime(ActorLifetime lifetime);

  /**
   * Options of the JVM the actor runs in, such as {@code -Xmx2g} or {@code -Dkey=value}. On a
   * cluster the actor then gets a worker JVM of its own, started for it with these options after
   * the node's own worker flags (so they win where both set the same thing), never a prestarted,
   * shared or reused one, and stopped when the actor ends; a restart starts one with the same
   * options. Embedded, the actor runs in this JVM: the options are checked, then ignored with a
   * warning. Empty (the default): the node's worker JVMs as they are.
   *
   * @throws IllegalArgumentException naming the option, for one that is not a JVM option (starts
   *     with {@code -}), an argument file ({@code @file}), or one that would replace the worker's
   *     class path, module or main class or make the JVM exit instead of running it ({@code -cp},
   *     {@code -classpath}, {@code --class-path}, {@code -jar}, {@code -p}, {@code --module-path},
   *     {@code -m}, {@code --module}, {@code -version}, {@code --version}, {@code -help}, {@code
   *     --help}, {@code -h}, {@code -?}, {@code -X}, {@code --dry-run}); an option the JDK itself
   *     refuses fails the actor's creation with the worker JVM's own message
   * @throws UnsupportedOperationException if this runtime cannot start actor JVMs with options
   */
  public ActorCreator<A> jvmOptions(java.util.List<String> options) {
    throw new UnsupportedOperationException(
        "This Manta runtime does not start actor JVMs with options (jvmOptions)");
  }

  /**
   * Places the actor only on nodes whose labels match {@code selector}, with the conditions of
   * {@link TaskCall#labelSelector}; restarts keep it. Replaces an earlier selector; empty (the
   * default) allows every node.
   *
   * @throws IllegalArgumentException naming the key, if a key is blank or a condition malformed
   * @throws NullPointerException if {@code selector} is null
   * @throws UnsupportedOperationException if this runtime does not place actors by labels
   */
  public ActorCreator<A> labelSelector(java.util.Map<String, String> selector) {
    throw new UnsupportedOperationException(
        "This Manta runtime does not place actors by node labels (labelSelector)");
  }

  /**
   * A read-only, checked copy of a label selector (see {@link #labelSelector}). For runtime
   * implementations.
   *
   * @throws IllegalArgumentException naming the key, if a key is blank or a condition malformed
   */
  protected static java.util.Map<String, String> checkedLabelSelector(
      java.util.Map<String, String> selector) {
    return Labels.checked(selector);
  }

  /** CPUs the actor holds for its whole life (default 0). */
  public abstract ActorCreator<A> numCpus(double cpus);

  /** A custom resource the actor holds for its whole life. */
  public abstract ActorCreator<A> resource(String resourceName, double quantity);
}
