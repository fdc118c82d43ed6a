package dev.manta;

import java.util.Optional;

/**
 * A remote task, actor method or actor constructor threw. {@link #getCause()} is the original
 * exception when it could be transferred; otherwise it is null and {@link
 * #remoteExceptionClassName()}, {@link #remoteMessage()} and {@link #remoteStackTrace()} describe
 * it. Every {@code get} of the failed object throws a new {@code TaskException}, whose own stack
 * trace is the caller's.
 *
 * <p>A task whose argument failed does not run: its result is the argument's error.
 */
public final class TaskException extends MantaException {
  private static final long serialVersionUID = 1L;

  private final String taskId;
  private final String functionName;
  private final String remoteExceptionClassName;
  private final String remoteMessage;
  private final String remoteStackTrace;

  /**
   * Creates the exception that {@code get} throws for a failed task.
   *
   * @param taskId the failed task's id
   * @param functionName the remote function or method, as {@code Class.method}
   * @param remoteExceptionClassName the class of the exception the task threw
   * @param remoteMessage its message, or null
   * @param remoteStackTrace its stack trace as printed in the process that ran the task
   * @param cause the exception itself, or null when it could not be transferred
   */
  public TaskException(
      String taskId,
      String functionName,
      String remoteExceptionClassName,
      String remoteMessage,
      String remoteStackTrace,
      Throwable cause) {
    super(
        "Task "
            + functionName
            + " ("
            + taskId
            + ") failed with "
            + remoteExceptionClassName
            + (remoteMessage == null ? "" : ": " + remoteMessage),
        cause);
    this.taskId = taskId;
    this.functionName = functionName;
    this.remoteExceptionClassName = remoteExceptionClassName;
    this.remoteMessage = remoteMessage;
    this.remoteStackTrace = remoteStackTrace;
  }

  /** The id of the task that threw. */
  public String taskId() {
    return taskId;
  }

  /** The remote function or method that threw, as {@code Class.method}. */
  public String functionName() {
    return functionName;
  }

  /** The class name of the exception the task threw. */
  public String remoteExceptionClassName() {
    return remoteExceptionClassName;
  }

  /** The message of the exception the task threw, if it had one. */
  public Optional<String> remoteMessage() {
    return Optional.ofNullable(remoteMessage);
  }

  /** The stack trace of the exception as printed where the task ran. */
  public String remoteStackTrace() {
    return remoteStackTrace;
  }
}
