package dev.manta;

/**
 * An object holds a value of another type than the one asked for: {@link Manta#get(ObjectRef,
 * Class)} with the wrong class, or a ref passed to a remote function whose parameter has another
 * type (possible only through unchecked casts). The message names both types.
 */
public final class ObjectTypeException extends MantaException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the expected and the actual type. */
  public ObjectTypeException(String message) {
    super(message);
  }
}
