package dev.manta.cluster.state;

import java.util.Map;

/**
 * A process registered with the head: a driver or a worker.
 *
 * @param workerId its id prefix (hex): the first part of the ids of what it owns
 * @param pid its operating-system process id
 * @param kind {@code driver} or {@code worker}
 * @param address its core worker server's {@code host:port}
 * @param nodeId the node it runs on
 * @param jobId its job
 */
public record WorkerRow(
    String workerId, long pid, String kind, String address, String nodeId, String jobId)
    implements Row {
  @Override
  public Map<String, Object> fields() {
    return Fields.of(
        "worker_id", workerId,
        "pid", pid,
        "kind", kind,
        "node_id", nodeId,
        "job_id", jobId,
        "address", address);
  }
}
