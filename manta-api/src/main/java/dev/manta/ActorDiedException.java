package dev.manta;

/**
 * The actor a call was sent to is dead: it was killed, its constructor threw (then the cause is the
 * constructor's {@link TaskException}), or the runtime shut down. Calls to a dead actor fail with
 * this exception and never run.
 */
public final class ActorDiedException extends MantaException {
  private static final long serialVersionUID = 1L;

  private final String actorId;

  /** Creates the exception for the actor {@code actorId}; the message says why it died. */
  public ActorDiedException(String actorId, String message, Throwable cause) {
    super(message, cause);
    this.actorId = actorId;
  }

  /** The id of the dead actor. */
  public String actorId() {
    return actorId;
  }
}
