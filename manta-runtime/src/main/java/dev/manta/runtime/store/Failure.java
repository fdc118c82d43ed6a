package dev.manta.runtime.store;

import dev.manta.ActorDiedException;
import dev.manta.MantaException;
import dev.manta.ObjectFreedException;
import dev.manta.ObjectLostException;
import dev.manta.OwnerDiedException;
import dev.manta.TaskCancelledException;
import dev.manta.TaskException;
import dev.manta.runtime.serial.filter.JavaInputFilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A failure stored in place of a value: every {@code get} of the object throws a fresh exception
 * built from it, and dependent tasks inherit it without running.
 *
 * @param kind what went wrong
 * @param subjectId the failed task's or dead actor's id (hex)
 * @param functionName the task's function, or the actor's class
 * @param exceptionClass the class of the exception thrown remotely (TASK_FAILED), else empty
 * @param message a human-readable message
 * @param stackTrace the remote stack trace as text (TASK_FAILED), else empty
 * @param exceptionBytes the remote exception in Java serialization, or null if it could not be
 *     serialized
 * @param cause a failure this one wraps (an actor that died because its constructor failed)
 */
@SuppressWarnings("ArrayRecordComponent") // never mutated after construction
public record Failure(
    Kind kind,
    String subjectId,
    String functionName,
    String exceptionClass,
    String message,
    String stackTrace,
    byte[] exceptionBytes,
    Failure cause)
    implements StoredValue {

  /** The kinds of failure, each with its own exception type. */
  public enum Kind {
    /** The task threw: {@link TaskException}. */
    TASK_FAILED,
    /** The task was cancelled: {@link TaskCancelledException}. */
    CANCELLED,
    /** The actor died: {@link ActorDiedException}. */
    ACTOR_DIED,
    /** The object was freed: {@link ObjectFreedException}. */
    FREED,
    /** The worker process died (cluster): {@link dev.manta.WorkerDiedException}. */
    WORKER_DIED,
    /** The node died (cluster): {@link dev.manta.NodeDiedException}. */
    NODE_DIED,
    /** The object's only copy was lost and cannot be rebuilt: {@link ObjectLostException}. */
    OBJECT_LOST,
    /** The object's owner died: {@link OwnerDiedException}. */
    OWNER_DIED
  }

  /** A task lost with its worker process ({@code nodeId} in the function-name slot). */
  public static Failure workerDied(String taskId, String nodeId, String message) {
    return new Failure(Kind.WORKER_DIED, taskId, nodeId, "", message, "", null, null);
  }

  /** A task lost with its node ({@code nodeId} in the function-name slot). */
  public static Failure nodeDied(String taskId, String nodeId, String message) {
    return new Failure(Kind.NODE_DIED, taskId, nodeId, "", message, "", null, null);
  }

  /** Object {@code objectId} was lost and cannot be rebuilt; {@code message} says why. */
  public static Failure objectLost(String objectId, String message) {
    return new Failure(Kind.OBJECT_LOST, objectId, "", "", message, "", null, null);
  }

  /** The owner of object {@code objectId} died; {@code message} names it. */
  public static Failure ownerDied(String objectId, String message) {
    return new Failure(Kind.OWNER_DIED, objectId, "", "", message, "", null, null);
  }

  /** Captures {@code thrown}, keeping the exception itself when Java serialization allows. */
  public static Failure ofThrowable(String taskId, String functionName, Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    return new Failure(
        Kind.TASK_FAILED,
        taskId,
        functionName,
        thrown.getClass().getName(),
        thrown.getMessage(),
        trace.toString(),
        javaSerialize(thrown),
        null);
  }

  /** A cancellation of task {@code taskId}, with the reason in {@code message}. */
  public static Failure cancelled(String taskId, String functionName, String message) {
    return new Failure(Kind.CANCELLED, taskId, functionName, "", message, "", null, null);
  }

  /** The death of actor {@code actorId}; {@code cause} is the constructor's failure, if any. */
  public static Failure actorDied(
      String actorId, String actorClass, String message, Failure cause) {
    return new Failure(Kind.ACTOR_DIED, actorId, actorClass, "", message, "", null, cause);
  }

  /** The object {@code objectId} was freed. */
  public static Failure freed(String objectId, String message) {
    return new Failure(Kind.FREED, objectId, "", "", message, "", null, null);
  }

  /** A new exception for a caller of {@code get}; its stack trace is the caller's. */
  public MantaException toException(ClassLoader loader) {
    return switch (kind) {
      case TASK_FAILED ->
          new TaskException(
              subjectId,
              functionName,
              exceptionClass,
              message,
              stackTrace,
              javaDeserialize(exceptionBytes, loader));
      case CANCELLED -> new TaskCancelledException(message);
      case ACTOR_DIED ->
          new ActorDiedException(
              subjectId, message, cause == null ? null : cause.toException(loader));
      case FREED -> new ObjectFreedException(message);
      case WORKER_DIED -> new dev.manta.WorkerDiedException(subjectId, functionName, message);
      case NODE_DIED -> new dev.manta.NodeDiedException(subjectId, functionName, message);
      case OBJECT_LOST -> new ObjectLostException(subjectId, message);
      case OWNER_DIED -> new OwnerDiedException(subjectId, message);
    };
  }

  @Override
  public long sizeBytes() {
    return exceptionBytes == null ? 0 : exceptionBytes.length;
  }

  @Override
  public String location() {
    return "error";
  }

  private static byte[] javaSerialize(Throwable t) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(t);
    } catch (IOException | RuntimeException e) {
      return null; // not serializable: the class name, message and trace text stand in for it
    }
    return bytes.toByteArray();
  }

  /**
   * The remote exception, or null when it cannot be rebuilt here: its class is missing, or it holds
   * a class outside {@link JavaInputFilter}'s allowlist for exceptions (the bytes came from another
   * process). Then {@code TaskException} carries the class name and the trace text instead.
   */
  private static Throwable javaDeserialize(byte[] bytes, ClassLoader loader) {
    if (bytes == null) {
      return null;
    }
    try {
      return JavaInputFilter.read(bytes, loader, JavaInputFilter.Kind.THROWABLE)
              instanceof Throwable t
          ? t
          : null;
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      return null; // class missing or refused here: TaskException has the class name and trace text
    }
  }
}
