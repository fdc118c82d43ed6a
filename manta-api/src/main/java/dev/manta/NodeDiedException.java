package dev.manta;

/**
 * The node running a task (cluster mode) was declared dead: its agent missed heartbeats for longer
 * than the cluster's failure-detection timeout, or stopped. The task may have run in part; it is
 * not retried automatically.
 */
public final class NodeDiedException extends MantaException {
  private static final long serialVersionUID = 1L;

  private final String taskId;
  private final String nodeId;

  /** Creates the exception for task {@code taskId} that ran on node {@code nodeId}. */
  public NodeDiedException(String taskId, String nodeId, String message) {
    super(message);
    this.taskId = taskId;
    this.nodeId = nodeId;
  }

  /** The id of the task that was lost. */
  public String taskId() {
    return taskId;
  }

  /** The node that died. */
  public String nodeId() {
    return nodeId;
  }
}
