package dev.manta;

/**
 * The object was freed (by {@link Manta#free} or because nothing referenced it any more) and can no
 * longer be read. Manta never returns other data in its place.
 */
public final class ObjectFreedException extends MantaException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the object. */
  public ObjectFreedException(String message) {
    super(message);
  }
}
