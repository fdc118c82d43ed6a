package dev.manta.cluster.state;

import java.util.Map;

/**
 * One run of a task, actor creation or actor call, as the process that executed it recorded it.
 * Each process keeps its last 4096 runs; older ones are no longer listed.
 *
 * @param taskId the task's id (hex)
 * @param name its name: the user's task name, else the function's
 * @param kind {@code task}, {@code actor creation} or {@code actor call}
 * @param state {@code RUNNING}, {@code FINISHED}, {@code FAILED} or {@code CANCELLED}
 * @param actorId the actor (hex) of a creation or call, else empty
 * @param attempt which try (0 first)
 * @param nodeId the node it ran on
 * @param workerAddress the process it ran in
 * @param pid that process's operating-system id
 * @param jobId its job
 * @param startMicros when it started, microseconds since the epoch
 * @param endMicros when its result was stored, microseconds since the epoch; 0 while running
 * @param threadId the thread that ran it, within its process
 */
public record TaskRow(
    String taskId,
    String name,
    String kind,
    String state,
    String actorId,
    int attempt,
    String nodeId,
    String workerAddress,
    long pid,
    String jobId,
    long startMicros,
    long endMicros,
    long threadId)
    implements Row {
  /** How long it ran, in microseconds; -1 while it runs. */
  public long durationMicros() {
    return endMicros == 0 ? -1 : endMicros - startMicros;
  }

  @Override
  public Map<String, Object> fields() {
    return Fields.of(
        "task_id", taskId,
        "name", name,
        "kind", kind,
        "state", state,
        "node_id", nodeId,
        "pid", pid,
        "job_id", jobId,
        "duration_ms", endMicros == 0 ? "" : String.format("%.3f", durationMicros() / 1e3),
        "actor_id", actorId,
        "attempt", attempt,
        "worker_address", workerAddress,
        "start_micros", startMicros,
        "end_micros", endMicros);
  }
}
