package dev.manta.runtime.ownership;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs completion callbacks on the thread that hands them over (after the port's executor has
 * chosen that thread), but never nests more than {@link #MAX_INLINE_DEPTH} of them on one stack: a
 * callback handed over while that many are running on this thread is deferred and run by the
 * outermost one, after it returns.
 *
 * <p>Why: completing an object runs its dependents' callbacks, and a dependent's callback may
 * complete the next object (a failure flowing down a chain of tasks does exactly that). Run inline
 * each inside the previous, a chain of some thousand tasks overflowed the stack; the {@link
 * StackOverflowError} was caught inside {@link java.util.concurrent.CompletableFuture} and the rest
 * of the chain never resolved.
 */
final class Trampoline implements Executor {
  /*
   * Implementation notes
   *  I1  On one thread, at most MAX_INLINE_DEPTH trampolined callbacks are on the stack at once:
   *      `depth` counts them, and a callback arriving at that depth goes to `deferred`.
   *  I2  Every deferred callback runs, on the thread that deferred it, before the outermost
   *      callback's execute() returns: the frame at depth 0 drains `deferred` until it is empty
   *      (callbacks deferred while draining are drained too). So nothing waits for another thread.
   *  I3  A callback that throws does not stop the others: the first direct callback's throwable is
   *      rethrown to its caller (as plain inline execution would), a deferred one's is logged at
   *      ERROR with its stack trace, since its caller has already returned.
   *  Thread confinement: a Frame belongs to one thread (a ThreadLocal); no locks.
   *  Ordering: callbacks are independent and must not block (see ReferenceTable.callbacks), so
   *  running a deferred one later on the same thread changes no outcome.
   */
  private static final Logger LOG = LoggerFactory.getLogger(Trampoline.class);

  /** Nesting depth before callbacks are deferred; a few frames each, far below any stack size. */
  static final int MAX_INLINE_DEPTH = 8;

  private static final ThreadLocal<Frame> FRAME = ThreadLocal.withInitial(Frame::new);

  private static final class Frame {
    int depth;
    ArrayDeque<Runnable> deferred; // created on first deferral

    void defer(Runnable r) {
      if (deferred == null) {
        deferred = new ArrayDeque<>();
      }
      deferred.add(r);
    }
  }

  private final Executor thread;

  /** A trampoline over {@code thread}, which chooses the thread a callback runs on. */
  Trampoline(Executor thread) {
    this.thread = thread;
  }

  /** A trampoline running callbacks on the thread that hands them over. */
  static Trampoline inline() {
    return new Trampoline(null);
  }

  @Override
  public void execute(Runnable r) {
    if (thread == null) {
      runHere(r);
    } else {
      thread.execute(() -> runHere(r));
    }
  }

  private static void runHere(Runnable r) {
    Frame f = FRAME.get();
    if (f.depth >= MAX_INLINE_DEPTH) {
      f.defer(r);
      return;
    }
    f.depth++;
    try {
      r.run();
    } finally {
      f.depth--;
      if (f.depth == 0 && f.deferred != null) {
        drain(f);
      }
    }
  }

  private static void drain(Frame f) {
    Runnable next;
    while ((next = f.deferred.poll()) != null) {
      f.depth++;
      try {
        next.run();
      } catch (RuntimeException | Error e) { // I3: its caller is gone; the others still run
        LOG.error("A deferred completion callback threw; its dependents may not resolve", e);
      } finally {
        f.depth--;
      }
    }
  }

  /** Callbacks deferred on this thread and not yet run (0 outside a drain); for tests. */
  static int deferredOnThisThread() {
    Frame f = FRAME.get();
    return f.deferred == null ? 0 : f.deferred.size();
  }
}
