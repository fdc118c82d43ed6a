package dev.manta.examples;

import io.ray.api.ActorHandle;
import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import io.ray.api.WaitResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain Ray Java program (it imports {@code io.ray.api} and nothing of Manta) run on Manta:
 * counts the primes below a limit with a segmented sieve, one Ray task per segment.
 *
 * <pre>
 * bin/example ray [LIMIT]             # embedded runtime (Ray's local mode)
 * bin/example ray [LIMIT] --cluster   # the same program as a Manta cluster driver
 * </pre>
 *
 * <p>It runs on Ray's own runtime unchanged; on Manta the only change is a dependency: {@code
 * dev.manta:manta-ray-compat} instead of {@code io.ray:ray-runtime} (see manta-ray-compat's
 * README). What it shows, in Ray's API:
 *
 * <ul>
 *   <li>{@code Ray.put} of the base primes, shared by every task through one {@link ObjectRef};
 *   <li>{@code Ray.task(...).remote()} for many tasks, and {@code Ray.wait} to take their results
 *       as they finish, in whatever order;
 *   <li>a named actor ({@code setName}) that keeps the running total, found again with {@code
 *       Ray.getActor}.
 * </ul>
 */
public final class RayPrimes {
  /** Numbers per task. */
  static final int SEGMENT = 250_000;

  private RayPrimes() {}

  /** The primes up to {@code limit} (inclusive), by the sieve of Eratosthenes. */
  static int[] primesUpTo(int limit) {
    boolean[] composite = new boolean[limit + 1];
    List<Integer> primes = new ArrayList<>();
    for (int i = 2; i <= limit; i++) {
      if (!composite[i]) {
        primes.add(i);
        for (long j = (long) i * i; j <= limit; j += i) {
          composite[(int) j] = true;
        }
      }
    }
    return primes.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The Ray task: how many primes lie in {@code [from, to)}, crossing out the multiples of {@code
   * basePrimes} (which must hold every prime up to the square root of {@code to}).
   */
  static long countPrimes(int[] basePrimes, long from, long to) {
    boolean[] composite = new boolean[(int) (to - from)];
    for (int p : basePrimes) {
      long start = Math.max((long) p * p, (from + p - 1) / p * p);
      for (long m = start; m < to; m += p) {
        composite[(int) (m - from)] = true;
      }
    }
    long count = 0;
    for (long n = Math.max(from, 2); n < to; n++) {
      if (!composite[(int) (n - from)]) {
        count++;
      }
    }
    return count;
  }

  /** The named actor: adds up the segments' counts as the driver receives them. */
  public static class Tally {
    private long primes;
    private int segments;

    /** An empty tally. */
    public Tally() {}

    /** Adds one segment's count; returns the total so far. */
    public long add(long count) {
      primes += count;
      segments++;
      return primes;
    }

    /** Segments added. */
    public int segments() {
      return segments;
    }

    /** Primes counted. */
    public long primes() {
      return primes;
    }
  }

  /**
   * Counts the primes below {@code limit}, printing progress when {@code progress}. Ray must be
   * initialized.
   */
  static long count(long limit, boolean progress) {
    int[] base = primesUpTo((int) Math.sqrt((double) limit) + 1);
    ObjectRef<int[]> baseRef = Ray.put(base); // one copy, shared by all tasks
    ActorHandle<Tally> tally = Ray.actor(Tally::new).setName("prime-tally").remote();

    List<ObjectRef<Long>> pending = new ArrayList<>();
    for (long from = 0; from < limit; from += SEGMENT) {
      pending.add(
          Ray.task(RayPrimes::countPrimes, baseRef, from, Math.min(from + SEGMENT, limit))
              .remote());
    }
    int segments = pending.size();
    if (progress) {
      System.out.printf(
          "primes below %,d: %d tasks of %,d numbers, %d base primes shared with Ray.put%n",
          limit, segments, SEGMENT, base.length);
    }
    List<ObjectRef<Long>> added = new ArrayList<>();
    int reported = 0;
    while (!pending.isEmpty()) {
      // Up to a quarter of all segments at a time, whichever finished first.
      int n = Math.min(pending.size(), Math.max(1, segments / 4));
      WaitResult<Long> ready = Ray.wait(pending, n, 60_000);
      for (ObjectRef<Long> r : ready.getReady()) {
        added.add(tally.task(Tally::add, r).remote()); // the actor receives the count
      }
      pending = ready.getUnready();
      int done = segments - pending.size();
      if (progress && done > reported) {
        reported = done;
        long soFar = Ray.get(added.get(added.size() - 1)); // the total after the last add
        System.out.printf("  %3d/%d segments: %,d primes so far%n", done, segments, soFar);
      }
    }
    Ray.get(added);
    // Any part of the program can find a named actor by its name.
    ActorHandle<Tally> byName = Ray.<ActorHandle<Tally>>getActor("prime-tally").orElseThrow();
    int counted = byName.task(Tally::segments).remote().get();
    if (counted != segments) {
      throw new IllegalStateException(counted + " of " + segments + " segments were added");
    }
    long primes = byName.task(Tally::primes).remote().get();
    tally.kill();
    return primes;
  }

  /** Counts the primes below {@code args[0]} (default 10,000,000). */
  public static void main(String[] args) {
    long limit = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
    Ray.init(); // Manta's runtime: embedded, or a cluster driver when MANTA_ADDRESS is set
    try {
      System.out.printf(
          "Ray API on Manta, %s%n",
          Ray.getRuntimeContext().isLocalMode() ? "local mode (embedded)" : "cluster mode");
      long start = System.nanoTime();
      long primes = count(limit, true);
      System.out.printf(
          "%,d primes below %,d in %.2f s%n", primes, limit, (System.nanoTime() - start) / 1e9);
    } finally {
      Ray.shutdown();
    }
  }
}
