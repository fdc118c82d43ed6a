package dev.manta.cluster.head;

import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.JobInfo;
import dev.manta.cluster.proto.ListStateReply;
import dev.manta.cluster.proto.ListStateRequest;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.NodeLogsGrpc;
import dev.manta.cluster.proto.ObjectRecordMsg;
import dev.manta.cluster.proto.ProcessObjectsReply;
import dev.manta.cluster.proto.ProcessStateGrpc;
import dev.manta.cluster.proto.ProcessTasksReply;
import dev.manta.cluster.proto.StateGrpc;
import dev.manta.cluster.proto.TaskRecordMsg;
import dev.manta.cluster.proto.WorkerInfo;
import dev.manta.cluster.proto.WorkerLogReply;
import dev.manta.cluster.proto.WorkerLogRequest;
import dev.manta.cluster.rpc.Principal;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The head's {@code State} service, behind {@code dev.manta.cluster.state.ClusterState} and {@code
 * manta list|get|summary|memory|timeline|logs}: nodes, actors, jobs and workers from the head's
 * tables; tasks and objects asked of every live registered process (each answers what it ran and
 * what it owns, {@code ProcessState}); a worker's log from its node's agent ({@code NodeLogs}).
 *
 * <p>Who sees what: every row passes {@link #visibleJobs()} in {@link #listState}, and a log
 * request names its worker's job to it; that is the one place to filter by the caller's job.
 *
 * <p>Implementation notes: the tables are the head's concurrent maps, read without locks (a listing
 * racing with changes may show a row's old or new value). Handlers run on the head server's
 * executor, which may block: a fan-out sends all its calls at once and waits for them together, up
 * to the request's timeout; a process that does not answer is named in {@code unreachable}, never
 * fails the listing. The channels to processes are kept in {@code processes} and closed with the
 * head.
 */
final class StateService extends StateGrpc.StateImplBase {
  static final long DEFAULT_TIMEOUT_MS = 5_000;

  private final Map<String, NodeInfo> nodes;
  private final Map<String, ActorInfo> actors;
  private final Map<String, JobInfo> jobs;
  private final Map<Long, WorkerInfo> workers;
  private final Rpc.Channels agents;
  private final Rpc.Channels processes = new Rpc.Channels();

  StateService(
      Map<String, NodeInfo> nodes,
      Map<String, ActorInfo> actors,
      Map<String, JobInfo> jobs,
      Map<Long, WorkerInfo> workers,
      Rpc.Channels agents) {
    this.nodes = nodes;
    this.actors = actors;
    this.jobs = jobs;
    this.workers = workers;
    this.agents = agents;
  }

  void close() {
    processes.close();
  }

  /**
   * The jobs whose rows the caller of this call may see, read from its {@link Principal} on the
   * handler's thread: every job for the cluster and admin tokens (the CLI's), its own job only for
   * a job's credential (nodes are shared by all jobs and always visible).
   */
  private static Predicate<String> visibleJobs() {
    Principal p = Principal.current();
    return p.seesAll() ? job -> true : p::mayActFor;
  }

  @Override
  public void listState(ListStateRequest req, StreamObserver<ListStateReply> out) {
    Predicate<String> visible = visibleJobs();
    long timeoutMs = req.getTimeoutMs() > 0 ? req.getTimeoutMs() : DEFAULT_TIMEOUT_MS;
    ListStateReply.Builder b = ListStateReply.newBuilder();
    switch (req.getKind()) {
      case NODES -> b.addAllNodes(nodes.values());
      case ACTORS ->
          actors.values().stream().filter(a -> visible.test(a.getJobId())).forEach(b::addActors);
      case JOBS ->
          jobs.values().stream().filter(j -> visible.test(j.getJobId())).forEach(b::addJobs);
      case WORKERS ->
          workers.values().stream().filter(w -> visible.test(w.getJobId())).forEach(b::addWorkers);
      case TASKS -> tasks(b, visible, timeoutMs);
      case OBJECTS -> objects(b, visible, timeoutMs);
      case TRANSFERS -> transfers(b, visible, timeoutMs);
      case UNRECOGNIZED -> {
        out.onError(
            Status.INVALID_ARGUMENT
                .withDescription("Unknown state kind " + req.getKindValue())
                .asRuntimeException());
        return;
      }
    }
    out.onNext(b.build());
    out.onCompleted();
  }

  /** The processes to ask: registered, of a running job, on a live node. */
  private List<WorkerInfo> liveProcesses(Predicate<String> visible) {
    List<WorkerInfo> out = new ArrayList<>();
    for (WorkerInfo w : workers.values()) {
      JobInfo j = jobs.get(w.getJobId());
      NodeInfo n = nodes.get(w.getNodeId());
      boolean ended = j != null && j.getFinished();
      boolean nodeDead = n != null && !n.getAlive();
      if (!ended && !nodeDead && visible.test(w.getJobId())) {
        out.add(w);
      }
    }
    return out;
  }

  private void tasks(ListStateReply.Builder b, Predicate<String> visible, long timeoutMs) {
    List<WorkerInfo> ws = liveProcesses(visible);
    List<CompletableFuture<ProcessTasksReply>> calls = new ArrayList<>();
    for (WorkerInfo w : ws) {
      CompletableFuture<ProcessTasksReply> f = new CompletableFuture<>();
      ProcessStateGrpc.newStub(processes.get(w.getAddress()))
          .withDeadlineAfter(timeoutMs, TimeUnit.MILLISECONDS)
          .processTasks(Empty.getDefaultInstance(), observer(f));
      calls.add(f);
    }
    List<TaskRecordMsg> all = new ArrayList<>();
    for (int i = 0; i < ws.size(); i++) {
      WorkerInfo w = ws.get(i);
      ProcessTasksReply r = await(calls.get(i), w, timeoutMs, b);
      if (r == null) {
        continue;
      }
      for (TaskRecordMsg t : r.getTasksList()) {
        all.add(
            t.toBuilder()
                .setNodeId(w.getNodeId())
                .setWorkerAddress(w.getAddress())
                .setPid(r.getPid())
                .setJobId(w.getJobId())
                .build());
      }
    }
    // An owner lists what it submitted that has no result yet; once a process runs that attempt,
    // its own record (RUNNING, then ended) is the one shown.
    java.util.Set<String> ran = new java.util.HashSet<>();
    for (TaskRecordMsg t : all) {
      if (!PENDING_STATES.contains(t.getState())) {
        ran.add(t.getTaskId() + "/" + t.getAttempt());
      }
    }
    for (TaskRecordMsg t : all) {
      if (!PENDING_STATES.contains(t.getState())
          || !ran.contains(t.getTaskId() + "/" + t.getAttempt())) {
        b.addTasks(t);
      }
    }
  }

  /** The states of an owner's record of a task that has not run (CoreAccess.pendingTasks). */
  private static final java.util.Set<String> PENDING_STATES =
      java.util.Set.of("PENDING_ARGS", "PENDING_SCHEDULING", "SUBMITTED");

  private void objects(ListStateReply.Builder b, Predicate<String> visible, long timeoutMs) {
    List<WorkerInfo> ws = liveProcesses(visible);
    List<CompletableFuture<ProcessObjectsReply>> calls = new ArrayList<>();
    for (WorkerInfo w : ws) {
      CompletableFuture<ProcessObjectsReply> f = new CompletableFuture<>();
      ProcessStateGrpc.newStub(processes.get(w.getAddress()))
          .withDeadlineAfter(timeoutMs, TimeUnit.MILLISECONDS)
          .processObjects(Empty.getDefaultInstance(), observer(f));
      calls.add(f);
    }
    for (int i = 0; i < ws.size(); i++) {
      WorkerInfo w = ws.get(i);
      ProcessObjectsReply r = await(calls.get(i), w, timeoutMs, b);
      if (r == null) {
        continue;
      }
      for (ObjectRecordMsg o : r.getObjectsList()) {
        b.addObjects(
            o.toBuilder()
                .setOwnerAddress(w.getAddress())
                .setPid(r.getPid())
                .setJobId(w.getJobId()));
      }
    }
  }

  /** The pulls every live node has under way, asked of their agents at once. */
  private void transfers(ListStateReply.Builder b, Predicate<String> visible, long timeoutMs) {
    List<NodeInfo> live = nodes.values().stream().filter(NodeInfo::getAlive).toList();
    List<CompletableFuture<dev.manta.cluster.proto.NodeStatsReply>> calls = new ArrayList<>();
    for (NodeInfo n : live) {
      CompletableFuture<dev.manta.cluster.proto.NodeStatsReply> f = new CompletableFuture<>();
      dev.manta.cluster.proto.NodeAgentGrpc.newStub(agents.get(n.getAgentAddress()))
          .withDeadlineAfter(timeoutMs, TimeUnit.MILLISECONDS)
          .nodeStats(Empty.getDefaultInstance(), observer(f));
      calls.add(f);
    }
    for (int i = 0; i < live.size(); i++) {
      NodeInfo n = live.get(i);
      dev.manta.cluster.proto.NodeStatsReply r;
      try {
        r = calls.get(i).get(timeoutMs + 1_000, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        b.addUnreachable(
            "node "
                + n.getNodeId()
                + " at "
                + n.getAgentAddress()
                + ": "
                + Status.fromThrowable(e.getCause()));
        continue;
      } catch (TimeoutException e) {
        b.addUnreachable(
            "node "
                + n.getNodeId()
                + " at "
                + n.getAgentAddress()
                + ": no answer in "
                + timeoutMs
                + " ms");
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        b.addUnreachable("node " + n.getNodeId() + ": interrupted");
        continue;
      }
      for (dev.manta.cluster.proto.TransferMsg t : r.getTransfersList()) {
        if (visible.test(t.getJobId())) {
          b.addTransfers(t.toBuilder().setNodeId(n.getNodeId()));
        }
      }
    }
  }

  /** The reply of {@code f}, or null after naming {@code w} in {@code unreachable}. */
  private static <T> T await(
      CompletableFuture<T> f, WorkerInfo w, long timeoutMs, ListStateReply.Builder b) {
    try {
      return f.get(timeoutMs + 1_000, TimeUnit.MILLISECONDS); // the call's deadline ends it first
    } catch (ExecutionException e) {
      b.addUnreachable(
          w.getAddress() + " (pid " + w.getPid() + "): " + Status.fromThrowable(e.getCause()));
    } catch (TimeoutException e) {
      b.addUnreachable(
          w.getAddress() + " (pid " + w.getPid() + "): no answer in " + timeoutMs + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      b.addUnreachable(w.getAddress() + ": interrupted");
    }
    return null;
  }

  private static <T> StreamObserver<T> observer(CompletableFuture<T> f) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        f.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        f.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {}
    };
  }

  @Override
  public void workerLog(WorkerLogRequest req, StreamObserver<WorkerLogReply> out) {
    WorkerInfo w = find(req.getWorker().strip());
    if (w == null || !visibleJobs().test(w.getJobId())) {
      out.onError(
          Status.NOT_FOUND
              .withDescription(
                  "No worker '"
                      + req.getWorker()
                      + "' (give its pid or id prefix in hex, as `manta list workers` shows)")
              .asRuntimeException());
      return;
    }
    NodeInfo n = nodes.get(w.getNodeId());
    if (n == null) {
      out.onError(
          Status.NOT_FOUND
              .withDescription("Worker " + w.getPid() + "'s node " + w.getNodeId() + " is unknown")
              .asRuntimeException());
      return;
    }
    JobInfo j = jobs.get(w.getJobId());
    if (j != null && j.getDriverAddress().equals(w.getAddress())) {
      out.onError(
          Status.FAILED_PRECONDITION
              .withDescription(
                  "Process "
                      + w.getPid()
                      + " is the driver of job "
                      + w.getJobId()
                      + ": its output is where it was started, not in a node's log folder")
              .asRuntimeException());
      return;
    }
    try {
      out.onNext(
          NodeLogsGrpc.newBlockingStub(agents.get(n.getAgentAddress()))
              .withDeadlineAfter(DEFAULT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
              .readWorkerLog(req.toBuilder().setPid(w.getPid()).build()));
      out.onCompleted();
    } catch (StatusRuntimeException e) {
      out.onError(
          e.getStatus()
              .withDescription(
                  Rpc.explain(e, "agent of node " + n.getNodeId(), n.getAgentAddress()))
              .asRuntimeException());
    }
  }

  /** The registered process with this pid or id prefix (hex), or null. */
  private WorkerInfo find(String worker) {
    for (WorkerInfo w : workers.values()) {
      if (Long.toString(w.getPid()).equals(worker)
          || Long.toHexString(w.getPrefix()).equalsIgnoreCase(worker)) {
        return w;
      }
    }
    return null;
  }
}
