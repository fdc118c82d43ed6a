package dev.manta.processor.example;

import dev.manta.RemoteFunction;
import java.io.IOException;

/** Remote functions; their stub is {@code Stats_}. */
public final class Stats {
  private Stats() {}

  /** The sum of {@code values}. */
  @RemoteFunction
  public static long sum(long[] values) {
    long s = 0;
    for (long v : values) {
      s += v;
    }
    return s;
  }

  /** {@code total / count}. */
  @RemoteFunction(numCpus = 0.5)
  public static double mean(long total, int count) {
    return (double) total / count;
  }

  /** Parses a number; a checked exception reaches {@code get} as the cause. */
  @RemoteFunction(maxRetries = 0)
  public static long parse(String text) throws IOException {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IOException("not a number: '" + text + "'", e);
    }
  }
}
