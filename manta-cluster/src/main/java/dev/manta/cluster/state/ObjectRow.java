package dev.manta.cluster.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One object, as its owner sees it: its size, where its value is, and what keeps it alive.
 *
 * @param objectId its id (hex)
 * @param sizeBytes its serialized size; 0 while pending
 * @param where {@code pending} (its task has not stored it), {@code inline} (in its owner's
 *     memory), {@code store} or {@code spilled} (in the store of {@code nodeId}, in memory or on
 *     disk), {@code remote} (in the store of another node, {@code nodeId}), {@code failure} (its
 *     task failed; the error is the value)
 * @param nodeId the node whose store holds it, empty if none
 * @param ownerAddress its owner's core worker address
 * @param pid its owner's operating-system process id
 * @param jobId its owner's job
 * @param localRefs live {@code ObjectRef}s in the owner
 * @param pendingTasks submitted tasks that take it as an argument
 * @param borrowers references other processes hold
 * @param containedIn objects whose value holds a ref to it
 * @param pinned whether a reader holds its bytes in the store now
 */
public record ObjectRow(
    String objectId,
    long sizeBytes,
    String where,
    String nodeId,
    String ownerAddress,
    long pid,
    String jobId,
    int localRefs,
    int pendingTasks,
    int borrowers,
    int containedIn,
    boolean pinned)
    implements Row {
  /**
   * Why it is alive, one word each: {@code local-ref}, {@code pending-task(n)}, {@code
   * borrower(n)}, {@code nested(n)}, {@code pinned}; {@code pending-creation} while its task runs.
   */
  public List<String> aliveBecause() {
    List<String> out = new ArrayList<>();
    if (localRefs > 0) {
      out.add("local-ref");
    }
    if (pendingTasks > 0) {
      out.add("pending-task(" + pendingTasks + ")");
    }
    if (borrowers > 0) {
      out.add("borrower(" + borrowers + ")");
    }
    if (containedIn > 0) {
      out.add("nested(" + containedIn + ")");
    }
    if (pinned) {
      out.add("pinned");
    }
    if (where.equals("pending")) {
      out.add("pending-creation");
    }
    return out;
  }

  @Override
  public Map<String, Object> fields() {
    return Fields.of(
        "object_id", objectId,
        "size_bytes", sizeBytes,
        "where", where,
        "node_id", nodeId,
        "pid", pid,
        "job_id", jobId,
        "alive_because", String.join(" ", aliveBecause()),
        "local_refs", localRefs,
        "pending_tasks", pendingTasks,
        "borrowers", borrowers,
        "contained_in", containedIn,
        "pinned", pinned,
        "owner_address", ownerAddress);
  }
}
