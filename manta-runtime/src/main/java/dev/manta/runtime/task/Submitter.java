package dev.manta.runtime.task;

import dev.manta.MantaFunction;
import dev.manta.ObjectRef;
import dev.manta.runtime.id.Ids;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.ownership.RefImpl;
import dev.manta.runtime.ownership.ReferenceTable;
import dev.manta.runtime.serial.ValueCodec;
import dev.manta.runtime.spec.FunctionInfo;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.StoredValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Builds task specs and resolves their dependencies without blocking: arguments are copied at
 * submit, ref arguments are counted as pending-task references, and the spec is handed on (to the
 * scheduler, or to an actor's mailbox) from the completion callback of its last dependency. A
 * dependency that failed fails the task without running it. A ready dependency whose only copy is
 * on a node already known dead is handed to the lineage check first ({@link #lostArguments}), which
 * reopens it for its rebuild: the task then waits for the rebuilt value. Thread-safe.
 */
public final class Submitter {
  private final Ids ids;
  private final ReferenceTable table;
  private final ValueCodec codec;
  private final Abandoner executor;
  private final int lineageMaxTasks;
  private volatile Predicate<OwnedObject> rebuildIfLost; // see lostArguments

  /** A submitter issuing ids from {@code ids} and counting refs in {@code table}; no lineage. */
  public Submitter(Ids ids, ReferenceTable table, ValueCodec codec, Abandoner executor) {
    this(ids, table, codec, executor, 0);
  }

  /**
   * A submitter that also keeps the lineage of plain tasks up to {@code lineageMaxTasks} deep (0:
   * none): a task within that depth pins the lineage of its ref arguments ({@link
   * OwnedObject#pinLineage}), so their producing tasks stay known after they are freed; a deeper
   * task pins nothing and starts a new lineage of depth 1.
   */
  public Submitter(
      Ids ids, ReferenceTable table, ValueCodec codec, Abandoner executor, int lineageMaxTasks) {
    this.ids = ids;
    this.table = table;
    this.codec = codec;
    this.executor = executor;
    this.lineageMaxTasks = lineageMaxTasks;
  }

  /**
   * Builds a spec: checks the function, copies value arguments, counts ref arguments, and creates
   * the result object (owned here, pending).
   *
   * @throws IllegalArgumentException for a capturing lambda, an unserializable argument, or a ref
   *     from another runtime
   * @throws NullPointerException for a null function or argument
   */
  public TaskRun build(
      TaskSpec.Kind kind,
      MantaFunction fn,
      Object[] args,
      long refMask,
      ResourceSet resources,
      String name,
      int maxRetries,
      boolean retryExceptions,
      ActorTarget actor) {
    return build(
        kind, fn, args, refMask, resources, name, maxRetries, retryExceptions, actor, List.of());
  }

  /**
   * As {@link #build(TaskSpec.Kind, MantaFunction, Object[], long, ResourceSet, String, int,
   * boolean, ActorTarget)}, retrying with {@code retryExceptions} only the exceptions of {@code
   * retryExceptionTypes} (binary class names; empty: all), see {@link TaskSpec#retries}.
   */
  public TaskRun build(
      TaskSpec.Kind kind,
      MantaFunction fn,
      Object[] args,
      long refMask,
      ResourceSet resources,
      String name,
      int maxRetries,
      boolean retryExceptions,
      ActorTarget actor,
      List<String> retryExceptionTypes) {
    if (fn == null) {
      throw new NullPointerException("fn: the remote function is null");
    }
    FunctionInfo info = FunctionInfo.of(fn).requireNonCapturing();
    codec.learn(fn.getClass());
    TaskArg[] stored = new TaskArg[args.length];
    List<OwnedObject> refs = new ArrayList<>(0);
    List<Object> keep = new ArrayList<>(0);
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a == null) {
        throw new NullPointerException(
            "argument "
                + (i + 1)
                + " of "
                + info.name()
                + " is null; Manta passes no null values: use Optional or a sentinel value");
      }
      if ((refMask & (1L << i)) != 0) {
        OwnedObject o = own((ObjectRef<?>) a, i, info).object();
        stored[i] = o;
        refs.add(o);
      } else {
        try {
          stored[i] = new TaskArg.Value(codec.encodeArg(a, refs, keep));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "Argument " + (i + 1) + " of " + info.name() + ": " + e.getMessage(), e.getCause());
        }
      }
    }
    for (OwnedObject o : refs) {
      table.addTaskRef(o);
    }
    TaskId id = ids.nextTask();
    TaskRun t =
        new TaskRun(
            new TaskSpec(
                id,
                kind,
                fn,
                info,
                stored,
                resources,
                name,
                maxRetries,
                retryExceptions,
                actor == null ? null : actor.id(),
                retryExceptionTypes,
                dev.manta.runtime.trace.Tracing.current()),
            List.copyOf(refs),
            actor);
    t.keepAlive = keep.isEmpty() ? List.of() : keep;
    if (lineageMaxTasks > 0 && kind == TaskSpec.Kind.TASK) {
      keepLineage(t);
    }
    t.result = table.create(new ObjectId(id, 1), t);
    return t;
  }

  /** Pins the lineage of {@code t}'s ref arguments, if within the depth kept (see constructor). */
  private void keepLineage(TaskRun t) {
    int depth = 1;
    for (TaskArg a : t.args()) {
      if (a instanceof OwnedObject o && o.producer() instanceof TaskRun p) {
        depth = Math.max(depth, p.lineageDepth + 1);
      }
    }
    if (depth > lineageMaxTasks) {
      return; // too deep: what made the arguments is forgotten once they are freed
    }
    t.lineageDepth = depth;
    for (TaskArg a : t.args()) {
      if (a instanceof OwnedObject o) {
        o.pinLineage();
      }
    }
  }

  /**
   * A new run of {@code old}, a finished task, to make its result again into {@code result} (a
   * pending object of this table: the old one reopened, or a new one with the same id). {@code
   * args} are {@code old}'s arguments with freed ref arguments replaced by their own rebuilds;
   * {@code argRefs} every object the run counts, which this counts now. The run keeps the task id,
   * so a late result of an earlier try is told apart by the attempt, one more than {@code old}'s.
   * Resolve it as any new task.
   */
  public TaskRun rerun(TaskRun old, TaskArg[] args, List<OwnedObject> argRefs, OwnedObject result) {
    TaskSpec s = old.spec();
    TaskRun t =
        new TaskRun(
            new TaskSpec(
                s.id(),
                s.kind(),
                s.fn(),
                s.info(),
                args,
                s.resources(),
                s.name(),
                s.maxRetries(),
                s.retryExceptions(),
                s.actor(),
                s.retryExceptionTypes(),
                s.traceParent()),
            List.copyOf(argRefs),
            null);
    for (OwnedObject o : argRefs) {
      table.addTaskRef(o);
    }
    t.attempt = old.attempt + 1;
    t.lineageDepth = old.lineageDepth;
    t.result = result;
    result.producer(t);
    return t;
  }

  /**
   * A spec for work that arrived from an owner in another process (cluster workers): its id and
   * result id come from the owner, its arguments are already resolved (values, or ready objects of
   * this table, which the run counts). The spec is READY; its result object is created in this
   * table, and nothing here holds a ref to it.
   */
  public TaskRun incoming(
      TaskId id,
      TaskSpec.Kind kind,
      MantaFunction fn,
      TaskArg[] args,
      ResourceSet resources,
      String name,
      int maxRetries,
      boolean retryExceptions,
      ActorTarget actor) {
    return incoming(
        id, kind, fn, args, resources, name, maxRetries, retryExceptions, actor, List.of());
  }

  /** As {@link #incoming}, with the owner's list of exception types to retry (empty: all). */
  public TaskRun incoming(
      TaskId id,
      TaskSpec.Kind kind,
      MantaFunction fn,
      TaskArg[] args,
      ResourceSet resources,
      String name,
      int maxRetries,
      boolean retryExceptions,
      ActorTarget actor,
      List<String> retryExceptionTypes) {
    return incoming(
        id,
        kind,
        fn,
        args,
        resources,
        name,
        maxRetries,
        retryExceptions,
        actor,
        retryExceptionTypes,
        null);
  }

  /** As {@link #incoming}, with the submitting run's W3C traceparent (null: none). */
  public TaskRun incoming(
      TaskId id,
      TaskSpec.Kind kind,
      MantaFunction fn,
      TaskArg[] args,
      ResourceSet resources,
      String name,
      int maxRetries,
      boolean retryExceptions,
      ActorTarget actor,
      List<String> retryExceptionTypes,
      String traceParent) {
    FunctionInfo info = FunctionInfo.of(fn);
    codec.learn(fn.getClass());
    List<OwnedObject> argRefs = new ArrayList<>(0);
    for (TaskArg a : args) {
      if (a instanceof TaskArg.Ref r) {
        OwnedObject o = own(r);
        table.addTaskRef(o);
        argRefs.add(o);
      }
    }
    TaskRun t =
        new TaskRun(
            new TaskSpec(
                id,
                kind,
                fn,
                info,
                args,
                resources,
                name,
                maxRetries,
                retryExceptions,
                actor == null ? null : actor.id(),
                retryExceptionTypes,
                traceParent),
            argRefs,
            actor);
    t.result = table.create(new ObjectId(id, 1), t);
    t.state.set(TaskRun.READY);
    return t;
  }

  /**
   * Has {@code check} look at every ready ref argument before a task is resolved: given an object
   * whose ready value's only copy was lost (its node is known dead), it reopens it and starts its
   * rebuild, or fails it with why it cannot be, and returns whether it did. It must not block. Set
   * once, before tasks are submitted (the lineage of a cluster core; embedded: none).
   */
  public void lostArguments(Predicate<OwnedObject> check) {
    this.rebuildIfLost = check;
  }

  /**
   * Whether every ref argument of {@code t} is ready now. A ready argument found lost is reopened
   * for its rebuild first (see {@link #lostArguments}), and so is not ready.
   */
  public boolean dependenciesReady(TaskRun t) {
    reopenLost(t);
    for (TaskArg a : t.args()) {
      if (a instanceof OwnedObject o && !o.value().isDone()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Hands each ready ref argument of {@code t} to the lineage check; true if one was reopened and
   * is pending now (its rebuild runs). Actor calls are checked only by {@link #dependenciesReady}:
   * their mailbox enqueues a call whose arguments it found ready without waiting for {@link
   * #resolve} to call back, so resolve must not make such a call wait.
   */
  private boolean reopenLost(TaskRun t) {
    Predicate<OwnedObject> check = rebuildIfLost;
    if (check == null) {
      return false;
    }
    boolean reopened = false;
    for (TaskArg a : t.args()) {
      if (a instanceof OwnedObject o && o.value().isDone() && check.test(o)) {
        reopened |= !o.value().isDone();
      }
    }
    return reopened;
  }

  /**
   * Resolves {@code t}'s dependencies, then calls {@code onResolved} with the spec in state READY.
   * If a dependency failed, or the spec was cancelled meanwhile, {@code onResolved} is not called
   * and the spec is completed with that failure. {@code onResolved} may run on this thread or on
   * the thread that completes the last dependency; it must not block.
   */
  public void resolve(TaskRun t, Consumer<TaskRun> onResolved) {
    boolean call = t.kind() == TaskSpec.Kind.ACTOR_CALL;
    if (!call) {
      reopenLost(t); // lost arguments become pending here, their rebuilds started
    }
    List<OwnedObject> waiting = null;
    for (TaskArg a : t.args()) {
      if (a instanceof OwnedObject o && !o.value().isDone()) {
        if (waiting == null) {
          waiting = new ArrayList<>(2);
        }
        waiting.add(o);
      }
    }
    if (waiting == null) {
      resolvedChecked(t, onResolved);
      return;
    }
    t.pendingDeps.set(waiting.size());
    for (OwnedObject o : waiting) {
      o.value()
          .whenCompleteAsync(
              (v, e) -> {
                if (t.pendingDeps.decrementAndGet() == 0) {
                  resolvedOrFailed(t, onResolved);
                }
              },
              table.callbacks());
    }
  }

  /**
   * {@link #resolved}, from a completion callback: whatever it throws fails the task instead of
   * vanishing into the callback's future, where nobody would see it and the task would never end.
   */
  private void resolvedOrFailed(TaskRun t, Consumer<TaskRun> onResolved) {
    try {
      resolved(t, onResolved);
    } catch (RuntimeException | Error e) { // top of a callback: the error becomes the task's
      if (t.state.compareAndSet(TaskRun.WAITING, TaskRun.DONE)
          || t.state.compareAndSet(TaskRun.READY, TaskRun.DONE)) {
        executor.abandon(t, Failure.ofThrowable(t.id().hex(), t.displayName(), e));
      }
      if (e instanceof VirtualMachineError vme && !(e instanceof StackOverflowError)) {
        throw vme;
      }
    }
  }

  private void resolved(TaskRun t, Consumer<TaskRun> onResolved) {
    if (t.kind() != TaskSpec.Kind.ACTOR_CALL && reopenLost(t)) {
      resolve(t, onResolved); // an argument was lost since it completed: wait for its rebuild
      return;
    }
    resolvedChecked(t, onResolved);
  }

  private void resolvedChecked(TaskRun t, Consumer<TaskRun> onResolved) {
    for (TaskArg a : t.args()) {
      if (a instanceof OwnedObject o) {
        StoredValue v = o.value().join();
        if (v instanceof Failure f) {
          if (t.state.compareAndSet(TaskRun.WAITING, TaskRun.DONE)) {
            executor.abandon(t, f);
          }
          return;
        }
      }
    }
    if (t.state.compareAndSet(TaskRun.WAITING, TaskRun.READY)) {
      onResolved.accept(t);
    }
  }

  /**
   * The object of this table behind a ref argument of an incoming task (one the core handed out
   * when the port held the argument).
   */
  private OwnedObject own(TaskArg.Ref r) {
    if (r instanceof OwnedObject o) {
      return o;
    }
    throw new IllegalArgumentException(
        "Ref argument " + r.id().hex() + " is not an object of this core; hold it first");
  }

  /** A ref argument must come from this runtime. */
  private RefImpl<?> own(ObjectRef<?> ref, int i, FunctionInfo info) {
    if (ref instanceof RefImpl<?> r && r.table() == table) {
      return r;
    }
    throw new IllegalArgumentException(
        "Argument "
            + (i + 1)
            + " of "
            + info.name()
            + " is an ObjectRef that this runtime did not create ("
            + ref
            + "); refs do not survive Manta.shutdown(), and ObjectRef cannot be implemented by"
            + " user classes");
  }
}
