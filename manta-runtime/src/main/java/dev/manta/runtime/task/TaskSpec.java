package dev.manta.runtime.task;

import dev.manta.MantaFunction;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.spec.FunctionInfo;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One task, actor call or actor construction: what to run, with what, under which demand, and its
 * progress.
 *
 * <p>State machine ({@link #state}): {@code WAITING} (dependencies unresolved) → {@code READY}
 * (queued or about to run) → {@code RUNNING} → {@code DONE}; {@code WAITING} or {@code READY} →
 * {@code CANCELLED} by cancel or shutdown; {@code RUNNING} → {@code CANCELLED} marks a running task
 * whose result must become a cancellation. Transitions are CAS on the state.
 */
public final class TaskSpec {
  /** Kinds of work. */
  public enum Kind {
    /** A plain task. */
    TASK,
    /** An actor's constructor. */
    ACTOR_CREATION,
    /** A method call on an actor. */
    ACTOR_CALL
  }

  public static final int WAITING = 0;
  public static final int READY = 1;
  public static final int RUNNING = 2;
  public static final int DONE = 3;
  public static final int CANCELLED = 4;

  public final TaskId id;
  public final Kind kind;
  public final MantaFunction fn;
  public final FunctionInfo info;

  /** Each element is a {@code byte[]} (a serialized value) or an {@link OwnedObject} to resolve. */
  public final Object[] args;

  /** Every object this task counts as a pending-task reference (top-level and nested). */
  public final List<OwnedObject> argRefs;

  /** Leases of actor handles inside the arguments: those actors live while the task is queued. */
  public List<Object> keepAlive = List.of();

  /** The object the task's return value goes to; set once, right after construction. */
  public OwnedObject result;

  public final ResourceSet resources;
  public final String name;
  public final int maxRetries;
  public final boolean retryExceptions;

  /** The actor (an {@code ActorInstance}) for actor calls and constructions, else null. */
  public final Object actor;

  public final AtomicInteger state = new AtomicInteger(WAITING);
  final AtomicInteger pendingDeps = new AtomicInteger();

  /** Attempts made so far; written only by the thread running the task. */
  public int attempt;

  /** The thread running the task, for cancel and shutdown; null when not running. */
  public volatile Thread runner;

  /** Whether the task gave its resources back while blocked in get. */
  boolean resourcesReleased;

  /** Set by an actor construction that succeeded: the actor keeps the resources for its life. */
  public volatile boolean keepResources;

  /** Whether this task holds scheduler resources while it runs. */
  boolean holdsResources;

  public TaskSpec(
      TaskId id,
      Kind kind,
      MantaFunction fn,
      FunctionInfo info,
      Object[] args,
      List<OwnedObject> argRefs,
      ResourceSet resources,
      String name,
      int maxRetries,
      boolean retryExceptions,
      Object actor) {
    this.id = id;
    this.kind = kind;
    this.fn = fn;
    this.info = info;
    this.args = args;
    this.argRefs = argRefs;
    this.resources = resources;
    this.name = name;
    this.maxRetries = maxRetries;
    this.retryExceptions = retryExceptions;
    this.actor = actor;
  }

  /** The name shown in errors: the user's task name, else the function's. */
  public String displayName() {
    return name != null ? name : info.name();
  }

  @Override
  public String toString() {
    return kind + " " + displayName() + " (" + id.hex() + ")";
  }
}
