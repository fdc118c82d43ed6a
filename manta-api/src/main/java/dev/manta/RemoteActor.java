package dev.manta;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a remote actor. With {@code manta-processor} on the annotation processor path,
 * the compiler generates a typed stub for it and registers it in the function index; without the
 * processor it is still usable as {@code Manta.actor(Cls::new)}. Options declared here are
 * defaults; options set when creating the actor override them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RemoteActor {
  /** How many calls may run at once. */
  int maxConcurrency() default 1;

  /**
   * How often the actor is restarted after its process dies: see {@link ActorCreator#maxRestarts}.
   */
  int maxRestarts() default 0;

  /**
   * How often a call in flight when the actor's process died is sent again to the restarted actor:
   * see {@link ActorCreator#maxTaskRetries}.
   */
  int maxTaskRetries() default 0;

  /** Bound on queued and running calls. */
  int maxPendingCalls() default ActorCreator.DEFAULT_MAX_PENDING_CALLS;

  /** CPUs the actor holds for its life. */
  double numCpus() default 0;

  /** Custom resources the actor holds for its life. */
  Resource[] resources() default {};
}
