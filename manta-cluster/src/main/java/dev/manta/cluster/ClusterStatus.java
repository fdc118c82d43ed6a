package dev.manta.cluster;

import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.ClusterView;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.JobInfo;
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
              "%-18s %-6s %-22s %-26s %-8s %-26s %-22s %s%n",
              "NODE",
              "STATE",
              "AGENT",
              "RESOURCES USED/TOTAL",
              "CPU BUSY",
              "OBJECT STORE USED/CAP",
              "WORKERS",
              "NOTE"));
      double busyTotal = 0;
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
        String busy = "";
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
            busy = String.format("%.2f", s.getCpuBusy());
            busyTotal += s.getCpuBusy();
            starts.addAll(s.getWorkerStartMicrosList());
          } catch (StatusRuntimeException e) {
            workers = "agent unreachable";
          } finally {
            a.shutdownNow();
          }
        }
        sb.append(
            String.format(
                "%-18s %-6s %-22s %-26s %-8s %-26s %-22s %s%n",
                n.getNodeId(),
                n.getAlive() ? "ALIVE" : "DEAD",
                n.getAgentAddress(),
                res,
                busy,
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
      sb.append(
          String.format(
              "(used: reserved by actors; the workers keep %.2f CPUs busy)%n", busyTotal));
      actors(sb, v);
      jobs(sb, v);
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

  /** At most this many actors and jobs are listed; the rest are counted. */
  static final int MAX_ROWS = 50;

  private static void actors(StringBuilder sb, ClusterView v) {
    Map<ActorState, Integer> states = new EnumMap<>(ActorState.class);
    for (ActorInfo a : v.getActorsList()) {
      states.merge(a.getState(), 1, Integer::sum);
    }
    sb.append("Actors: ").append(states.isEmpty() ? "none" : counts(states));
    sb.append(System.lineSeparator());
    if (states.isEmpty()) {
      return;
    }
    // Live ones first, then the most recent dead.
    java.util.List<ActorInfo> rows = new java.util.ArrayList<>(v.getActorsList());
    rows.sort(
        java.util.Comparator.comparing((ActorInfo a) -> a.getState() == ActorState.DEAD)
            .thenComparing(ActorInfo::getSequence, java.util.Comparator.reverseOrder()));
    sb.append(
        String.format(
            "  %-22s %-10s %-18s %-10s %-16s %s%n",
            "CLASS", "STATE", "NODE", "JOB", "NAME", "NOTE"));
    for (ActorInfo a : rows.subList(0, Math.min(MAX_ROWS, rows.size()))) {
      sb.append(
          String.format(
              "  %-22s %-10s %-18s %-10s %-16s %s%n",
              simpleName(a.getClassName()),
              a.getState(),
              a.getNodeId().isEmpty() ? "-" : a.getNodeId(),
              a.getJobId(),
              a.getName().isEmpty()
                  ? "-"
                  : (a.getNamespace().isEmpty() ? "default" : a.getNamespace()) + "/" + a.getName(),
              note(a)));
    }
    if (rows.size() > MAX_ROWS) {
      sb.append("  ... and ").append(rows.size() - MAX_ROWS).append(" more");
      sb.append(System.lineSeparator());
    }
  }

  /** Why it is dead or restarting, and how often it was restarted. */
  private static String note(ActorInfo a) {
    String restarts =
        a.getNumRestarts() == 0
            ? ""
            : "restarted " + a.getNumRestarts() + (a.getNumRestarts() == 1 ? " time" : " times");
    if (a.getDeathReason().isEmpty() || a.getState() == ActorState.ALIVE) {
      return restarts;
    }
    return restarts.isEmpty() ? a.getDeathReason() : restarts + "; " + a.getDeathReason();
  }

  private static void jobs(StringBuilder sb, ClusterView v) {
    long running = v.getJobsList().stream().filter(j -> !j.getFinished()).count();
    sb.append("Jobs: ");
    if (v.getJobsCount() == 0) {
      sb.append("none").append(System.lineSeparator());
      return;
    }
    sb.append(running)
        .append(" running, ")
        .append(v.getJobsCount() - running)
        .append(" finished")
        .append(System.lineSeparator());
    java.util.List<JobInfo> rows = new java.util.ArrayList<>(v.getJobsList());
    rows.sort(
        java.util.Comparator.comparing(JobInfo::getFinished)
            .thenComparing(JobInfo::getStartedMs, java.util.Comparator.reverseOrder()));
    sb.append(
        String.format(
            "  %-10s %-9s %-22s %-16s %s%n", "JOB", "STATE", "DRIVER", "NAMESPACE", "STARTED"));
    for (JobInfo j : rows.subList(0, Math.min(MAX_ROWS, rows.size()))) {
      sb.append(
          String.format(
              "  %-10s %-9s %-22s %-16s %s%n",
              j.getJobId(),
              j.getFinished() ? "FINISHED" : "RUNNING",
              j.getDriverAddress(),
              j.getNamespace().isEmpty() ? "default" : j.getNamespace(),
              java.time.Instant.ofEpochMilli(j.getStartedMs())
                  .atZone(java.time.ZoneId.systemDefault())
                  .toLocalDateTime()
                  .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    }
    if (rows.size() > MAX_ROWS) {
      sb.append("  ... and ").append(rows.size() - MAX_ROWS).append(" more");
      sb.append(System.lineSeparator());
    }
  }

  private static String counts(Map<ActorState, Integer> states) {
    StringBuilder c = new StringBuilder();
    states.forEach((k, n) -> c.append(c.length() == 0 ? "" : ", ").append(n).append(' ').append(k));
    return c.toString();
  }

  private static String simpleName(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? className : className.substring(dot + 1);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format("%.2f", d);
  }

  private static String mib(long bytes) {
    return (bytes >> 20) + " MiB";
  }
}
