package dev.manta.cluster.head;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The head's failure detector: it decides when to check each node and when a node is dead. A check
 * is due one {@code period} after the previous one began, and at most one runs per node; a check
 * fails when the node answers with an error or does not answer within {@code timeout}. After {@code
 * threshold} failed checks in a row the node is declared dead; one answered check resets the count.
 * The caller sends the checks ({@link #tick} says which) and reports their outcome ({@link
 * #answered}); time comes from the clock given, so the logic is tested without waiting.
 *
 * <p>A node that stops answering is declared dead within {@code period + threshold * max(period,
 * timeout)} of its last answer, plus one tick of the caller.
 *
 * <p>Thread-safe.
 */
final class NodeHealth {
  /*
   * Implementation notes
   *  H1  a watched node has at most one check in flight (inFlightSince >= 0); its seq is the
   *      check's, and an answer with another seq (an earlier check's, late) is ignored.
   *  H2  failures counts the failed checks since the last answered one; it reaches threshold at
   *      most once, and the node is unwatched in the same step (tick or answered), so a death is
   *      reported exactly once per watch.
   *  Locks: one monitor (this) for the table; no call leaves the class with it held. The caller
   *  sends checks and handles deaths outside it.
   */

  /** A check to send: {@code seq} goes back with the answer. */
  record Check(String nodeId, long seq) {}

  /** A node declared dead, and why. */
  record Death(String nodeId, String reason) {}

  /** What a tick found: checks to send now, and nodes dead now. */
  record Tick(List<Check> checks, List<Death> deaths) {}

  private static final class Watch {
    long nextCheckAt;
    long inFlightSince = -1;
    long seq;
    int failures;
    String lastProblem = "";
  }

  private final long periodNanos;
  private final long timeoutNanos;
  private final int threshold;
  private final LongSupplier nanoClock;
  private final Map<String, Watch> watched = new HashMap<>(); // guarded by this

  /**
   * @param periodMs time from the start of one check of a node to the next
   * @param timeoutMs how long a check may go unanswered before it counts as failed
   * @param threshold failed checks in a row that make a node dead; at least 1
   * @param nanoClock the time, in nanoseconds ({@code System::nanoTime} outside tests)
   */
  NodeHealth(long periodMs, long timeoutMs, int threshold, LongSupplier nanoClock) {
    if (periodMs <= 0 || timeoutMs <= 0 || threshold < 1) {
      throw new IllegalArgumentException(
          "health checks need period > 0, timeout > 0 and threshold >= 1, were "
              + periodMs
              + " ms, "
              + timeoutMs
              + " ms, "
              + threshold);
    }
    this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMs);
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    this.threshold = threshold;
    this.nanoClock = nanoClock;
  }

  /**
   * Starts watching {@code nodeId} (again, from a clean count): its first check is a period away.
   */
  synchronized void watch(String nodeId) {
    Watch w = new Watch();
    w.nextCheckAt = nanoClock.getAsLong() + periodNanos;
    watched.put(nodeId, w);
  }

  /** Stops watching {@code nodeId}; a check in flight is ignored when it answers. */
  synchronized void unwatch(String nodeId) {
    watched.remove(nodeId);
  }

  /** Whether {@code nodeId} is watched. */
  synchronized boolean watches(String nodeId) {
    return watched.containsKey(nodeId);
  }

  /**
   * Counts each check unanswered past the timeout as failed, declares dead (and unwatches) the
   * nodes that reached the threshold, and starts the checks that are due.
   */
  synchronized Tick tick() {
    long now = nanoClock.getAsLong();
    List<Check> checks = new ArrayList<>();
    List<Death> deaths = new ArrayList<>();
    for (Iterator<Map.Entry<String, Watch>> it = watched.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Watch> e = it.next();
      Watch w = e.getValue();
      if (w.inFlightSince >= 0 && now - w.inFlightSince >= timeoutNanos) {
        w.inFlightSince = -1;
        w.failures++;
        w.lastProblem = "no answer within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms";
        if (w.failures >= threshold) {
          it.remove(); // H2
          deaths.add(new Death(e.getKey(), reason(w)));
          continue;
        }
      }
      if (w.inFlightSince < 0 && now - w.nextCheckAt >= 0) {
        w.inFlightSince = now;
        w.nextCheckAt = now + periodNanos;
        w.seq++;
        checks.add(new Check(e.getKey(), w.seq));
      }
    }
    return new Tick(checks, deaths);
  }

  /**
   * The outcome of check {@code seq} of {@code nodeId}: {@code problem} is null when the node
   * answered, otherwise what went wrong.
   *
   * @return the node's death, when this failure reached the threshold (it is then unwatched)
   */
  synchronized Optional<Death> answered(String nodeId, long seq, String problem) {
    Watch w = watched.get(nodeId);
    if (w == null || w.seq != seq || w.inFlightSince < 0) {
      return Optional.empty(); // H1: late, or timed out already
    }
    w.inFlightSince = -1;
    if (problem == null) {
      w.failures = 0;
      return Optional.empty();
    }
    w.failures++;
    w.lastProblem = problem;
    if (w.failures < threshold) {
      return Optional.empty();
    }
    watched.remove(nodeId); // H2
    return Optional.of(new Death(nodeId, reason(w)));
  }

  /** How often the caller should {@link #tick}: often enough to keep the period and timeout. */
  long tickMillis() {
    long fine = Math.min(periodNanos, timeoutNanos) / 4;
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(fine));
  }

  private String reason(Watch w) {
    return "failed "
        + w.failures
        + " health checks in a row (one every "
        + TimeUnit.NANOSECONDS.toMillis(periodNanos)
        + " ms, each given "
        + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
        + " ms: manta.health-check-period-ms, -timeout-ms, -failure-threshold); last: "
        + w.lastProblem;
  }
}
