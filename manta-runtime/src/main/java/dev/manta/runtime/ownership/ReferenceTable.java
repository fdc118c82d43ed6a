package dev.manta.runtime.ownership;

import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.StoredValue;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's table of the objects it created, and the reference counting that frees them.
 *
 * <p>Thread-safe. Reference kinds and what changes them:
 *
 * <ul>
 *   <li>local refs: {@link #newRef} makes a ref; the count drops when no ref of that generation is
 *       reachable (a weak reference to the shared {@link Handle} is cleared by the GC and processed
 *       by the {@code manta-refs} thread);
 *   <li>borrowed refs: the same, for refs deserialized inside a task or actor;
 *   <li>pending task arguments: {@link #addTaskRef} at submit, {@link #removeTaskRef} when the task
 *       ends in any way;
 *   <li>containment: {@link #setContains} when a value holding refs is stored; released when the
 *       containing object is freed.
 * </ul>
 *
 * When all reach zero and the value is ready, the object is removed from the table and the {@code
 * onFree} callback releases its memory and spill file.
 */
public final class ReferenceTable {
  /*
   * Implementation notes
   *  - Counts live on each OwnedObject under its monitor (see there, I1-I2). The table map only
   *    indexes live objects; an object leaves it exactly once, in free().
   *  - Trackers (weak references to handles) must stay strongly reachable until their referent
   *    is collected, or the GC would drop them unenqueued and the count would never fall. The
   *    object holds its current generation's tracker; it is replaced only once cleared, and a
   *    cleared reference is owned by the JVM's pending list and then by our queue until we
   *    process it. Action trackers (actor leases) are held in `actionTrackers`.
   *  - A freed object leaves the table, so its trackers would become unreachable with it: free
   *    takes them off the object under its monitor and enqueues them itself, so each tracker is
   *    counted down exactly once (Reference.enqueue is a no-op for one already enqueued). A handle
   *    made for an already freed object is not tracked.
   *  - With counting disabled (a constructor switch for measurements in tests) objects are
   *    never freed automatically; explicit free still works.
   */
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceTable.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ConcurrentHashMap<ObjectId, OwnedObject> objects =
      new ConcurrentHashMap<>(1 << 16); // presized: growing under load showed in profiles
  private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
  private final Set<Tracker> actionTrackers = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicLong liveTrackers =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.function.BiConsumer<OwnedObject, StoredValue> onFree;
  private final BiFunction<OwnedObject, StoredValue, Object> decoder;
  private final boolean counting;
  private final Thread reaper;
  private final AtomicLong freedTotal = new AtomicLong();
  private volatile boolean closed;
  private volatile Executor callbacks = Trampoline.inline();

  /**
   * Creates the table and starts its {@code manta-refs} thread.
   *
   * @param onFree releases a freed object's value (memory, spill file); called once per freed
   *     object with its value (null if it had none yet), never under a lock
   * @param decoder turns a stored value into the user's value or throws its exception
   * @param counting false to never free automatically (benchmark switch)
   */
  public ReferenceTable(
      java.util.function.BiConsumer<OwnedObject, StoredValue> onFree,
      BiFunction<OwnedObject, StoredValue, Object> decoder,
      boolean counting) {
    this.onFree = onFree;
    this.decoder = decoder;
    this.counting = counting;
    this.reaper =
        Thread.ofPlatform()
            .daemon()
            .name("manta-refs-" + THREADS.incrementAndGet())
            .start(this::reap);
  }

  /**
   * Where actions registered on objects becoming ready run (see {@code
   * ClusterPorts.callbackExecutor}); by default on the completing thread. Callbacks must not block.
   * However long a chain of objects completing one another, they never nest deeper than a few on
   * one stack (see {@link Trampoline}).
   */
  public Executor callbacks() {
    return callbacks;
  }

  /** Sets {@link #callbacks()}; called once, before the table is used. */
  public void callbacks(Executor executor) {
    this.callbacks = new Trampoline(Objects.requireNonNull(executor));
  }

  /** Adds a new, not yet ready object produced by {@code producer} (a task, or null for put). */
  public OwnedObject create(ObjectId id, Object producer) {
    OwnedObject o = new OwnedObject(id, producer);
    if (objects.putIfAbsent(id, o) != null) {
      throw new IllegalStateException("object " + id + " already exists");
    }
    return o;
  }

  /** The live object with this id, or null if it was freed or never existed here. */
  public OwnedObject lookup(ObjectId id) {
    return objects.get(id);
  }

  /** Number of live objects. */
  public int size() {
    return objects.size();
  }

  /** Objects freed since start. */
  public long freedTotal() {
    return freedTotal.get();
  }

  /** A snapshot of the live objects. */
  public Collection<OwnedObject> snapshot() {
    return new ArrayList<>(objects.values());
  }

  /**
   * A ref to an object that is no longer in the table (freed, or from a runtime that is gone):
   * every read of it throws {@link dev.manta.ObjectFreedException}.
   */
  public <T> RefImpl<T> freedRef(ObjectId id) {
    OwnedObject o = new OwnedObject(id, null);
    synchronized (o) {
      o.freed = true;
    }
    o.value.complete(
        Failure.freed(
            id.hex(), freedMessage(o, "nothing referred to it any more, or it was freed")));
    return new RefImpl<>(new Handle(o, this, false));
  }

  /** Makes a ref to {@code o}; {@code borrowed} if it is made inside a task or actor. */
  public <T> RefImpl<T> newRef(OwnedObject o, boolean borrowed) {
    return new RefImpl<>(handle(o, borrowed));
  }

  /**
   * A new ref to {@code o}, or null if {@code o} is freed: checked under the object's monitor, the
   * one its free decides under, so no free slips between the check and the ref.
   */
  public <T> RefImpl<T> newRefIfLive(OwnedObject o, boolean borrowed) {
    synchronized (o) {
      return o.isFreed() ? null : newRef(o, borrowed);
    }
  }

  private Handle handle(OwnedObject o, boolean borrowed) {
    if (!counting) {
      return new Handle(o, this, borrowed); // benchmark switch: nothing tracked, nothing freed
    }
    synchronized (o) {
      if (o.freed) {
        return new Handle(o, this, borrowed); // nothing left to free: not tracked
      }
      WeakReference<Object> current = borrowed ? o.borrowHandle : o.localHandle;
      Handle h = current == null ? null : (Handle) current.get();
      if (h != null) {
        return h;
      }
      h = new Handle(o, this, borrowed);
      HandleTracker t = new HandleTracker(h, queue);
      if (borrowed) {
        o.borrowHandle = t;
        o.borrowHandles++;
      } else {
        o.localHandle = t;
        o.localHandles++;
      }
      liveTrackers.incrementAndGet();
      return h;
    }
  }

  /** Counts a pending task that takes {@code o} as an argument. */
  public void addTaskRef(OwnedObject o) {
    synchronized (o) {
      o.taskRefs++;
    }
  }

  /** Releases a count from {@link #addTaskRef}; may free the object. */
  public void removeTaskRef(OwnedObject o) {
    synchronized (o) {
      o.taskRefs--;
    }
    maybeFree(o);
  }

  /** Records that {@code container}'s value holds refs to {@code contained}. */
  public void setContains(OwnedObject container, List<OwnedObject> contained) {
    if (contained.isEmpty()) {
      return;
    }
    for (OwnedObject c : contained) {
      synchronized (c) {
        c.containedIn++;
      }
    }
    synchronized (container) {
      container.contains = List.copyOf(contained);
    }
  }

  /** The ids of the objects {@code container}'s value holds refs to (while it is not freed). */
  public List<ObjectId> containedIds(OwnedObject container) {
    List<OwnedObject> c;
    synchronized (container) {
      c = container.contains;
    }
    List<ObjectId> out = new ArrayList<>(c.size());
    for (OwnedObject o : c) {
      out.add(o.id);
    }
    return out;
  }

  /**
   * Completes {@code o} with {@code v} (no-op if already complete, e.g. cancelled), then frees it
   * at once if nothing refers to it. Returns whether this call completed it.
   */
  public boolean complete(OwnedObject o, StoredValue v) {
    boolean done = o.value.complete(v);
    if (done) {
      maybeFree(o);
    }
    return done;
  }

  /**
   * Makes the live, ready object {@code o} pending again because its value {@code lost} (its only
   * copy, on a node that died) is gone: a rebuild, or the failure saying why there is none, then
   * completes it with {@link #complete}. False (and nothing changes) if {@code o} is freed or its
   * value is no longer {@code lost} (another reader reopened it first). See OwnedObject, I3.
   */
  @SuppressWarnings("ReferenceEquality") // the very value found lost, not an equal one
  public boolean reopen(OwnedObject o, StoredValue lost) {
    synchronized (o) {
      if (o.freed || o.value.getNow(null) != lost) {
        return false;
      }
      o.value = new CompletableFuture<>();
      return true;
    }
  }

  /** Frees {@code o} now, whatever refers to it (Manta.free). */
  public void free(OwnedObject o) {
    doFree(o, "it was freed explicitly with Manta.free");
  }

  /** Turns a ready value into the user's value, or throws its exception. */
  public Object decode(OwnedObject o, StoredValue v) {
    return decoder.apply(o, v);
  }

  /** Frees {@code o} if it is ready and nothing refers to it. */
  public void maybeFree(OwnedObject o) {
    if (counting && o.value.isDone() && o.isUnreferenced()) {
      doFree(o, "nothing referred to it any more", true);
    }
  }

  private void doFree(OwnedObject o, String why) {
    doFree(o, why, false);
  }

  /**
   * Frees {@code o}; if {@code onlyIfUnreferenced}, only if it is still unreferenced under its
   * monitor: a count taken between the caller's check and here (a worker picking up an argument
   * object, a ref deserialized from the table) keeps it alive.
   */
  private void doFree(OwnedObject o, String why, boolean onlyIfUnreferenced) {
    List<OwnedObject> contained;
    List<Reference<Object>> settled;
    synchronized (o) {
      if (o.freed || (onlyIfUnreferenced && !o.isUnreferenced())) {
        return;
      }
      o.freed = true;
      contained = o.contains;
      o.contains = List.of();
      o.keepAlive = List.of();
      // The object held its handles' trackers; once it leaves the table nothing else does, and
      // a tracker collected together with its handle is never enqueued. Settle them now.
      settled = settleTrackers(o);
    }
    for (Reference<Object> t : settled) {
      t.enqueue(); // the reaper counts them down; their handles stay usable, untracked
    }
    objects.remove(o.id, o);
    if (!o.lineagePinned) {
      o.producer = null; // else a later task's lineage may rebuild it (OwnedObject, I4)
    }
    freedTotal.incrementAndGet();
    StoredValue previous = o.value.getNow(null);
    if (previous == null) {
      o.value.complete(Failure.freed(o.id.hex(), freedMessage(o, why)));
    } else {
      o.value.obtrudeValue(Failure.freed(o.id.hex(), freedMessage(o, why)));
    }
    onFree.accept(o, previous);
    for (OwnedObject c : contained) {
      synchronized (c) {
        c.containedIn--;
      }
      maybeFree(c);
    }
  }

  /** Takes the current handle trackers off a freed object (called under its monitor). */
  private static List<Reference<Object>> settleTrackers(OwnedObject o) {
    // A cleared tracker is the JVM's or the reaper's already (the common case: the object is
    // freed because its handle was collected); only a tracker of a live handle needs settling.
    WeakReference<Object> local = o.localHandle;
    WeakReference<Object> borrow = o.borrowHandle;
    o.localHandle = null;
    o.borrowHandle = null;
    if (local != null && local.refersTo(null)) {
      local = null;
    }
    if (borrow != null && borrow.refersTo(null)) {
      borrow = null;
    }
    if (local == null && borrow == null) {
      return List.of();
    }
    List<Reference<Object>> out = new ArrayList<>(2);
    if (local != null) {
      out.add(local);
    }
    if (borrow != null) {
      out.add(borrow);
    }
    return out;
  }

  private static String freedMessage(OwnedObject o, String why) {
    return "Object " + o.id.hex() + " was freed (" + why + ") and can no longer be read";
  }

  private void reap() {
    try {
      while (!closed) {
        Tracker t = (Tracker) queue.remove();
        processing.lock();
        try {
          process(t);
          Tracker more;
          while ((more = (Tracker) queue.poll()) != null) {
            process(more);
          }
        } finally {
          processing.unlock();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // shutdown
    } catch (RuntimeException e) {
      LOG.error("manta-refs thread failed; objects will no longer be freed automatically", e);
    }
  }

  /**
   * How long {@link #reclaimUnreachable} waits for the collection's mark to be enqueued (it always
   * is, unless the Reference Handler is starved for that long), and then for each next cleared ref.
   */
  private static final long RECLAIM_MARK_MILLIS = 2_000;

  private static final long RECLAIM_QUIET_MILLIS = 10;

  /** Held while cleared refs are processed, so a reclaim sees the reaper's batch finished. */
  private final java.util.concurrent.locks.ReentrantLock processing =
      new java.util.concurrent.locks.ReentrantLock();

  /**
   * Frees, before returning, what the garbage collector finds unreachable now: runs a collection,
   * waits for the {@code manta-refs} thread to finish the batch it is processing, then processes
   * cleared refs on this thread until none arrives for 10 ms. For the object store, which calls it
   * when full before spilling anything still referenced. Blocks; must not be called holding a lock
   * that freeing an object takes.
   *
   * <p>The collection clears the trackers of dropped refs and the Reference Handler thread enqueues
   * them afterwards, one by one. A fixed wait for the first of them lost the race on a loaded
   * machine (the handler not yet scheduled: the store spilled what a moment later was freed), so
   * the collection also clears a mark of its own, a weak reference to an object nothing else holds,
   * on a queue of its own: once the mark is enqueued the handler is through the collection's list,
   * or well into it, and the quiet wait covers the rest.
   */
  public void reclaimUnreachable() {
    if (!counting || closed) {
      return;
    }
    ReferenceQueue<Object> markQueue = new ReferenceQueue<>();
    WeakReference<Object> mark = new WeakReference<>(new Object(), markQueue);
    System.gc(); // clears the trackers of dropped refs; the Reference Handler enqueues them
    processing.lock();
    try {
      markQueue.remove(RECLAIM_MARK_MILLIS);
      Tracker t;
      while ((t = (Tracker) queue.remove(RECLAIM_QUIET_MILLIS)) != null) {
        process(t);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // give up reclaiming; the store spills instead
    } finally {
      processing.unlock();
      Reference.reachabilityFence(mark);
    }
  }

  /**
   * Runs {@code onCollected} on the {@code manta-refs} thread (or on a thread reclaiming store
   * memory, see {@link #reclaimUnreachable}) once {@code referent} is no longer reachable. Used for
   * actor handles. {@code onCollected} must not block.
   */
  public void track(Object referent, Runnable onCollected) {
    actionTrackers.add(new ActionTracker(referent, queue, onCollected));
    liveTrackers.incrementAndGet();
  }

  /** Number of weak references waiting for their referent to be collected (leak checks). */
  public long trackedCount() {
    return liveTrackers.get();
  }

  private void process(Tracker t) {
    liveTrackers.decrementAndGet();
    if (t instanceof ActionTracker) {
      actionTrackers.remove(t);
    }
    t.collected();
  }

  /** Stops the {@code manta-refs} thread and waits for it. Objects are left as they are. */
  public void close() throws InterruptedException {
    closed = true;
    reaper.interrupt();
    reaper.join();
  }

  /** A weak reference with an action for when its referent is collected. */
  private abstract static class Tracker extends WeakReference<Object> {
    Tracker(Object referent, ReferenceQueue<Object> q) {
      super(referent, q);
    }

    abstract void collected();
  }

  /** Releases one handle generation of an object. */
  private final class HandleTracker extends Tracker {
    final OwnedObject object;
    final boolean borrowed;

    HandleTracker(Handle h, ReferenceQueue<Object> q) {
      super(h, q);
      this.object = h.object;
      this.borrowed = h.borrowed;
    }

    @Override
    void collected() {
      synchronized (object) {
        if (borrowed) {
          object.borrowHandles--;
        } else {
          object.localHandles--;
        }
      }
      maybeFree(object);
    }
  }

  /** Runs an action. */
  private static final class ActionTracker extends Tracker {
    final Runnable action;

    ActionTracker(Object referent, ReferenceQueue<Object> q, Runnable action) {
      super(referent, q);
      this.action = action;
    }

    @Override
    void collected() {
      action.run();
    }
  }
}
