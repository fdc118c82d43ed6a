package dev.manta.runtime.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.InlineValue;
import dev.manta.runtime.store.StoredValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The reference table with a fake store behind it (a recorder of {@code onFree} calls) and no
 * runtime: each count of {@link OwnedObject} keeps an object alive while it is above zero, and the
 * object is freed exactly once, when every count is zero and its value is ready (I1), or when freed
 * explicitly.
 */
@SuppressWarnings("UnusedVariable") // refs are set to null on purpose, to drop them
class ReferenceTableTest {
  /** What {@code onFree} was called with, per object: more than one entry is a double free. */
  private final Map<ObjectId, List<StoredValue>> freed = new ConcurrentHashMap<>();

  private ReferenceTable table;
  private long nextSequence = 1;

  @BeforeEach
  void start() {
    table =
        new ReferenceTable(
            (o, v) ->
                freed
                    .computeIfAbsent(
                        o.id(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(v),
            (o, v) -> v,
            true);
  }

  @AfterEach
  void stop() throws InterruptedException {
    table.close();
  }

  private ObjectId nextId() {
    return new ObjectId(new TaskId(7, nextSequence++), 1);
  }

  private static StoredValue value(int n) {
    return new InlineValue(new byte[] {(byte) n}, 0);
  }

  private int freeCount(OwnedObject o) {
    List<StoredValue> calls = freed.get(o.id());
    return calls == null ? 0 : calls.size();
  }

  /** Collects garbage until {@code condition} holds, for up to 30 seconds. */
  private static void collectUntil(String what, BooleanSupplier condition) {
    Awaitility.await(what)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              System.gc();
              return condition.getAsBoolean();
            });
  }

  @Test
  void create_sameIdTwice_isRefused() {
    ObjectId id = nextId();
    table.create(id, null);
    assertThatThrownBy(() -> table.create(id, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void taskRefs_keepTheObject_untilTheLastIsReleased_thenItIsFreedOnce() {
    OwnedObject o = table.create(nextId(), null);
    table.addTaskRef(o);
    table.addTaskRef(o);
    table.addTaskRef(o);
    StoredValue v = value(1);
    table.complete(o, v);
    table.removeTaskRef(o);
    table.removeTaskRef(o);
    assertThat(freeCount(o)).as("freed with one task ref left").isZero();
    assertThat(table.lookup(o.id())).isSameAs(o);
    table.removeTaskRef(o);
    assertThat(freed.get(o.id())).as("onFree calls").containsExactly(v);
    assertThat(table.lookup(o.id())).isNull();
    assertThat(table.size()).isZero();
    assertThat(table.freedTotal()).isEqualTo(1);
    assertThat(o.isFreed()).isTrue();
    assertThat(o.value().join()).isInstanceOf(Failure.class);
  }

  @Test
  void pendingObject_withNoCountsLeft_waitsForItsValue_thenIsFreed() {
    OwnedObject o = table.create(nextId(), null);
    table.addTaskRef(o);
    table.removeTaskRef(o);
    assertThat(freeCount(o)).as("freed before its value was ready").isZero();
    assertThat(o.reasons()).isEqualTo("pending-creation");
    StoredValue v = value(2);
    assertThat(table.complete(o, v)).isTrue();
    assertThat(freed.get(o.id())).containsExactly(v);
  }

  @Test
  void complete_secondTime_isANoOp() {
    OwnedObject o = table.create(nextId(), null);
    table.addTaskRef(o);
    StoredValue first = value(1);
    assertThat(table.complete(o, first)).isTrue();
    assertThat(table.complete(o, value(2))).isFalse();
    table.removeTaskRef(o);
    assertThat(freed.get(o.id())).as("freed once, with the first value").containsExactly(first);
  }

  @Test
  void localRef_keepsTheObject_untilItIsUnreachable() {
    OwnedObject o = table.create(nextId(), null);
    RefImpl<Object> ref = table.newRef(o, false);
    table.complete(o, value(1));
    System.gc();
    assertThat(freeCount(o)).as("freed while a ref is reachable").isZero();
    assertThat(o.reasons()).isEqualTo("local-ref");
    assertThat(ref.isReady()).isTrue();
    ref = null;
    collectUntil("the dropped ref frees its object", () -> freeCount(o) == 1);
    assertThat(table.trackedCount()).isZero();
  }

  @Test
  void refsOfOneGeneration_shareOneHandle_soTheObjectCountsOneLocalRef() {
    OwnedObject o = table.create(nextId(), null);
    RefImpl<Object> a = table.newRef(o, false);
    RefImpl<Object> b = table.newRef(o, false);
    RefImpl<Object> c = table.newRef(o, true);
    synchronized (o) {
      assertThat(o.localHandles).isEqualTo(1);
      assertThat(o.borrowHandles).isEqualTo(1);
    }
    assertThat(a).isEqualTo(b).isEqualTo(c);
    assertThat(table.trackedCount()).isEqualTo(2);
  }

  @Test
  void droppedGeneration_isReplaced_whileAnotherCountKeepsTheObject() {
    OwnedObject o = table.create(nextId(), null);
    table.addTaskRef(o);
    table.complete(o, value(1));
    RefImpl<Object> first = table.newRef(o, false);
    first = null;
    collectUntil("the first generation is released", () -> table.trackedCount() == 0);
    synchronized (o) {
      assertThat(o.localHandles).isZero();
    }
    RefImpl<Object> second = table.newRefIfLive(o, false);
    assertThat(second).isNotNull();
    synchronized (o) {
      assertThat(o.localHandles).as("a new generation").isEqualTo(1);
    }
    table.removeTaskRef(o);
    assertThat(freeCount(o)).as("freed while the new generation is reachable").isZero();
    second = null;
    collectUntil("the second generation frees the object", () -> freeCount(o) == 1);
  }

  @Test
  void container_keepsWhatItContains_untilItIsFreed_thenBothGoOnce() {
    OwnedObject inner = table.create(nextId(), null);
    table.complete(inner, value(1)); // unreferenced and ready: freed at once
    assertThat(freeCount(inner)).isEqualTo(1);

    OwnedObject kept = table.create(nextId(), null);
    table.addTaskRef(kept);
    table.complete(kept, value(2));
    OwnedObject outer = table.create(nextId(), null);
    table.addTaskRef(outer);
    table.setContains(outer, List.of(kept, kept));
    table.complete(outer, value(3));
    table.removeTaskRef(kept);
    assertThat(kept.reasons()).isEqualTo("contained-in(2)");
    assertThat(freeCount(kept)).isZero();
    table.removeTaskRef(outer);
    assertThat(freeCount(outer)).isEqualTo(1);
    assertThat(freeCount(kept)).as("the contained object goes with its container").isEqualTo(1);
    assertThat(table.size()).isZero();
  }

  @Test
  void explicitFree_whileReferenced_freesOnce_andLaterReleasesFreeNothing() {
    OwnedObject o = table.create(nextId(), null);
    RefImpl<Object> ref = table.newRef(o, false);
    table.addTaskRef(o);
    table.complete(o, value(1));
    table.free(o);
    table.free(o);
    assertThat(freeCount(o)).isEqualTo(1);
    table.removeTaskRef(o);
    assertThat(freeCount(o)).isEqualTo(1);
    assertThat(table.newRefIfLive(o, false)).as("no ref to a freed object").isNull();
    assertThat(ref.toString()).endsWith(", freed)");
    assertThat(((Failure) o.value().join()).message()).contains("freed explicitly");
  }

  @Test
  void explicitFree_ofAPendingObject_completesItAsFreed() {
    OwnedObject o = table.create(nextId(), null);
    table.free(o);
    assertThat(freed.get(o.id())).as("freed with no value").containsExactly((StoredValue) null);
    assertThat(o.value().join()).isInstanceOf(Failure.class);
    assertThat(table.complete(o, value(1))).as("a late result is dropped").isFalse();
  }

  @Test
  void freedRef_readsAsFreed_withoutTouchingTheTable() {
    ObjectId id = nextId();
    RefImpl<Object> ref = table.freedRef(id);
    assertThat(ref.object().isFreed()).isTrue();
    assertThat(((Failure) ref.object().value().join()).message()).contains(id.hex());
    assertThat(table.size()).isZero();
    assertThat(freed).isEmpty();
  }

  @Test
  void track_runsItsActionOnce_afterTheReferentIsCollected() {
    AtomicInteger runs = new AtomicInteger();
    Object lease = new Object();
    table.track(lease, runs::incrementAndGet);
    assertThat(table.trackedCount()).isEqualTo(1);
    System.gc();
    assertThat(runs).as("ran while its referent is reachable").hasValue(0);
    lease = null;
    collectUntil("the action ran", () -> runs.get() == 1);
    assertThat(table.trackedCount()).isZero();
    System.gc();
    assertThat(runs).hasValue(1);
  }

  @Test
  void countingOff_neverFreesByItself_butExplicitFreeWorks() throws InterruptedException {
    ReferenceTable off =
        new ReferenceTable((o, v) -> freed.put(o.id(), List.of()), (o, v) -> v, false);
    try {
      OwnedObject o = off.create(nextId(), null);
      off.addTaskRef(o);
      off.complete(o, value(1));
      off.removeTaskRef(o);
      assertThat(freed).isEmpty();
      off.free(o);
      assertThat(freed).containsKey(o.id());
    } finally {
      off.close();
    }
  }

  /**
   * Once every ref is dropped the tracker count returns to zero, also after {@code Manta.free}:
   * free takes the object out of the table, so the handle's tracker would otherwise become
   * unreachable with the handle and never be enqueued.
   */
  @Test
  void trackedCount_afterExplicitFreeAndDroppedRef_returnsToZero() {
    OwnedObject o = table.create(nextId(), null);
    RefImpl<Object> ref = table.newRef(o, false);
    table.complete(o, value(1));
    table.free(o);
    o = null;
    ref = null;
    collectUntil(
        "the tracker of the freed object's ref is processed", () -> table.trackedCount() == 0);
  }

  /**
   * Many threads take and release task refs on one object while the test holds one of its own: the
   * object is never freed while the test's count is held, and is freed exactly once when it goes.
   */
  @RepeatedTest(5)
  void concurrentTakeAndRelease_neverFreesWhileACountIsHeld_andFreesOnceAtZero() throws Exception {
    OwnedObject o = table.create(nextId(), null);
    table.addTaskRef(o);
    table.complete(o, value(1));
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Future<?>> done = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  for (int i = 0; i < 20_000; i++) {
                    table.addTaskRef(o);
                    table.removeTaskRef(o);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    }
    assertThat(freeCount(o)).as("freed while the test held a task ref").isZero();
    table.removeTaskRef(o);
    assertThat(freeCount(o)).isEqualTo(1);
  }

  /**
   * Each object's last counts are released by several threads at once, some racing an explicit
   * free: every object is freed exactly once.
   */
  @RepeatedTest(5)
  void lastReleasesRacingEachOtherAndAnExplicitFree_freeEachObjectExactlyOnce() throws Exception {
    int objects = 2_000;
    int releasers = 4;
    List<OwnedObject> all = new ArrayList<>(objects);
    for (int i = 0; i < objects; i++) {
      OwnedObject o = table.create(nextId(), null);
      for (int r = 0; r < releasers; r++) {
        table.addTaskRef(o);
      }
      table.complete(o, value(i));
      all.add(o);
    }
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(releasers + 1)) {
      for (int r = 0; r < releasers; r++) {
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (OwnedObject o : all) {
                    table.removeTaskRef(o);
                  }
                  return null;
                }));
      }
      done.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < objects; i += 3) {
                  table.free(all.get(i));
                }
                return null;
              }));
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    }
    for (OwnedObject o : all) {
      assertThat(freeCount(o)).as("onFree calls for %s", o.id().hex()).isEqualTo(1);
    }
    assertThat(table.size()).isZero();
    assertThat(table.freedTotal()).isEqualTo(objects);
  }
}
