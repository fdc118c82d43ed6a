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
  public long prefix() {
    return prefix;
  }

  /** The next task id. */
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

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  static String hex(long hi, long lo) {
    char[] c = new char[32];
    fill(c, 0, hi, 16);
    fill(c, 16, lo, 16);
    return new String(c);
  }

  static String hex(long hi, long lo, int index) {
    char[] c = new char[40];
    fill(c, 0, hi, 16);
    fill(c, 16, lo, 16);
    fill(c, 32, index & 0xFFFFFFFFL, 8);
    return new String(c);
  }

  private static void fill(char[] c, int offset, long v, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      c[offset + i] = DIGITS[(int) (v & 0xF)];
      v >>>= 4;
    }
  }
}
