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

  /**
   * A call's result is about to be stored: it no longer counts as pending, so a caller that sees
   * the result may call again at once. Called once per call ({@link TaskRun#releaseSlotOnce}),
   * before the result is visible to anyone.
   */
  void callEnding(TaskRun call);

  /**
   * A call finished (its result stored, {@link #callEnding} called): an actor that nothing can call
   * any more and that has no call pending may end now.
   */
  void callFinished(TaskRun call);
}
