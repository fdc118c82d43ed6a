package dev.manta.runtime.id;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues ids for one worker process. The prefix is drawn from {@link SecureRandom} once, at
 * construction; every id after that is a counter increment, so no hot path touches the random
 * source. Thread-safe.
 */
public final class Ids {
  private final long prefix;
  private final AtomicLong sequence = new AtomicLong();

  /** Draws a fresh random prefix. */
  public Ids() {
    this(new SecureRandom().nextLong());
  }

  /** Uses {@code prefix}, for tests that want stable ids. */
  public Ids(long prefix) {
    this.prefix = prefix;
  }

  /** A new task id. */
  public TaskId nextTask() {
    return new TaskId(prefix, sequence.incrementAndGet());
  }

  /** A new actor id. */
  public ActorId nextActor() {
    return new ActorId(prefix, sequence.incrementAndGet());
  }

  /** The id of a new {@code put} object. */
  public ObjectId nextPut() {
    return new ObjectId(nextTask(), 1);
  }

  static String hex(long hi, long lo) {
    return String.format("%016x%016x", hi, lo);
  }
}
