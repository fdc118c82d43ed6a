package dev.manta.cluster.agent;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How many worker JVMs of a node boot at once. A booting JVM keeps a CPU busy for a second or two
 * (class loading, the JIT, the warm-up); twenty of them at once on two cores starved the head and
 * the agent, whose answers then took longer than their callers' deadlines. So a launch first takes
 * one of {@code permits} permits and gives it back once its JVM booted (or exited, or failed to
 * start); later launches wait their turn in order. Urgent launches (a job's task worker or actor
 * host, which all of a job's tasks or shared actors wait for) go before the others (an isolated
 * actor's own JVM, a prestarted idle one), so a job that joins during a storm of isolated actors
 * starts its first tasks after at most the launches already booting, not after the whole storm.
 *
 * <pre>
 * Implementation notes:
 *   - State (booting, both queues) is guarded by this object's monitor. Invariant: booting <=
 *     permits, and a queue holds waiters only while booting == permits.
 *   - enter() either takes a permit at once or queues a future; leave() hands its permit straight
 *     to the first waiter not yet given up (urgent queue first) and completes that waiter's future
 *     outside the monitor, on the thread that called leave() (a worker's output pump or its exit
 *     callback), so no dependent code runs under the lock.
 *   - A waiter that gives up (its deadline passed) cancels its future. If the cancel loses the
 *     race to leave()'s completion, the waiter holds a permit and gives it back itself; a cancelled
 *     future left in a queue is skipped by the next leave(), which then hands the permit on.
 *   - Callers wait on a thread of their own (a lease's gRPC handler, a virtual thread refilling the
 *     pool), never on a worker's pump, which would have to read BOOTED to free a permit.
 * </pre>
 */
final class BootGate {
  private final int permits;
  private int booting; // guarded by this
  private final ArrayDeque<CompletableFuture<Void>> urgentWaiters = new ArrayDeque<>(); // this
  private final ArrayDeque<CompletableFuture<Void>> otherWaiters = new ArrayDeque<>(); // this

  BootGate(int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be at least 1, was " + permits);
    }
    this.permits = permits;
  }

  /**
   * Waits until this launch may boot a JVM (at most until {@code deadlineNanos}, a {@link
   * System#nanoTime} value); the caller must {@link #leave} once the JVM booted or failed.
   *
   * @throws TimeoutException if no permit came by the deadline (the caller holds none then)
   */
  void enter(boolean urgent, long deadlineNanos) throws TimeoutException, InterruptedException {
    CompletableFuture<Void> turn;
    synchronized (this) {
      if (booting < permits) {
        booting++;
        return;
      }
      turn = new CompletableFuture<>();
      (urgent ? urgentWaiters : otherWaiters).addLast(turn);
    }
    try {
      turn.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | InterruptedException e) {
      if (!turn.cancel(false)) {
        leave(); // leave() granted it meanwhile: hand the permit on
      }
      throw e;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause()); // never completed exceptionally
    }
  }

  /** Gives back a permit taken by {@link #enter}: the next waiter boots. */
  void leave() {
    while (true) {
      CompletableFuture<Void> next;
      synchronized (this) {
        next = urgentWaiters.pollFirst();
        if (next == null) {
          next = otherWaiters.pollFirst();
        }
        if (next == null) {
          booting--;
          return;
        }
      }
      if (next.complete(null)) {
        return; // the permit passed to it; booting unchanged
      }
      // It gave up (cancelled): offer the permit to the next one.
    }
  }

  /** Launches waiting for their turn (those that gave up and are not yet skipped included). */
  synchronized int waiting() {
    return urgentWaiters.size() + otherWaiters.size();
  }

  /** JVMs booting now, and launches waiting for their turn (for the log and errors). */
  synchronized String describe() {
    return booting
        + " of "
        + permits
        + " booting, "
        + (urgentWaiters.size() + otherWaiters.size())
        + " waiting";
  }
}
