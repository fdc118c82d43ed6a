package dev.manta.cluster.state;

import java.util.Map;
import java.util.TreeMap;

/**
 * A node as the head knows it.
 *
 * @param nodeId the node's id
 * @param state {@code ALIVE} or {@code DEAD}
 * @param agentAddress its agent's {@code host:port}
 * @param total its resources
 * @param available what of them is not reserved, as of its last heartbeat
 * @param storeUsedBytes its object store's use, as of its last heartbeat
 * @param storeCapacityBytes its object store's capacity
 * @param workers its worker processes, as of its last heartbeat
 * @param deathReason why it was declared dead; empty while alive
 */
public record NodeRow(
    String nodeId,
    String state,
    String agentAddress,
    Map<String, Double> total,
    Map<String, Double> available,
    long storeUsedBytes,
    long storeCapacityBytes,
    int workers,
    String deathReason)
    implements Row {
  /** Copies the maps. */
  public NodeRow {
    total = Map.copyOf(total);
    available = Map.copyOf(available);
  }

  @Override
  public Map<String, Object> fields() {
    return Fields.of(
        "node_id", nodeId,
        "state", state,
        "agent_address", agentAddress,
        "resources_total", new TreeMap<>(total).toString(),
        "resources_available", new TreeMap<>(available).toString(),
        "store_used_bytes", storeUsedBytes,
        "store_capacity_bytes", storeCapacityBytes,
        "workers", workers,
        "death_reason", deathReason);
  }
}
