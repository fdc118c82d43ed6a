package dev.manta.runtime.exec;

import dev.manta.runtime.events.ActorCallEvent;
import dev.manta.runtime.events.TaskExecutionEvent;
import dev.manta.runtime.metrics.CoreMetrics;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.task.ActorTarget;
import dev.manta.runtime.task.TaskRun;
import jdk.jfr.Event;

/**
 * Writes the JFR events of task runs: begun when a run starts, committed when its result is stored.
 * When no recording wants them, a run pays one enabled-check.
 */
final class Events {
  private static final Event TASK_PROBE = new TaskExecutionEvent();
  private static final Event CALL_PROBE = new ActorCallEvent();

  private Events() {}

  /** Starts the event of run {@code t}; null when no recording wants it. */
  static Event begin(TaskRun t) {
    // isEnabled reads the event type's state, not the instance's: the probes answer for every
    // event of their type, and an event object is made only when a recording wants one.
    boolean call = t.kind() == TaskSpec.Kind.ACTOR_CALL;
    if (!(call ? CALL_PROBE : TASK_PROBE).isEnabled()) {
      return null;
    }
    Event e = call ? new ActorCallEvent() : new TaskExecutionEvent();
    e.begin();
    return e;
  }

  /**
   * Ends and commits {@code e} (from {@link #begin}; may be null) for the run {@code t}, which
   * ended with {@code outcome}.
   */
  static void end(Event e, TaskRun t, CoreMetrics.Outcome outcome) {
    if (e == null) {
      return;
    }
    e.end();
    if (!e.shouldCommit()) {
      return;
    }
    if (e instanceof ActorCallEvent c) {
      c.taskId = t.id().hex();
      c.method = t.displayName();
      ActorTarget a = t.actor;
      c.actorId = a.id().hex();
      Object instance = a.instance();
      c.actorClass = instance == null ? null : instance.getClass().getName();
      c.outcome = label(outcome);
    } else if (e instanceof TaskExecutionEvent x) {
      x.taskId = t.id().hex();
      x.name = t.displayName();
      x.kind = t.kind() == TaskSpec.Kind.TASK ? "task" : "actor creation";
      x.retries = t.attempt;
      x.outcome = label(outcome);
    }
    e.commit();
  }

  private static String label(CoreMetrics.Outcome outcome) {
    return switch (outcome) {
      case CANCELLED -> "cancelled";
      case FAILED -> "failed";
      case FINISHED -> "ok";
    };
  }
}
