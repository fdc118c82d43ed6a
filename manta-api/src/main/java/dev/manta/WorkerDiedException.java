package dev.manta;

/**
 * The worker process running a task (cluster mode) died before the task finished: it was killed,
 * crashed, or ran out of memory. The task may have run in part; it is not retried automatically.
 */
public final class WorkerDiedException extends MantaException {
  private static final long serialVersionUID = 1L;

  private final String taskId;
  private final String nodeId;

  /** Creates the exception for task {@code taskId} that ran on node {@code nodeId}. */
  public WorkerDiedException(String taskId, String nodeId, String message) {
    super(message);
    this.taskId = taskId;
    this.nodeId = nodeId;
  }

  /** The id of the task that was lost. */
  public String taskId() {
    return taskId;
  }

  /** The node the worker ran on. */
  public String nodeId() {
    return nodeId;
  }
}
