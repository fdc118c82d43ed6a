package dev.manta.runtime.port;

import dev.manta.MantaFunction;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;

/**
 * A task, actor creation or actor call of the core, as a port sees it: its immutable spec and which
 * try this is. The port hands it back to the core (through {@link CoreAccess}) to complete it, run
 * it locally or try it again; only the core that made a handle accepts it.
 */
public interface TaskHandle {
  /** What runs. */
  TaskSpec spec();

  /** Which try this is (0 for the first); raised only by {@link CoreAccess#nextAttempt}. */
  int attempt();

  /** Whether the run counts references to objects, so that completing it may free some. */
  boolean holdsRefs();

  /** The spec's id. */
  default TaskId id() {
    return spec().id();
  }

  /** The spec's kind. */
  default TaskSpec.Kind kind() {
    return spec().kind();
  }

  /** The spec's function. */
  default MantaFunction fn() {
    return spec().fn();
  }

  /** The spec's arguments (never modify the array). */
  default TaskArg[] args() {
    return spec().args();
  }

  /** The spec's demand. */
  default ResourceSet resources() {
    return spec().resources();
  }

  /** The spec's name, or null. */
  default String name() {
    return spec().name();
  }

  /** How often a failed task runs again (-1: forever). */
  default int maxRetries() {
    return spec().maxRetries();
  }

  /** Whether exceptions are retried. */
  default boolean retryExceptions() {
    return spec().retryExceptions();
  }

  /** With {@link #retryExceptions()}, the exception classes retried (binary names; empty: all). */
  default java.util.List<String> retryExceptionTypes() {
    return spec().retryExceptionTypes();
  }

  /** The actor of an actor creation or call, else null. */
  default ActorId actorId() {
    return spec().actor();
  }

  /** The name shown in errors. */
  default String displayName() {
    return spec().displayName();
  }
}
