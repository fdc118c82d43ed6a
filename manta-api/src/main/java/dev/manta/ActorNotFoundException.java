package dev.manta;

/** {@link Manta#getActor(String)} found no live actor of that name. */
public final class ActorNotFoundException extends MantaException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the actor that was looked up. */
  public ActorNotFoundException(String message) {
    super(message);
  }
}
