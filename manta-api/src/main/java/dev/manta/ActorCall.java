package dev.manta;

/**
 * A prepared actor method call, made by {@link ActorHandle#task}: {@link #remote()} sends it. Not
 * thread-safe; use each call once.
 *
 * @param <R> the method's return type
 */
public abstract class ActorCall<R> {
  /** For runtime implementations. */
  protected ActorCall() {}

  /**
   * Sends the call and returns at once with the ref of its result. Calls from one thread to one
   * actor run in the order they were sent.
   *
   * @throws PendingCallsLimitException if the actor already has {@code maxPendingCalls} calls
   * @throws IllegalArgumentException if an argument cannot be serialized
   */
  public abstract ObjectRef<R> remote();
}
