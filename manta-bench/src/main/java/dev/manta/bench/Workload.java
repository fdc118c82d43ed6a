package dev.manta.bench;

/**
 * One row, set up and ready to time: {@link #call()} is Ray's {@code fn}, {@link #multiplier()}
 * turns calls per second into the row's unit, {@link #close()} releases what the set-up made (kills
 * the row's actors, drops its objects), as Ray does when the next row reassigns its variables.
 */
interface Workload extends AutoCloseable {
  /** One timed unit of work; returns when all the work it submitted has finished. */
  void call();

  /** The row's unit per call of {@link #call()}. */
  double multiplier();

  @Override
  void close();

  /** A workload with nothing to release. */
  static Workload of(double multiplier, Runnable call) {
    return of(multiplier, call, () -> {});
  }

  /** A workload that runs {@code release} when closed. */
  static Workload of(double multiplier, Runnable call, Runnable release) {
    return new Workload() {
      @Override
      public void call() {
        call.run();
      }

      @Override
      public double multiplier() {
        return multiplier;
      }

      @Override
      public void close() {
        release.run();
      }
    };
  }
}
