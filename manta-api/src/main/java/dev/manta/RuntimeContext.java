package dev.manta;

import java.util.Map;
import java.util.Optional;

/**
 * Where the calling code runs: inside which task or actor, on which node. Get it with {@link
 * Manta#runtimeContext()}; it describes the calling thread at the time of the call.
 */
public interface RuntimeContext {
  /** The id of the task or actor call this thread is running, if any. */
  Optional<String> taskId();

  /** The id of the actor whose method or constructor this thread is running, if any. */
  Optional<String> actorId();

  /** The id of the current job (one per driver program). */
  String jobId();

  /** The id of the node this code runs on. */
  String nodeId();

  /** Whether this is the embedded runtime (everything in one JVM). */
  boolean isEmbedded();

  /** The resources this node offers in all, including {@code CPU}. */
  Map<String, Double> totalResources();

  /**
   * How often the actor whose method or constructor this thread runs was restarted after its
   * process died ({@link ActorCreator#maxRestarts}) before its current instance: 0 for the first
   * instance, and outside actors. Embedded, actors are never restarted, so it is always 0.
   */
  int actorRestartCount();

  /**
   * A handle to the actor whose method or constructor this thread ran when the context was taken,
   * for calls to itself or to pass itself on; empty outside actors. Calls through it queue behind
   * the running one, so a method of an actor of concurrency 1 must not wait for their results.
   *
   * @throws IllegalStateException if the actor has died since
   */
  <A> Optional<ActorHandle<A>> currentActor();
}
