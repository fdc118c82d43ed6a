package dev.manta.runtime.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one core's task runs: how many ended, by {@link Kind} and {@link Outcome}, and a
 * sink for their durations that an exporter may set.
 *
 * <p>Thread-safe. Counts only grow. A run is counted started on its thread as it starts, and ended,
 * once, on the thread that ends it (the task's own, or, for a method returning a {@code
 * CompletionStage}, the thread that completes the stage) just after its result is stored: a caller
 * that got the result may read the count a moment before it moves.
 */
public final class CoreMetrics {
  /** What ran. */
  public enum Kind {
    /** A remote function call. */
    TASK(0),
    /** An actor method call. */
    ACTOR_CALL(1),
    /** An actor's constructor. */
    ACTOR_CREATION(2);

    /** This kind's slot in the counter arrays. */
    final int slot;

    Kind(int slot) {
      this.slot = slot;
    }

    /** The label value: {@code task}, {@code actor_call} or {@code actor_creation}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** How a run ended. */
  public enum Outcome {
    /** It returned a value. */
    FINISHED(0),
    /** It threw, after any retries. */
    FAILED(1),
    /** It was cancelled while running. */
    CANCELLED(2);

    /** This outcome's slot in the counter arrays. */
    final int slot;

    Outcome(int slot) {
      this.slot = slot;
    }

    /** The label value: {@code finished}, {@code failed} or {@code cancelled}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Receives the duration of each run while set (see {@link #durations(DurationSink)}). */
  @FunctionalInterface
  public interface DurationSink {
    /** Run of {@code kind} took {@code nanos} from start to stored result. Must not block. */
    void record(Kind kind, long nanos);
  }

  private static final int OUTCOMES = Outcome.values().length;

  private final LongAdder[] started = new LongAdder[Kind.values().length];
  private final LongAdder[] ended = new LongAdder[Kind.values().length * OUTCOMES];
  private volatile DurationSink durations;

  /** Counters at zero, no duration sink. */
  public CoreMetrics() {
    for (int i = 0; i < started.length; i++) {
      started[i] = new LongAdder();
    }
    for (int i = 0; i < ended.length; i++) {
      ended[i] = new LongAdder();
    }
  }

  /**
   * Runs of {@code kind} running now: started and not yet ended. A reader racing with runs may see
   * a run end before it sees it start; the value is then clamped to 0.
   */
  public long running(Kind kind) {
    long ends = 0;
    for (Outcome o : Outcome.values()) {
      ends += ended(kind, o);
    }
    return Math.max(0, started[kind.slot].sum() - ends);
  }

  /** Counts one started run. */
  public void countStarted(Kind kind) {
    started[kind.slot].increment();
  }

  /** Runs of {@code kind} that ended with {@code outcome} so far. */
  public long ended(Kind kind, Outcome outcome) {
    return ended[kind.slot * OUTCOMES + outcome.slot].sum();
  }

  /** Counts one ended run. */
  public void countEnded(Kind kind, Outcome outcome) {
    ended[kind.slot * OUTCOMES + outcome.slot].increment();
  }

  /**
   * Sends the duration of every run that starts from now on to {@code sink}; null stops it. One
   * sink at a time: a second exporter replaces the first.
   */
  public void durations(DurationSink sink) {
    this.durations = sink;
  }

  /** The duration sink, or null when no exporter wants durations. */
  public DurationSink durations() {
    return durations;
  }
}
