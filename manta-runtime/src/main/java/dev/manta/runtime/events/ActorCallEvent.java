package dev.manta.runtime.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One actor method call run in this process, from its start to its result being stored (for a
 * method returning a {@code CompletionStage}, when the stage completed).
 */
@Name("dev.manta.ActorCall")
@Label("Actor Call")
@Category("Manta")
@Description("An actor method call run in this process")
@StackTrace(false)
public final class ActorCallEvent extends Event {
  /** The call's task id, in hex. */
  @Label("Task Id")
  public String taskId;

  /** The method: the call's name, else the function's. */
  @Label("Method")
  public String method;

  /** The actor's id, in hex. */
  @Label("Actor Id")
  public String actorId;

  /** The actor's class. */
  @Label("Actor Class")
  public String actorClass;

  /** {@code ok}, {@code failed} or {@code cancelled}. */
  @Label("Outcome")
  public String outcome;
}
