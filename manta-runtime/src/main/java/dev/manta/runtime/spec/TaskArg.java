package dev.manta.runtime.spec;

import dev.manta.runtime.id.ObjectId;

/**
 * One argument of a task as its spec holds it: a value serialized at submit ({@link Value}), or a
 * reference to an object ({@link Ref}) whose value is resolved before the task runs.
 */
public sealed interface TaskArg permits TaskArg.Value, TaskArg.Ref {
  /**
   * A value passed by value, serialized (a private copy) when the task was submitted.
   *
   * @param bytes the serialized value; never modified after submit
   */
  @SuppressWarnings("ArrayRecordComponent") // read as is, never compared
  record Value(byte[] bytes) implements TaskArg {}

  /**
   * An argument that is an object ref: the task runs once the object is ready, with its value. The
   * engine's object cell implements it, so the spec points at the object it counts without a copy;
   * a port reads only its id.
   */
  non-sealed interface Ref extends TaskArg {
    /** The id of the object the argument refers to. */
    ObjectId id();
  }
}
