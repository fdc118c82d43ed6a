package dev.manta;

/** A {@code get} or {@code wait} with a timeout gave up waiting. The refs stay valid. */
public final class GetTimeoutException extends MantaException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the objects and the timeout. */
  public GetTimeoutException(String message) {
    super(message);
  }
}
