package dev.manta.runtime.spec;

import dev.manta.MantaFunction;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.TaskId;
import java.util.List;

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
 * @param retryExceptionTypes with {@code retryExceptions}, the binary names of the exception
 *     classes retried (an exception is retried if its class or a superclass is one of them); empty:
 *     every exception is
 * @param traceParent the W3C traceparent of the run that submitted it when tracing is on, else null
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
    ActorId actor,
    List<String> retryExceptionTypes,
    String traceParent) {
  /** A spec with no trace parent. */
  public TaskSpec(
      TaskId id,
      Kind kind,
      MantaFunction fn,
      FunctionInfo info,
      TaskArg[] args,
      ResourceSet resources,
      String name,
      int maxRetries,
      boolean retryExceptions,
      ActorId actor,
      List<String> retryExceptionTypes) {
    this(
        id,
        kind,
        fn,
        info,
        args,
        resources,
        name,
        maxRetries,
        retryExceptions,
        actor,
        retryExceptionTypes,
        null);
  }

  /** A spec that retries every exception if {@code retryExceptions} (no list of types). */
  public TaskSpec(
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
    this(id, kind, fn, info, args, resources, name, maxRetries, retryExceptions, actor, List.of());
  }

  /** Copies the list of types. */
  public TaskSpec {
    retryExceptionTypes = List.copyOf(retryExceptionTypes);
  }

  /**
   * Whether {@code e}, thrown by the task itself, is one to retry (budget aside): {@code
   * retryExceptions} is set and the list of types is empty or names {@code e}'s class or one of its
   * superclasses. Matched by name, so the classes need not be loaded here; the exception's causes
   * are not looked at.
   */
  public boolean retries(Throwable e) {
    if (!retryExceptions) {
      return false;
    }
    if (retryExceptionTypes.isEmpty()) {
      return true;
    }
    for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
      if (retryExceptionTypes.contains(c.getName())) {
        return true;
      }
    }
    return false;
  }

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
