package dev.manta.runtime.port;

import dev.manta.MantaFunction;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.StoredValue;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What a transport may ask of its core, and the only door from the ports into it (in the spirit of
 * Netty's {@code Channel.Unsafe}): complete a task, try it again, run it here, accept work that
 * arrived from an owner, hold its arguments, look up hosted actors and objects, count borrowers.
 * Each method is named for what the transport asks, not for how the core does it. The core gives it
 * to its ports once, in {@link PortsFactory#open}.
 *
 * <p>Handles ({@link TaskHandle}, {@link ActorProxy}) passed in must come from this core (from a
 * port call or from this interface); others are refused with {@link IllegalArgumentException}.
 *
 * <p>Every method may be called from any thread and returns without waiting on the network. Methods
 * marked "never blocks" are safe on a transport thread; the others may run user-visible callbacks
 * (a freed object's release, an actor's death) and belong on an offload executor when called from
 * one.
 */
public interface CoreAccess {
  /** The id prefix of this process: ids it issues, and objects it owns, carry it. Never blocks. */
  long prefix();

  /**
   * Rebuilds a function shipped by an owner, loading its classes from the job's class loader
   * through the function allowlist.
   *
   * @throws IllegalStateException if it does not load (the job's code is missing here, or a class
   *     is refused)
   */
  MantaFunction loadFunction(byte[] serialized);

  // --- tasks owned here ---

  /**
   * Completes a task owned here that ran (or failed, or could not be placed) elsewhere, with its
   * result or failure, and releases what it held. Call at most once per try that was sent.
   */
  void complete(TaskHandle t, StoredValue result);

  /** Runs a READY task on this process's own scheduler (this process is its task worker). */
  void runLocally(TaskHandle t);

  /**
   * Runs the READY construction of an actor that lives in this process (ports that keep actors
   * here): on the actor's thread, or through the scheduler when it needs resources.
   */
  void startActorHere(TaskHandle creation, ActorProxy actor);

  /**
   * Takes the next try of a plain task owned here whose worker or node died: true, with its attempt
   * number raised, if it may run again (still pending, not cancelled, retries left: {@code
   * maxRetries} -1 is forever); false if it must fail instead. Never blocks.
   */
  boolean nextAttempt(TaskHandle t);

  /**
   * Raises the attempt number of the creation of an actor owned here that is about to be placed
   * again after its process died, and returns it: the restart number (1 for the first restart),
   * which the new worker's actor reports ({@link dev.manta.RuntimeContext#actorRestartCount}) and
   * which a result of an earlier placement no longer matches. Only the owner's restart of that
   * actor calls it, once per restart. Never blocks.
   */
  int nextRestart(TaskHandle creation);

  /**
   * The objects owned by this process that the ready result of {@code t} (a task that arrived from
   * its owner) holds refs to, for the port to lend to that owner before it reports the result, so
   * that they outlive this process's own refs until the owner borrowed them. Call while the result
   * completes (in a callback registered on {@link #resultOf} before the task ran): the result
   * object may be freed right after. Never blocks.
   */
  List<ObjectId> ownedRefsInResult(TaskHandle t);

  /**
   * Holds the objects the arguments of {@code creation} (an actor's creation owned here) count,
   * with one more task reference each, so that they outlive the creation while the actor may
   * restart and run its constructor again with them. Undo once with {@link #unpinArguments}. Never
   * blocks.
   */
  void pinArguments(TaskHandle creation);

  /**
   * Drops the hold of {@link #pinArguments} (the actor is dead); may free the objects (and run
   * their release callbacks).
   */
  void unpinArguments(TaskHandle creation);

  /** Completes with a task's result (never exceptionally). Never blocks. */
  CompletableFuture<StoredValue> resultOf(TaskHandle t);

  /**
   * The value of a ready object of this table that a task owned here counts as an argument (so it
   * is live), to travel with the task; a FREED failure if it is not in the table. Never blocks.
   */
  StoredValue readyValue(ObjectId id);

  // --- work arriving from an owner (this process is its worker) ---

  /**
   * Holds the local object standing for a ref argument {@code id} of an incoming task, with one
   * task reference, so that another task finishing with the same argument cannot free it before the
   * new task counts it. An existing live object is reused; otherwise a new one is made, to be
   * filled with {@code value} by {@link #fillArgument} once the task counts it. Release the hold
   * with {@link #releaseArgument}.
   */
  HeldArgument holdArgument(ObjectId id, Supplier<StoredValue> value);

  /**
   * A ref argument held for an incoming task.
   *
   * @param arg the argument to put in the task's {@link IncomingTask#args()}
   * @param fillWith the value a newly made object is to be completed with, or null if the object
   *     existed already
   */
  record HeldArgument(TaskArg.Ref arg, StoredValue fillWith) {}

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
   * @param args serialized values and held ref arguments ({@link HeldArgument#arg()})
   * @param demand the resources it needs
   * @param name its name, or null
   * @param maxRetries as the owner set it
   * @param retryExceptions as the owner set it
   * @param actor the hosted actor of an actor creation or call, else null
   * @param retryExceptionTypes as the owner set it (empty: every exception, with {@code
   *     retryExceptions})
   * @param traceParent the W3C traceparent of the submitting run, or null
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
      ActorProxy actor,
      java.util.List<String> retryExceptionTypes,
      String traceParent) {
    /** A task with no trace parent. */
    public IncomingTask(
        TaskId id,
        TaskSpec.Kind kind,
        MantaFunction fn,
        TaskArg[] args,
        ResourceSet demand,
        String name,
        int maxRetries,
        boolean retryExceptions,
        ActorProxy actor,
        java.util.List<String> retryExceptionTypes) {
      this(
          id,
          kind,
          fn,
          args,
          demand,
          name,
          maxRetries,
          retryExceptions,
          actor,
          retryExceptionTypes,
          null);
    }

    /** A task that retries every exception if {@code retryExceptions}. */
    public IncomingTask(
        TaskId id,
        TaskSpec.Kind kind,
        MantaFunction fn,
        TaskArg[] args,
        ResourceSet demand,
        String name,
        int maxRetries,
        boolean retryExceptions,
        ActorProxy actor) {
      this(
          id,
          kind,
          fn,
          args,
          demand,
          name,
          maxRetries,
          retryExceptions,
          actor,
          java.util.List.of());
    }
  }

  /**
   * Builds the READY task of an incoming message; it counts its ref arguments, and its result
   * object lives in this process's table until reported. Does not run it.
   */
  TaskHandle accept(IncomingTask t);

  /**
   * Cancels the task {@code id} that arrived from its owner and is queued or running here: a
   * running one is interrupted (its result becomes a cancellation), a queued one never runs. False
   * if no such task is queued or running here. Never blocks.
   */
  boolean cancelHere(TaskId id);

  /**
   * A new actor to be hosted here, not yet started; its class is the constructor's, and {@code
   * restart} is how often its owner restarted it before (the attempt number of its creation).
   */
  ActorProxy newHostedActor(
      ActorId id, String name, MantaFunction constructor, int maxConcurrency, int restart);

  /** The live actor hosted here with this id, or null. Never blocks. */
  ActorProxy hostedActor(ActorId id);

  /** Starts a hosted actor by running its creation on the actor's thread. */
  void startHostedActor(ActorProxy actor, TaskHandle creation);

  /** Queues a call on a hosted actor, behind the calls that arrived before it. */
  void enqueueHostedCall(ActorProxy actor, TaskHandle call);

  // --- objects ---

  /**
   * Completes with the value of the live object {@code id} of this table once it is ready (never
   * exceptionally); null if no such object lives here. Never blocks.
   */
  CompletableFuture<StoredValue> valueOf(ObjectId id);

  /**
   * Completes the stand-in {@code id} (made when a ref to an object another process owns arrived)
   * with the value its owner sent, or a failure; a no-op if it is gone or complete.
   */
  void completeObject(ObjectId id, StoredValue value);

  /**
   * A borrower in another process now holds object {@code id}: it stays alive until {@link
   * #borrowerReleased}. Returns false (and counts nothing) if it does not live here. Never blocks.
   */
  boolean borrowerAdded(ObjectId id);

  /**
   * A borrower released object {@code id} (or died): drops one count {@link #borrowerAdded} took.
   */
  void borrowerReleased(ObjectId id);

  /**
   * The last runs this process executed (tasks, actor creations and calls), oldest first, at most
   * {@link dev.manta.runtime.events.TaskRecords#CAPACITY}. Never blocks.
   */
  List<dev.manta.runtime.events.TaskRecord> recentTasks();

  /**
   * The tasks, actor creations and actor calls this process submitted whose result is still
   * pending, for the state API: state {@code PENDING_ARGS} (waiting for ref arguments), {@code
   * PENDING_SCHEDULING} (ready, waiting for resources or a worker) or {@code SUBMITTED} (handed to
   * a worker or running; the executing process lists the run itself as {@code RUNNING}). Start and
   * end are 0; thread 0.
   */
  List<dev.manta.runtime.events.TaskRecord> pendingTasks();

  /**
   * The objects this process owns, with the counts that keep each alive. Never blocks; the counts
   * of each object are read together, those of different objects at slightly different times.
   */
  List<OwnedObjectState> ownedObjects();

  /**
   * One owned object: its value ({@code null} while its task has not stored it), and why it is
   * alive: live local refs, task references (pending tasks that take it plus remote borrowers),
   * objects containing it, readers pinning it now.
   */
  record OwnedObjectState(
      ObjectId id, StoredValue value, int localRefs, int taskRefs, int containedIn, int readers) {}
}
