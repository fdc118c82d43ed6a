package dev.manta;

/**
 * The object store could not make room for a value: it is larger than the store's capacity, or the
 * store stayed full of objects in use (pinned) until the wait for room timed out, or the spill
 * directory could not take more. The message gives the used, pinned and requested bytes.
 */
public final class ObjectStoreFullException extends MantaException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message gives the numbers and the fix. */
  public ObjectStoreFullException(String message) {
    super(message);
  }

  /** Creates the exception with the I/O or other failure that caused it. */
  public ObjectStoreFullException(String message, Throwable cause) {
    super(message, cause);
  }
}
