package dev.manta.runtime.spec;

import dev.manta.MantaFunction;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.TaskId;

/**
 * What one task, actor call or actor construction is: what to run, with what, under which demand.
 * Immutable; how far it got (state, attempt, runner, resources held) is the engine's run state, not
 * part of the spec.
 *
 * @param id its id; its result object has the id {@code (id, 1)}
 * @param kind task, actor creation or actor call
 * @param fn the function, constructor or method
 * @param info what Manta knows about {@code fn}
 * @param args the arguments, in order (not copied: never modify the array)
 * @param resources the resources it needs while it runs
 * @param name the user's name for it, or null
 * @param maxRetries how often a failed task runs again (-1: forever)
 * @param retryExceptions whether an exception (not only a lost worker) counts as a failure to retry
 * @param actor the actor of an actor creation or call, else null
 */
@SuppressWarnings("ArrayRecordComponent") // handed on as is, never compared
public record TaskSpec(
    TaskId id,
    Kind kind,
    MantaFunction fn,
    FunctionInfo info,
    TaskArg[] args,
    ResourceSet resources,
    String name,
    int maxRetries,
    boolean retryExceptions,
    ActorId actor) {
  /** Kinds of work. */
  public enum Kind {
    /** A plain task. */
    TASK,
    /** An actor's constructor. */
    ACTOR_CREATION,
    /** A method call on an actor. */
    ACTOR_CALL
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
