package dev.manta.cluster.worker;

import dev.manta.MantaFunction;
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
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What the cluster transport may ask of its core worker, and the only door from the transport into
 * the core's internals: no other part of {@code ClusterPortsImpl} calls {@link CoreWorker}, its
 * reference table, submitter or actor system, nor acts on an object's or actor's state. (The parts
 * do read what the port hands them as values: a spec's fields, ids, an actor's id, name and class.
 * The bootstrap classes {@code WorkerMain} and {@code ClusterDriver} build the core and are not
 * parts.) It is meant to become the runtime's inbound {@code CoreAccess} port, so each method is
 * named for what the transport asks, not for how the core does it.
 *
 * <p>Every method may be called from any thread and returns without waiting on the network. Methods
 * marked "never blocks" are safe on a transport thread; the others may run user-visible callbacks
 * (a freed object's release, an actor's death) and belong on the offload executor when called from
 * one, as the in-flight table does.
 */
interface CoreGate {
  /*
   * Implementation notes
   *  The implementation (OfCore) adds no state and no locking of its own: each method is one call
   *  (or, for holdArgument, one loop) on the core's thread-safe parts, with their guarantees.
   */

  /** The id prefix of this process: ids it issues, and objects it owns, carry it. Never blocks. */
  long prefix();

  /**
   * Rebuilds a function shipped by an owner, loading its classes from the job's class loader.
   *
   * @throws IllegalStateException if it does not load (the job's code is missing here)
   */
  MantaFunction loadFunction(byte[] serialized);

  // --- tasks owned here ---

  /**
   * Completes a spec owned here that ran (or failed, or could not be placed) elsewhere, with its
   * result or failure. Called at most once per spec, and only by {@link InflightTable}.
   */
  void complete(TaskRun t, StoredValue result);

  /** Runs a READY spec on this process's own scheduler (this process is its task worker). */
  void runLocally(TaskRun t);

  /**
   * Takes the next try of a plain task owned here whose worker or node died: true, with its attempt
   * number raised, if it may run again (still pending, not cancelled, retries left: {@code
   * maxRetries} -1 is forever); false if it must fail instead. Never blocks.
   */
  boolean nextAttempt(TaskRun t);

  /**
   * The value of a ready object of this table that a spec owned here counts as an argument (so it
   * is live), to travel with the spec; a FREED failure if it is not in the table. Never blocks.
   */
  StoredValue readyValue(ObjectId id);

  /** Completes with a spec's result (never exceptionally). Never blocks. */
  CompletableFuture<StoredValue> resultOf(TaskRun t);

  // --- work arriving from an owner (this process is its worker) ---

  /**
   * Holds the local object standing for a ref argument {@code id} of an incoming task, with one
   * task reference, so that another task finishing with the same argument cannot free it before the
   * new spec counts it. An existing live object is reused; otherwise a new one is made, to be
   * filled with {@code value} by {@link #fillArgument} once the spec counts it. Release the hold
   * with {@link #releaseArgument}.
   */
  HeldArgument holdArgument(ObjectId id, Supplier<StoredValue> value);

  /**
   * A ref argument held for an incoming task.
   *
   * @param object the local object the task's argument refers to
   * @param fillWith the value a newly made object is to be completed with, or null if the object
   *     existed already
   */
  record HeldArgument(OwnedObject object, StoredValue fillWith) {}

  /** Completes a newly made argument object with the value it arrived with. */
  void fillArgument(HeldArgument held);

  /** Drops the task reference {@link #holdArgument} took. */
  void releaseArgument(HeldArgument held);

  /**
   * A task that arrived from its owner, as the core needs it.
   *
   * @param id its id (the owner's prefix)
   * @param kind task, actor creation or actor call
   * @param fn the function, constructor or method
   * @param args serialized values and held ref arguments ({@link HeldArgument#object()})
   * @param demand the resources it needs
   * @param name its name, or null
   * @param maxRetries as the owner set it
   * @param retryExceptions as the owner set it
   * @param actor the hosted actor of an actor creation or call, else null
   */
  @SuppressWarnings("ArrayRecordComponent") // handed to the core as is, never compared
  record IncomingTask(
      TaskId id,
      TaskSpec.Kind kind,
      MantaFunction fn,
      TaskArg[] args,
      ResourceSet demand,
      String name,
      int maxRetries,
      boolean retryExceptions,
      ActorInstance actor) {}

  /**
   * Builds the READY spec of an incoming task; the spec counts its ref arguments, and its result
   * object lives in this process's table until reported. Does not run it.
   */
  TaskRun accept(IncomingTask t);

  /** A new actor to be hosted here, not yet started; its class is the constructor's. */
  ActorInstance newHostedActor(
      ActorId id, String name, MantaFunction constructor, int maxConcurrency);

  /** The live actor hosted here with this id, or null. Never blocks. */
  ActorInstance hostedActor(ActorId id);

  /** Starts a hosted actor by running its creation spec on the actor's thread. */
  void startHostedActor(ActorInstance actor, TaskRun creation);

  /** Queues a call on a hosted actor, behind the calls that arrived before it. */
  void enqueueHostedCall(ActorInstance actor, TaskRun call);

  // --- objects ---

  /** The live object with this id in this process's table, or null. Never blocks. */
  OwnedObject lookupObject(ObjectId id);

  /**
   * A new, not yet ready stand-in for an object another process owns, or null if this table has an
   * object with that id already.
   */
  OwnedObject newStandIn(ObjectId id);

  /** Completes a stand-in with the value its owner sent (or a failure). */
  void completeObject(OwnedObject o, StoredValue value);

  /** Completes with an object's value once it is ready (never exceptionally). Never blocks. */
  CompletableFuture<StoredValue> valueOf(OwnedObject o);

  /** A borrower in another process now holds {@code o}: it stays alive until released. */
  void borrowerAdded(OwnedObject o);

  /** A borrower released {@code o} (or died): drops what {@link #borrowerAdded} counted. */
  void borrowerReleased(OwnedObject o);

  // --- actors ---

  /** The actor behind a proxy runs now: the calls queued in the proxy leave. */
  void actorPlaced(ActorInstance proxy);

  /** An actor (a proxy, or one hosted here) died for {@code why}: it fails what it still holds. */
  void actorDied(ActorInstance actor, Failure why);

  /** Why an actor died, or null while it lives. Never blocks. */
  Failure deathOf(ActorInstance actor);

  /** Whether {@code actor} is a proxy of an actor hosted elsewhere (else hosted here). */
  boolean isProxy(ActorInstance actor);

  /** The gate to {@code core}. */
  static CoreGate of(CoreWorker core) {
    return new OfCore(core);
  }

  /** The gate to a real core worker. */
  final class OfCore implements CoreGate {
    private final CoreWorker core;
    private final ReferenceTable table;

    private OfCore(CoreWorker core) {
      this.core = core;
      this.table = core.table();
    }

    @Override
    public long prefix() {
      return core.prefix();
    }

    @Override
    public MantaFunction loadFunction(byte[] serialized) {
      return FunctionLoader.load(serialized, core.loader());
    }

    @Override
    public void complete(TaskRun t, StoredValue result) {
      core.completeRemote(t, result);
    }

    @Override
    public void runLocally(TaskRun t) {
      core.runIncoming(t);
    }

    @Override
    public boolean nextAttempt(TaskRun t) {
      if (t.kind() != TaskSpec.Kind.TASK
          || t.state.get() != TaskRun.READY
          || t.result.value().isDone()
          || (t.maxRetries() >= 0 && t.attempt >= t.maxRetries())) {
        return false;
      }
      t.attempt++; // only the owner's in-flight table writes it, once per lost try
      return true;
    }

    @Override
    public StoredValue readyValue(ObjectId id) {
      OwnedObject o = table.lookup(id);
      return o != null
          ? o.value().join()
          : Failure.freed(id.hex(), "Object " + id.hex() + " was freed before its task left");
    }

    @Override
    public CompletableFuture<StoredValue> resultOf(TaskRun t) {
      return t.result.value();
    }

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

    @Override
    public void fillArgument(HeldArgument held) {
      if (held.fillWith() != null) {
        table.complete(held.object(), held.fillWith());
      }
    }

    @Override
    public void releaseArgument(HeldArgument held) {
      table.removeTaskRef(held.object());
    }

    @Override
    public TaskRun accept(IncomingTask t) {
      return core.submitter()
          .incoming(
              t.id(),
              t.kind(),
              t.fn(),
              t.args(),
              t.demand(),
              t.name(),
              t.maxRetries(),
              t.retryExceptions(),
              t.actor());
    }

    @Override
    public ActorInstance newHostedActor(
        ActorId id, String name, MantaFunction constructor, int maxConcurrency) {
      String cls = FunctionInfo.of(constructor).implClass();
      return core.actorSystem()
          .newHosted(id, name, cls.substring(cls.lastIndexOf('.') + 1), maxConcurrency);
    }

    @Override
    public ActorInstance hostedActor(ActorId id) {
      return core.actorSystem().hosted(id);
    }

    @Override
    public void startHostedActor(ActorInstance actor, TaskRun creation) {
      core.actorSystem().startHosted(actor, creation);
    }

    @Override
    public void enqueueHostedCall(ActorInstance actor, TaskRun call) {
      core.actorSystem().enqueueHosted(actor, call);
    }

    @Override
    public OwnedObject lookupObject(ObjectId id) {
      return table.lookup(id);
    }

    @Override
    public OwnedObject newStandIn(ObjectId id) {
      try {
        return table.create(id, null);
      } catch (IllegalStateException exists) {
        return null;
      }
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
      table.addTaskRef(o);
    }

    @Override
    public void borrowerReleased(OwnedObject o) {
      table.removeTaskRef(o);
    }

    @Override
    public void actorPlaced(ActorInstance proxy) {
      proxy.constructed(null);
    }

    @Override
    public void actorDied(ActorInstance actor, Failure why) {
      actor.kill(why);
    }

    @Override
    public Failure deathOf(ActorInstance actor) {
      return actor.deathOrNull();
    }

    @Override
    public boolean isProxy(ActorInstance actor) {
      return actor.isProxy();
    }
  }
}
