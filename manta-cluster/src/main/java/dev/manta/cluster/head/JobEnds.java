package dev.manta.cluster.head;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

/**
 * When jobs end, and the log of ended jobs that nodes read to free what a job left behind (its
 * objects in their stores, its workers).
 *
 * <p>A job ends when its driver says so ({@link #finish}, from {@code Manta.shutdown()}), or when
 * its driver's subscription to the head closes and no new one opens within the grace period (the
 * driver exited or was killed; a driver that only resubscribes, after its stream's deadline or a
 * blip, opens a new stream well within it).
 */
final class JobEnds {
  /*
   * Implementation notes
   *  I1  A job ends at most once: `ended` holds it from then on, and `log` lists ended jobs in the
   *      order they ended; the n-th entry has sequence number n (1-based). `log` only grows.
   *  I2  While a job has an open driver stream (`openStreams` > 0) no stream watch ends it; when
   *      its count falls to 0, a check runs after `graceMs` and ends it only if the count is
   *      still 0 and no stream opened in between (`generation` changed).
   *  Locks: `lock` guards every field; `onEnd` runs after it is released, at most once per job,
   *  on the thread that ended the job (an RPC thread or the timer's).
   */
  private final ReentrantLock lock = new ReentrantLock();
  private final List<String> log = new ArrayList<>(); // guarded by lock
  private final Set<String> ended = new HashSet<>(); // guarded by lock
  private final Map<String, Integer> openStreams = new HashMap<>(); // guarded by lock
  private final Map<String, Long> generation = new HashMap<>(); // guarded by lock
  private final ScheduledExecutorService timer;
  private final long graceMs;
  private final BiConsumer<String, String> onEnd;

  /** Ended jobs after a node's last look, and the sequence number to send next time. */
  record Since(List<String> jobs, long seq) {}

  /**
   * @param timer runs the checks after a driver stream closed
   * @param graceMs how long a job without a driver stream lives on
   * @param onEnd called once per ended job with the job id and the reason
   */
  JobEnds(ScheduledExecutorService timer, long graceMs, BiConsumer<String, String> onEnd) {
    this.timer = timer;
    this.graceMs = graceMs;
    this.onEnd = onEnd;
  }

  /** Ends {@code job}; returns false if it had ended already. */
  boolean finish(String job, String reason) {
    lock.lock();
    try {
      if (!ended.add(job)) {
        return false;
      }
      log.add(job);
      openStreams.remove(job);
      generation.remove(job);
    } finally {
      lock.unlock();
    }
    onEnd.accept(job, reason);
    return true;
  }

  /**
   * Restores the jobs a head with durable storage knew before it restarted: {@code endedJobs} as
   * ended (in the log, so nodes count them as before), and each of {@code runningJobs} as if its
   * driver's stream had just closed, with {@code restoreGraceMs} for the driver to subscribe to the
   * new head before the job ends. Call before any stream opens.
   */
  void restore(List<String> endedJobs, List<String> runningJobs, long restoreGraceMs) {
    lock.lock();
    try {
      for (String job : endedJobs) {
        if (ended.add(job)) {
          log.add(job);
        }
      }
      for (String job : runningJobs) {
        openStreams.put(job, 0);
        generation.put(job, 0L);
      }
    } finally {
      lock.unlock();
    }
    for (String job : runningJobs) {
      timer.schedule(
          () -> endIfStillGone(job, 0L, restoreGraceMs), restoreGraceMs, TimeUnit.MILLISECONDS);
    }
  }

  /** Whether {@code job} has ended. */
  boolean hasEnded(String job) {
    lock.lock();
    try {
      return ended.contains(job);
    } finally {
      lock.unlock();
    }
  }

  /** The job's driver opened a subscription. */
  void driverStreamOpened(String job) {
    lock.lock();
    try {
      if (!ended.contains(job)) {
        openStreams.merge(job, 1, Integer::sum);
        generation.merge(job, 1L, Long::sum);
      }
    } finally {
      lock.unlock();
    }
  }

  /** One of the job's driver subscriptions closed; the job ends unless another opens in time. */
  void driverStreamClosed(String job) {
    long gen;
    lock.lock();
    try {
      Integer n = openStreams.get(job);
      if (n == null) {
        return; // ended already
      }
      if (n > 1) {
        openStreams.put(job, n - 1);
        return;
      }
      openStreams.put(job, 0);
      gen = generation.getOrDefault(job, 0L);
    } finally {
      lock.unlock();
    }
    timer.schedule(() -> endIfStillGone(job, gen), graceMs, TimeUnit.MILLISECONDS);
  }

  private void endIfStillGone(String job, long gen) {
    endIfStillGone(job, gen, graceMs);
  }

  private void endIfStillGone(String job, long gen, long waitedMs) {
    lock.lock();
    try {
      if (openStreams.getOrDefault(job, -1) != 0 || generation.getOrDefault(job, 0L) != gen) {
        return; // ended already, or the driver is back
      }
    } finally {
      lock.unlock();
    }
    finish(
        job,
        "its driver's connection to the head closed and did not come back within "
            + waitedMs
            + " ms (the driver exited or was killed)");
  }

  /** Jobs that ended after the first {@code seen} of the log. */
  Since since(long seen) {
    lock.lock();
    try {
      int from = (int) Math.max(0, Math.min(seen, log.size()));
      return new Since(List.copyOf(log.subList(from, log.size())), log.size());
    } finally {
      lock.unlock();
    }
  }
}
