package dev.manta.runtime.task;

import dev.manta.MantaFunction;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.port.TaskHandle;
import dev.manta.runtime.spec.FunctionInfo;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of a {@link TaskSpec} in this process's engine: the spec, and how far it got. Engine
 * internal (the scheduler, submitter, executor, actor system and core share it); ports see it as a
 * {@link TaskHandle}: the spec and the attempt.
 *
 * <p>State machine ({@link #state}): {@code WAITING} (dependencies unresolved) → {@code READY}
 * (queued or about to run) → {@code RUNNING} → {@code DONE}; {@code WAITING} or {@code READY} →
 * {@code CANCELLED} by cancel or shutdown; {@code RUNNING} → {@code CANCELLED} marks a running task
 * whose result must become a cancellation. Transitions are CAS on the state.
 */
public final class TaskRun implements TaskHandle {
  public static final int WAITING = 0;
  public static final int READY = 1;
  public static final int RUNNING = 2;
  public static final int DONE = 3;
  public static final int CANCELLED = 4;

  /** What runs. */
  public final TaskSpec spec;

  /** Every object this task counts as a pending-task reference (top-level and nested). */
  public final List<OwnedObject> argRefs;

  /** The actor of an actor call or construction, else null. */
  public final ActorTarget actor;

  /** Leases of actor handles inside the arguments: those actors live while the task is queued. */
  public List<Object> keepAlive = List.of();

  /** The object the task's return value goes to; set once, right after construction. */
  public OwnedObject result;

  public final AtomicInteger state = new AtomicInteger(WAITING);
  final AtomicInteger pendingDeps = new AtomicInteger();

  /**
   * Attempts made so far; written only by the thread running the task, or (for a task run in
   * another process) by the owner's port once per lost try.
   */
  public int attempt;

  /**
   * How many tasks deep this task's kept lineage is: 1, plus the deepest of the tasks that made its
   * ref arguments while their lineage is kept (see {@link Submitter}); written once, at build.
   */
  public int lineageDepth = 1;

  /** Set by the first ending that releases {@link #argRefs}: each is released exactly once. */
  public final java.util.concurrent.atomic.AtomicBoolean argsReleased =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * 1 once an actor call's pending-call slot was given back ({@link ActorTarget#callEnding}): by
   * the first ending, before its result is stored, so each call gives it back exactly once.
   */
  private volatile int slotReleased;

  private static final java.util.concurrent.atomic.AtomicIntegerFieldUpdater<TaskRun> SLOT =
      java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(
          TaskRun.class, "slotReleased");

  /** Whether this caller is the first to give the call's pending-call slot back. */
  public boolean releaseSlotOnce() {
    return SLOT.compareAndSet(this, 0, 1);
  }

  /** The thread running the task, for cancel and shutdown; null when not running. */
  public volatile Thread runner;

  /** This run's entry in the executor's task records, while it runs (set by the executor). */
  public volatile dev.manta.runtime.events.TaskRecords.Run record;

  /** Whether the task gave its resources back while blocked in get. */
  boolean resourcesReleased;

  /** Set by an actor construction that succeeded: the actor keeps the resources for its life. */
  public volatile boolean keepResources;

  /** Whether this task holds scheduler resources while it runs. */
  boolean holdsResources;

  /** A run of {@code spec}, counting {@code argRefs}, for {@code actor}'s work (else null). */
  public TaskRun(TaskSpec spec, List<OwnedObject> argRefs, ActorTarget actor) {
    this.spec = spec;
    this.argRefs = argRefs;
    this.actor = actor;
  }

  /** The spec. */
  @Override
  public TaskSpec spec() {
    return spec;
  }

  /** The spec's id. */
  @Override
  public TaskId id() {
    return spec.id();
  }

  /** The spec's kind. */
  @Override
  public TaskSpec.Kind kind() {
    return spec.kind();
  }

  /** The spec's function. */
  @Override
  public MantaFunction fn() {
    return spec.fn();
  }

  /** What Manta knows about the function. */
  public FunctionInfo info() {
    return spec.info();
  }

  /** The spec's arguments (never modify the array). */
  @Override
  public TaskArg[] args() {
    return spec.args();
  }

  /** The spec's demand. */
  @Override
  public ResourceSet resources() {
    return spec.resources();
  }

  /** The spec's name, or null. */
  @Override
  public String name() {
    return spec.name();
  }

  /** How often a failed task runs again (-1: forever). */
  @Override
  public int maxRetries() {
    return spec.maxRetries();
  }

  /** Whether exceptions are retried. */
  @Override
  public boolean retryExceptions() {
    return spec.retryExceptions();
  }

  /** The actor of an actor creation or call, else null. */
  @Override
  public ActorId actorId() {
    return spec.actor();
  }

  /** The try this is (0 for the first). */
  @Override
  public int attempt() {
    return attempt;
  }

  /** Whether the run counts references to objects (whose release may free them). */
  @Override
  public boolean holdsRefs() {
    return !argRefs.isEmpty();
  }

  /** The name shown in errors: the user's task name, else the function's. */
  @Override
  public String displayName() {
    return spec.displayName();
  }

  @Override
  public String toString() {
    return spec.toString();
  }
}
