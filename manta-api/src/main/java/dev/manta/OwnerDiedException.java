package dev.manta;

/**
 * The process that owned the object (the driver or worker that made it with {@code put} or
 * submitted its task) died, so the object is gone: an object never outlives its owner, who alone
 * knows where its copies are and how to rebuild it. Every later {@code get} of a ref to it throws
 * this too.
 */
public final class OwnerDiedException extends MantaException {
  private static final long serialVersionUID = 1L;

  private final String objectId;

  /** Creates the exception for object {@code objectId}; the message names the owner and why. */
  public OwnerDiedException(String objectId, String message) {
    super(message);
    this.objectId = objectId;
  }

  /** The id of the object whose owner died (hex). */
  public String objectId() {
    return objectId;
  }
}
