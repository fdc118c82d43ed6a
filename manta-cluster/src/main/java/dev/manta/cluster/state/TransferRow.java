package dev.manta.cluster.state;

import java.util.Map;

/**
 * One object a node is pulling from another node now, as far as it got.
 *
 * @param objectId the object (hex)
 * @param nodeId the node pulling it
 * @param fromAgent the agent it comes from ({@code host:port})
 * @param jobId the job whose process asked for it
 * @param doneBytes bytes copied so far
 * @param totalBytes the object's size
 * @param elapsedMs since the pull was asked for, waiting for a slot included
 * @param waiting whether it still waits for one of the node's pull slots
 */
public record TransferRow(
    String objectId,
    String nodeId,
    String fromAgent,
    String jobId,
    long doneBytes,
    long totalBytes,
    long elapsedMs,
    boolean waiting)
    implements Row {
  /** How much of it arrived, 0–100 (100 for an empty object). */
  public int percent() {
    return totalBytes <= 0 ? 100 : (int) Math.min(100, doneBytes * 100 / totalBytes);
  }

  @Override
  public Map<String, Object> fields() {
    return Fields.of(
        "object_id", objectId,
        "node_id", nodeId,
        "state", waiting ? "waiting" : "copying",
        "done_bytes", doneBytes,
        "total_bytes", totalBytes,
        "percent", percent(),
        "elapsed_ms", elapsedMs,
        "from_agent", fromAgent,
        "job_id", jobId);
  }
}
