package dev.manta;

import java.util.Map;

/**
 * One node of the runtime, as {@link Manta#nodes()} reports it: the embedded runtime is a single
 * node; a cluster has one per node agent, alive or declared dead.
 *
 * @param id the node's id (as {@link RuntimeContext#nodeId()} gives it to code running there)
 * @param address where its agent listens ({@code host:port}); empty for the embedded node
 * @param alive false once the cluster declared the node dead (it stays listed, as in Ray)
 * @param resources the resources it offers in all, including {@code CPU}
 * @param labels the labels it was started with ({@code manta start --labels k=v,...}); none for the
 *     embedded node
 */
public record Node(
    String id,
    String address,
    boolean alive,
    Map<String, Double> resources,
    Map<String, String> labels) {
  /** Copies the maps: a node is an immutable snapshot. */
  public Node {
    resources = Map.copyOf(resources);
    labels = Map.copyOf(labels);
  }
}
