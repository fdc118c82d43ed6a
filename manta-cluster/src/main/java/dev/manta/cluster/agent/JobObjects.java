package dev.manta.cluster.agent;

import dev.manta.runtime.id.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which job each object of this node's store belongs to, and how many pins other processes hold on
 * it, so that when a job ends (its driver shut down, exited or was killed) everything it left in
 * the store goes: the owners that would have freed those objects are gone, and Ray frees an owner's
 * objects when the owner dies.
 *
 * <p>An object belongs to the job of the process that created it, or, for a copy pulled from
 * another node, of the process that asked for it. Pins are counted per object, whatever process
 * holds them, since only the job's own processes read its objects.
 */
final class JobObjects {
  /*
   * Implementation notes
   *  I1  `jobs` maps every object that a job's process created or pulled here, and that was not
   *      freed since, to that job.
   *  I2  `pins` counts external pins (PinObject minus UnpinObject) per object; an entry at zero
   *      is removed.
   *  Concurrency: both maps are concurrent and each update is one atomic map operation, so
   *  calls from any RPC thread may interleave. A pin racing with end() may survive it; the
   *  object is freed anyway and its memory goes when that pin does (the store's contract).
   */
  private final Map<ObjectId, String> jobs = new ConcurrentHashMap<>();
  private final Map<ObjectId, Integer> pins = new ConcurrentHashMap<>();

  /** What a job left: each object, with the external pins to drop before freeing it. */
  record Left(ObjectId id, int pins) {}

  /** Object {@code id} now belongs to {@code job} (an empty job: an older client; not tracked). */
  void created(ObjectId id, String job) {
    if (!job.isEmpty()) {
      jobs.putIfAbsent(id, job);
    }
  }

  /** The job object {@code id} belongs to; null if none is known (not here, or not tracked). */
  String jobOf(ObjectId id) {
    return jobs.get(id);
  }

  void pinned(ObjectId id) {
    pins.merge(id, 1, Integer::sum);
  }

  void unpinned(ObjectId id) {
    pins.computeIfPresent(id, (k, n) -> n <= 1 ? null : n - 1);
  }

  /** The object was freed by its owner. */
  void freed(ObjectId id) {
    jobs.remove(id);
  }

  /** Forgets every object of {@code job} and returns them, with their pins, for freeing. */
  List<Left> end(String job) {
    List<Left> out = new ArrayList<>();
    for (Map.Entry<ObjectId, String> e : jobs.entrySet()) {
      if (e.getValue().equals(job) && jobs.remove(e.getKey(), job)) {
        Integer n = pins.remove(e.getKey());
        out.add(new Left(e.getKey(), n == null ? 0 : n));
      }
    }
    return out;
  }

  /** Objects tracked now (for tests and status). */
  int size() {
    return jobs.size();
  }
}
