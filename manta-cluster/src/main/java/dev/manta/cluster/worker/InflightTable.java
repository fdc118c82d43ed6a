package dev.manta.cluster.worker;

import dev.manta.cluster.proto.ResultBatch;
import dev.manta.cluster.proto.ResultMsg;
import dev.manta.cluster.rpc.TaskMessages;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.port.ActorProxy;
import dev.manta.runtime.port.CoreAccess;
import dev.manta.runtime.port.TaskHandle;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.StoredValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The specs this owner has on the wire: sent to a worker of another process, result not yet back.
 * The one place the transport completes a spec owned here, whether with the worker's result, the
 * failure of a lost worker, node or actor, or the reason it could not be sent; retries will be
 * decided here.
 */
final class InflightTable {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(InflightTable.class);

  /*
   * Implementation notes
   *  I1  A spec is completed at most once, by whoever removes its entry from `inflight` (remove
   *      with the entry as expected value): a result and a failure racing for it cannot both
   *      complete it. Each removal releases the entry's CPU from its node's load exactly once.
   *  I2  An actor creation's entry stays in the table until its result has completed the spec
   *      (the head's news of the actor's death must not win over the creation's own result, which
   *      carries the constructor's error): creating(id) is true meanwhile, and whoever removes it
   *      afterwards (the creation, or a failure that came first) releases it.
   *  I3  On a transport thread (a gRPC event loop or a link's reader) only a plain value of a task
   *      or actor call without ref arguments completes in place: that wakes the threads waiting in
   *      get and sends an actor's next queued call, neither of which blocks, and whatever else was
   *      registered on the object runs on the core's callback executor, which leaves transport
   *      threads. Creations (which tell the head), failures (which may end an actor, and tell the
   *      head) and specs holding refs (whose release may free objects) complete on `offload`.
   *  I4  A plain task lost with its worker or node is retried while CoreAccess.nextAttempt allows
   *      (retries left, not cancelled, not completed): its entry is removed as in I1 (so a late
   *      result finds nothing), its attempt raised, and `retry` places it again on `offload`,
   *      never on the thread that reported the death. A result is accepted only from the attempt
   *      in flight (ResultMsg.attempt == the spec's attempt): the result is stored once.
   *  I5  An actor that restarts (RemoteActors, R1-R5) takes its work out of the table at once
   *      (takeActorWork, removing as in I1, so a late result finds nothing). The creation it then
   *      sends again is an `again` entry when the actor's first creation completed already: its
   *      result goes to `restarted`, never to the core, which completed that spec once.
   *  I6  Refs a worker lent with a result (Borrowing, B4) are handed to Borrowing before the
   *      result completes its object, so the object's free releases them; those of a result
   *      that is dropped are released at once.
   *  No locks: `inflight` is a concurrent map and entries are immutable.
   */

  /**
   * One spec on the wire.
   *
   * @param spec the spec, owned here
   * @param worker the address of the worker it was sent to
   * @param nodeId that worker's node
   * @param cpu the CPU it counts in its node's load, in {@link NodeView#fixed} units (0 for actor
   *     work, whose worker holds its own lease)
   * @param actor the proxy of the actor, for an actor creation or call; else null
   * @param again for an actor creation: it runs the constructor again to restart the actor, whose
   *     first creation completed already (I5)
   */
  record Entry(
      TaskHandle spec, String worker, String nodeId, long cpu, ActorProxy actor, boolean again) {
    Entry(TaskHandle spec, String worker, String nodeId, long cpu, ActorProxy actor) {
      this(spec, worker, nodeId, cpu, actor, false);
    }
  }

  private final Map<TaskId, Entry> inflight = new ConcurrentHashMap<>();
  private final CoreAccess core;
  private final ClusterView view;
  private final Executor offload;
  private final Consumer<Entry> created;
  private volatile Consumer<TaskHandle> retry;
  private volatile BiConsumer<Entry, StoredValue> restarted = (e, v) -> {};
  private volatile Borrowing nested;

  /**
   * A table completing specs through {@code core}, releasing load from {@code view}'s nodes; work
   * that may block leaves transport threads for {@code offload} (I3). {@code created} runs with a
   * creation whose constructor succeeded, before its spec completes (it publishes the actor).
   */
  InflightTable(CoreAccess core, ClusterView view, Executor offload, Consumer<Entry> created) {
    this.core = core;
    this.view = view;
    this.offload = offload;
    this.created = created;
  }

  /** Where a lost task goes to run again (I4): placement; set once, before any work. */
  void onRetry(Consumer<TaskHandle> retry) {
    this.retry = retry;
  }

  /**
   * Where the result of a restart's creation goes (I5): the actor directory; set once, before any
   * work. Runs on {@code offload}.
   */
  void onRestarted(BiConsumer<Entry, StoredValue> restarted) {
    this.restarted = restarted;
  }

  /**
   * Where the refs lent with a result go (Borrowing, B4): kept under the result, or released at
   * once for a result that is dropped; set once, before any work.
   */
  void onNested(Borrowing nested) {
    this.nested = nested;
  }

  /** Records that {@code e}'s spec is about to leave for its worker; call before sending it. */
  void add(Entry e) {
    inflight.put(e.spec().id(), e);
  }

  /** The number of specs on the wire. */
  int size() {
    return inflight.size();
  }

  /**
   * Completes the specs whose results arrived in {@code batch}, on the transport thread that read
   * them (I3). A result for a spec no longer in flight (failed meanwhile) is dropped.
   */
  void completeAll(ResultBatch batch) {
    String nodeId = view.nodeId();
    for (ResultMsg r : batch.getResultsList()) {
      TaskId id = TaskMessages.taskId(r);
      Entry f = inflight.get(id);
      Borrowing n = nested;
      if (f == null || r.getAttempt() != f.spec().attempt()) {
        if (n != null && r.getNestedCount() > 0) {
          n.releaseLent(TaskMessages.nested(r)); // I6: a dropped result's lent refs
        }
        continue; // already failed (worker declared dead) or cancelled, or an earlier try's (I4)
      }
      if (n != null && r.getNestedCount() > 0) {
        n.heldIn(new dev.manta.runtime.id.ObjectId(id, 1), TaskMessages.nested(r)); // I6
      }
      StoredValue v = TaskMessages.value(r, nodeId);
      if (f.spec().kind() == TaskSpec.Kind.ACTOR_CREATION) {
        offload.execute(() -> completeCreation(f, v)); // I2
      } else if (inflight.remove(id, f)) {
        release(f);
        if (!(v instanceof Failure) && !f.spec().holdsRefs()) {
          core.complete(f.spec(), v);
        } else {
          offload.execute(() -> core.complete(f.spec(), v));
        }
      }
    }
  }

  private void completeCreation(Entry f, StoredValue v) {
    if (inflight.get(f.spec().id()) != f) {
      return; // failed meanwhile (its worker or node died)
    }
    if (f.again()) {
      if (inflight.remove(f.spec().id(), f)) {
        release(f);
        restarted.accept(f, v); // I5: the core completed this spec with the first creation
      }
      return;
    }
    if (!(v instanceof Failure)) {
      created.accept(f);
    }
    core.complete(f.spec(), v);
    if (inflight.remove(f.spec().id(), f)) {
      release(f);
    }
  }

  /**
   * Completes a spec owned here that never left for a worker (no node, worker or place for it),
   * with why. It was never in the table, so it holds no load to release. Runs on the caller's
   * thread.
   */
  void failUnsent(TaskHandle t, Failure failure) {
    core.complete(t, failure);
  }

  /**
   * Takes the plain task {@code t} off the wire because its owner cancelled it, completing it with
   * {@code why} (I1: a result that comes later finds nothing); returns its entry, for its worker to
   * be told, or null if it is not on the wire (not yet sent, or it ended or is being retried).
   */
  Entry cancel(TaskHandle t, Failure why) {
    Entry f = inflight.get(t.id());
    if (f == null || f.actor() != null || !inflight.remove(t.id(), f)) {
      return null;
    }
    release(f);
    core.complete(t, why);
    return f;
  }

  /** Completes {@code f}'s spec with {@code failure}, unless a result or failure came first. */
  void fail(Entry f, Failure failure) {
    if (inflight.remove(f.spec().id(), f)) {
      release(f);
      core.complete(f.spec(), failure);
    }
  }

  /**
   * Fails every spec in flight that {@code lost} selects, saying {@code why}: actor work with the
   * actor's death, tasks with {@code taskFailure} (given the entry and the message). Runs on the
   * caller's thread.
   */
  void failWhere(
      Predicate<Entry> lost, String why, BiFunction<Entry, String, Failure> taskFailure) {
    for (Entry f : List.copyOf(inflight.values())) {
      if (lost.test(f) && f.actor() == null && retried(f, why)) {
        continue;
      }
      if (lost.test(f)) {
        fail(
            f,
            f.actor() != null
                ? Failure.actorDied(
                    f.actor().id().hex(),
                    f.actor().className(),
                    "Actor "
                        + f.actor().id().hex()
                        + " died, "
                        + why
                        + "; call "
                        + f.spec().displayName()
                        + " was lost",
                    null)
                : taskFailure.apply(
                    f,
                    "Task "
                        + f.spec().displayName()
                        + " ("
                        + f.spec().id().hex()
                        + ") was lost, "
                        + why));
      }
    }
  }

  /** Takes {@code f} off the wire and places its task again, if it may run again (I4). */
  private boolean retried(Entry f, String why) {
    Consumer<TaskHandle> r = retry;
    if (r == null || !core.nextAttempt(f.spec())) {
      return false;
    }
    if (inflight.remove(f.spec().id(), f)) {
      release(f);
      TaskHandle t = f.spec();
      LOG.warn(
          "Task {} ({}) was lost, {}; running it again (retry {} of {})",
          t.displayName(),
          t.id().hex(),
          why,
          t.attempt(),
          t.maxRetries() < 0 ? "unlimited" : Integer.toString(t.maxRetries()));
      offload.execute(() -> r.accept(t));
    }
    return true;
  }

  /** Fails the calls in flight to the actor behind {@code proxy} with its death {@code why}. */
  void failCalls(ActorProxy proxy, Failure why) {
    for (Entry f : List.copyOf(inflight.values())) {
      if (f.actor() == proxy && f.spec().kind() == TaskSpec.Kind.ACTOR_CALL) {
        fail(f, why);
      }
    }
  }

  /**
   * Takes every creation and call of the actor behind {@code proxy} off the wire (I5), calls in the
   * order they were made; their specs are not completed.
   */
  List<Entry> takeActorWork(ActorProxy proxy) {
    List<Entry> taken = new java.util.ArrayList<>();
    for (Entry f : List.copyOf(inflight.values())) {
      if (f.actor() == proxy && inflight.remove(f.spec().id(), f)) {
        release(f);
        taken.add(f);
      }
    }
    taken.sort(java.util.Comparator.comparingLong((Entry f) -> f.spec().id().sequence()));
    return taken;
  }

  /** Whether the creation of actor {@code id} is in flight (I2). */
  boolean creating(ActorId id) {
    for (Entry f : inflight.values()) {
      if (f.spec().kind() == TaskSpec.Kind.ACTOR_CREATION && f.actor().id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** The proxy of actor {@code id} that some spec in flight goes to, or null. */
  ActorProxy proxyOf(ActorId id) {
    for (Entry f : inflight.values()) {
      if (f.actor() != null && f.actor().id().equals(id)) {
        return f.actor();
      }
    }
    return null;
  }

  private void release(Entry f) {
    if (f.cpu() != 0) {
      NodeView v = view.node(f.nodeId());
      if (v != null) {
        v.inflightCpu.addAndGet(-f.cpu());
      }
    }
  }
}
