package dev.manta.runtime.task;

import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.store.Failure;

/** What the executor needs from an actor while running its constructor or a method. */
public interface ActorTarget {
  /** The actor's id (for events and errors). */
  ActorId id();

  /** The actor's instance, for method calls. */
  Object instance();

  /**
   * The constructor returned {@code instance}. Returns false if the actor died meanwhile (then it
   * keeps no resources).
   */
  boolean constructed(Object instance);

  /** The constructor threw. */
  void constructionFailed(Failure failure);

  /** The failure that replaces results of calls to this actor once it is dead, else null. */
  Failure deathOrNull();

  /** A call finished (its result stored): it no longer counts as pending. */
  void callFinished(TaskRun call);
}
