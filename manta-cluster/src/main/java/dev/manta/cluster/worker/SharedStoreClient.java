package dev.manta.cluster.worker;

import dev.manta.ObjectFreedException;
import dev.manta.ObjectStoreFullException;
import dev.manta.ObjectStoreStats;
import dev.manta.cluster.proto.CreateReply;
import dev.manta.cluster.proto.CreateRequest;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.FreeRequest;
import dev.manta.cluster.proto.Locations;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeStatsReply;
import dev.manta.cluster.proto.ObjectIds;
import dev.manta.cluster.proto.PinReply;
import dev.manta.cluster.proto.PinRequest;
import dev.manta.cluster.proto.StoreInfoReply;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.cluster.rpc.Wire;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.store.NodeStore;
import dev.manta.runtime.store.ObjectStore;
import dev.manta.runtime.store.RemoteValue;
import dev.manta.runtime.store.StoreValue;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * This process's view of the node's shared object store: the agent allocates, pins and frees over
 * RPC; the bytes are read and written here, through a mapping of the agent's memory file. Two
 * processes of one node reading an object read the same physical pages: nothing is copied. A value
 * on another node is pulled into this node's store by the agent first ({@link #localize}).
 * Thread-safe.
 */
final class SharedStoreClient implements ObjectStore {
  private static final Cleaner CLEANER = Cleaner.create();

  private final NodeAgentGrpc.NodeAgentBlockingStub agent;
  private final NodeAgentGrpc.NodeAgentStub agentAsync;
  private final FileChannel file;
  private final long chunkBytes;
  private final MappedByteBuffer[] chunks;
  private final long capacity;
  private final String jobId; // tags what this process creates or pulls: freed when the job ends
  private volatile Runnable reclaimer; // see reserve()
  private final ReentrantLock reclaiming = new ReentrantLock(); // one reclaim at a time
  private volatile long reclaimerRuns; // written under `reclaiming`
  // The pause after a useless reclaim: a heuristic, so racing updates only shift it a little.
  private volatile long reclaimBackoffNanos;
  private volatile long reclaimAgainAtNanos = System.nanoTime();
  // Early reclaims (to reuse written memory) pause as in NodeStore (EARLY_RECLAIM_PAUSE_FACTOR).
  private volatile long earlyReclaimAgainAtNanos = System.nanoTime();
  private final AtomicLong reclaimsTotal = new AtomicLong();
  private final AtomicLong reclaimNanosTotal = new AtomicLong();
  private final AgentDown agentDown;

  /** Tells whether a call to the agent failed because the agent's node died. */
  interface AgentDown {
    /**
     * Why the agent is gone, if the call that failed with {@code e} failed because its node died,
     * else null (the call's own error then stands). {@code wait}: it may wait (bounded) to hear of
     * the death.
     */
    String check(StatusRuntimeException e, boolean wait);

    /** The node of the agent. */
    String nodeId();
  }

  /**
   * The store of the agent behind {@code agentChannel}, for job {@code jobId}; {@code agentDown}
   * names the agent's death when a call to it fails.
   */
  SharedStoreClient(ManagedChannel agentChannel, String jobId, AgentDown agentDown) {
    this.jobId = jobId;
    this.agentDown = agentDown;
    this.agent = NodeAgentGrpc.newBlockingStub(agentChannel);
    this.agentAsync = NodeAgentGrpc.newStub(agentChannel);
    StoreInfoReply info = Rpc.deadline(agent).storeInfo(Empty.getDefaultInstance());
    this.capacity = info.getCapacity();
    this.chunkBytes = info.getChunkBytes();
    try {
      this.file =
          FileChannel.open(
              Path.of(info.getPath()), StandardOpenOption.READ, StandardOpenOption.WRITE);
      int n = (int) ((capacity + chunkBytes - 1) / chunkBytes);
      this.chunks = new MappedByteBuffer[n];
      for (int i = 0; i < n; i++) {
        long size = Math.min(chunkBytes, capacity - i * chunkBytes);
        chunks[i] = file.map(FileChannel.MapMode.READ_WRITE, i * chunkBytes, size);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot map the node's object store "
              + info.getPath()
              + " (is the agent on this machine?)",
          e);
    }
  }

  private ByteBuffer slice(long offset, int length) {
    int c = (int) (offset / chunkBytes);
    return chunks[c].slice((int) (offset - c * chunkBytes), length);
  }

  /**
   * How long a reservation after a reclaim waits at the agent for the frees that the reclaim sent
   * (they travel as separate calls and may arrive after it).
   */
  static final long IF_ROOM_WAIT_MS = 250;

  @Override
  public void reclaimer(Runnable reclaimer) {
    this.reclaimer = reclaimer;
  }

  /**
   * Reserves room at the agent, freeing first what this process can no longer reach (NodeStore's
   * I4, across processes): if the node has no room without spilling, this process collects and
   * frees its dropped refs' objects, asks again (waiting a little for those frees to land), and
   * only then reserves as usual, letting the agent spill. A reclaim that did not help pauses
   * reclaiming as in NodeStore.
   */
  private long reserve(ObjectId id, int length) {
    Runnable r = reclaimer;
    long start = System.nanoTime();
    if (r != null && start - reclaimAgainAtNanos >= 0) {
      // Early (reuse written memory first, NodeStore I4) unless early reclaims pause.
      boolean early = start - earlyReclaimAgainAtNanos >= 0;
      long offset = create(id, length, true, 0, !early);
      if (offset >= 0) {
        return offset;
      }
      long runsBefore = reclaimerRuns;
      reclaiming.lock();
      try {
        if (reclaimerRuns == runsBefore) { // else another thread just reclaimed: just ask again
          r.run();
          reclaimerRuns = runsBefore + 1;
        }
      } finally {
        reclaiming.unlock();
      }
      offset = create(id, length, true, IF_ROOM_WAIT_MS, !early);
      long end = System.nanoTime();
      reclaimsTotal.incrementAndGet();
      reclaimNanosTotal.addAndGet(end - start);
      if (early) {
        earlyReclaimAgainAtNanos = end + NodeStore.EARLY_RECLAIM_PAUSE_FACTOR * (end - start);
      }
      if (offset >= 0) {
        reclaimBackoffNanos = 0;
        return offset;
      }
      long backoff =
          Math.min(
              NodeStore.RECLAIM_BACKOFF_MAX_NANOS,
              Math.max(NodeStore.RECLAIM_BACKOFF_MIN_NANOS, 2 * reclaimBackoffNanos));
      reclaimBackoffNanos = backoff;
      reclaimAgainAtNanos = end + backoff;
    }
    return create(id, length, false, 0, false);
  }

  private long create(ObjectId id, int length, boolean ifRoom, long waitMs, boolean anyMemory) {
    try {
      CreateReply r =
          Rpc.deadline(agent, 60_000 + waitMs)
              .createObject(
                  CreateRequest.newBuilder()
                      .setId(Wire.id(id))
                      .setLength(length)
                      .setJobId(jobId)
                      .setIfRoom(ifRoom)
                      .setIfRoomWaitMs(waitMs)
                      .setAnyMemory(anyMemory)
                      .build());
      return r.getNoRoom() ? -1 : r.getOffset();
    } catch (StatusRuntimeException e) {
      String dead = agentDown.check(e, true); // the agent itself gone, not a full store
      if (dead != null) {
        throw new dev.manta.NodeDiedException("", agentDown.nodeId(), dead);
      }
      throw new ObjectStoreFullException(
          "The node's object store refused object "
              + id.hex()
              + ": "
              + e.getStatus().getDescription());
    }
  }

  @Override
  public StoreValue put(ObjectId id, int length, int flags, Consumer<ByteBuffer> writer) {
    long offset = reserve(id, length);
    try {
      writer.accept(slice(offset, length));
    } catch (RuntimeException e) {
      Rpc.deadline(agent).abortObject(Wire.id(id));
      throw e;
    }
    Rpc.deadline(agent).sealObject(Wire.id(id));
    return new StoreValue(id, length, flags);
  }

  private PinReply pinReply(ObjectId id, int length, String source) {
    try {
      return Rpc.deadline(agent, 600_000)
          .pinObject(
              PinRequest.newBuilder()
                  .setId(Wire.id(id))
                  .setLength(length)
                  .setSourceAgent(source)
                  .setJobId(jobId)
                  .build());
    } catch (StatusRuntimeException e) {
      // Freed, so that the core may rebuild it from lineage; the message says why if the agent
      // died (only a death already known: readers of a value on a dead node wait for it there).
      String dead = agentDown.check(e, false);
      throw new ObjectFreedException(
          "Object "
              + id.hex()
              + " is not available: "
              + (dead != null ? dead : e.getStatus().getDescription()));
    }
  }

  @Override
  public Pin pin(ObjectId id) {
    PinReply r = pinReply(id, 0, "");
    ByteBuffer bytes = slice(r.getOffset(), r.getLength()).asReadOnlyBuffer();
    return new Pin() {
      private boolean closed;

      @Override
      public ByteBuffer bytes() {
        return bytes;
      }

      @Override
      public void close() {
        if (!closed) {
          closed = true;
          unpin(id);
        }
      }
    };
  }

  @Override
  public ByteBuffer view(ObjectId id) {
    PinReply r = pinReply(id, 0, "");
    try {
      // A root mapping of its own: every buffer derived from it keeps it (and the pin) alive.
      ByteBuffer root = file.map(FileChannel.MapMode.READ_ONLY, r.getOffset(), r.getLength());
      CLEANER.register(root, () -> unpin(id));
      return root;
    } catch (IOException e) {
      unpin(id);
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fire-and-forget notices (unpin, free) leave in the root gRPC context: started inside a server
   * call's context, they would be cancelled when that call ends, leaving a pin or an object behind.
   */
  private void unpin(ObjectId id) {
    io.grpc.Context.ROOT.run(
        () -> Rpc.deadline(agentAsync).unpinObject(Wire.id(id), Callbacks.ignore()));
  }

  @Override
  public StoreValue localize(RemoteValue v) {
    pinReply(v.id(), v.length(), v.agentAddress());
    unpin(v.id());
    return new StoreValue(v.id(), v.length(), v.flags());
  }

  @Override
  public void free(ObjectId id) {
    io.grpc.Context.ROOT.run(
        () ->
            Rpc.deadline(agentAsync)
                .freeObjects(
                    FreeRequest.newBuilder().addIds(Wire.id(id)).build(), Callbacks.ignore()));
  }

  @Override
  public String where(ObjectId id) {
    return locate(List.of(id)).get(0).where();
  }

  @Override
  public boolean isPinned(ObjectId id) {
    return locate(List.of(id)).get(0).pinned();
  }

  /** Asks the node's agent, in one call, where each object is. */
  @Override
  public List<Location> locate(List<ObjectId> ids) {
    ObjectIds.Builder req = ObjectIds.newBuilder();
    for (ObjectId id : ids) {
      req.addIds(Wire.id(id));
    }
    Locations r = Rpc.deadline(agent).locate(req.build());
    List<Location> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.add(new Location(r.getWhere(i), r.getPinned(i)));
    }
    return out;
  }

  @Override
  public ObjectStoreStats stats() {
    NodeStatsReply r = Rpc.deadline(agent).nodeStats(Empty.getDefaultInstance());
    return new ObjectStoreStats(
        r.getStoreCapacity(),
        r.getStoreUsed(),
        r.getStorePinned(),
        r.getStoreObjects(),
        r.getStoreSpilledObjects(),
        r.getStoreSpilledBytes(),
        r.getStoreSpillsTotal(),
        r.getStoreRestoresTotal(),
        r.getStoreEvictionsTotal(),
        r.getStorePeakUsed(),
        reclaimsTotal.get(), // this process's reclaims (the agent has no owner to ask)
        r.getStoreReclaimedBytes(), // not measured across processes: 0
        reclaimNanosTotal.get());
  }

  @Override
  public void close() {
    try {
      file.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
