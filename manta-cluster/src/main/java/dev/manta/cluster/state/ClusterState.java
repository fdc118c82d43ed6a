package dev.manta.cluster.state;

import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.JobInfo;
import dev.manta.cluster.proto.ListStateReply;
import dev.manta.cluster.proto.ListStateRequest;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.ObjectRecordMsg;
import dev.manta.cluster.proto.StateGrpc;
import dev.manta.cluster.proto.StateKind;
import dev.manta.cluster.proto.TaskRecordMsg;
import dev.manta.cluster.proto.WorkerInfo;
import dev.manta.cluster.proto.WorkerLogReply;
import dev.manta.cluster.proto.WorkerLogRequest;
import dev.manta.cluster.rpc.ClusterToken;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.runtime.id.ActorId;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The state of a live cluster, asked of its head: nodes, actors, jobs, workers, task runs and
 * objects, a summary of tasks or actors, a worker's log. What {@code manta list}, {@code get},
 * {@code summary}, {@code memory}, {@code timeline} and {@code logs} print.
 *
 * <pre>{@code
 * try (ClusterState state = ClusterState.connect("head:6380")) {
 *   for (TaskRow t : state.tasks().select(Filter.parse(List.of("state=RUNNING")), 10).rows()) {
 *     System.out.println(t.name() + " on " + t.nodeId());
 *   }
 * }
 * }</pre>
 *
 * <p>Every call asks the head anew and waits for its answer up to the timeout given to {@link
 * #connect(String, ClusterToken, Duration)}; tasks and objects are gathered by the head from every
 * live process, and those that do not answer in time are named in {@link Listing#unreachable()}.
 * How far back tasks go: each process keeps its last 4096 runs (see {@link TaskRow}). Rows are
 * sorted: nodes, workers by id; actors and jobs live first, then newest; tasks by start time;
 * objects by id.
 *
 * <p>Thread-safe: one channel to the head, shared by concurrent calls. Close it when done.
 */
public final class ClusterState implements AutoCloseable {
  private final String address;
  private final ManagedChannel channel;
  private final Duration timeout;

  private ClusterState(String address, ManagedChannel channel, Duration timeout) {
    this.address = address;
    this.channel = channel;
    this.timeout = timeout;
  }

  /**
   * The cluster whose head is at {@code address} ({@code host:port} or {@code manta://host:port}),
   * asked with this process's token, waiting up to 5 s per call.
   */
  public static ClusterState connect(String address) {
    return connect(address, Rpc.processToken(), Duration.ofSeconds(5));
  }

  /**
   * The cluster whose head is at {@code address}, asked with {@code token} (null: none), waiting up
   * to {@code timeout} per call. Connects lazily: a wrong address shows in the first call.
   */
  public static ClusterState connect(String address, ClusterToken token, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    String a = address.strip().replaceFirst("^manta://", "");
    return new ClusterState(a, Rpc.channel(a, token), timeout);
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }

  private ListStateReply list(StateKind kind) {
    try {
      // The head waits for processes up to the timeout; its own answer needs a little more.
      return StateGrpc.newBlockingStub(channel)
          .withDeadlineAfter(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS)
          .listState(
              ListStateRequest.newBuilder().setKind(kind).setTimeoutMs(timeout.toMillis()).build());
    } catch (StatusRuntimeException e) {
      throw new IllegalStateException(Rpc.explain(e, "head", address), e);
    }
  }

  /**
   * The nodes, alive and dead.
   *
   * @throws IllegalStateException if the head does not answer, naming why
   */
  public Listing<NodeRow> nodes() {
    List<NodeRow> rows = new ArrayList<>();
    for (NodeInfo n : list(StateKind.NODES).getNodesList()) {
      rows.add(
          new NodeRow(
              n.getNodeId(),
              n.getAlive() ? "ALIVE" : "DEAD",
              n.getAgentAddress(),
              n.getTotal().getAmountsMap(),
              n.getAvailable().getAmountsMap(),
              n.getObjectStoreUsed(),
              n.getObjectStoreCapacity(),
              n.getWorkers(),
              n.getDeathReason()));
    }
    rows.sort(Comparator.comparing(NodeRow::nodeId));
    return new Listing<>(rows, List.of());
  }

  /**
   * The actors of the head's directory, dead ones included.
   *
   * @throws IllegalStateException if the head does not answer, naming why
   */
  public Listing<ActorRow> actors() {
    List<ActorInfo> infos = new ArrayList<>(list(StateKind.ACTORS).getActorsList());
    infos.sort(
        Comparator.comparing(
                (ActorInfo a) -> a.getState() == dev.manta.cluster.proto.ActorState.DEAD)
            .thenComparing(ActorInfo::getSequence, Comparator.reverseOrder()));
    List<ActorRow> rows = new ArrayList<>();
    for (ActorInfo a : infos) {
      rows.add(row(a));
    }
    return new Listing<>(rows, List.of());
  }

  private static ActorRow row(ActorInfo a) {
    return new ActorRow(
        new ActorId(a.getPrefix(), a.getSequence()).hex(),
        a.getClassName(),
        a.getName(),
        a.getNamespace(),
        a.getState().name(),
        a.getNodeId(),
        a.getWorkerAddress(),
        a.getJobId(),
        a.getNumRestarts(),
        a.getMaxRestarts(),
        a.getDeathReason());
  }

  /**
   * The actor whose id (hex, or a unique start of it) or name is {@code idOrName}.
   *
   * @throws IllegalArgumentException if a start of an id matches several actors
   * @throws IllegalStateException if the head does not answer, naming why
   */
  public Optional<ActorRow> actor(String idOrName) {
    String q = idOrName.strip().toLowerCase(java.util.Locale.ROOT);
    List<ActorRow> all = actors().rows();
    for (ActorRow a : all) {
      if (a.actorId().equals(q)) {
        return Optional.of(a);
      }
    }
    List<ActorRow> byPrefix = all.stream().filter(a -> a.actorId().startsWith(q)).toList();
    if (byPrefix.size() > 1) {
      throw new IllegalArgumentException(
          byPrefix.size() + " actors have ids starting with '" + idOrName + "'; give more of it");
    }
    if (byPrefix.size() == 1 && !q.isEmpty()) {
      return Optional.of(byPrefix.get(0));
    }
    // A name: the live actor of that name first.
    return all.stream().filter(a -> a.name().equals(idOrName.strip())).findFirst();
  }

  /**
   * The jobs, running and finished.
   *
   * @throws IllegalStateException if the head does not answer, naming why
   */
  public Listing<JobRow> jobs() {
    List<JobInfo> infos = new ArrayList<>(list(StateKind.JOBS).getJobsList());
    infos.sort(
        Comparator.comparing(JobInfo::getFinished)
            .thenComparing(JobInfo::getStartedMs, Comparator.reverseOrder()));
    List<JobRow> rows = new ArrayList<>();
    for (JobInfo j : infos) {
      rows.add(
          new JobRow(
              j.getJobId(),
              j.getFinished() ? "FINISHED" : "RUNNING",
              j.getDriverAddress(),
              j.getNamespace(),
              j.getStartedMs()));
    }
    return new Listing<>(rows, List.of());
  }

  /**
   * The processes registered with the head: drivers and workers.
   *
   * @throws IllegalStateException if the head does not answer, naming why
   */
  public Listing<WorkerRow> workers() {
    ListStateReply r = list(StateKind.WORKERS);
    java.util.Set<String> drivers = new java.util.HashSet<>();
    for (JobInfo j : list(StateKind.JOBS).getJobsList()) {
      drivers.add(j.getDriverAddress());
    }
    List<WorkerRow> rows = new ArrayList<>();
    for (WorkerInfo w : r.getWorkersList()) {
      rows.add(
          new WorkerRow(
              HexFormat.of().toHexDigits(w.getPrefix()).replaceFirst("^0+(?=.)", ""),
              w.getPid(),
              drivers.contains(w.getAddress()) ? "driver" : "worker",
              w.getAddress(),
              w.getNodeId(),
              w.getJobId()));
    }
    rows.sort(Comparator.comparing(WorkerRow::workerId));
    return new Listing<>(rows, List.of());
  }

  /**
   * The task runs every live process recorded (its last 4096), oldest start first, then the tasks
   * their owners submitted that no process runs yet ({@code PENDING_ARGS}: waiting for ref
   * arguments; {@code PENDING_SCHEDULING}: for resources or a worker; {@code SUBMITTED}: sent to a
   * worker that has not started it).
   *
   * @throws IllegalStateException if the head does not answer, naming why
   */
  public Listing<TaskRow> tasks() {
    ListStateReply r = list(StateKind.TASKS);
    List<TaskRow> rows = new ArrayList<>();
    for (TaskRecordMsg t : r.getTasksList()) {
      rows.add(
          new TaskRow(
              t.getTaskId(),
              t.getName(),
              t.getKind(),
              t.getState(),
              t.getActorId(),
              t.getAttempt(),
              t.getNodeId(),
              t.getWorkerAddress(),
              t.getPid(),
              t.getJobId(),
              t.getStartMicros(),
              t.getEndMicros(),
              t.getThreadId()));
    }
    // Runs by start; tasks that have not started (start 0) after them, as the newest.
    rows.sort(
        Comparator.comparingLong(
            (TaskRow t) -> t.startMicros() == 0 ? Long.MAX_VALUE : t.startMicros()));
    return new Listing<>(rows, r.getUnreachableList());
  }

  /**
   * The objects every live process owns, with where each is and what keeps it alive.
   *
   * @throws IllegalStateException if the head does not answer, naming why
   */
  public Listing<ObjectRow> objects() {
    ListStateReply r = list(StateKind.OBJECTS);
    List<ObjectRow> rows = new ArrayList<>();
    for (ObjectRecordMsg o : r.getObjectsList()) {
      rows.add(
          new ObjectRow(
              o.getObjectId(),
              o.getSizeBytes(),
              o.getWhere(),
              o.getNodeId(),
              o.getOwnerAddress(),
              o.getPid(),
              o.getJobId(),
              o.getLocalRefs(),
              o.getPendingTasks(),
              o.getBorrowers(),
              o.getContainedIn(),
              o.getPinned()));
    }
    rows.sort(Comparator.comparing(ObjectRow::objectId));
    return new Listing<>(rows, r.getUnreachableList());
  }

  /**
   * The objects every live node is pulling from another node now, with how far each got, oldest
   * first.
   *
   * @throws IllegalStateException if the head does not answer, naming why
   */
  public Listing<TransferRow> transfers() {
    ListStateReply r = list(StateKind.TRANSFERS);
    List<TransferRow> rows = new ArrayList<>();
    for (dev.manta.cluster.proto.TransferMsg t : r.getTransfersList()) {
      rows.add(
          new TransferRow(
              t.getObjectId(),
              t.getNodeId(),
              t.getFromAgent(),
              t.getJobId(),
              t.getDoneBytes(),
              t.getTotalBytes(),
              t.getElapsedMs(),
              t.getWaiting()));
    }
    return new Listing<>(rows, r.getUnreachableList());
  }

  private static final List<String> TASK_STATES =
      List.of(
          "RUNNING",
          "FINISHED",
          "FAILED",
          "CANCELLED",
          "PENDING_ARGS",
          "PENDING_SCHEDULING",
          "SUBMITTED");
  private static final List<String> ACTOR_STATES =
      List.of("PENDING_CREATION", "ALIVE", "RESTARTING", "DEAD");

  /**
   * The task runs counted by name and kind, per state; groups sorted by name.
   *
   * @throws IllegalStateException if the head does not answer, naming why
   */
  public Listing<SummaryRow> taskSummary() {
    Listing<TaskRow> tasks = tasks();
    Map<List<String>, Map<String, Long>> groups = new TreeMap<>(LIST_ORDER);
    for (TaskRow t : tasks.rows()) {
      groups
          .computeIfAbsent(List.of(t.name(), t.kind()), k -> zeros(TASK_STATES))
          .merge(t.state(), 1L, Long::sum);
    }
    List<SummaryRow> rows = new ArrayList<>();
    groups.forEach((k, counts) -> rows.add(new SummaryRow(k.get(0), k.get(1), counts)));
    return new Listing<>(rows, tasks.unreachable());
  }

  /**
   * The actors counted by class, per state; groups sorted by class.
   *
   * @throws IllegalStateException if the head does not answer, naming why
   */
  public Listing<SummaryRow> actorSummary() {
    Map<List<String>, Map<String, Long>> groups = new TreeMap<>(LIST_ORDER);
    for (ActorRow a : actors().rows()) {
      groups
          .computeIfAbsent(List.of(a.className(), "actor"), k -> zeros(ACTOR_STATES))
          .merge(a.state(), 1L, Long::sum);
    }
    List<SummaryRow> rows = new ArrayList<>();
    groups.forEach((k, counts) -> rows.add(new SummaryRow(k.get(0), k.get(1), counts)));
    return new Listing<>(rows, List.of());
  }

  private static final Comparator<List<String>> LIST_ORDER =
      Comparator.<List<String>, String>comparing(l -> l.get(0)).thenComparing(l -> l.get(1));

  private static Map<String, Long> zeros(List<String> states) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String s : states) {
      m.put(s, 0L);
    }
    return m;
  }

  /**
   * The last {@code maxLines} lines (0: 100) of the log of the worker with pid or id prefix (hex)
   * {@code worker}, read by its node's agent.
   *
   * @throws IllegalStateException if there is no such worker (it is a driver, or the head or the
   *     agent does not answer), naming why
   */
  public WorkerLog workerLog(String worker, int maxLines) {
    try {
      WorkerLogReply r =
          StateGrpc.newBlockingStub(channel)
              .withDeadlineAfter(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS)
              .workerLog(
                  WorkerLogRequest.newBuilder()
                      .setWorker(worker)
                      .setMaxLines(Math.max(0, maxLines))
                      .build());
      return new WorkerLog(
          r.getNodeId(), r.getPid(), r.getPath(), r.getLinesList(), r.getTruncated());
    } catch (StatusRuntimeException e) {
      String d = e.getStatus().getDescription();
      if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND
          || e.getStatus().getCode() == io.grpc.Status.Code.FAILED_PRECONDITION) {
        throw new IllegalStateException(d, e);
      }
      throw new IllegalStateException(Rpc.explain(e, "head", address), e);
    }
  }
}
