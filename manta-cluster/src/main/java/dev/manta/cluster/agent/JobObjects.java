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
 * another node, of the process that asked for it. One created or pulled with an empty job id (by a
 * caller with the cluster or admin token, which belongs to no job) belongs to no job: it is kept
 * here as {@link #NO_JOB}, so that the agent's job check refuses every job's credential for it
 * rather than finding no owner and letting anyone through; no job's end frees it. Pins are counted
 * per object, whatever process holds them, since only the job's own processes read its objects.
 */
final class JobObjects {
  /*
   * Implementation notes
   *  I1  `jobs` maps every object that a process created or pulled here, and that was not
   *      freed or aborted since, to the job it was made for (NO_JOB: none).
   *  I2  `pins` counts external pins (PinObject minus UnpinObject) per object; an entry at zero
   *      is removed.
   *  Concurrency: both maps are concurrent and each update is one atomic map operation, so
   *  calls from any RPC thread may interleave. A pin racing with end() may survive it; the
   *  object is freed anyway and its memory goes when that pin does (the store's contract).
   */
  /** The job of an object made for no job (the empty job id). */
  static final String NO_JOB = "";

  private final Map<ObjectId, String> jobs = new ConcurrentHashMap<>();
  private final Map<ObjectId, Integer> pins = new ConcurrentHashMap<>();

  /** What a job left: each object, with the external pins to drop before freeing it. */
  record Left(ObjectId id, int pins) {}

  /**
   * Object {@code id} now belongs to {@code job} ({@link #NO_JOB}: to none), unless it already
   * belongs to one.
   */
  void created(ObjectId id, String job) {
    jobs.putIfAbsent(id, job);
  }

  /**
   * Undoes {@link #created} of an object whose making failed, if it still belongs to {@code job}.
   */
  void notCreated(ObjectId id, String job) {
    jobs.remove(id, job);
  }

  /** The job object {@code id} belongs to ({@link #NO_JOB}: none); null if not known here. */
  String jobOf(ObjectId id) {
    return jobs.get(id);
  }

  void pinned(ObjectId id) {
    pins.merge(id, 1, Integer::sum);
  }

  void unpinned(ObjectId id) {
    pins.computeIfPresent(id, (k, n) -> n <= 1 ? null : n - 1);
  }

  /** The object was freed by its owner, or aborted before it was sealed. */
  void freed(ObjectId id) {
    jobs.remove(id);
  }

  /** Forgets every object of {@code job} and returns them, with their pins, for freeing. */
  List<Left> end(String job) {
    List<Left> out = new ArrayList<>();
    if (job.equals(NO_JOB)) {
      return out; // no job ends: objects of none are freed by whoever made them
    }
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
