package dev.manta.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ray's timing loop ({@code ray_microbenchmark_helpers.timeit}), ported: call {@code fn} for {@code
 * warmup}, take {@code step = warm-up calls / 10 + 1}, then run {@code trials} trials of at least
 * {@code trialDuration} each, checking the clock only every {@code step} calls; a trial's rate is
 * {@code multiplier * calls / seconds}. Ray's 10-second idle sleep before each row is not part of
 * this: see {@link MicroBenchmark}'s {@code --idle} option.
 *
 * @param warmup how long to call {@code fn} before timing (Ray: 1 s)
 * @param trials how many timed trials (Ray: 4)
 * @param trialDuration the least length of one trial (Ray: 2 s)
 */
record Timing(Duration warmup, int trials, Duration trialDuration) {
  Timing {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be >= 1, was " + trials);
    }
    if (warmup.isNegative() || trialDuration.isNegative()) {
      throw new IllegalArgumentException(
          "warm-up and trial duration must be >= 0, were " + warmup + " and " + trialDuration);
    }
  }

  /** Ray's own settings: 1 s warm-up, 4 trials of 2 s. */
  static Timing ray() {
    return new Timing(Duration.ofSeconds(1), 4, Duration.ofSeconds(2));
  }

  /** A quick look: 0.2 s warm-up, 2 trials of 0.5 s. */
  static Timing quick() {
    return new Timing(Duration.ofMillis(200), 2, Duration.ofMillis(500));
  }

  /** One call per trial and no warm-up: proves a row runs, measures nothing. */
  static Timing smoke() {
    return new Timing(Duration.ZERO, 1, Duration.ZERO);
  }

  /** Times {@code fn} as Ray's {@code timeit(name, fn, multiplier)} does. */
  Measurement measure(Runnable fn, double multiplier) {
    long warmupNanos = warmup.toNanos();
    long start = System.nanoTime();
    long count = 0;
    while (System.nanoTime() - start < warmupNanos) {
      fn.run();
      count++;
    }
    long step = count / 10 + 1;
    long trialNanos = trialDuration.toNanos();
    List<Double> rates = new ArrayList<>(trials);
    for (int t = 0; t < trials; t++) {
      long begin = System.nanoTime();
      long calls = 0;
      long elapsed;
      do {
        for (long i = 0; i < step; i++) {
          fn.run();
        }
        calls += step;
        elapsed = System.nanoTime() - begin;
      } while (elapsed < trialNanos);
      rates.add(multiplier * calls / (Math.max(elapsed, 1) / 1e9));
    }
    return Measurement.of(rates);
  }
}
