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

  /** Whether this stands for an actor running in another process (else it runs here). */
  boolean isProxy();

  /**
   * The actor behind this proxy runs now: the calls queued in the proxy leave for it, in order.
   * Never blocks; a no-op after the first time or once the actor died.
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
