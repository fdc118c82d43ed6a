package dev.manta.bench;

import java.util.List;

/**
 * The rates of one row's timed trials, in the row's unit.
 *
 * @param mean mean of {@code trials}
 * @param std population standard deviation of {@code trials} (numpy's {@code np.std}, as Ray)
 * @param trials each trial's rate, in order
 */
record Measurement(double mean, double std, List<Double> trials) {
  Measurement {
    trials = List.copyOf(trials);
  }

  /** The mean and population standard deviation of {@code rates}. */
  static Measurement of(List<Double> rates) {
    double sum = 0;
    for (double r : rates) {
      sum += r;
    }
    double mean = sum / rates.size();
    double sq = 0;
    for (double r : rates) {
      sq += (r - mean) * (r - mean);
    }
    return new Measurement(mean, Math.sqrt(sq / rates.size()), rates);
  }
}
