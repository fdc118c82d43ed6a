package dev.manta.runtime.events;

import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.TaskId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last {@link #CAPACITY} runs this process started (tasks, actor creations, actor calls), for
 * the state API: a ring that overwrites its oldest entry, so its memory is bounded (about 100 bytes
 * a run, 400 KiB when full) whatever the process runs. A run still going when 4096 later ones have
 * started is no longer listed.
 *
 * <p>Thread-safe and lock-free: {@link #started} and {@link #ended} are called by the executing
 * threads, {@link #snapshot} by any thread. A snapshot racing with runs may miss the newest ones or
 * see a run as still running; each record it returns is consistent (state and end time are
 * published together).
 */
public final class TaskRecords {
  /*
   * Implementation notes
   *  R1  `next` counts runs started; run n goes to slot n % CAPACITY, replacing whatever was there.
   *  R2  A Run's `end` (an immutable Ended) is written once, by ended(), with a volatile write;
   *      snapshot reads it once, so state and end time come from the same write.
   *  Clock: epoch micros of one Instant at construction plus nanoTime since, so a run's start and
   *  end are on one monotonic clock and runs of one process order correctly.
   */

  /** How many runs are kept. */
  public static final int CAPACITY = 4096;

  private final AtomicReferenceArray<Run> slots = new AtomicReferenceArray<>(CAPACITY);
  private final AtomicLong next = new AtomicLong(); // R1
  private final long baseMicros;
  private final long baseNanos = System.nanoTime();

  /** An empty ring. */
  public TaskRecords() {
    java.time.Instant now = java.time.Instant.now();
    baseMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  /** One run in the ring. */
  public static final class Run {
    final TaskId id;
    final String name;
    final String kind;
    final ActorId actor;
    final int attempt;
    final long startMicros;
    final long threadId;
    volatile Ended end; // R2

    Run(TaskId id, String name, String kind, ActorId actor, int attempt, long start, long tid) {
      this.id = id;
      this.name = name;
      this.kind = kind;
      this.actor = actor;
      this.attempt = attempt;
      this.startMicros = start;
      this.threadId = tid;
    }
  }

  record Ended(String state, long micros) {}

  private long nowMicros() {
    return baseMicros + (System.nanoTime() - baseNanos) / 1_000;
  }

  /**
   * Records that run {@code attempt} of task {@code id} ({@code kind}: task, actor creation, actor
   * call; {@code actor} null for a task) started on the calling thread; returns it for {@link
   * #ended}. Never blocks.
   */
  public Run started(TaskId id, String name, String kind, ActorId actor, int attempt) {
    Run r = new Run(id, name, kind, actor, attempt, nowMicros(), Thread.currentThread().threadId());
    slots.set((int) (next.getAndIncrement() % CAPACITY), r);
    return r;
  }

  /** Records that {@code run} ended in {@code state} (FINISHED, FAILED, CANCELLED) now. */
  public void ended(Run run, String state) {
    run.end = new Ended(state, nowMicros());
  }

  /** The runs kept, oldest first. */
  public List<TaskRecord> snapshot() {
    long n = next.get();
    long from = Math.max(0, n - CAPACITY);
    List<TaskRecord> out = new ArrayList<>((int) (n - from));
    for (long i = from; i < n; i++) {
      Run r = slots.get((int) (i % CAPACITY));
      if (r == null) {
        continue; // started() counted it and has not stored it yet
      }
      Ended e = r.end;
      out.add(
          new TaskRecord(
              r.id.hex(),
              r.name,
              r.kind,
              r.actor == null ? "" : r.actor.hex(),
              r.attempt,
              e == null ? "RUNNING" : e.state(),
              r.startMicros,
              e == null ? 0 : e.micros(),
              r.threadId));
    }
    return out;
  }
}
