package dev.manta.cluster.state;

import java.util.Map;

/**
 * An actor in the head's directory.
 *
 * @param actorId its id (hex)
 * @param className the class its constructor makes
 * @param name its name, empty if unnamed
 * @param namespace the namespace of its name
 * @param state {@code PENDING_CREATION}, {@code ALIVE}, {@code RESTARTING} or {@code DEAD}
 * @param nodeId the node it runs on, empty before it is placed
 * @param workerAddress the worker process that hosts it
 * @param jobId its job
 * @param numRestarts restarts so far
 * @param maxRestarts restarts allowed (-1: unlimited)
 * @param deathReason why it died or restarted last; empty while alive
 */
public record ActorRow(
    String actorId,
    String className,
    String name,
    String namespace,
    String state,
    String nodeId,
    String workerAddress,
    String jobId,
    int numRestarts,
    int maxRestarts,
    String deathReason)
    implements Row {
  @Override
  public Map<String, Object> fields() {
    return Fields.of(
        "actor_id", actorId,
        "class_name", className,
        "name", name,
        "state", state,
        "node_id", nodeId,
        "job_id", jobId,
        "num_restarts", numRestarts,
        "namespace", namespace,
        "worker_address", workerAddress,
        "max_restarts", maxRestarts,
        "death_reason", deathReason);
  }
}
