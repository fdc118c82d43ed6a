package dev.manta.runtime.ownership;

import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.store.StoredValue;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One object in its owner's reference table: its value (once ready) and the counts that keep it
 * alive.
 */
public final class OwnedObject implements TaskArg.Ref {
  /*
   * Implementation notes
   *  I1  The object is alive while localHandles + borrowHandles + taskRefs + containedIn > 0 or
   *      its value is not yet ready. It is freed at most once (`freed`), and only when all are 0
   *      and the value is ready (or by an explicit free).
   *  I2  localHandles counts generations of local Handle objects that are still reachable (their
   *      tracker not yet processed); likewise borrowHandles. A dead generation is replaced by a
   *      new one when a ref is made again while another count keeps the object alive.
   *  I3  `value` is replaced only by ReferenceTable.reopen, under the monitor, while the object is
   *      live and its ready value was found lost (its node died): the new future is pending until
   *      the rebuild (or the failure saying why there is none) completes it. Whoever read the old
   *      future saw it complete; readers take value() afresh each time.
   *  I4  `producer` stays set after the object is freed only if `lineagePinned`: a task whose
   *      lineage is kept takes it as an argument, and may need its producer to rebuild it.
   *  Locks: every count and `freed` change holds this object's monitor. Sections are a few field
   *  updates and never block, so a virtual thread holding it is never parked inside.
   */
  final ObjectId id;
  volatile CompletableFuture<StoredValue> value = new CompletableFuture<>(); // I3
  final long createdNanos = System.nanoTime();

  int localHandles; // guarded by this
  int borrowHandles; // guarded by this
  int taskRefs; // guarded by this
  int containedIn; // guarded by this
  boolean freed; // guarded by this
  WeakReference<Object> localHandle; // guarded by this
  WeakReference<Object> borrowHandle; // guarded by this
  List<OwnedObject> contains = List.of(); // guarded by this
  volatile Object producer; // the producing task while it may still be needed (lineage)
  volatile boolean lineagePinned; // I4
  volatile int readers; // pins by readers in progress
  volatile List<Object> keepAlive = List.of(); // handles (e.g. actor leases) inside the value

  OwnedObject(ObjectId id, Object producer) {
    this.id = id;
    this.producer = producer;
  }

  /** The object's id. */
  @Override
  public ObjectId id() {
    return id;
  }

  /** Completes when the value (or its failure) is ready; never completes exceptionally. */
  public CompletableFuture<StoredValue> value() {
    return value;
  }

  /** The producing task (or null once the object no longer needs it). */
  public Object producer() {
    return producer;
  }

  /** Forgets the producing task, for example when it has finished and lineage is off. */
  public void clearProducer() {
    producer = null;
  }

  /** Sets the run that (re)makes this object: a rebuild of a lost value (lineage). */
  public void producer(Object run) {
    producer = run;
  }

  /**
   * Keeps {@link #producer()} after this object is freed (I4): a task whose lineage is kept takes
   * it as an argument.
   */
  public void pinLineage() {
    lineagePinned = true;
  }

  /** Keeps {@code things} (leases of actor handles serialized in the value) alive with it. */
  public void keepAlive(List<Object> things) {
    if (!things.isEmpty()) {
      keepAlive = List.copyOf(things);
    }
  }

  /** Whether the object was freed. */
  public synchronized boolean isFreed() {
    return freed;
  }

  synchronized boolean isUnreferenced() {
    return localHandles == 0 && borrowHandles == 0 && taskRefs == 0 && containedIn == 0;
  }

  /**
   * Why the object is alive, as counts read together: live local refs (generations of local handles
   * and of borrowed stand-ins), task references (pending tasks that take it, and remote borrowers),
   * objects that contain it, and readers that pin it now.
   */
  public record Counts(int localRefs, int taskRefs, int containedIn, int readers) {}

  /** The counts that keep this object alive, read under its monitor. */
  public synchronized Counts counts() {
    return new Counts(localHandles + borrowHandles, taskRefs, containedIn, readers);
  }

  /** A one-line account of why the object is alive, for {@code memorySummary}. */
  public synchronized String reasons() {
    StringBuilder sb = new StringBuilder();
    if (localHandles > 0) {
      sb.append("local-ref ");
    }
    if (borrowHandles > 0) {
      sb.append("borrowed ");
    }
    if (taskRefs > 0) {
      sb.append("pending-task-arg(").append(taskRefs).append(") ");
    }
    if (containedIn > 0) {
      sb.append("contained-in(").append(containedIn).append(") ");
    }
    if (readers > 0) {
      sb.append("pinned-by-reader ");
    }
    if (!value.isDone()) {
      sb.append("pending-creation ");
    }
    return sb.toString().trim();
  }
}
