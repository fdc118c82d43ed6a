package dev.manta;

/**
 * An actor's state, as {@link ActorHandle#state()} reports it (Ray's actor states, minus those
 * Manta has no use for).
 */
public enum ActorState {
  /** Created, its constructor not yet finished (on a cluster: not yet placed and constructed). */
  PENDING_CREATION,
  /** Constructed and taking calls. */
  ALIVE,
  /**
   * Its process died and it is being constructed again ({@link ActorCreator#maxRestarts}); calls
   * wait for it.
   */
  RESTARTING,
  /** Killed, out of restarts, or its constructor threw; final. */
  DEAD
}
