package dev.manta;

/**
 * The node running a task (cluster mode) was declared dead: its agent missed heartbeats for longer
 * than the cluster's failure-detection timeout, or stopped. The task may have run in part; it ran
 * again while it had retries ({@link TaskCall#maxRetries(int)}), and this is its failure once they
 * are spent.
 *
 * <p>Also thrown by {@code Manta.put} of a large value when the node agent on the caller's own
 * machine, whose object store holds the caller's large objects, died: the message names the agent
 * and what to do, and {@link #taskId()} is empty.
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

  /** The id of the task that was lost; empty for a {@code put} refused after the agent died. */
  public String taskId() {
    return taskId;
  }

  /** The node that died. */
  public String nodeId() {
    return nodeId;
  }
}
