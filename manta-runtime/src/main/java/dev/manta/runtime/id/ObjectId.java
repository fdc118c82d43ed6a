package dev.manta.runtime.id;

import java.util.Objects;

/**
 * An object's id: the task that made it and its return or put index, so that lineage can recompute
 * it.
 *
 * @param task the task whose return (or put) this is
 * @param index 1-based return index
 */
public record ObjectId(TaskId task, int index) {
  /** Checks the parts. */
  public ObjectId {
    Objects.requireNonNull(task, "task");
    if (index < 1) {
      throw new IllegalArgumentException("index must be >= 1, was " + index);
    }
  }

  /** Lowercase hex: the task id, then the index as 8 digits. */
  public String hex() {
    return Ids.hex(task.prefix(), task.sequence(), index);
  }

  @Override
  public String toString() {
    return hex();
  }
}
