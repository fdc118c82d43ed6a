package dev.manta;

/**
 * The task that produces an object was cancelled, by {@link Manta#cancel(ObjectRef)} or by {@link
 * Manta#shutdown()}, before it returned a value.
 */
public final class TaskCancelledException extends MantaException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the task and why it was cancelled. */
  public TaskCancelledException(String message) {
    super(message);
  }
}
