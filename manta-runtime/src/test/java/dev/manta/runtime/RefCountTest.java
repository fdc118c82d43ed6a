package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.ObjectFreedException;
import dev.manta.ObjectRef;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per reference kind: each proves the object stays alive while it should and is freed
 * (store usage back to zero, table empty) when it should. Values are 800 KB arrays, so they live in
 * the node store and its byte counts are observable.
 */
@SuppressWarnings("UnusedVariable") // refs are set to null on purpose, to drop them
class RefCountTest {
  @TempDir Path spill;

  @BeforeEach
  void start() {
    Manta.init(
        MantaConfig.builder().numCpus(2).objectStoreBytes(64 << 20).spillDirectory(spill).build());
    Fns.gate = new CountDownLatch(0);
  }

  @AfterEach
  void stop() {
    Fns.gate.countDown();
    Manta.shutdown();
  }

  static double[] big() {
    return new double[100_000];
  }

  static long used() {
    return Manta.storeStats().usedBytes();
  }

  /** Runs the GC until {@code condition} holds. */
  static void eventually(Callable<Boolean> condition) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              System.gc();
              return condition.call();
            });
  }

  /** Collects garbage a few times and asserts {@code condition} still holds each time. */
  static void stays(Callable<Boolean> condition) throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
      assertThat(condition.call()).isTrue();
    }
  }

  @Test
  void localRef_keepsObject_untilDropped() throws Exception {
    ObjectRef<double[]> r = Manta.put(big());
    stays(() -> used() > 0);
    assertThat(Manta.memorySummary()).contains("local-ref");
    r = null;
    eventually(() -> used() == 0 && MantaTestSupport.current().liveObjects() == 0);
  }

  static int lengthAfterGate(double[] d) throws InterruptedException {
    Fns.gate.await();
    return d.length;
  }

  @Test
  void pendingTaskArgument_keepsObject_untilTaskEnds() throws Exception {
    Fns.gate = new CountDownLatch(1);
    ObjectRef<double[]> r = Manta.put(big());
    ObjectRef<Integer> out = Manta.task(RefCountTest::lengthAfterGate, r).remote();
    r = null;
    stays(() -> used() > 0);
    assertThat(Manta.memorySummary()).contains("pending-task-arg");
    Fns.gate.countDown();
    assertThat(out.get()).isEqualTo(100_000);
    eventually(() -> used() == 0);
  }

  /** An actor that keeps refs it receives inside arguments. */
  public static final class Keeper {
    private final List<ObjectRef<double[]>> kept = new ArrayList<>();

    public Keeper() {}

    public int keep(List<ObjectRef<double[]>> refs) {
      kept.addAll(refs);
      return kept.size();
    }

    public int clear() {
      kept.clear();
      return 0;
    }
  }

  @Test
  void borrower_keepsObject_untilItLetsGo() throws Exception {
    ActorHandle<Keeper> k = Manta.actor(Keeper::new).remote();
    ObjectRef<double[]> r = Manta.put(big());
    assertThat(k.task(Keeper::keep, List.of(r)).remote().get()).isEqualTo(1);
    r = null;
    eventually(() -> Manta.memorySummary().contains("borrowed"));
    stays(() -> used() > 0);
    k.task(Keeper::clear).remote().get();
    eventually(() -> used() == 0);
  }

  @Test
  void containingObject_keepsInnerObject_untilFreed() throws Exception {
    ObjectRef<double[]> inner = Manta.put(big());
    ObjectRef<List<ObjectRef<double[]>>> outer = Manta.put(List.of(inner));
    ObjectRef<ObjectRef<double[]>> refOfRef = Manta.put(inner);
    inner = null;
    stays(() -> used() > 0);
    assertThat(Manta.memorySummary()).contains("contained-in(2)");
    outer = null;
    stays(() -> used() > 0);
    assertThat(Manta.get(Manta.get(refOfRef))).hasSize(100_000);
    refOfRef = null;
    eventually(() -> used() == 0 && MantaTestSupport.current().liveObjects() == 0);
  }

  @Test
  void taskReturningARef_keepsItAlive_throughTheResult() throws Exception {
    ObjectRef<ObjectRef<double[]>> outer = Manta.task(RefCountTest::makeRef).remote();
    ObjectRef<double[]> inner = outer.get();
    assertThat(inner.get()).hasSize(100_000);
    inner = null;
    stays(() -> used() > 0);
    outer = null;
    eventually(() -> used() == 0);
  }

  static ObjectRef<double[]> makeRef() {
    return Manta.put(big());
  }

  @Test
  void readerView_pinsObject_untilUnreachable() throws Exception {
    ObjectRef<ByteBuffer> r = Manta.put(ByteBuffer.allocate(1 << 20));
    ByteBuffer view = Manta.get(r);
    r = null;
    stays(() -> used() > 0);
    assertThat(view.capacity()).isEqualTo(1 << 20);
    view = null;
    eventually(() -> used() == 0);
  }

  @Test
  void free_releasesNow_andLaterGetsFailClearly() {
    ObjectRef<double[]> r = Manta.put(big());
    Manta.free(List.of(r));
    assertThat(used()).isZero();
    assertThatThrownBy(r::get)
        .isInstanceOf(ObjectFreedException.class)
        .hasMessageContaining(r.id())
        .hasMessageContaining("freed");
  }

  @Test
  void unnamedActor_stopsWhenLastHandleIsGone_namedOneStays() throws Exception {
    CoreWorker w = MantaTestSupport.current();
    ActorHandle<Counter> a = Manta.actor(Counter::new).remote();
    ActorHandle<Counter> named = Manta.actor(Counter::new).name("kept").remote();
    assertThat(a.task(Counter::add, 1).remote().get()).isEqualTo(1);
    assertThat(w.liveActors()).isEqualTo(2);
    a = null;
    named = null;
    eventually(() -> w.liveActors() == 1);
    assertThat(Manta.getActor("kept")).isNotNull();
  }

  @Test
  void actorHandleInsideStoredValue_keepsActorAlive() throws Exception {
    CoreWorker w = MantaTestSupport.current();
    ActorHandle<Counter> a = Manta.actor(Counter::new).remote();
    ObjectRef<List<ActorHandle<Counter>>> box = Manta.put(List.of(a));
    a = null;
    stays(() -> w.liveActors() == 1);
    ActorHandle<Counter> back = Manta.get(box).get(0);
    assertThat(back.task(Counter::add, 5).remote().get()).isEqualTo(5);
    back = null;
    box = null;
    eventually(() -> w.liveActors() == 0);
  }

  @Test
  void lineage_ofLongChains_doesNotAccumulate() {
    CoreWorker w = MantaTestSupport.current();
    ObjectRef<Integer> r = Manta.put(0);
    for (int i = 0; i < 5000; i++) {
      r = Manta.task(Fns::increment, r).remote();
    }
    assertThat(r.get()).isEqualTo(5000);
    eventually(() -> w.liveObjects() <= 2);
  }
}
