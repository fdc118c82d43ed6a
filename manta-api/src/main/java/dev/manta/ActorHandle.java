package dev.manta;

import java.util.Optional;

/**
 * A handle to a remote actor: a single object whose methods run one call at a time (or up to its
 * {@code maxConcurrency}) in the order the calls were sent. Get one from {@link Manta#actor} or
 * {@link Manta#getActor(String)}; call methods with {@code handle.task(Counter::add, 5).remote()}.
 *
 * <p>Handles can be passed to tasks and other actors as arguments or inside values. Two handles to
 * the same actor are {@code equals}. Thread-safe.
 *
 * @param <A> the actor's class
 */
@SuppressWarnings("overloads") // value and void overloads, as in Ray's Java API
public abstract class ActorHandle<A> {
  private static final Object[] NO_ARGS = {};

  /** For runtime implementations. */
  protected ActorHandle() {}

  /** The actor's id, as lowercase hex. */
  public abstract String id();

  /** The actor's name, if it was created with one. */
  public abstract Optional<String> name();

  /**
   * The actor's state as this process knows it now: {@link ActorState#PENDING_CREATION} until its
   * constructor has run, {@link ActorState#ALIVE}, {@link ActorState#RESTARTING} while a restart
   * after its process died is under way, {@link ActorState#DEAD} for good. On a cluster a process
   * other than the actor's owner learns of changes from the head, so it may lag by moments. Like
   * any use of an unused {@link ActorCreator}, it creates the actor.
   */
  public abstract ActorState state();

  /**
   * Kills the actor now: a running call is interrupted, queued and future calls fail with {@link
   * ActorDiedException}, and a name it had is released. Killing a dead actor does nothing. On a
   * cluster any process holding a handle may kill it, not only the one that created it: the actor
   * ends where it runs and its resources are freed.
   */
  public abstract void kill();

  /** Prepares a call; the generated {@code task} overloads all come here. For runtimes. */
  protected abstract <R> ActorCall<R> newCall(MantaFunction method, Object[] args, long refMask);

  // BEGIN GENERATED CALLS (manta-api/src/test/java/dev/manta/gen/GenerateCalls.java)

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <R> ActorCall<R> task(Fn1<A, R> method) {
    return newCall(method, NO_ARGS, 0L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final ActorCall<Void> task(VoidFn1<A> method) {
    return newCall(method, NO_ARGS, 0L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <R> ActorCall<R> taskAsync(AsyncFn1<A, R> method) {
    return newCall(method, NO_ARGS, 0L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, R> ActorCall<R> task(Fn2<A, T0, R> method, T0 a0) {
    return newCall(method, new Object[] {a0}, 0L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0> ActorCall<Void> task(VoidFn2<A, T0> method, T0 a0) {
    return newCall(method, new Object[] {a0}, 0L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, R> ActorCall<R> taskAsync(AsyncFn2<A, T0, R> method, T0 a0) {
    return newCall(method, new Object[] {a0}, 0L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, R> ActorCall<R> task(Fn2<A, T0, R> method, ObjectRef<T0> a0) {
    return newCall(method, new Object[] {a0}, 1L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0> ActorCall<Void> task(VoidFn2<A, T0> method, ObjectRef<T0> a0) {
    return newCall(method, new Object[] {a0}, 1L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, R> ActorCall<R> taskAsync(AsyncFn2<A, T0, R> method, ObjectRef<T0> a0) {
    return newCall(method, new Object[] {a0}, 1L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, R> ActorCall<R> task(Fn3<A, T0, T1, R> method, T0 a0, T1 a1) {
    return newCall(method, new Object[] {a0, a1}, 0L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1> ActorCall<Void> task(VoidFn3<A, T0, T1> method, T0 a0, T1 a1) {
    return newCall(method, new Object[] {a0, a1}, 0L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, R> ActorCall<R> taskAsync(AsyncFn3<A, T0, T1, R> method, T0 a0, T1 a1) {
    return newCall(method, new Object[] {a0, a1}, 0L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, R> ActorCall<R> task(Fn3<A, T0, T1, R> method, T0 a0, ObjectRef<T1> a1) {
    return newCall(method, new Object[] {a0, a1}, 2L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1> ActorCall<Void> task(VoidFn3<A, T0, T1> method, T0 a0, ObjectRef<T1> a1) {
    return newCall(method, new Object[] {a0, a1}, 2L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, R> ActorCall<R> taskAsync(
      AsyncFn3<A, T0, T1, R> method, T0 a0, ObjectRef<T1> a1) {
    return newCall(method, new Object[] {a0, a1}, 2L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, R> ActorCall<R> task(Fn3<A, T0, T1, R> method, ObjectRef<T0> a0, T1 a1) {
    return newCall(method, new Object[] {a0, a1}, 1L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1> ActorCall<Void> task(VoidFn3<A, T0, T1> method, ObjectRef<T0> a0, T1 a1) {
    return newCall(method, new Object[] {a0, a1}, 1L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, R> ActorCall<R> taskAsync(
      AsyncFn3<A, T0, T1, R> method, ObjectRef<T0> a0, T1 a1) {
    return newCall(method, new Object[] {a0, a1}, 1L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, R> ActorCall<R> task(
      Fn3<A, T0, T1, R> method, ObjectRef<T0> a0, ObjectRef<T1> a1) {
    return newCall(method, new Object[] {a0, a1}, 3L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1> ActorCall<Void> task(
      VoidFn3<A, T0, T1> method, ObjectRef<T0> a0, ObjectRef<T1> a1) {
    return newCall(method, new Object[] {a0, a1}, 3L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, R> ActorCall<R> taskAsync(
      AsyncFn3<A, T0, T1, R> method, ObjectRef<T0> a0, ObjectRef<T1> a1) {
    return newCall(method, new Object[] {a0, a1}, 3L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, R> ActorCall<R> task(
      Fn4<A, T0, T1, T2, R> method, T0 a0, T1 a1, T2 a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 0L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2> ActorCall<Void> task(
      VoidFn4<A, T0, T1, T2> method, T0 a0, T1 a1, T2 a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 0L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, R> ActorCall<R> taskAsync(
      AsyncFn4<A, T0, T1, T2, R> method, T0 a0, T1 a1, T2 a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 0L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, R> ActorCall<R> task(
      Fn4<A, T0, T1, T2, R> method, T0 a0, T1 a1, ObjectRef<T2> a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 4L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2> ActorCall<Void> task(
      VoidFn4<A, T0, T1, T2> method, T0 a0, T1 a1, ObjectRef<T2> a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 4L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, R> ActorCall<R> taskAsync(
      AsyncFn4<A, T0, T1, T2, R> method, T0 a0, T1 a1, ObjectRef<T2> a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 4L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, R> ActorCall<R> task(
      Fn4<A, T0, T1, T2, R> method, T0 a0, ObjectRef<T1> a1, T2 a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 2L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2> ActorCall<Void> task(
      VoidFn4<A, T0, T1, T2> method, T0 a0, ObjectRef<T1> a1, T2 a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 2L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, R> ActorCall<R> taskAsync(
      AsyncFn4<A, T0, T1, T2, R> method, T0 a0, ObjectRef<T1> a1, T2 a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 2L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, R> ActorCall<R> task(
      Fn4<A, T0, T1, T2, R> method, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 6L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2> ActorCall<Void> task(
      VoidFn4<A, T0, T1, T2> method, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 6L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, R> ActorCall<R> taskAsync(
      AsyncFn4<A, T0, T1, T2, R> method, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 6L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, R> ActorCall<R> task(
      Fn4<A, T0, T1, T2, R> method, ObjectRef<T0> a0, T1 a1, T2 a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 1L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2> ActorCall<Void> task(
      VoidFn4<A, T0, T1, T2> method, ObjectRef<T0> a0, T1 a1, T2 a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 1L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, R> ActorCall<R> taskAsync(
      AsyncFn4<A, T0, T1, T2, R> method, ObjectRef<T0> a0, T1 a1, T2 a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 1L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, R> ActorCall<R> task(
      Fn4<A, T0, T1, T2, R> method, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 5L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2> ActorCall<Void> task(
      VoidFn4<A, T0, T1, T2> method, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 5L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, R> ActorCall<R> taskAsync(
      AsyncFn4<A, T0, T1, T2, R> method, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 5L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, R> ActorCall<R> task(
      Fn4<A, T0, T1, T2, R> method, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 3L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2> ActorCall<Void> task(
      VoidFn4<A, T0, T1, T2> method, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 3L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, R> ActorCall<R> taskAsync(
      AsyncFn4<A, T0, T1, T2, R> method, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 3L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, R> ActorCall<R> task(
      Fn4<A, T0, T1, T2, R> method, ObjectRef<T0> a0, ObjectRef<T1> a1, ObjectRef<T2> a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 7L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2> ActorCall<Void> task(
      VoidFn4<A, T0, T1, T2> method, ObjectRef<T0> a0, ObjectRef<T1> a1, ObjectRef<T2> a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 7L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, R> ActorCall<R> taskAsync(
      AsyncFn4<A, T0, T1, T2, R> method, ObjectRef<T0> a0, ObjectRef<T1> a1, ObjectRef<T2> a2) {
    return newCall(method, new Object[] {a0, a1, a2}, 7L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method, T0 a0, T1 a1, T2 a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 0L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method, T0 a0, T1 a1, T2 a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 0L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method, T0 a0, T1 a1, T2 a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 0L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 8L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 8L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 8L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 4L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 4L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 4L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method, T0 a0, T1 a1, ObjectRef<T2> a2, ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 12L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method, T0 a0, T1 a1, ObjectRef<T2> a2, ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 12L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method, T0 a0, T1 a1, ObjectRef<T2> a2, ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 12L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 2L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 2L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 2L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method, T0 a0, ObjectRef<T1> a1, T2 a2, ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 10L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method, T0 a0, ObjectRef<T1> a1, T2 a2, ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 10L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method, T0 a0, ObjectRef<T1> a1, T2 a2, ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 10L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 6L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 6L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 6L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 14L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 14L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 14L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 1L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 1L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 1L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method, ObjectRef<T0> a0, T1 a1, T2 a2, ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 9L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method, ObjectRef<T0> a0, T1 a1, T2 a2, ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 9L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method, ObjectRef<T0> a0, T1 a1, T2 a2, ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 9L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 5L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 5L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 5L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 13L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 13L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 13L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 3L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 3L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2, T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 3L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 11L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 11L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 11L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 7L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 7L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 7L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, R> ActorCall<R> task(
      Fn5<A, T0, T1, T2, T3, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 15L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3> ActorCall<Void> task(
      VoidFn5<A, T0, T1, T2, T3> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 15L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, R> ActorCall<R> taskAsync(
      AsyncFn5<A, T0, T1, T2, T3, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3) {
    return newCall(method, new Object[] {a0, a1, a2, a3}, 15L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 0L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 0L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 0L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method, T0 a0, T1 a1, T2 a2, T3 a3, ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 16L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method, T0 a0, T1 a1, T2 a2, T3 a3, ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 16L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method, T0 a0, T1 a1, T2 a2, T3 a3, ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 16L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3, T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 8L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3, T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 8L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3, T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 8L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 24L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 24L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 24L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3, T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 4L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3, T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 4L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3, T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 4L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 20L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 20L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 20L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 12L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 12L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 12L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 28L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 28L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 28L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3, T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 2L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3, T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 2L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3, T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 2L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 18L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 18L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 18L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 10L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 10L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 10L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 26L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 26L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 26L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 6L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 6L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 6L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 22L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 22L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 22L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 14L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 14L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 14L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 30L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 30L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 30L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3, T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 1L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3, T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 1L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3, T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 1L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 17L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 17L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 17L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 9L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 9L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 9L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 25L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 25L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 25L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 5L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 5L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 5L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 21L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 21L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 21L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 13L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 13L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 13L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 29L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 29L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 29L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 3L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 3L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 3L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 19L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 19L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 19L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 11L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 11L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 11L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 27L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 27L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 27L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 7L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 7L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 7L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 23L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 23L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 23L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 15L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 15L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 15L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> task(
      Fn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 31L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4> ActorCall<Void> task(
      VoidFn6<A, T0, T1, T2, T3, T4> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 31L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, R> ActorCall<R> taskAsync(
      AsyncFn6<A, T0, T1, T2, T3, T4, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4}, 31L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 0L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 0L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 0L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 32L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      T1 a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 32L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 32L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 16L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 16L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 16L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 48L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 48L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 48L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 8L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 8L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 8L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 40L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 40L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 40L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 24L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 24L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 24L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 56L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 56L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 56L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 4L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 4L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 4L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 36L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 36L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 36L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 20L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 20L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 20L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 52L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 52L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 52L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 12L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 12L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 12L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 44L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 44L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 44L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 28L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 28L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 28L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 60L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 60L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 60L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 2L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 2L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 2L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 34L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 34L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 34L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 18L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 18L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 18L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 50L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 50L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 50L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 10L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 10L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 10L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 42L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 42L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 42L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 26L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 26L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 26L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 58L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 58L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 58L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 6L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 6L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 6L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 38L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 38L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 38L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 22L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 22L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 22L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 54L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 54L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 54L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 14L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 14L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 14L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 46L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 46L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 46L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 30L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 30L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 30L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 62L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 62L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 62L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 1L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 1L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 1L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 33L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 33L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 33L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 17L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 17L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 17L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 49L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 49L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 49L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 9L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 9L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 9L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 41L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 41L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 41L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 25L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 25L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 25L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 57L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 57L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 57L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 5L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 5L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 5L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 37L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 37L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 37L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 21L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 21L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 21L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 53L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 53L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 53L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 13L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 13L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 13L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 45L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 45L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 45L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 29L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 29L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 29L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 61L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 61L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 61L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 3L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 3L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 3L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 35L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 35L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 35L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 19L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 19L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 19L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 51L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 51L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 51L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 11L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 11L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 11L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 43L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 43L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 43L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 27L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 27L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 27L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 59L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 59L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 59L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 7L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 7L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 7L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 39L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 39L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 39L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 23L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 23L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 23L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 55L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 55L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 55L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 15L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 15L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 15L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 47L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 47L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 47L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 31L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 31L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 31L);
  }

  /** Prepares a call of the actor method {@code method}; {@link ActorCall#remote()} sends it. */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> task(
      Fn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 63L);
  }

  /** Prepares a call of the actor method {@code method} that returns nothing. */
  public final <T0, T1, T2, T3, T4, T5> ActorCall<Void> task(
      VoidFn7<A, T0, T1, T2, T3, T4, T5> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 63L);
  }

  /**
   * Prepares a call of the asynchronous actor method {@code method}: it returns a {@link
   * java.util.concurrent.CompletionStage}, and the call's {@link ObjectRef} completes with the
   * stage's value. No thread is held while the stage is pending.
   */
  public final <T0, T1, T2, T3, T4, T5, R> ActorCall<R> taskAsync(
      AsyncFn7<A, T0, T1, T2, T3, T4, T5, R> method,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return newCall(method, new Object[] {a0, a1, a2, a3, a4, a5}, 63L);
  }
  // END GENERATED CALLS
}
