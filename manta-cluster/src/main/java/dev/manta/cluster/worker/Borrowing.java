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
                e ->
                    core.completeObject(
                        id,
                        Failure.freed(
                            id.hex(),
                            "Object "
                                + id.hex()
                                + " could not be fetched from its owner at "
                                + ownerAddress
                                + ": "
                                + Rpc.rootMessage(e)))));
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
}
