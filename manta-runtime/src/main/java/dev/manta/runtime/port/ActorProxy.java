package dev.manta.runtime.port;

import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.store.Failure;
import java.time.Duration;

/**
 * An actor of the core as a port sees it: the proxy of an actor that runs in another process
 * ({@link #isProxy()}), an actor hosted here for an owner elsewhere, or (embedded) an actor of this
 * process. Its mailbox stays in the core; the port only reads what it is and reports its fate.
 * Thread-safe.
 */
public interface ActorProxy {
  /** The actor's id. */
  ActorId id();

  /** The actor's name, or null. */
  String name();

  /** The simple name of the actor's class. */
  String className();

  /**
   * How many calls the actor runs at once, as requested when it was created; 0 for a proxy in a
   * process that did not create the actor (the actor's own process knows it).
   */
  int maxConcurrency();

  /**
   * How often the actor may be restarted after its process dies, as requested when it was created
   * (-1: unlimited); 0 for a proxy in a process that did not create the actor.
   */
  default int maxRestarts() {
    return 0;
  }

  /**
   * How often a call in flight when the actor's process died is sent again to the restarted actor
   * (-1: unlimited; 0: never, it fails), as requested when it was created; 0 for a proxy in a
   * process that did not create the actor.
   */
  default int maxTaskRetries() {
    return 0;
  }

  /**
   * How many calls this process may have pending on the actor at once (each calling process counts
   * its own, as in Ray), as requested when the actor was created.
   */
  default int maxPendingCalls() {
    return dev.manta.ActorCreator.DEFAULT_MAX_PENDING_CALLS;
  }

  /**
   * Where the actor's owner asked for it to run on a cluster; {@link Hosting#JOB_DEFAULT} for a
   * proxy in a process that did not create the actor, and for an actor hosted here.
   */
  default Hosting hosting() {
    return Hosting.JOB_DEFAULT;
  }

  /** Which worker JVM an actor asks for ({@code ActorCreator.isolated}). */
  enum Hosting {
    /** Whatever the job's {@code manta.actor-hosting} setting says. */
    JOB_DEFAULT,
    /** The JVM the job's shared actors use on the node. */
    SHARED,
    /** A worker JVM of its own. */
    ISOLATED
  }

  /**
   * Whether the actor outlives the process that created it ({@code ActorLifetime.DETACHED}), as
   * requested when it was created; false for a proxy in a process that did not create the actor.
   */
  default boolean detached() {
    return false;
  }

  /**
   * The options of the JVM to start for the actor ({@code ActorCreator.jvmOptions}), checked; empty
   * for none, and for a proxy in a process that did not create the actor.
   */
  default java.util.List<String> jvmOptions() {
    return java.util.List.of();
  }

  /**
   * Whether this process's shutdown ended the actor here (its proxy, or the actor itself); a port
   * leaves a detached actor running elsewhere then.
   */
  default boolean endedByShutdown() {
    return false;
  }

  /**
   * Whether this process ended the actor through a handle ({@code ActorHandle.kill()}), rather than
   * hearing of its death: a port then kills it where it runs, also for an actor it does not own.
   */
  default boolean killedByHandle() {
    return false;
  }

  /**
   * The actor behind this proxy lost its process and is being restarted: calls queue in the proxy
   * from now on, until {@link #placed()} lets them leave for the restarted actor. Returns false if
   * the actor is dead (then nothing changes). Never blocks.
   */
  default boolean restarting() {
    return false;
  }

  /** Whether this stands for an actor running in another process (else it runs here). */
  boolean isProxy();

  /**
   * The actor behind this proxy runs now: the calls queued in the proxy leave for it, in order.
   * Never blocks; a no-op once the actor died, or while it runs (until the next {@link
   * #restarting()}).
   */
  void placed();

  /**
   * The actor died for {@code why}: it fails every call it still holds and every later one. Returns
   * false if it was dead already. May run completion callbacks: call it off transport threads.
   */
  boolean kill(Failure why);

  /** Why the actor died, or null while it lives. Never blocks. */
  Failure deathOrNull();

  /**
   * For an actor that ran here: waits up to {@code grace} until none of its calls still runs;
   * returns whether none does.
   */
  boolean awaitThreadsEnded(Duration grace) throws InterruptedException;
}
