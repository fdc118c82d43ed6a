package dev.manta;

/**
 * The root of Manta's exceptions: unchecked, and sealed so that a {@code switch} over the kinds of
 * failure can be exhaustive.
 *
 * <p>Invalid arguments to the API are reported with the JDK's own {@link IllegalArgumentException},
 * {@link NullPointerException} and {@link IllegalStateException}; this hierarchy reports what
 * happened to remote work and to objects.
 */
public sealed class MantaException extends RuntimeException
    permits TaskException,
        GetTimeoutException,
        TaskCancelledException,
        ActorDiedException,
        ActorNotFoundException,
        PendingCallsLimitException,
        ObjectFreedException,
        ObjectStoreFullException,
        ObjectTypeException,
        WorkerDiedException,
        NodeDiedException,
        ObjectLostException,
        OwnerDiedException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what happened and how to fix it. */
  public MantaException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the exception that caused it. */
  public MantaException(String message, Throwable cause) {
    super(message, cause);
  }
}
