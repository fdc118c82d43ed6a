package dev.manta.runtime.store;

import dev.manta.ObjectFreedException;
import dev.manta.ObjectStoreFullException;
import dev.manta.ObjectStoreStats;
import dev.manta.runtime.events.RestoreEvent;
import dev.manta.runtime.events.SpillEvent;
import dev.manta.runtime.id.ObjectId;
import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The node's object store: serialized values above the inline threshold, held off the Java heap in
 * a memory-mapped region under a hard capacity, spilled to disk under pressure and restored on
 * demand. Thread-safe.
 *
 * <p>Contract: an object is in memory, on disk, or both. A pinned object (being read, or viewed
 * through a buffer returned by {@link #view}) is never evicted or released; an unpinned one may be
 * spilled, least recently used first. {@link #free} releases memory and spill space at once, or
 * when the last pin goes.
 */
public final class NodeStore implements ObjectStore {
  /*
   * Implementation notes
   *  I1  usedBytes == sum(blockBytes of entries with a block) <= capacity, always: a put or
   *      restore allocates its block (accounted at once) before copying; the region cannot hand
   *      out more than its size. peakUsedBytes records the maximum.
   *  I2  An entry with pins > 0 has a block and is never evicted or released; pinnedBytes ==
   *      sum(blockBytes of pinned entries).
   *  I3  Entry states: RESERVED (block, !sealed, pinned by its writer) -> SEALED (block) <->
   *      SPILLED (no block, spill location) ; any -> FREED (removed from `entries`). A SEALED
   *      entry may also keep its spill copy, so evicting it again costs nothing.
   *  I4  Reclaim before spill: when an allocation finds no room, the store first asks the
   *      reclaimer (the owner: collect unreachable refs and free their objects) and retries, and
   *      only then evicts a referenced object to disk. A reclaim that frees too little makes the
   *      next ones wait (100 ms doubling to 5 s), so a program whose live objects really exceed
   *      the store spills at full speed. Reclaims are counted in reclaimsTotal/Bytes/Nanos.
   *      An object of EARLY_RECLAIM_MIN_BYTES or more reclaims already before it would use memory
   *      never written (MappedRegion's touched-only allocation): writing fresh pages costs ~12x
   *      more than reused ones, so dropped refs' memory is reused first. Such early reclaims
   *      pause EARLY_RECLAIM_PAUSE_FACTOR times as long as the last one took, so they take at
   *      most a fifth of the time; a reclaim when there is no room at all never pauses for it.
   *  Locks: `lock` guards everything but the bytes inside blocks; copies into and out of blocks
   *  happen outside it, protected by pins. Spill writes and restores run under it (simple and
   *  safe; they serialize I/O with other store operations). The reclaimer runs with `lock`
   *  released (it frees objects, which takes `lock`) and under `reclaiming`, so one thread
   *  reclaims at a time and the others wait for its outcome instead of spilling meanwhile.
   *  checkInvariants() asserts I1-I3.
   */
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition room = lock.newCondition();
  private final long capacity;
  private final long fullTimeoutNanos;
  private final MappedRegion region;
  private final SpillFiles spill;
  private final Map<ObjectId, Entry> entries = new HashMap<>(); // guarded by lock
  private final Map<ObjectId, Entry> pinnedFreed = new HashMap<>(); // freed, pinned; by lock
  private final LinkedHashMap<ObjectId, Entry> resident =
      new LinkedHashMap<>(16, 0.75f, true); // guarded by lock; access order = LRU first
  private long usedBytes; // guarded by lock
  private long pinnedBytes; // guarded by lock
  private long peakUsedBytes; // guarded by lock
  private long spillsTotal; // guarded by lock
  private long restoresTotal; // guarded by lock
  private long evictionsTotal; // guarded by lock
  private long releasedBytesTotal; // guarded by lock: memory given back by freed objects
  private long reclaimsTotal; // guarded by lock
  private long reclaimedBytesTotal; // guarded by lock
  private long reclaimNanosTotal; // guarded by lock
  private long reclaimBackoffNanos; // guarded by lock: 0, or the pause after a useless reclaim
  private long reclaimAgainAtNanos = System.nanoTime(); // guarded by lock
  private final ReentrantLock reclaiming = new ReentrantLock(); // one reclaim at a time
  private volatile long reclaimerRuns; // written under `reclaiming`
  private volatile Runnable reclaimer; // frees unreachable objects; null: none (see reclaimer())

  /** The pause after a reclaim that freed too little, doubled each time up to the maximum. */
  public static final long RECLAIM_BACKOFF_MIN_NANOS = Duration.ofMillis(100).toNanos();

  public static final long RECLAIM_BACKOFF_MAX_NANOS = Duration.ofSeconds(5).toNanos();

  /**
   * Objects at least this large reclaim before they use memory never written (64 MiB of fresh pages
   * cost about 50 ms of page faults here, as much as a collection of a small heap).
   */
  static final long EARLY_RECLAIM_MIN_BYTES = 64L << 20;

  /**
   * After an early reclaim that took d, the next one waits factor × d (writes meanwhile use memory
   * never written), so early reclaims take at most 1 / (1 + factor) of a writer's time: with a
   * collector that frees dropped refs only in full collections (the serial one of worker JVMs) each
   * early reclaim freed about one object, and every large put paid a full collection.
   */
  public static final long EARLY_RECLAIM_PAUSE_FACTOR = 4;

  private long earlyReclaimAgainAtNanos = System.nanoTime(); // under `lock`

  private final ReferenceQueue<ByteBuffer> viewQueue = new ReferenceQueue<>();
  private final Set<ViewPin> viewPins = ConcurrentHashMap.newKeySet();
  private final Thread viewReaper;
  private final String sizeSetting; // how the user changes the capacity, for messages

  private static final class Entry {
    final ObjectId id;
    final int length;
    MappedRegion.Block block;
    SpillFiles.Location spilled;
    int pins;
    boolean sealed;
    boolean freed;

    Entry(ObjectId id, int length) {
      this.id = id;
      this.length = length;
    }
  }

  /**
   * A store of {@code capacity} bytes; spill files go to {@code spillDir}; a put that finds the
   * store full of pinned objects waits up to {@code fullTimeout} for room.
   */
  public NodeStore(long capacity, Path spillDir, Duration fullTimeout) {
    this(capacity, spillDir, fullTimeout, false);
  }

  /**
   * A store as above; if {@code shared}, its memory file stays on disk (deleted on {@link #close})
   * so other processes of the node can map it: see {@link #file()}.
   */
  public NodeStore(long capacity, Path spillDir, Duration fullTimeout, boolean shared) {
    this(capacity, spillDir, fullTimeout, shared, EMBEDDED_SIZE_SETTING);
  }

  /** How an embedded program sets the store's size; what its messages say to change. */
  public static final String EMBEDDED_SIZE_SETTING =
      "objectStoreBytes (MantaConfig.builder().objectStoreBytes(..), -Dmanta.object-store-bytes or"
          + " MANTA_OBJECT_STORE_BYTES)";

  /**
   * A store as above whose messages name {@code sizeSetting} as the way to change its capacity: on
   * a cluster node, the node's {@code --object-store-memory}, not the driver's MantaConfig.
   */
  public NodeStore(
      long capacity, Path spillDir, Duration fullTimeout, boolean shared, String sizeSetting) {
    this.sizeSetting = sizeSetting;
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be > 0, was " + capacity);
    }
    this.capacity = capacity;
    this.fullTimeoutNanos = fullTimeout.toNanos();
    SpillFiles.removeLeftovers(spillDir);
    String tag = Long.toHexString(System.nanoTime()) + THREADS.incrementAndGet();
    Path memDir = memoryDirectory(capacity, spillDir, sizeSetting);
    String name = "manta-store-" + ProcessHandle.current().pid() + "-" + tag;
    this.region = new MappedRegion(capacity, memDir, name, shared);
    this.spill = new SpillFiles(spillDir, 256L << 20, tag);
    this.viewReaper =
        Thread.ofPlatform().daemon().name("manta-store-" + THREADS.get()).start(this::reapViews);
  }

  /**
   * Where the region's file goes: {@code /dev/shm} (memory) if it has room for the whole capacity,
   * else the spill directory. A mapped file larger than its file system's free space would crash
   * the JVM when touched, so a capacity that fits nowhere is refused up front.
   */
  private static Path memoryDirectory(long capacity, Path spillDir, String sizeSetting) {
    Path shm = Path.of("/dev/shm");
    StringBuilder tried = new StringBuilder();
    for (Path dir : new Path[] {shm, spillDir}) {
      try {
        PrivateFiles.createDirectories(dir);
        long free = Files.getFileStore(dir).getUsableSpace();
        if (Files.isWritable(dir) && free >= capacity) {
          return dir;
        }
        tried.append(dir).append(" has ").append(free).append(" bytes free; ");
      } catch (java.io.IOException | RuntimeException e) {
        tried.append(dir).append(" is unusable (").append(e).append("); ");
      }
    }
    throw new IllegalArgumentException(
        "The object store needs "
            + capacity
            + " bytes of file space to map its memory, but "
            + tried
            + "lower "
            + sizeSetting
            + " or free space");
  }

  /** The hard capacity in bytes. */
  public long capacity() {
    return capacity;
  }

  /**
   * Copies {@code bytes} into the store as object {@code id}.
   *
   * @throws ObjectStoreFullException if the object is larger than the store, or no room frees up
   *     within the timeout, or spilling fails
   */
  @Override
  public StoreValue put(ObjectId id, byte[] bytes, int flags) {
    return put(id, bytes.length, flags, view -> view.put(0, bytes));
  }

  /**
   * Stores {@code length} bytes as object {@code id}, written by {@code writer} straight into store
   * memory (one copy, for large arrays). {@code writer} gets a buffer of exactly {@code length}
   * bytes at position 0 and must fill it using absolute or relative puts.
   */
  @Override
  public StoreValue put(
      ObjectId id, int length, int flags, java.util.function.Consumer<ByteBuffer> writer) {
    Entry e = reserveEntry(id, length);
    try {
      writer.accept(region.view(e.block));
    } catch (RuntimeException ex) {
      abort(e);
      throw ex;
    }
    seal(e);
    return new StoreValue(id, length, flags);
  }

  /**
   * Reserves room for object {@code id} for a writer in another process of this node, and returns
   * the absolute offset of its bytes in {@link #file()}. The object stays pinned and unreadable
   * until {@link #seal(ObjectId)} (or {@link #abort(ObjectId)}).
   */
  public long reserve(ObjectId id, int length) {
    return region.absoluteOffset(reserveEntry(id, length).block);
  }

  /** Makes a reserved object readable and releases the writer's pin. */
  public void seal(ObjectId id) {
    Entry e;
    lock.lock();
    try {
      e = entries.get(id);
    } finally {
      lock.unlock();
    }
    if (e == null || e.sealed) {
      throw new IllegalStateException("object " + id.hex() + " is not reserved");
    }
    seal(e);
  }

  /** Drops a reserved object whose writer failed. */
  public void abort(ObjectId id) {
    Entry e;
    lock.lock();
    try {
      e = entries.get(id);
    } finally {
      lock.unlock();
    }
    if (e != null && !e.sealed) {
      abort(e);
    }
  }

  /** Whether object {@code id} is here (in memory or spilled) and readable. */
  public boolean contains(ObjectId id) {
    lock.lock();
    try {
      Entry e = entries.get(id);
      return e != null && e.sealed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Pins object {@code id} for a reader in another process and returns the absolute offset of its
   * bytes in {@link #file()}; release with {@link #unpinExternal}.
   */
  public long pinExternal(ObjectId id) {
    lock.lock();
    try {
      return region.absoluteOffset(pinLocked(id).block);
    } finally {
      lock.unlock();
    }
  }

  /** Releases a pin taken by {@link #pinExternal}. */
  public void unpinExternal(ObjectId id) {
    lock.lock();
    try {
      Entry e = entries.get(id);
      if (e == null) {
        e = pinnedFreed.get(id);
      }
      if (e != null && e.pins > 0) {
        unpinLocked(e);
      }
    } finally {
      lock.unlock();
    }
  }

  /** The memory file other processes of this node map (shared stores only). */
  public Path file() {
    return region.file();
  }

  /** The size of the file's chunks: a block never crosses a multiple of it. */
  public static long chunkBytes() {
    return MappedRegion.MAX_CHUNK_BYTES;
  }

  @Override
  public StoreValue localize(RemoteValue v) {
    throw new UnsupportedOperationException(
        "object " + v.id().hex() + " is on node " + v.nodeId() + ", but this store has no peers");
  }

  /**
   * Reserves as {@link #reserve} does, but only if there is room without spilling anything (for an
   * object of {@link #EARLY_RECLAIM_MIN_BYTES} or more: in memory written before), waiting up to
   * {@code wait} for frees to make it; returns -1 if there is none. For a writer in another process
   * whose owner can free unreachable objects first (I4 across processes: it asks this, reclaims,
   * asks again with a wait for its frees to arrive, then reserves).
   */
  public long reserveIfRoom(ObjectId id, int length, Duration wait) {
    return reserveIfRoom(id, length, wait, false);
  }

  /**
   * As {@link #reserveIfRoom(ObjectId, int, Duration)}; with {@code anyMemory}, memory never
   * written counts as room for a large object too (its owner pauses early reclaims, I4).
   */
  public long reserveIfRoom(ObjectId id, int length, Duration wait, boolean anyMemory) {
    Entry e = reserveEntry(id, length, wait.toNanos(), anyMemory);
    return e == null ? -1 : region.absoluteOffset(e.block);
  }

  private Entry reserveEntry(ObjectId id, int length) {
    return reserveEntry(id, length, -1, false);
  }

  /** {@code ifRoomWaitNanos} >= 0: only with room as in {@link #reserveIfRoom}, else null. */
  private Entry reserveEntry(ObjectId id, int length, long ifRoomWaitNanos, boolean anyMemory) {
    if (length > region.maxBlockBytes()) {
      throw new ObjectStoreFullException(
          "Object "
              + id.hex()
              + " is "
              + length
              + " bytes, larger than the object store's capacity of "
              + region.maxBlockBytes()
              + " bytes; raise "
              + sizeSetting
              + " or split the value");
    }
    Entry e = new Entry(id, length);
    MappedRegion.Block b;
    lock.lock();
    try {
      b =
          ifRoomWaitNanos >= 0
              ? allocateIfRoom(length, ifRoomWaitNanos, anyMemory)
              : allocate(length, "object " + id.hex());
      if (b == null) {
        return null;
      }
      e.block = b;
      e.pins = 1; // the writer's pin: not evictable while being copied
      pinnedBytes += b.blockBytes();
      if (entries.putIfAbsent(id, e) != null) {
        region.free(b);
        usedBytes -= b.blockBytes();
        pinnedBytes -= b.blockBytes();
        throw new IllegalStateException("object " + id.hex() + " is already in the store");
      }
      resident.put(id, e);
    } finally {
      lock.unlock();
    }
    return e;
  }

  private void abort(Entry e) {
    lock.lock();
    try {
      entries.remove(e.id, e);
      e.freed = true;
      unpinLocked(e);
    } finally {
      lock.unlock();
    }
  }

  private void seal(Entry e) {
    lock.lock();
    try {
      e.sealed = true;
      unpinLocked(e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Pins object {@code id} in memory (restoring it from disk if needed) and returns a pin whose
   * {@link Pin#bytes()} is valid until {@link Pin#close()}.
   *
   * @throws ObjectFreedException if the object was freed
   */
  @Override
  public Pin pin(ObjectId id) {
    lock.lock();
    try {
      Entry e = pinLocked(id);
      return new Pin(this, e, region.view(e.block));
    } finally {
      lock.unlock();
    }
  }

  /**
   * A read-only buffer over object {@code id}'s bytes in store memory, not a copy. The object stays
   * pinned while the buffer, or any buffer derived from it, is reachable.
   */
  @Override
  public ByteBuffer view(ObjectId id) {
    Entry e;
    lock.lock();
    try {
      e = pinLocked(id);
    } finally {
      lock.unlock();
    }
    try {
      ByteBuffer root = mapReadOnly(e);
      viewPins.add(new ViewPin(root, viewQueue, e));
      return root;
    } catch (RuntimeException ex) {
      unpin(e);
      throw ex;
    }
  }

  private ByteBuffer mapReadOnly(Entry e) {
    // A fresh mapping is a root buffer: every slice of it keeps it reachable, so the pin holds
    // exactly as long as any buffer over these bytes can be read.
    return region.mapReadOnly(e.block);
  }

  /** Frees object {@code id}: its memory and spill space now, or when its last pin goes. */
  @Override
  public void free(ObjectId id) {
    lock.lock();
    try {
      Entry e = entries.remove(id);
      if (e == null) {
        return;
      }
      e.freed = true;
      if (e.pins == 0) {
        release(e);
      } else {
        pinnedFreed.put(id, e);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Where object {@code id} is: {@code store}, {@code spilled}, or {@code freed}. */
  @Override
  public String where(ObjectId id) {
    lock.lock();
    try {
      Entry e = entries.get(id);
      return e == null ? "freed" : e.block != null ? "store" : "spilled";
    } finally {
      lock.unlock();
    }
  }

  /** Whether object {@code id} is pinned now. */
  @Override
  public boolean isPinned(ObjectId id) {
    lock.lock();
    try {
      Entry e = entries.get(id);
      return e != null && e.pins > 0;
    } finally {
      lock.unlock();
    }
  }

  /** Counters now. */
  @Override
  public ObjectStoreStats stats() {
    lock.lock();
    try {
      return new ObjectStoreStats(
          capacity,
          usedBytes,
          pinnedBytes,
          resident.size(),
          spill.objectsOnDisk(),
          spill.bytesOnDisk(),
          spillsTotal,
          restoresTotal,
          evictionsTotal,
          peakUsedBytes,
          reclaimsTotal,
          reclaimedBytesTotal,
          reclaimNanosTotal);
    } finally {
      lock.unlock();
    }
  }

  /** Number of spill files on disk. */
  public int spillFileCount() {
    lock.lock();
    try {
      return spill.fileCount();
    } finally {
      lock.unlock();
    }
  }

  /** Asserts I1-I3; throws {@link IllegalStateException} naming the broken invariant. */
  public void checkInvariants() {
    lock.lock();
    try {
      long used = 0;
      long pinned = 0;
      for (Entry e : resident.values()) {
        check(e.block != null, "I3: resident entry " + e.id + " has no block");
        used += e.block.blockBytes();
        if (e.pins > 0) {
          pinned += e.block.blockBytes();
        }
      }
      for (Entry e : entries.values()) {
        check(e.pins == 0 || e.block != null, "I2: pinned entry " + e.id + " is not in memory");
        check(e.block != null || e.spilled != null, "I3: entry " + e.id + " is nowhere");
      }
      check(used == usedBytes, "I1: usedBytes " + usedBytes + " != sum of blocks " + used);
      check(usedBytes <= capacity, "I1: used " + usedBytes + " > capacity " + capacity);
      check(peakUsedBytes <= capacity, "I1: peak " + peakUsedBytes + " > capacity " + capacity);
      check(pinned == pinnedBytes, "I2: pinnedBytes " + pinnedBytes + " != " + pinned);
      check(
          region.freeBytes() + usedBytes == capacity,
          "I1: free " + region.freeBytes() + " + used " + usedBytes + " != capacity " + capacity);
    } finally {
      lock.unlock();
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("object store invariant broken: " + what);
    }
  }

  // --- under lock ---

  private Entry pinLocked(ObjectId id) {
    Entry e = entries.get(id);
    if (e == null || e.freed || !e.sealed) {
      throw new ObjectFreedException(
          "Object " + id.hex() + " is no longer in the object store (it was freed)");
    }
    if (e.block == null) {
      e.pins++; // hold it while we wait for room; it is not resident, so not evictable anyway
      MappedRegion.Block b;
      try {
        b = allocate(e.length, "restore of object " + id.hex());
      } finally {
        e.pins--;
      }
      if (e.freed) {
        region.free(b);
        usedBytes -= b.blockBytes();
        throw new ObjectFreedException("Object " + id.hex() + " was freed while being restored");
      }
      ByteBuffer into = region.view(b);
      RestoreEvent event = new RestoreEvent();
      event.begin();
      spill.read(e.spilled, into);
      e.block = b;
      restoresTotal++;
      if (event.shouldCommit()) {
        event.objectId = id.hex();
        event.bytes = e.length;
        event.commit();
      }
    }
    resident.put(id, e); // (re)insert or touch: most recently used
    if (e.pins++ == 0) {
      pinnedBytes += e.block.blockBytes();
    }
    return e;
  }

  private void unpin(Entry e) {
    lock.lock();
    try {
      unpinLocked(e);
    } finally {
      lock.unlock();
    }
  }

  private void unpinLocked(Entry e) {
    if (--e.pins == 0) {
      pinnedBytes -= e.block.blockBytes();
      if (e.freed) {
        pinnedFreed.remove(e.id, e);
        release(e);
      }
      room.signalAll();
    }
  }

  private void release(Entry e) {
    if (e.block != null) {
      region.free(e.block);
      usedBytes -= e.block.blockBytes();
      releasedBytesTotal += e.block.blockBytes();
      resident.remove(e.id);
      e.block = null;
    }
    if (e.spilled != null) {
      spill.release(e.spilled);
      e.spilled = null;
    }
    room.signalAll();
  }

  private MappedRegion.Block allocate(long length, String what) {
    long deadline = System.nanoTime() + fullTimeoutNanos;
    boolean askedGc = false;
    boolean reclaimed = false;
    while (true) {
      // A large object reuses written memory if a reclaim can make room there (I4), unless
      // early reclaims pause because they cost more than the page faults they save.
      boolean early =
          !reclaimed
              && reclaimer != null
              && length >= EARLY_RECLAIM_MIN_BYTES
              && System.nanoTime() - earlyReclaimAgainAtNanos >= 0;
      MappedRegion.Block b = region.allocate(length, early);
      if (b == null && early) {
        reclaimed = true;
        long start = System.nanoTime();
        if (reclaim(length)) {
          long end = System.nanoTime();
          earlyReclaimAgainAtNanos = end + EARLY_RECLAIM_PAUSE_FACTOR * (end - start);
          continue;
        }
        b = region.allocate(length);
      }
      if (b != null) {
        usedBytes += b.blockBytes();
        peakUsedBytes = Math.max(peakUsedBytes, usedBytes);
        return b;
      }
      if (!reclaimed) {
        reclaimed = true; // at most once per allocation (I4)
        if (reclaim(length)) {
          continue;
        }
      }
      if (evictOne()) {
        continue;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new ObjectStoreFullException(
            "The object store is full: "
                + what
                + " needs "
                + MappedRegion.blockSize(length)
                + " bytes, but "
                + usedBytes
                + " of "
                + capacity
                + " bytes are used and "
                + pinnedBytes
                + " of them are pinned (being read, viewed, or arguments of running tasks) after"
                + " waiting "
                + Duration.ofNanos(fullTimeoutNanos)
                + "; release buffers returned by get, drop references, or raise "
                + sizeSetting);
      }
      if (!askedGc && !viewPins.isEmpty()) {
        askedGc = true; // views may be unreachable but not yet collected: let the GC find them
        lock.unlock();
        try {
          System.gc();
        } finally {
          lock.lock();
        }
        continue;
      }
      try {
        room.awaitNanos(left);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new ObjectStoreFullException("Interrupted while waiting for room for " + what, ie);
      }
    }
  }

  /** A block without evicting or reclaiming, waiting up to {@code waitNanos} for frees; or null. */
  private MappedRegion.Block allocateIfRoom(long length, long waitNanos, boolean anyMemory) {
    boolean touchedOnly = !anyMemory && length >= EARLY_RECLAIM_MIN_BYTES;
    long deadline = System.nanoTime() + waitNanos;
    while (true) {
      MappedRegion.Block b = region.allocate(length, touchedOnly);
      if (b != null) {
        usedBytes += b.blockBytes();
        peakUsedBytes = Math.max(peakUsedBytes, usedBytes);
        return b;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      try {
        room.awaitNanos(left); // a free signals it
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  /**
   * Sets what the store runs, before it spills a referenced object to make room, to free objects
   * nobody can reach any more (I4): like {@code java.nio.Bits.reserveMemory}, which collects and
   * retries before it throws. {@code reclaimer} runs without the store's lock and may free objects.
   */
  @Override
  public void reclaimer(Runnable reclaimer) {
    this.reclaimer = reclaimer;
  }

  /**
   * Runs the reclaimer (I4), called with {@code lock} held and returning with it held; true if it
   * ran, so the caller retries its allocation.
   */
  private boolean reclaim(long length) {
    Runnable r = reclaimer;
    long start = System.nanoTime();
    if (r == null || start - reclaimAgainAtNanos < 0) {
      return false;
    }
    long releasedBefore = releasedBytesTotal;
    long runsBefore = reclaimerRuns;
    boolean ran = false;
    lock.unlock();
    try {
      reclaiming.lock();
      try {
        if (reclaimerRuns == runsBefore) { // else another thread reclaimed while we waited: retry
          r.run();
          reclaimerRuns = runsBefore + 1;
          ran = true;
        }
      } finally {
        reclaiming.unlock();
      }
    } finally {
      lock.lock();
    }
    if (!ran) {
      return true;
    }
    long freed = releasedBytesTotal - releasedBefore;
    reclaimsTotal++;
    reclaimedBytesTotal += freed;
    long end = System.nanoTime();
    reclaimNanosTotal += end - start;
    if (freed < MappedRegion.blockSize(length)) {
      reclaimBackoffNanos =
          Math.min(
              RECLAIM_BACKOFF_MAX_NANOS,
              Math.max(RECLAIM_BACKOFF_MIN_NANOS, 2 * reclaimBackoffNanos));
      reclaimAgainAtNanos = end + reclaimBackoffNanos;
    } else {
      reclaimBackoffNanos = 0;
    }
    return true;
  }

  /** Evicts the least recently used unpinned object; false if every resident object is pinned. */
  private boolean evictOne() {
    for (Iterator<Entry> it = resident.values().iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.pins > 0 || !e.sealed) {
        continue;
      }
      if (e.spilled == null) {
        SpillEvent event = new SpillEvent();
        event.begin();
        e.spilled = spill.write(region.view(e.block));
        spillsTotal++;
        if (event.shouldCommit()) {
          event.objectId = e.id.hex();
          event.bytes = e.length;
          event.commit();
        }
      }
      region.free(e.block);
      usedBytes -= e.block.blockBytes();
      e.block = null;
      it.remove();
      evictionsTotal++;
      return true;
    }
    return false;
  }

  private void reapViews() {
    try {
      while (true) {
        ViewPin p = (ViewPin) viewQueue.remove();
        viewPins.remove(p);
        unpin(p.entry);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing
    }
  }

  /** Stops the view thread, frees all memory and deletes every spill file. */
  @Override
  public void close() {
    viewReaper.interrupt();
    try {
      viewReaper.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lock.lock();
    try {
      entries.clear();
      resident.clear();
      spill.close();
      region.close();
    } finally {
      lock.unlock();
    }
  }

  /** A pin on one object: its bytes stay in memory until {@link #close()}. */
  public static final class Pin implements ObjectStore.Pin {
    private final NodeStore store;
    private final Entry entry;
    private final ByteBuffer bytes;
    private boolean closed;

    private Pin(NodeStore store, Entry entry, ByteBuffer bytes) {
      this.store = store;
      this.entry = entry;
      this.bytes = bytes;
    }

    /** The object's bytes, read-only in spirit: do not write. Valid until {@link #close()}. */
    @Override
    public ByteBuffer bytes() {
      return bytes;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        store.unpin(entry);
      }
    }
  }

  /** Releases a view's pin when the view becomes unreachable. */
  private static final class ViewPin extends PhantomReference<ByteBuffer> {
    final Entry entry;

    ViewPin(ByteBuffer view, ReferenceQueue<ByteBuffer> q, Entry entry) {
      super(view, q);
      this.entry = entry;
    }
  }
}
