package dev.manta.runtime.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One run of a task or of an actor's constructor in this process, from the start of its first
 * attempt to its result being stored (for an asynchronous task, when its stage completed).
 */
@Name("dev.manta.TaskExecution")
@Label("Task Execution")
@Category("Manta")
@Description("A task or actor construction run in this process")
@StackTrace(false)
public final class TaskExecutionEvent extends Event {
  /** The task's id, in hex. */
  @Label("Task Id")
  public String taskId;

  /** The task's name: the user's, else the function's. */
  @Label("Name")
  public String name;

  /** {@code task} or {@code actor creation}. */
  @Label("Kind")
  public String kind;

  /** Attempts made before the one that ended (0 for a first try that ended). */
  @Label("Retries")
  public int retries;

  /** {@code ok}, {@code failed} or {@code cancelled}. */
  @Label("Outcome")
  public String outcome;
}
