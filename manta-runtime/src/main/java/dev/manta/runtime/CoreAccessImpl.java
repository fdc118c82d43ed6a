package dev.manta.runtime;

import dev.manta.MantaFunction;
import dev.manta.runtime.actor.ActorInstance;
import dev.manta.runtime.actor.ActorSystem;
import dev.manta.runtime.exec.TaskExecutor;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.ownership.ReferenceTable;
import dev.manta.runtime.port.ActorProxy;
import dev.manta.runtime.port.CoreAccess;
import dev.manta.runtime.port.TaskHandle;
import dev.manta.runtime.serial.FunctionLoader;
import dev.manta.runtime.spec.FunctionInfo;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.StoredValue;
import dev.manta.runtime.task.Scheduler;
import dev.manta.runtime.task.Submitter;
import dev.manta.runtime.task.TaskRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The core's side of its ports: what a transport may ask of it ({@link CoreAccess}), done with the
 * core's table, submitter, scheduler, executor and actor system.
 */
final class CoreAccessImpl implements CoreAccess {
  /*
   * Implementation notes
   *  No state and no locking of its own beyond the actor system, which the core sets once
   *  (actors(..)) after the ports are opened and before they start serving: each method is one call
   *  (or, for holdArgument, one loop) on the core's thread-safe parts, with their guarantees.
   *  Handles passed in are checked to be this core's (run(..), actor(..)), as CoreWorker checks refs.
   */
  private final long prefix;
  private final ClassLoader loader;
  private final ReferenceTable table;
  private final Submitter submitter;
  private final TaskExecutor executor;
  private final Scheduler scheduler;
  private final boolean keepLineage;
  private ActorSystem actors; // set once, before the ports serve
  private volatile Lineage lineage; // cluster cores that keep lineage; set once, at start

  CoreAccessImpl(
      long prefix,
      ClassLoader loader,
      ReferenceTable table,
      Submitter submitter,
      TaskExecutor executor,
      Scheduler scheduler,
      boolean keepLineage) {
    this.prefix = prefix;
    this.loader = loader;
    this.table = table;
    this.submitter = submitter;
    this.executor = executor;
    this.scheduler = scheduler;
    this.keepLineage = keepLineage;
  }

  /** The actor system; set once, after the ports are opened and before they start. */
  /** The lineage that retries a task whose argument was lost on the way (set once, at start). */
  void lineage(Lineage lineage) {
    this.lineage = lineage;
  }

  void actors(ActorSystem actors) {
    this.actors = actors;
  }

  private static TaskRun run(TaskHandle t) {
    if (t instanceof TaskRun r) {
      return r;
    }
    throw new IllegalArgumentException(t + " is not a task of this core");
  }

  private static ActorInstance actor(ActorProxy a) {
    if (a instanceof ActorInstance i) {
      return i;
    }
    throw new IllegalArgumentException(a + " is not an actor of this core");
  }

  @Override
  public long prefix() {
    return prefix;
  }

  @Override
  public MantaFunction loadFunction(byte[] serialized) {
    return FunctionLoader.load(serialized, loader);
  }

  // --- tasks owned here ---

  @Override
  public void complete(TaskHandle h, StoredValue result) {
    TaskRun t = run(h);
    Lineage l = lineage;
    if (l != null && l.retryIfArgumentLost(t, result, () -> completeNow(t, result))) {
      return; // Lineage L5: its lost argument is rebuilt and it runs again
    }
    completeNow(t, result);
  }

  private void completeNow(TaskRun t, StoredValue result) {
    executor.completeRemote(t, result);
    if (!keepLineage || t.kind() != TaskSpec.Kind.TASK) { // only a plain task's result is rebuilt
      t.result.clearProducer();
    }
  }

  @Override
  public void runLocally(TaskHandle h) {
    TaskRun t = run(h);
    if (!scheduler.submit(t) && t.state.compareAndSet(TaskRun.READY, TaskRun.CANCELLED)) {
      executor.abandon(t, CoreWorker.shutdownCancel(t));
    }
  }

  @Override
  public void startActorHere(TaskHandle creation, ActorProxy actor) {
    actors.startHere(run(creation), actor(actor));
  }

  @Override
  public boolean nextAttempt(TaskHandle h) {
    TaskRun t = run(h);
    if (t.kind() != TaskSpec.Kind.TASK
        || t.state.get() != TaskRun.READY
        || t.result.value().isDone()
        || (t.maxRetries() >= 0 && t.attempt >= t.maxRetries())) {
      return false;
    }
    t.attempt++; // only the owner's in-flight table asks, once per lost try
    return true;
  }

  @Override
  public int nextRestart(TaskHandle h) {
    TaskRun t = run(h);
    if (t.kind() != TaskSpec.Kind.ACTOR_CREATION) {
      throw new IllegalArgumentException(t + " is not an actor creation");
    }
    return ++t.attempt; // only the owner's restart of this actor, once per restart
  }

  @Override
  public List<ObjectId> ownedRefsInResult(TaskHandle t) {
    List<ObjectId> out = new ArrayList<>(0);
    for (ObjectId id : table.containedIds(run(t).result)) {
      if (id.task().prefix() == prefix) {
        out.add(id);
      }
    }
    return out;
  }

  @Override
  public CompletableFuture<StoredValue> resultOf(TaskHandle t) {
    return run(t).result.value();
  }

  @Override
  public StoredValue readyValue(ObjectId id) {
    OwnedObject o = table.lookup(id);
    return o != null
        ? o.value().join()
        : Failure.freed(id.hex(), "Object " + id.hex() + " was freed before its task left");
  }

  // --- work arriving from an owner ---

  @Override
  public HeldArgument holdArgument(ObjectId id, Supplier<StoredValue> value) {
    while (true) {
      OwnedObject o = table.lookup(id);
      if (o != null) {
        table.addTaskRef(o);
        if (!o.isFreed()) {
          return new HeldArgument(o, null);
        }
        table.removeTaskRef(o); // freed just now: make a fresh one
        continue;
      }
      try {
        o = table.create(id, null);
      } catch (IllegalStateException raced) {
        continue;
      }
      table.addTaskRef(o);
      return new HeldArgument(o, value.get());
    }
  }

  private static OwnedObject held(HeldArgument h) {
    if (h.arg() instanceof OwnedObject o) {
      return o;
    }
    throw new IllegalArgumentException(h + " was not held by this core");
  }

  @Override
  public void fillArgument(HeldArgument held) {
    if (held.fillWith() != null) {
      table.complete(held(held), held.fillWith());
    }
  }

  @Override
  public void pinArguments(TaskHandle creation) {
    for (dev.manta.runtime.ownership.OwnedObject o : run(creation).argRefs) {
      table.addTaskRef(o);
    }
  }

  @Override
  public void unpinArguments(TaskHandle creation) {
    for (dev.manta.runtime.ownership.OwnedObject o : run(creation).argRefs) {
      table.removeTaskRef(o);
    }
  }

  @Override
  public void releaseArgument(HeldArgument held) {
    table.removeTaskRef(held(held));
  }

  @Override
  public TaskHandle accept(IncomingTask t) {
    return submitter.incoming(
        t.id(),
        t.kind(),
        t.fn(),
        t.args(),
        t.demand(),
        t.name(),
        t.maxRetries(),
        t.retryExceptions(),
        t.actor() == null ? null : actor(t.actor()),
        t.retryExceptionTypes(),
        t.traceParent());
  }

  @Override
  public boolean cancelHere(TaskId id) {
    OwnedObject o = table.lookup(new ObjectId(id, 1));
    return o != null
        && o.producer() instanceof TaskRun t
        && t.result == o
        && t.kind() == TaskSpec.Kind.TASK
        && CoreWorker.cancelRun(t, executor, "by its owner");
  }

  @Override
  public ActorProxy newHostedActor(
      ActorId id, String name, MantaFunction constructor, int maxConcurrency, int restart) {
    String cls = FunctionInfo.of(constructor).implClass();
    return actors.newHosted(
        id, name, cls.substring(cls.lastIndexOf('.') + 1), maxConcurrency, restart);
  }

  @Override
  public ActorProxy hostedActor(ActorId id) {
    return actors.hosted(id);
  }

  @Override
  public void startHostedActor(ActorProxy actor, TaskHandle creation) {
    actors.startHosted(actor(actor), run(creation));
  }

  @Override
  public void enqueueHostedCall(ActorProxy actor, TaskHandle call) {
    actors.enqueueHosted(actor(actor), run(call));
  }

  // --- objects ---

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
    OwnedObject o = table.lookup(id);
    if (o == null) {
      return false;
    }
    table.addTaskRef(o);
    return true;
  }

  @Override
  public void borrowerReleased(ObjectId id) {
    OwnedObject o = table.lookup(id); // live: the borrower's count keeps it
    if (o != null) {
      table.removeTaskRef(o);
    }
  }

  @Override
  public List<dev.manta.runtime.events.TaskRecord> recentTasks() {
    return executor.records().snapshot();
  }

  @Override
  public List<dev.manta.runtime.events.TaskRecord> pendingTasks() {
    List<dev.manta.runtime.events.TaskRecord> out = new ArrayList<>();
    for (OwnedObject o : table.snapshot()) {
      // A task's result object, pending, produced by a run of this process.
      if (!(o.producer() instanceof dev.manta.runtime.task.TaskRun t)
          || t.result != o
          || o.value().isDone()) {
        continue;
      }
      String state =
          switch (t.state.get()) {
            case dev.manta.runtime.task.TaskRun.WAITING -> "PENDING_ARGS";
            case dev.manta.runtime.task.TaskRun.READY -> "PENDING_SCHEDULING";
            case dev.manta.runtime.task.TaskRun.RUNNING -> "SUBMITTED";
            default -> null; // done or cancelled: its result is about to be stored
          };
      if (state != null) {
        out.add(
            new dev.manta.runtime.events.TaskRecord(
                t.id().hex(),
                t.displayName(),
                switch (t.kind()) {
                  case TASK -> "task";
                  case ACTOR_CREATION -> "actor creation";
                  case ACTOR_CALL -> "actor call";
                },
                t.actorId() == null ? "" : t.actorId().hex(),
                t.attempt,
                state,
                0,
                0,
                0));
      }
    }
    return out;
  }

  @Override
  public List<OwnedObjectState> ownedObjects() {
    List<OwnedObjectState> out = new ArrayList<>();
    for (OwnedObject o : table.snapshot()) {
      OwnedObject.Counts c = o.counts();
      out.add(
          new OwnedObjectState(
              o.id(),
              o.value().getNow(null),
              c.localRefs(),
              c.taskRefs(),
              c.containedIn(),
              c.readers()));
    }
    return out;
  }
}
