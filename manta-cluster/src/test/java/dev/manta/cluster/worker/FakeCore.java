package dev.manta.cluster.worker;

import dev.manta.Fn1;
import dev.manta.MantaFunction;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.Resources;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.ownership.ReferenceTable;
import dev.manta.runtime.port.ActorProxy;
import dev.manta.runtime.port.CoreAccess;
import dev.manta.runtime.port.TaskHandle;
import dev.manta.runtime.spec.FunctionInfo;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.StoredValue;
import dev.manta.runtime.task.TaskRun;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A {@link CoreAccess} that records what the transport asked of it, for unit tests of the cluster's
 * parts without a core: completions, counts, actor settlements. Objects live in a real {@link
 * ReferenceTable} (no counting: the fake keeps its own counts), tasks are engine runs made here,
 * and actors are {@link FakeActor}s that record their placement and death.
 */
class FakeCore implements CoreAccess {
  /** One completion of a spec, in order. */
  record Completion(TaskHandle spec, StoredValue value, Thread thread) {}

  final List<Completion> completions = new CopyOnWriteArrayList<>();
  final List<ActorProxy> placed = new CopyOnWriteArrayList<>();
  final Map<ActorProxy, Failure> died = new ConcurrentHashMap<>();
  final List<ActorProxy> restarting = new CopyOnWriteArrayList<>();
  final Map<ObjectId, Integer> borrowCounts = new ConcurrentHashMap<>();
  final Map<ObjectId, Integer> argumentHolds = new ConcurrentHashMap<>();
  final Map<ActorId, ActorProxy> hosted = new ConcurrentHashMap<>();
  final List<TaskRun> ranLocally = new CopyOnWriteArrayList<>();
  final List<TaskRun> started = new CopyOnWriteArrayList<>();
  final List<TaskRun> enqueued = new CopyOnWriteArrayList<>();
  final List<ActorProxy> enqueuedOn = new CopyOnWriteArrayList<>(); // the actor of each call
  final ReferenceTable table = new ReferenceTable((o, v) -> {}, (o, v) -> null, false);
  final Map<TaskId, TaskRun> accepted = new ConcurrentHashMap<>();
  int functionsLoaded;

  /** Closes the table; call after each test. */
  void close() throws InterruptedException {
    table.close();
  }

  // --- helpers for tests ---

  static int square(int x) {
    return x * x;
  }

  /** A READY task spec with no arguments, demanding {@code cpu}. */
  static TaskRun task(long sequence, double cpu) {
    return spec(new TaskId(1, sequence), TaskSpec.Kind.TASK, new TaskArg[0], List.of(), cpu, null);
  }

  /** A plain task of no CPU that may be retried {@code maxRetries} times (-1: forever). */
  static TaskRun retriable(long sequence, int maxRetries) {
    Fn1<Integer, Integer> fn = FakeCore::square;
    TaskRun t =
        new TaskRun(
            new TaskSpec(
                new TaskId(1, sequence),
                TaskSpec.Kind.TASK,
                fn,
                FunctionInfo.of(fn),
                new TaskArg[0],
                ResourceSet.of(0, Map.of()),
                null,
                maxRetries,
                false,
                null),
            List.of(),
            null);
    t.state.set(TaskRun.READY);
    return t;
  }

  static TaskRun spec(
      TaskId id,
      TaskSpec.Kind kind,
      TaskArg[] args,
      List<OwnedObject> argRefs,
      double cpu,
      ActorProxy actor) {
    Fn1<Integer, Integer> fn = FakeCore::square;
    return new TaskRun(
        new TaskSpec(
            id,
            kind,
            fn,
            FunctionInfo.of(fn),
            args,
            ResourceSet.of(cpu, Map.of()),
            null,
            0,
            false,
            actor == null ? null : actor.id()),
        argRefs,
        null);
  }

  /** An actor with this id (a proxy if {@code proxy}, else one hosted here). */
  ActorProxy actor(ActorId id, String className, boolean proxy) {
    return new FakeActor(id, className, proxy, 1);
  }

  /** An actor that records, in this fake, when it is placed and why it died. */
  final class FakeActor implements ActorProxy {
    private final ActorId id;
    private final String className;
    private final boolean proxy;
    private final int maxConcurrency;

    FakeActor(ActorId id, String className, boolean proxy, int maxConcurrency) {
      this.id = id;
      this.className = className;
      this.proxy = proxy;
      this.maxConcurrency = maxConcurrency;
    }

    @Override
    public ActorId id() {
      return id;
    }

    @Override
    public String name() {
      return null;
    }

    @Override
    public String className() {
      return className;
    }

    @Override
    public int maxConcurrency() {
      return maxConcurrency;
    }

    @Override
    public boolean isProxy() {
      return proxy;
    }

    @Override
    public void placed() {
      placed.add(this);
    }

    @Override
    public boolean restarting() {
      if (died.containsKey(this)) {
        return false;
      }
      restarting.add(this);
      return true;
    }

    @Override
    public boolean kill(Failure why) {
      return died.putIfAbsent(this, why) == null;
    }

    @Override
    public Failure deathOrNull() {
      return died.get(this);
    }

    @Override
    public boolean awaitThreadsEnded(java.time.Duration grace) {
      return true;
    }

    @Override
    public String toString() {
      return "FakeActor " + id.hex();
    }
  }

  /** An object of this fake's table, completed with {@code v} unless null. */
  OwnedObject object(ObjectId id, StoredValue v) {
    OwnedObject o = table.create(id, null);
    if (v != null) {
      table.complete(o, v);
    }
    return o;
  }

  /** A cluster view of nodes {@code ids} (this process on the first), 2 CPUs each. */
  static ClusterView view(Rpc.Channels channels, String... ids) {
    dev.manta.cluster.proto.ClusterView.Builder v =
        dev.manta.cluster.proto.ClusterView.newBuilder().setFailureTimeoutMs(1_000);
    for (String id : ids) {
      v.addNodes(
          NodeInfo.newBuilder()
              .setNodeId(id)
              .setAgentAddress("agent-" + id + ":1")
              .setAlive(true)
              .setTotal(Resources.newBuilder().putAmounts("CPU", 2.0)));
    }
    return new ClusterView(
        channels, "127.0.0.1:1", "job", "agent-" + ids[0] + ":1", false, () -> false, v.build());
  }

  // --- CoreAccess ---

  @Override
  public long prefix() {
    return 1;
  }

  @Override
  public MantaFunction loadFunction(byte[] serialized) {
    functionsLoaded++;
    Fn1<Integer, Integer> fn = FakeCore::square;
    return fn;
  }

  @Override
  public void complete(TaskHandle t, StoredValue result) {
    completions.add(new Completion(t, result, Thread.currentThread()));
  }

  @Override
  public void runLocally(TaskHandle t) {
    ranLocally.add((TaskRun) t);
  }

  @Override
  public void startActorHere(TaskHandle creation, ActorProxy actor) {
    throw new UnsupportedOperationException("the cluster never starts actors in its own process");
  }

  @Override
  public int nextRestart(TaskHandle h) {
    return ++((TaskRun) h).attempt;
  }

  @Override
  public boolean nextAttempt(TaskHandle h) {
    TaskRun t = (TaskRun) h;
    boolean done = completions.stream().anyMatch(c -> c.spec() == t);
    if (t.kind() != TaskSpec.Kind.TASK
        || done
        || t.state.get() != TaskRun.READY
        || (t.maxRetries() >= 0 && t.attempt >= t.maxRetries())) {
      return false;
    }
    t.attempt++;
    return true;
  }

  @Override
  public boolean cancelHere(dev.manta.runtime.id.TaskId id) {
    return false; // nothing runs in this fake
  }

  @Override
  public java.util.List<dev.manta.runtime.id.ObjectId> ownedRefsInResult(TaskHandle t) {
    return table.containedIds(((TaskRun) t).result);
  }

  @Override
  public CompletableFuture<StoredValue> resultOf(TaskHandle t) {
    return ((TaskRun) t).result.value();
  }

  @Override
  public StoredValue readyValue(ObjectId id) {
    return table.lookup(id).value().join();
  }

  @Override
  public HeldArgument holdArgument(ObjectId id, Supplier<StoredValue> value) {
    argumentHolds.merge(id, 1, Integer::sum);
    OwnedObject o = table.lookup(id);
    return o != null ? new HeldArgument(o, null) : new HeldArgument(object(id, null), value.get());
  }

  @Override
  public void fillArgument(HeldArgument held) {
    if (held.fillWith() != null) {
      table.complete((OwnedObject) held.arg(), held.fillWith());
    }
  }

  @Override
  public void pinArguments(TaskHandle creation) {}

  @Override
  public void unpinArguments(TaskHandle creation) {}

  @Override
  public void releaseArgument(HeldArgument held) {
    argumentHolds.merge(held.arg().id(), -1, Integer::sum);
  }

  @Override
  public TaskHandle accept(IncomingTask t) {
    TaskRun s =
        new TaskRun(
            new TaskSpec(
                t.id(),
                t.kind(),
                t.fn(),
                FunctionInfo.of(t.fn()),
                t.args(),
                t.demand(),
                t.name(),
                t.maxRetries(),
                t.retryExceptions(),
                t.actor() == null ? null : t.actor().id()),
            java.util.Arrays.stream(t.args())
                .filter(a -> a instanceof OwnedObject)
                .map(a -> (OwnedObject) a)
                .toList(),
            null);
    s.result = table.create(new ObjectId(t.id(), 1), s);
    accepted.put(t.id(), s);
    return s;
  }

  @Override
  public ActorProxy newHostedActor(
      ActorId id, String name, MantaFunction constructor, int maxConcurrency, int restart) {
    return new FakeActor(id, "Hosted", false, maxConcurrency);
  }

  @Override
  public ActorProxy hostedActor(ActorId id) {
    return hosted.get(id);
  }

  @Override
  public void startHostedActor(ActorProxy actor, TaskHandle creation) {
    hosted.put(actor.id(), actor);
    started.add((TaskRun) creation);
  }

  @Override
  public void enqueueHostedCall(ActorProxy actor, TaskHandle call) {
    enqueued.add((TaskRun) call);
    enqueuedOn.add(actor);
  }

  @Override
  public CompletableFuture<StoredValue> valueOf(ObjectId id) {
    OwnedObject o = table.lookup(id);
    return o == null ? null : o.value();
  }

  @Override
  public void completeObject(ObjectId id, StoredValue value) {
    OwnedObject o = table.lookup(id);
    if (o != null) {
      table.complete(o, value);
    }
  }

  @Override
  public boolean borrowerAdded(ObjectId id) {
    if (table.lookup(id) == null) {
      return false;
    }
    borrowCounts.merge(id, 1, Integer::sum);
    return true;
  }

  @Override
  public void borrowerReleased(ObjectId id) {
    borrowCounts.merge(id, -1, Integer::sum);
  }

  @Override
  public java.util.List<dev.manta.runtime.events.TaskRecord> recentTasks() {
    return java.util.List.of();
  }

  @Override
  public java.util.List<dev.manta.runtime.events.TaskRecord> pendingTasks() {
    return java.util.List.of();
  }

  @Override
  public java.util.List<OwnedObjectState> ownedObjects() {
    return java.util.List.of();
  }
}
