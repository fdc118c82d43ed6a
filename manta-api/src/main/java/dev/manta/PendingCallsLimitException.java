package dev.manta;

/**
 * Backpressure: an actor already has as many calls waiting or running as its {@code
 * maxPendingCalls} allows, so a new call was refused when it was submitted. Nothing was queued.
 * Wait for earlier results (for example with {@link Manta#wait}) and submit again, or create the
 * actor with a larger {@link ActorCreator#maxPendingCalls(int)}.
 */
public final class PendingCallsLimitException extends MantaException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the actor and its limit. */
  public PendingCallsLimitException(String message) {
    super(message);
  }
}
