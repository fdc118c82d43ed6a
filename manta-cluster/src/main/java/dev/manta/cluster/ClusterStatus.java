package dev.manta.cluster;

import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.ClusterView;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.NodeStatsReply;
import dev.manta.cluster.rpc.ClusterToken;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** What {@code manta status} prints: nodes alive and dead, resources, actors, object stores. */
public final class ClusterStatus {
  private ClusterStatus() {}

  /**
   * The cluster at {@code address} as a table.
   *
   * @throws IllegalStateException if no Manta head answers there within {@code timeout}
   */
  public static String render(String address, Duration timeout) {
    return render(address, timeout, Rpc.processToken());
  }

  /**
   * The cluster at {@code address} as a table, asked with {@code token} (null: none).
   *
   * @throws IllegalStateException if no Manta head answers there within {@code timeout}, or it
   *     refuses the token
   */
  public static String render(String address, Duration timeout, ClusterToken token) {
    address = address.replaceFirst("^manta://", "");
    ManagedChannel ch = Rpc.channel(address, token);
    try {
      ClusterView v =
          HeadGrpc.newBlockingStub(ch)
              .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .getClusterView(Empty.getDefaultInstance());
      StringBuilder sb = new StringBuilder();
      long alive = v.getNodesList().stream().filter(NodeInfo::getAlive).count();
      sb.append(
          String.format(
              "Manta cluster at %s: %d node(s) alive, %d dead (failure timeout %d ms)%n",
              address, alive, v.getNodesCount() - alive, v.getFailureTimeoutMs()));
      sb.append(
          String.format(
              "%-18s %-6s %-22s %-26s %-26s %-22s %s%n",
              "NODE",
              "STATE",
              "AGENT",
              "RESOURCES USED/TOTAL",
              "OBJECT STORE USED/CAP",
              "WORKERS",
              "NOTE"));
      java.util.List<Long> starts = new java.util.ArrayList<>();
      Map<String, Double> used = new TreeMap<>();
      Map<String, Double> total = new TreeMap<>();
      for (NodeInfo n : v.getNodesList()) {
        StringBuilder res = new StringBuilder();
        n.getTotal()
            .getAmountsMap()
            .forEach(
                (k, t) -> {
                  double avail = n.getAvailable().getAmountsOrDefault(k, t);
                  if (res.length() > 0) {
                    res.append(' ');
                  }
                  res.append(k).append(' ').append(fmt(t - avail)).append('/').append(fmt(t));
                  if (n.getAlive()) {
                    used.merge(k, t - avail, Double::sum);
                    total.merge(k, t, Double::sum);
                  }
                });
        String workers = "";
        String store = mib(n.getObjectStoreUsed()) + "/" + mib(n.getObjectStoreCapacity());
        if (n.getAlive()) {
          ManagedChannel a = Rpc.channel(n.getAgentAddress(), token);
          try {
            NodeStatsReply s =
                NodeAgentGrpc.newBlockingStub(a)
                    .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .nodeStats(Empty.getDefaultInstance());
            store = mib(s.getStoreUsed()) + "/" + mib(s.getStoreCapacity());
            workers = s.getWorkers() + " (" + s.getIdleWorkers() + " idle)";
            starts.addAll(s.getWorkerStartMicrosList());
          } catch (StatusRuntimeException e) {
            workers = "agent unreachable";
          } finally {
            a.shutdownNow();
          }
        }
        sb.append(
            String.format(
                "%-18s %-6s %-22s %-26s %-26s %-22s %s%n",
                n.getNodeId(),
                n.getAlive() ? "ALIVE" : "DEAD",
                n.getAgentAddress(),
                res,
                store,
                workers,
                n.getAlive() ? "" : n.getDeathReason()));
      }
      sb.append("Resources (alive nodes): ");
      total.forEach(
          (k, t) ->
              sb.append(k)
                  .append(' ')
                  .append(fmt(used.getOrDefault(k, 0.0)))
                  .append('/')
                  .append(fmt(t))
                  .append("  "));
      sb.append(System.lineSeparator());
      Map<ActorState, Integer> states = new EnumMap<>(ActorState.class);
      for (ActorInfo a : v.getActorsList()) {
        states.merge(a.getState(), 1, Integer::sum);
      }
      sb.append("Actors: ").append(states.isEmpty() ? "none" : states.toString());
      sb.append(System.lineSeparator());
      sb.append("Jobs: ").append(v.getJobsCount()).append(System.lineSeparator());
      if (!starts.isEmpty()) {
        java.util.Collections.sort(starts);
        sb.append(
            String.format(
                "Worker JVM start (launch to booted): median %.0f ms, max %.0f ms over %d%n",
                starts.get(starts.size() / 2) / 1e3,
                starts.get(starts.size() - 1) / 1e3,
                starts.size()));
      }
      return sb.toString();
    } catch (StatusRuntimeException e) {
      throw new IllegalStateException(Rpc.explain(e, "head", address), e);
    } finally {
      ch.shutdownNow();
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format("%.2f", d);
  }

  private static String mib(long bytes) {
    return (bytes >> 20) + " MiB";
  }
}
