package dev.manta.runtime.task;

import dev.manta.runtime.store.Failure;

/**
 * Ends a spec that will never run: completes its result with a failure and gives back what it
 * holds. The executor implements it; the submitter calls it when an argument failed or resolving
 * threw, so that the submitter need not know the executor (the engine's packages stay acyclic).
 */
@FunctionalInterface
public interface Abandoner {
  /** Completes {@code t}, which will never run, with {@code failure}. */
  void abandon(TaskRun t, Failure failure);
}
