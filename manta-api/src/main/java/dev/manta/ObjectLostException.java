package dev.manta;

/**
 * The object's only copy was lost and cannot be rebuilt (cluster mode): the node or worker holding
 * it died, and it was a {@code put} object (which has no task to run again), or the task that made
 * it ran out of retries, or its lineage was not kept (see {@code manta.lineage-max-tasks}). Every
 * later {@code get} of the object throws this too; it never returns other data in its place.
 *
 * <p>An object made by a task whose lineage is kept is rebuilt instead: its task runs again (and
 * so, recursively, do the tasks that made its lost arguments), and {@code get} waits for the
 * result.
 */
public final class ObjectLostException extends MantaException {
  private static final long serialVersionUID = 1L;

  private final String objectId;

  /** Creates the exception for object {@code objectId}; the message says why it is lost. */
  public ObjectLostException(String objectId, String message) {
    super(message);
    this.objectId = objectId;
  }

  /** The id of the lost object (hex). */
  public String objectId() {
    return objectId;
  }
}
