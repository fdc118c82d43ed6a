package dev.manta.cluster.worker;

import dev.manta.Fn1;
import dev.manta.MantaConfig;
import dev.manta.MantaFunction;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.Resources;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.runtime.CoreWorker;
import dev.manta.runtime.actor.ActorInstance;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.ownership.ReferenceTable;
import dev.manta.runtime.spec.FunctionInfo;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.StoredValue;
import dev.manta.runtime.task.TaskRun;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A {@link CoreGate} that records what the transport asked of it, for unit tests of the cluster's
 * parts without a core: completions, counts, actor settlements. Objects live in a real {@link
 * ReferenceTable} (no counting: the fake keeps its own counts), and actors are tokens made by an
 * embedded core on first use, never started; {@link #isProxy} answers what the test set.
 */
class FakeCore implements CoreGate {
  /** One completion of a spec, in order. */
  record Completion(TaskRun spec, StoredValue value, Thread thread) {}

  final List<Completion> completions = new CopyOnWriteArrayList<>();
  final List<ActorInstance> placed = new CopyOnWriteArrayList<>();
  final Map<ActorInstance, Failure> died = new ConcurrentHashMap<>();
  final Map<ObjectId, Integer> borrowCounts = new ConcurrentHashMap<>();
  final Map<ObjectId, Integer> argumentHolds = new ConcurrentHashMap<>();
  final Map<ActorId, ActorInstance> hosted = new ConcurrentHashMap<>();
  final List<TaskRun> ranLocally = new CopyOnWriteArrayList<>();
  final List<TaskRun> started = new CopyOnWriteArrayList<>();
  final List<TaskRun> enqueued = new CopyOnWriteArrayList<>();
  final Set<ActorInstance> proxies = ConcurrentHashMap.newKeySet();
  final ReferenceTable table = new ReferenceTable((o, v) -> {}, (o, v) -> null, false);
  final Map<TaskId, TaskRun> accepted = new ConcurrentHashMap<>();
  int functionsLoaded;
  private CoreWorker tokens; // makes ActorInstances; lazily, since most tests need none

  /** Closes the table and the token core; call after each test. */
  void close() throws InterruptedException {
    table.close();
    if (tokens != null) {
      tokens.shutdown();
    }
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
      ActorInstance actor) {
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
        actor);
  }

  /** An actor token with this id (not started; a proxy if {@code proxy}). */
  synchronized ActorInstance actor(ActorId id, String className, boolean proxy) {
    if (tokens == null) {
      tokens =
          (CoreWorker)
              new dev.manta.runtime.embedded.EmbeddedRuntimeProvider()
                  .start(MantaConfig.builder().numCpus(1).build());
    }
    ActorInstance a = tokens.actorSystem().newHosted(id, null, className, 1);
    if (proxy) {
      proxies.add(a);
    }
    return a;
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

  // --- CoreGate ---

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
  public void complete(TaskRun t, StoredValue result) {
    completions.add(new Completion(t, result, Thread.currentThread()));
  }

  @Override
  public void runLocally(TaskRun t) {
    ranLocally.add(t);
  }

  @Override
  public boolean nextAttempt(TaskRun t) {
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
  public StoredValue readyValue(ObjectId id) {
    return table.lookup(id).value().join();
  }

  @Override
  public CompletableFuture<StoredValue> resultOf(TaskRun t) {
    return t.result.value();
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
      table.complete(held.object(), held.fillWith());
    }
  }

  @Override
  public void releaseArgument(HeldArgument held) {
    argumentHolds.merge(held.object().id(), -1, Integer::sum);
  }

  @Override
  public TaskRun accept(IncomingTask t) {
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
            t.actor());
    s.result = table.create(new ObjectId(t.id(), 1), s);
    accepted.put(t.id(), s);
    return s;
  }

  @Override
  public ActorInstance newHostedActor(
      ActorId id, String name, MantaFunction constructor, int maxConcurrency) {
    return actor(id, "Hosted", false);
  }

  @Override
  public ActorInstance hostedActor(ActorId id) {
    return hosted.get(id);
  }

  @Override
  public void startHostedActor(ActorInstance actor, TaskRun creation) {
    hosted.put(actor.id(), actor);
    started.add(creation);
  }

  @Override
  public void enqueueHostedCall(ActorInstance actor, TaskRun call) {
    enqueued.add(call);
  }

  @Override
  public OwnedObject lookupObject(ObjectId id) {
    return table.lookup(id);
  }

  @Override
  public OwnedObject newStandIn(ObjectId id) {
    return table.lookup(id) != null ? null : table.create(id, null);
  }

  @Override
  public void completeObject(OwnedObject o, StoredValue value) {
    table.complete(o, value);
  }

  @Override
  public CompletableFuture<StoredValue> valueOf(OwnedObject o) {
    return o.value();
  }

  @Override
  public void borrowerAdded(OwnedObject o) {
    borrowCounts.merge(o.id(), 1, Integer::sum);
  }

  @Override
  public void borrowerReleased(OwnedObject o) {
    borrowCounts.merge(o.id(), -1, Integer::sum);
  }

  @Override
  public void actorPlaced(ActorInstance proxy) {
    placed.add(proxy);
  }

  @Override
  public void actorDied(ActorInstance actor, Failure why) {
    died.putIfAbsent(actor, why);
  }

  @Override
  public Failure deathOf(ActorInstance actor) {
    return died.get(actor);
  }

  @Override
  public boolean isProxy(ActorInstance actor) {
    return proxies.contains(actor);
  }
}
