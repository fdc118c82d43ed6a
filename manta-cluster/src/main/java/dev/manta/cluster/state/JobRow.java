package dev.manta.cluster.state;

import java.util.Map;

/**
 * A job: one driver's run.
 *
 * @param jobId its id
 * @param state {@code RUNNING} or {@code FINISHED}
 * @param driverAddress its driver's core worker address
 * @param namespace its namespace, empty for the default
 * @param startedMillis when it registered, milliseconds since the epoch
 */
public record JobRow(
    String jobId, String state, String driverAddress, String namespace, long startedMillis)
    implements Row {
  @Override
  public Map<String, Object> fields() {
    return Fields.of(
        "job_id", jobId,
        "state", state,
        "driver_address", driverAddress,
        "namespace", namespace,
        "started", java.time.Instant.ofEpochMilli(startedMillis).toString());
  }
}
