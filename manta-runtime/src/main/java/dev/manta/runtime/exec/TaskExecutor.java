package dev.manta.runtime.exec;

import dev.manta.runtime.metrics.CoreMetrics;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.ownership.ReferenceTable;
import dev.manta.runtime.serial.ValueCodec;
import dev.manta.runtime.spec.FunctionInfo;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.StoredValue;
import dev.manta.runtime.task.Abandoner;
import dev.manta.runtime.task.TaskRun;
import dev.manta.runtime.trace.TaskTracer;
import dev.manta.runtime.trace.Tracing;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task spec on the calling thread: materializes the arguments (private copies), invokes
 * the function, stores the result or the failure, retries when asked, and releases the argument
 * references in every case. Thread-safe; holds no state between calls.
 */
public final class TaskExecutor implements Abandoner {
  private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);

  private final ValueCodec codec;
  private final ReferenceTable table;
  private final CoreMetrics metrics = new CoreMetrics();
  private final dev.manta.runtime.events.TaskRecords records =
      new dev.manta.runtime.events.TaskRecords();

  @SuppressWarnings("ThreadLocalUsage") // per executor: several runtimes may share a JVM
  private final ThreadLocal<TaskRun> executing = new ThreadLocal<>();

  private volatile boolean closing;

  /** An executor storing results through {@code codec} into {@code table}. */
  public TaskExecutor(ValueCodec codec, ReferenceTable table) {
    this.codec = codec;
    this.table = table;
  }

  /** The counters of the runs this executor ended. */
  public CoreMetrics metrics() {
    return metrics;
  }

  /** The last runs this executor started, for the state API. */
  public dev.manta.runtime.events.TaskRecords records() {
    return records;
  }

  /** From now on, tasks that end (interrupted by shutdown) count as cancelled. */
  public void close() {
    closing = true;
  }

  /** The spec this thread is executing, or null outside tasks and actor methods. */
  public TaskRun current() {
    return executing.get();
  }

  /**
   * Runs {@code t} if it is READY (else it was cancelled: nothing to do). Never throws; the outcome
   * is in {@code t.result}.
   */
  public void run(TaskRun t) {
    if (!t.state.compareAndSet(TaskRun.READY, TaskRun.RUNNING)) {
      return;
    }
    TaskRun previous = executing.get();
    executing.set(t);
    t.runner = Thread.currentThread();
    CoreMetrics.Outcome outcome = CoreMetrics.Outcome.FAILED; // if a VirtualMachineError escapes
    jdk.jfr.Event event = Events.begin(t);
    t.record = records.started(t.id(), t.displayName(), label(t.kind()), t.actorId(), t.attempt);
    metrics.countStarted(kindOf(t));
    CoreMetrics.DurationSink sink = metrics.durations();
    long start = sink == null ? 0L : System.nanoTime();
    Tracing.Scope span = Tracing.enabled() ? Tracing.begin(runInfo(t)) : null;
    try {
      outcome = attempt(t, event, sink, start, span);
    } finally {
      t.runner = null;
      Thread.interrupted(); // a cancel's interrupt must not leak into the next task
      executing.set(previous);
      if (span != null) {
        span.leave();
      }
      if (outcome != null) { // null: a CompletionStage completes it later
        ended(t, outcome, event, sink, start, span);
      }
    }
  }

  /**
   * Ends run {@code t}: releases what it held, counts it with {@code outcome} (what was stored: a
   * later read of its result may find it freed), gives its duration to {@code sink} if not null,
   * and commits its JFR event.
   */
  private void ended(
      TaskRun t,
      CoreMetrics.Outcome outcome,
      jdk.jfr.Event event,
      CoreMetrics.DurationSink sink,
      long start,
      Tracing.Scope span) {
    finish(t);
    if (span != null) {
      span.end(t.state.get() == TaskRun.CANCELLED ? "CANCELLED" : outcome.name());
    }
    CoreMetrics.Kind kind = kindOf(t);
    metrics.countEnded(kind, outcome);
    if (sink != null) {
      sink.record(kind, System.nanoTime() - start);
    }
    Events.end(event, t, outcome);
    dev.manta.runtime.events.TaskRecords.Run r = t.record;
    if (r != null) {
      records.ended(r, outcome.name());
    }
  }

  private static TaskTracer.RunInfo runInfo(TaskRun t) {
    return new TaskTracer.RunInfo(
        t.displayName(),
        label(t.kind()),
        t.id().hex(),
        t.attempt,
        t.actorId() == null ? null : t.actorId().hex(),
        t.spec().traceParent());
  }

  private static String label(TaskSpec.Kind kind) {
    return switch (kind) {
      case TASK -> "task";
      case ACTOR_CREATION -> "actor creation";
      case ACTOR_CALL -> "actor call";
    };
  }

  private static CoreMetrics.Kind kindOf(TaskRun t) {
    return switch (t.kind()) {
      case TASK -> CoreMetrics.Kind.TASK;
      case ACTOR_CALL -> CoreMetrics.Kind.ACTOR_CALL;
      case ACTOR_CREATION -> CoreMetrics.Kind.ACTOR_CREATION;
    };
  }

  /**
   * Runs attempts until one succeeds or retries run out; returns how the run ended, or null if a
   * CompletionStage will end it.
   */
  private CoreMetrics.Outcome attempt(
      TaskRun t,
      jdk.jfr.Event event,
      CoreMetrics.DurationSink sink,
      long start,
      Tracing.Scope span) {
    while (true) {
      try {
        Object[] args = materialize(t);
        Object out = Invoker.invoke(t.fn(), args);
        if (t.kind() == TaskSpec.Kind.ACTOR_CREATION) {
          t.keepResources = t.actor.constructed(out);
          return store(t, null, false);
        }
        if (out instanceof CompletionStage<?> stage) {
          boolean marks = t.info().kind() == FunctionInfo.Kind.VALUE;
          stage.whenComplete(
              (v, e) ->
                  ended(
                      t,
                      e != null ? storeFailure(t, unwrap(e)) : store(t, v, marks),
                      event,
                      sink,
                      start,
                      span));
          return null;
        }
        return store(t, out, false);
      } catch (Throwable e) { // top of a task: any throwable becomes the task's error
        if (e instanceof VirtualMachineError vme && !(e instanceof StackOverflowError)) {
          storeFailure(t, e);
          throw vme;
        }
        if (t.state.get() != TaskRun.CANCELLED
            && t.kind() == TaskSpec.Kind.TASK
            && t.spec().retries(e)
            && (t.maxRetries() < 0 || t.attempt < t.maxRetries())) {
          t.attempt++;
          LOG.warn("Task {} failed ({}); retry {} of {}", t, e, t.attempt, t.maxRetries());
          continue;
        }
        if (t.kind() == TaskSpec.Kind.ACTOR_CREATION) {
          t.actor.constructionFailed(Failure.ofThrowable(t.id().hex(), t.info().name(), e));
        }
        return storeFailure(t, e);
      }
    }
  }

  private Object[] materialize(TaskRun t) {
    int offset = t.kind() == TaskSpec.Kind.ACTOR_CALL ? 1 : 0;
    Object[] out = new Object[t.args().length + offset];
    if (offset == 1) {
      out[0] = t.actor.instance();
    }
    Class<?>[] types = null;
    for (int i = 0; i < t.args().length; i++) {
      TaskArg a = t.args()[i];
      if (a instanceof OwnedObject o) {
        Object v = table.decode(o, o.value().join());
        if (types == null) {
          types = parameterTypes(t);
        }
        checkType(t, i, o, v, types);
        out[i + offset] = v;
      } else {
        out[i + offset] = codec.decodeArg(((TaskArg.Value) a).bytes());
      }
    }
    return out;
  }

  private static final Class<?>[] UNKNOWN = new Class<?>[0];

  private static Class<?>[] parameterTypes(TaskRun t) {
    Class<?>[] all = t.info().parameterTypes(Thread.currentThread().getContextClassLoader());
    if (all == null) {
      return UNKNOWN;
    }
    // Instance methods of actors: the descriptor has no receiver, our args do not either.
    // Static methods and constructors: the descriptor matches the arguments one to one,
    // except for captured-receiver forms, which are rejected at submit.
    int extra = all.length - t.args().length;
    return extra >= 0 ? java.util.Arrays.copyOfRange(all, extra, all.length) : UNKNOWN;
  }

  private static void checkType(TaskRun t, int i, OwnedObject o, Object v, Class<?>[] types) {
    if (v == null || i >= types.length || types[i].isInstance(v)) {
      return;
    }
    throw new dev.manta.ObjectTypeException(
        "Argument "
            + (i + 1)
            + " of "
            + t.displayName()
            + " expects a "
            + types[i].getName()
            + " but object "
            + o.id().hex()
            + " holds a "
            + v.getClass().getName());
  }

  /** Stores {@code value} as the result of {@code t}; returns how the run ended. */
  private CoreMetrics.Outcome store(TaskRun t, Object value, boolean marksStage) {
    Failure override = overrideFailure(t);
    if (override != null) {
      releaseSlot(t);
      table.complete(t.result, override);
      return outcomeOf(override);
    }
    ValueCodec.Encoded enc;
    try {
      enc = codec.encode(t.result.id(), value, marksStage);
    } catch (IllegalArgumentException | dev.manta.ObjectStoreFullException e) {
      return storeFailure(t, e);
    }
    table.setContains(t.result, enc.contained());
    t.result.keepAlive(enc.keepAlive());
    releaseSlot(t);
    if (!table.complete(t.result, enc.value())) {
      table.setContains(t.result, java.util.List.of()); // already completed (cancelled): no-op
      return CoreMetrics.Outcome.CANCELLED;
    }
    return CoreMetrics.Outcome.FINISHED;
  }

  /** Stores the failure {@code e} as the result of {@code t}; returns how the run ended. */
  private CoreMetrics.Outcome storeFailure(TaskRun t, Throwable e) {
    Failure override = overrideFailure(t);
    Failure f = override != null ? override : Failure.ofThrowable(t.id().hex(), t.displayName(), e);
    releaseSlot(t);
    table.complete(t.result, f);
    return outcomeOf(f);
  }

  private static CoreMetrics.Outcome outcomeOf(Failure f) {
    return f.kind() == Failure.Kind.CANCELLED
        ? CoreMetrics.Outcome.CANCELLED
        : CoreMetrics.Outcome.FAILED;
  }

  /** A cancelled task or a dead actor's call gets that failure, whatever it returned. */
  private Failure overrideFailure(TaskRun t) {
    if (closing && t.kind() == TaskSpec.Kind.TASK) {
      return Failure.cancelled(
          t.id().hex(),
          t.displayName(),
          "Task " + t.displayName() + " (" + t.id().hex() + ") was cancelled: Manta shut down");
    }
    if (t.state.get() == TaskRun.CANCELLED) {
      return Failure.cancelled(
          t.id().hex(),
          t.displayName(),
          "Task " + t.displayName() + " (" + t.id().hex() + ") was cancelled");
    }
    if (t.kind() == TaskSpec.Kind.ACTOR_CALL) {
      return t.actor.deathOrNull();
    }
    return null;
  }

  /** Marks the spec done and releases what it held. Called exactly once per run. */
  private void finish(TaskRun t) {
    t.state.compareAndSet(TaskRun.RUNNING, TaskRun.DONE);
    releaseArgs(t);
    if (t.kind() == TaskSpec.Kind.ACTOR_CALL) {
      releaseSlot(t); // a run that stored nothing (it ended before it could)
      t.actor.callFinished(t);
    }
  }

  /**
   * Gives an actor call's pending-call slot back, once, before its result is stored: a caller whose
   * get returned may call again at once without meeting its own finished call in maxPendingCalls.
   */
  private static void releaseSlot(TaskRun t) {
    if (t.kind() == TaskSpec.Kind.ACTOR_CALL && t.releaseSlotOnce()) {
      t.actor.callEnding(t);
    }
  }

  /**
   * Completes a spec that will never run (cancelled, failed dependency, dead actor, shutdown) with
   * {@code failure}, and releases its argument references.
   */
  @Override
  public void abandon(TaskRun t, Failure failure) {
    releaseSlot(t);
    table.complete(t.result, failure);
    releaseArgs(t);
    if (t.kind() == TaskSpec.Kind.ACTOR_CALL) {
      t.actor.callFinished(t);
    }
  }

  /**
   * Completes a spec that ran in another process with {@code value} (its result or failure), and
   * releases its argument references.
   */
  public void completeRemote(TaskRun t, StoredValue value) {
    t.state.compareAndSet(TaskRun.RUNNING, TaskRun.DONE);
    t.state.compareAndSet(TaskRun.READY, TaskRun.DONE);
    releaseSlot(t);
    table.complete(t.result, value);
    releaseArgs(t);
    if (t.kind() == TaskSpec.Kind.ACTOR_CALL) {
      t.actor.callFinished(t);
    }
  }

  private void releaseArgs(TaskRun t) {
    if (!t.argsReleased.compareAndSet(false, true)) {
      return; // a second ending (a cancel racing a result): the counts were released once
    }
    for (OwnedObject o : t.argRefs) {
      table.removeTaskRef(o);
    }
    t.keepAlive = java.util.List.of();
  }

  private static Throwable unwrap(Throwable e) {
    while ((e instanceof java.util.concurrent.CompletionException
            || e instanceof java.util.concurrent.ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
