package dev.manta.cluster.worker;

import dev.manta.cluster.proto.BorrowBatch;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.FreeRequest;
import dev.manta.cluster.proto.GetObjectRequest;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.ObjectIdMsg;
import dev.manta.cluster.proto.ValueMsg;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.cluster.rpc.Wire;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.port.CoreAccess;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.RemoteValue;
import dev.manta.runtime.store.StoreValue;
import dev.manta.runtime.store.StoredValue;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Both halves of the borrow protocol. A borrower (a process that deserialized a ref to an object
 * another process owns) makes a local stand-in, registers the borrow with the owner, fetches the
 * value from it, and tells it when the stand-in is freed. An owner counts each borrow as a task
 * reference on its object until the borrower releases it or dies, and serves the value. This part
 * also frees, on every live node, the stored copies of an object owned here once it is freed.
 */
final class Borrowing {
  /*
   * Implementation notes: the counts
   *  B1  Borrower side: `borrowed` has one entry (stand-in id -> owner prefix) per stand-in the
   *      core made and announced with borrowed(), not yet released. The core makes one stand-in
   *      per id at a time (a racing borrow uses the one made) and frees it once, so released()
   *      sends one ReleaseBorrows per AddBorrows this process sent.
   *  B2  Owner side: for each id in an AddBorrows from borrower P, the object (if still live)
   *      gets one more task reference (CoreAccess.borrowerAdded) and one more occurrence in
   *      `lent[P]`, a multiset: two borrows of one object by one borrower are two counts. Each id
   *      in a ReleaseBorrows removes one occurrence and one reference; an id with no occurrence
   *      left (never registered, or already released) changes nothing. When P dies, every
   *      occurrence left in `lent[P]` is released. So the object's references from borrowers
   *      equal the occurrences over all `lent` lists.
   *  B3  Owner side: an object is served to a borrower once its value is ready; an object no
   *      longer live here answers with a FREED failure, never an error.
   *  B4  Nested refs (Ray's protocol): a worker whose result holds refs to objects it owns lends
   *      each to the task's owner before it reports the result (lend: counted as in B2, so the
   *      owner's death releases them too). The task's owner keeps the lent ids under the result
   *      in `nestedIn` and releases each once (ReleaseBorrows) when it frees the result, or at
   *      once if the result was dropped. Its own stand-ins for those objects borrow separately
   *      (B1), so the objects live until both the result and every stand-in are gone.
   *  Threads: the owner's handlers run on gRPC transport threads and never block; released()
   *  runs on the thread that freed the object, and its notices leave in the root gRPC context
   *  (often inside a handler whose own context is cancelled when it returns). No locks:
   *  concurrent maps, and `lent` lists are copy-on-write (removal of one occurrence is atomic).
   */
  private static final Logger LOG = LoggerFactory.getLogger(Borrowing.class);
  private static final long GET_OBJECT_DEADLINE_MS = 600_000;

  private final CoreAccess core;
  private final ClusterView view;
  private final Rpc.Channels channels;
  private final String agentAddress;
  private final BooleanSupplier closed;
  private final Map<ObjectId, Long> borrowed = new ConcurrentHashMap<>(); // B1: stand-in -> owner
  private final Map<Long, List<ObjectId>> lent = new ConcurrentHashMap<>(); // B2: by borrower
  private final Map<ObjectId, List<ObjectId>> nestedIn = new ConcurrentHashMap<>(); // B4

  /** Borrowing for a process on the node whose agent is at {@code agentAddress}. */
  Borrowing(
      CoreAccess core,
      ClusterView view,
      Rpc.Channels channels,
      String agentAddress,
      BooleanSupplier closed) {
    this.core = core;
    this.view = view;
    this.channels = channels;
    this.agentAddress = agentAddress;
    this.closed = closed;
  }

  // --- the borrower's half ---

  /**
   * Registers the core's new stand-in {@code id}, for an object another process owns, with its
   * owner (B1). Blocks for one round trip (and one more to find the owner, if unknown); a borrow
   * the owner did not take is logged, and the stand-in still fetches.
   */
  void borrowed(ObjectId id) {
    long owner = id.task().prefix();
    borrowed.put(id, owner);
    String ownerAddress = view.workerAddress(owner);
    try {
      Rpc.deadline(CoreWorkerGrpc.newBlockingStub(channels.get(ownerAddress)))
          .addBorrows(
              BorrowBatch.newBuilder()
                  .setBorrowerPrefix(core.prefix())
                  .addIds(Wire.id(id))
                  .build());
    } catch (StatusRuntimeException e) {
      LOG.warn("Could not register a borrow of {} with its owner: {}", id.hex(), e.toString());
    }
  }

  /**
   * Starts fetching stand-in {@code id}'s value from its owner; the stand-in completes with the
   * value, or with a FREED failure naming the owner if the fetch fails. Does not block (beyond
   * finding the owner's address).
   */
  void fetch(ObjectId id) {
    String ownerAddress = view.workerAddress(id.task().prefix());
    Rpc.deadline(CoreWorkerGrpc.newStub(channels.get(ownerAddress)), GET_OBJECT_DEADLINE_MS)
        .getObject(
            GetObjectRequest.newBuilder()
                .setId(Wire.id(id))
                .setBorrowerPrefix(core.prefix())
                .build(),
            Callbacks.of(
                v -> core.completeObject(id, Wire.value(v, view.nodeId())),
                e -> core.completeObject(id, fetchFailed(id, ownerAddress, e))));
  }

  /**
   * Why stand-in {@code id} has no value: its owner died (it is gone, or its process does not
   * answer: an object never outlives its owner), or the fetch failed otherwise.
   */
  Failure fetchFailed(ObjectId id, String ownerAddress, Throwable e) {
    long owner = id.task().prefix();
    boolean gone =
        view.knownWorker(owner) == null
            || (e instanceof StatusRuntimeException s
                && s.getStatus().getCode() == io.grpc.Status.Code.UNAVAILABLE);
    if (gone) {
      return Failure.ownerDied(
          id.hex(),
          "Object "
              + id.hex()
              + " is lost: its owner, process "
              + Long.toHexString(owner)
              + " at "
              + ownerAddress
              + ", died or no longer answers ("
              + Rpc.rootMessage(e)
              + "), and an object does not outlive the process that made it; pass the value"
              + " itself, or make the object in a process that outlives its readers");
    }
    return Failure.freed(
        id.hex(),
        "Object "
            + id.hex()
            + " could not be fetched from its owner at "
            + ownerAddress
            + ": "
            + Rpc.rootMessage(e));
  }

  /**
   * An object of this process's table was freed: a stand-in's owner is told (B1); an object owned
   * here has its stored copies freed on every live node. Does not block.
   */
  void released(ObjectId id, StoredValue value) {
    // Often called inside a server call (the ReleaseBorrows or Submit handler that dropped the last
    // count): a call started in that call's gRPC context is cancelled when the handler returns,
    // and a cancelled free left the object in every store. So the notices leave in the root one.
    Context.ROOT.run(() -> releasedDetached(id, value));
  }

  private void releasedDetached(ObjectId id, StoredValue value) {
    List<ObjectId> nested = nestedIn.remove(id); // B4: a result holding lent refs
    if (nested != null) {
      releaseLent(nested);
    }
    Long owner = borrowed.remove(id);
    if (owner != null) {
      if (!closed.getAsBoolean()) {
        String ownerAddress = view.knownWorker(owner);
        if (ownerAddress != null) {
          Rpc.deadline(CoreWorkerGrpc.newStub(channels.get(ownerAddress)))
              .releaseBorrows(
                  BorrowBatch.newBuilder()
                      .setBorrowerPrefix(core.prefix())
                      .addIds(Wire.id(id))
                      .build(),
                  Callbacks.ignore());
        }
      }
      return;
    }
    if (id.task().prefix() != core.prefix() || closed.getAsBoolean()) {
      return; // an argument copy or a result kept for its owner: not ours to free
    }
    if (value instanceof StoreValue || value instanceof RemoteValue) {
      // Free the primary copy and any copies other nodes pulled.
      FreeRequest req = FreeRequest.newBuilder().addIds(Wire.id(id)).build();
      for (NodeView v : view.nodes()) {
        if (v.info.getAlive()) {
          Rpc.deadline(NodeAgentGrpc.newStub(channels.get(v.info.getAgentAddress())))
              .freeObjects(req, Callbacks.ignore());
        }
      }
    }
  }

  // --- nested refs (B4) ---

  /**
   * The task's owner side: result {@code outer}, owned here, arrived holding refs to {@code
   * nested}, which their owner lent to this process; they are released when {@code outer} is freed
   * here. Call before the result completes {@code outer}, so that its free finds them.
   */
  void heldIn(ObjectId outer, List<ObjectId> nested) {
    if (!nested.isEmpty()) {
      nestedIn.merge(
          outer,
          List.copyOf(nested),
          (a, b) -> {
            releaseLent(b); // a second report for one result: keep one set of counts
            return a;
          });
    }
  }

  /** Releases, at their owners, objects lent to this process (B4). Does not block. */
  void releaseLent(List<ObjectId> nested) {
    if (closed.getAsBoolean()) {
      return;
    }
    Map<Long, BorrowBatch.Builder> byOwner = new java.util.HashMap<>();
    for (ObjectId id : nested) {
      byOwner
          .computeIfAbsent(
              id.task().prefix(), k -> BorrowBatch.newBuilder().setBorrowerPrefix(core.prefix()))
          .addIds(Wire.id(id));
    }
    Context.ROOT.run(
        () ->
            byOwner.forEach(
                (owner, batch) -> {
                  String ownerAddress = view.knownWorker(owner);
                  if (ownerAddress != null) { // else it died, and its objects with it
                    Rpc.deadline(CoreWorkerGrpc.newStub(channels.get(ownerAddress)))
                        .releaseBorrows(batch.build(), Callbacks.ignore());
                  }
                }));
  }

  /**
   * The worker's side: counts {@code borrower} as a borrower of each of {@code ids} that is owned
   * and live here (B2, B4); returns those it counted, to be reported with the result. Never blocks.
   */
  List<ObjectId> lend(long borrower, List<ObjectId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<ObjectId> out = new java.util.ArrayList<>(ids.size());
    for (ObjectId id : ids) {
      if (core.borrowerAdded(id)) {
        lent.computeIfAbsent(borrower, k -> new CopyOnWriteArrayList<>()).add(id);
        out.add(id);
      }
    }
    return out;
  }

  // --- the owner's half ---

  /** Counts each id of {@code req} as one borrow by its borrower (B2). Never blocks. */
  void addBorrows(BorrowBatch req) {
    for (ObjectIdMsg m : req.getIdsList()) {
      ObjectId id = Wire.id(m);
      if (core.borrowerAdded(id)) {
        lent.computeIfAbsent(req.getBorrowerPrefix(), k -> new CopyOnWriteArrayList<>()).add(id);
      }
    }
  }

  /** Releases one borrow per id of {@code req} by its borrower, if it has one left (B2). */
  void releaseBorrows(BorrowBatch req) {
    List<ObjectId> borrowerLent = lent.get(req.getBorrowerPrefix());
    for (ObjectIdMsg m : req.getIdsList()) {
      ObjectId id = Wire.id(m);
      if (borrowerLent != null && borrowerLent.remove(id)) { // one occurrence, atomically
        core.borrowerReleased(id);
      }
    }
  }

  /** Releases every borrow the dead process {@code prefix} still held (B2). */
  void borrowerDied(long prefix) {
    List<ObjectId> borrowerLent = lent.remove(prefix);
    if (borrowerLent != null) {
      for (ObjectId id : borrowerLent) {
        core.borrowerReleased(id);
      }
    }
  }

  /** Sends a borrower the value of an object owned here once it is ready (B3). Never blocks. */
  void serve(GetObjectRequest req, StreamObserver<ValueMsg> out) {
    ObjectId id = Wire.id(req.getId());
    java.util.concurrent.CompletableFuture<StoredValue> value = core.valueOf(id);
    if (value == null) {
      out.onNext(
          Wire.value(
              Failure.freed(id.hex(), "Object " + id.hex() + " was freed by its owner"),
              view.nodeId(),
              agentAddress));
      out.onCompleted();
      return;
    }
    value.whenComplete(
        (v, e) -> {
          try {
            out.onNext(Wire.value(v, view.nodeId(), agentAddress));
            out.onCompleted();
          } catch (RuntimeException ex) {
            LOG.debug("borrower went away: {}", ex.toString());
          }
        });
  }

  /**
   * How many borrows other processes hold of each object owned here (B2: the occurrences over all
   * {@code lent} lists), for the state API. Never blocks; a snapshot while borrows change.
   */
  Map<ObjectId, Integer> borrowersByObject() {
    Map<ObjectId, Integer> out = new java.util.HashMap<>();
    for (List<ObjectId> ids : lent.values()) {
      for (ObjectId id : ids) {
        out.merge(id, 1, Integer::sum);
      }
    }
    return out;
  }
}
