package dev.manta.cluster.head;

import dev.manta.cluster.config.ClusterConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The head's key-value store: each job's keys apart, each job bounded in keys and bytes, and all
 * jobs together bounded in bytes, so that no caller, nor many jobs at once, can grow the head's
 * heap without limit; a job's keys go when the job ends.
 *
 * <p>Bounds (settings of the head, {@link ClusterConfig}): {@code manta.kv-max-keys-per-job}
 * (default 10,000), {@code manta.kv-max-bytes-per-job} (keys and values, default 64 MiB), {@code
 * manta.kv-max-bytes} (keys and values of every job, default 512 MiB), {@code
 * manta.kv-max-value-bytes} (default 1 MiB), {@code manta.kv-max-key-bytes} (default 1 KiB). A put
 * past one is refused with {@link LimitException}, whose message names the bound.
 *
 * <p>Thread-safe.
 */
final class KvStore {
  /*
   * Implementation notes
   *  I1  for every job j: bytes(j) == sum over its entries of key length + value length, and
   *      entries(j) <= maxKeys, bytes(j) <= maxBytes, after every operation.
   *  I2  a job with no entries has no Job record.
   *  I3  total == sum over jobs of bytes(j); a put that adds bytes leaves total <= maxTotalBytes
   *      (one that shrinks an entry is taken even above it: it can only be, after a restart with a
   *      lower bound).
   *  Locks: one lock for the whole store; operations are short (a map lookup and a count), and
   *  nothing is called with it held.
   *  checkInvariants() asserts I1, I2 and I3.
   */

  /** A put refused for a bound; the message says which and how to stay within it. */
  static final class LimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LimitException(String message) {
      super(message);
    }
  }

  private static final class Job {
    final Map<String, byte[]> entries = new HashMap<>();
    long bytes;
  }

  private final int maxKeys;
  private final long maxBytes;
  private final long maxTotalBytes;
  private final int maxValueBytes;
  private final int maxKeyBytes;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Job> jobs = new HashMap<>(); // guarded by lock
  private long total; // guarded by lock

  KvStore(int maxKeys, long maxBytes, long maxTotalBytes, int maxValueBytes, int maxKeyBytes) {
    this.maxKeys = maxKeys;
    this.maxBytes = maxBytes;
    this.maxTotalBytes = maxTotalBytes;
    this.maxValueBytes = maxValueBytes;
    this.maxKeyBytes = maxKeyBytes;
  }

  /** A store with the bounds of {@code config} (see the class comment). */
  static KvStore from(ClusterConfig config) {
    return new KvStore(
        config.kvMaxKeysPerJob(),
        config.kvMaxBytesPerJob(),
        config.kvMaxBytes(),
        config.kvMaxValueBytes(),
        config.kvMaxKeyBytes());
  }

  /**
   * Sets {@code key} of {@code job} to {@code value}.
   *
   * @throws LimitException if the key or value is too large, the job would hold too many keys or
   *     bytes, or all jobs together too many bytes; nothing changes then
   */
  void put(String job, String key, byte[] value) {
    int keyBytes = key.length(); // UTF-16 units: a bound, not an exact size
    if (keyBytes > maxKeyBytes) {
      throw new LimitException(
          "A key-value key of "
              + keyBytes
              + " characters is above the limit of "
              + maxKeyBytes
              + " (manta.kv-max-key-bytes on the head); use a shorter key");
    }
    if (value.length > maxValueBytes) {
      throw new LimitException(
          "A key-value value of "
              + value.length
              + " bytes is above the limit of "
              + maxValueBytes
              + " (manta.kv-max-value-bytes on the head); put large values in the object store"
              + " (Manta.put) and keep their refs instead");
    }
    lock.lock();
    try {
      Job j = jobs.computeIfAbsent(job, k -> new Job());
      byte[] old = j.entries.get(key);
      long after = j.bytes + value.length + (old == null ? keyBytes : -old.length);
      if (old == null && j.entries.size() >= maxKeys) {
        dropIfEmpty(job, j);
        throw new LimitException(
            "Job "
                + describe(job)
                + " has "
                + j.entries.size()
                + " keys in the key-value store, its limit (manta.kv-max-keys-per-job on the"
                + " head); delete keys it no longer needs");
      }
      if (after > maxBytes) {
        dropIfEmpty(job, j);
        throw new LimitException(
            "Job "
                + describe(job)
                + " would hold "
                + after
                + " bytes in the key-value store, above its limit of "
                + maxBytes
                + " (manta.kv-max-bytes-per-job on the head); delete keys it no longer needs");
      }
      long added = after - j.bytes;
      if (added > 0 && total + added > maxTotalBytes) {
        dropIfEmpty(job, j);
        throw new LimitException(
            "The head's key-value store would hold "
                + (total + added)
                + " bytes of all jobs, above its limit of "
                + maxTotalBytes
                + " (manta.kv-max-bytes on the head); delete keys no job needs, or raise the"
                + " limit on the head if its heap has room");
      }
      j.entries.put(key, value.clone());
      j.bytes = after;
      total += added;
    } finally {
      lock.unlock();
    }
  }

  /** The value of {@code key} of {@code job}, or null. */
  byte[] get(String job, String key) {
    lock.lock();
    try {
      Job j = jobs.get(job);
      byte[] v = j == null ? null : j.entries.get(key);
      return v == null ? null : v.clone();
    } finally {
      lock.unlock();
    }
  }

  /** Removes {@code key} of {@code job}, if present. */
  void delete(String job, String key) {
    lock.lock();
    try {
      Job j = jobs.get(job);
      if (j == null) {
        return;
      }
      byte[] old = j.entries.remove(key);
      if (old != null) {
        j.bytes -= key.length() + old.length;
        total -= key.length() + old.length;
      }
      dropIfEmpty(job, j);
    } finally {
      lock.unlock();
    }
  }

  /** Drops every key of {@code job} (it ended); returns the keys it dropped. */
  java.util.Set<String> dropJob(String job) {
    lock.lock();
    try {
      Job j = jobs.remove(job);
      if (j != null) {
        total -= j.bytes;
      }
      return j == null ? java.util.Set.of() : java.util.Set.copyOf(j.entries.keySet());
    } finally {
      lock.unlock();
    }
  }

  /** Keys held by {@code job}. */
  int keys(String job) {
    lock.lock();
    try {
      Job j = jobs.get(job);
      return j == null ? 0 : j.entries.size();
    } finally {
      lock.unlock();
    }
  }

  /** Bytes held by {@code job}. */
  long bytes(String job) {
    lock.lock();
    try {
      Job j = jobs.get(job);
      return j == null ? 0 : j.bytes;
    } finally {
      lock.unlock();
    }
  }

  /** Bytes held by all jobs together. */
  long totalBytes() {
    lock.lock();
    try {
      return total;
    } finally {
      lock.unlock();
    }
  }

  /** Asserts I1, I2 and I3. */
  void checkInvariants() {
    lock.lock();
    try {
      long all = 0;
      for (Map.Entry<String, Job> e : jobs.entrySet()) {
        Job j = e.getValue();
        long sum = 0;
        for (Map.Entry<String, byte[]> kv : j.entries.entrySet()) {
          sum += kv.getKey().length() + kv.getValue().length;
        }
        if (sum != j.bytes || j.entries.size() > maxKeys || j.bytes > maxBytes) {
          throw new AssertionError("I1 broken for job " + e.getKey());
        }
        if (j.entries.isEmpty()) {
          throw new AssertionError("I2 broken: job " + e.getKey() + " has an empty record");
        }
        all += j.bytes;
      }
      if (all != total) {
        throw new AssertionError("I3 broken: total " + total + ", the jobs hold " + all);
      }
    } finally {
      lock.unlock();
    }
  }

  private void dropIfEmpty(String job, Job j) {
    if (j.entries.isEmpty()) {
      jobs.remove(job, j);
    }
  }

  private static String describe(String job) {
    return job.isEmpty() ? "(none given)" : job;
  }
}
