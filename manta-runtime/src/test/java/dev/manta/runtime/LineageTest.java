package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.ObjectFreedException;
import dev.manta.ObjectLostException;
import dev.manta.ObjectRef;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.port.ActorProxy;
import dev.manta.runtime.port.ClusterPorts;
import dev.manta.runtime.port.CoreAccess;
import dev.manta.runtime.port.PortsFactory;
import dev.manta.runtime.port.TaskHandle;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.store.NodeStore;
import dev.manta.runtime.store.ObjectStore;
import dev.manta.runtime.store.StoreValue;
import dev.manta.runtime.store.StoredValue;
import dev.manta.spi.MantaRuntime;
import dev.manta.spi.MantaRuntimeProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Lineage} on one core whose ports can "lose the node": every stored value's bytes are
 * dropped from the store and the node reads as dead, as after a kill on a cluster. Rebuilds of task
 * results (read by {@code get}, awaited by {@code wait}, or passed to a new task), and the {@link
 * ObjectLostException} of what cannot be rebuilt, each with its reason.
 */
class LineageTest {
  static final int SIZE = 200_000; // above the inline threshold: in the store
  static final AtomicInteger RUNS = new AtomicInteger();

  private LosingPorts ports;

  @AfterEach
  void stop() {
    Manta.shutdown();
  }

  private void start(int lineageMaxTasks) {
    ports = new LosingPorts(lineageMaxTasks);
    MantaConfig config = MantaConfig.builder().numCpus(2).objectStoreBytes(64L << 20).build();
    Manta.init(
        config,
        new MantaRuntimeProvider() {
          @Override
          public int priority(MantaConfig c) {
            return 1;
          }

          @Override
          public MantaRuntime start(MantaConfig c) {
            return Cores.start(c, ports);
          }
        });
    RUNS.set(0);
  }

  static byte[] produce(int size) {
    RUNS.incrementAndGet();
    byte[] a = new byte[size];
    for (int i = 0; i < size; i++) {
      a[i] = (byte) (i * 31 + 7);
    }
    return a;
  }

  static byte[] step(byte[] in) {
    RUNS.incrementAndGet();
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = (byte) (in[i] * 3 + i + 1);
    }
    return out;
  }

  private static byte[] expected(int steps) {
    byte[] e = produce(SIZE);
    for (int i = 0; i < steps; i++) {
      e = step(e);
    }
    return e;
  }

  private static <T> void awaitReady(List<ObjectRef<T>> refs) {
    assertThat(Manta.wait(refs, refs.size(), Duration.ofMinutes(1)).ready()).hasSize(refs.size());
  }

  @Test
  void chainLostWithItsNode_isRebuiltByRunningItsTasksAgain() {
    start(100);
    List<ObjectRef<byte[]>> chain = new ArrayList<>();
    chain.add(Manta.task(LineageTest::produce, SIZE).remote());
    for (int i = 1; i < 5; i++) {
      chain.add(Manta.task(LineageTest::step, chain.get(i - 1)).remote());
    }
    awaitReady(chain);
    int ranBefore = RUNS.get();

    ports.loseNode();

    assertThat(Manta.get(chain.get(4), Duration.ofMinutes(1))).isEqualTo(expected(4));
    assertThat(RUNS.get() - ranBefore - 5).as("tasks run again").isEqualTo(5);
    assertThat(Manta.get(chain.get(2), Duration.ofMinutes(1)))
        .as("the rebuilt arguments are the objects the refs name")
        .isEqualTo(expected(2));
  }

  @Test
  void lostPut_throwsObjectLost_namingWhy() {
    start(100);
    ObjectRef<byte[]> put = Manta.put(new byte[SIZE]);

    ports.loseNode();

    assertThatThrownBy(() -> Manta.get(put))
        .isInstanceOf(ObjectLostException.class)
        .hasMessageContaining(put.id())
        .hasMessageContaining("node n1")
        .hasMessageContaining("put");
    assertThatThrownBy(() -> Manta.get(put, Duration.ofSeconds(5)))
        .isInstanceOf(ObjectLostException.class);
  }

  @Test
  void lostResultOfATaskWithoutRetries_throwsObjectLost() {
    start(100);
    ObjectRef<byte[]> r = Manta.task(LineageTest::produce, SIZE).maxRetries(0).remote();
    awaitReady(List.of(r));

    ports.loseNode();

    assertThatThrownBy(() -> Manta.get(r))
        .isInstanceOf(ObjectLostException.class)
        .hasMessageContaining("no retries left (maxRetries 0)");
  }

  @Test
  void rebuildLongerThanTheLineageCap_throwsObjectLost_andRunsNothing() {
    start(2);
    List<ObjectRef<byte[]>> chain = new ArrayList<>();
    chain.add(Manta.task(LineageTest::produce, SIZE).remote());
    for (int i = 1; i < 4; i++) {
      chain.add(Manta.task(LineageTest::step, chain.get(i - 1)).remote());
    }
    awaitReady(chain);
    int ranBefore = RUNS.get();

    ports.loseNode();

    assertThatThrownBy(() -> Manta.get(chain.get(3)))
        .isInstanceOf(ObjectLostException.class)
        .hasMessageContaining("more than 2 tasks (manta.lineage-max-tasks)");
    assertThat(RUNS.get()).isEqualTo(ranBefore);
    assertThatThrownBy(() -> Manta.get(chain.get(1)))
        .as("objects the failed plan reopened carry the same loss")
        .isInstanceOf(ObjectLostException.class);
  }

  @Test
  void waitOnALostObject_rebuildsIt_andReportsItReadyOnlyOnceRebuilt() {
    start(100);
    List<ObjectRef<byte[]>> chain = new ArrayList<>();
    chain.add(Manta.task(LineageTest::produce, SIZE).remote());
    for (int i = 1; i < 3; i++) {
      chain.add(Manta.task(LineageTest::step, chain.get(i - 1)).remote());
    }
    awaitReady(chain);
    int ranBefore = RUNS.get();

    ports.loseNode();

    ObjectRef<byte[]> last = chain.get(2);
    assertThat(Manta.wait(List.of(last), 1, Duration.ofMinutes(1)).ready()).containsExactly(last);
    assertThat(RUNS.get() - ranBefore).as("tasks run again by the wait").isEqualTo(3);
    int afterWait = RUNS.get();
    byte[] got = Manta.get(last, Duration.ofMinutes(1));
    assertThat(RUNS.get()).as("the get reads the rebuilt value").isEqualTo(afterWait);
    assertThat(got).isEqualTo(expected(2));
  }

  @Test
  void waitOnALostPut_reportsItReady_andGetThrowsObjectLost() {
    start(100);
    ObjectRef<byte[]> put = Manta.put(new byte[SIZE]);

    ports.loseNode();

    assertThat(Manta.wait(List.of(put), 1, Duration.ofMinutes(1)).ready()).containsExactly(put);
    assertThatThrownBy(() -> Manta.get(put, Duration.ofSeconds(5)))
        .isInstanceOf(ObjectLostException.class)
        .hasMessageContaining("put");
  }

  @Test
  void lostObjectPassedToANewTask_isRebuiltBeforeTheTaskRuns() {
    start(100);
    ObjectRef<byte[]> r = Manta.task(LineageTest::produce, SIZE).remote();
    awaitReady(List.of(r));
    int ranBefore = RUNS.get();

    ports.loseNode();

    ObjectRef<byte[]> next = Manta.task(LineageTest::step, r).remote();
    byte[] got = Manta.get(next, Duration.ofMinutes(1));
    assertThat(RUNS.get() - ranBefore).as("produce again, then step").isEqualTo(2);
    assertThat(got).isEqualTo(expected(1));
  }

  @Test
  void manyWaitersAndTasksAtOnce_onOneLostObject_rebuildItOnce() throws Exception {
    start(100);
    ObjectRef<byte[]> r = Manta.task(LineageTest::produce, SIZE).remote();
    awaitReady(List.of(r));

    ports.loseNode();

    int threads = 16;
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<byte[]>> results = new ArrayList<>();
      int ranBefore = RUNS.get();
      for (int i = 0; i < threads; i++) {
        boolean waits = i % 2 == 0;
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  if (waits) {
                    assertThat(Manta.wait(List.of(r), 1, Duration.ofMinutes(1)).ready())
                        .containsExactly(r);
                    return Manta.get(r, Duration.ofMinutes(1));
                  }
                  return Manta.get(
                      Manta.task(LineageTest::step, r).remote(), Duration.ofMinutes(1));
                }));
      }
      go.countDown();
      List<byte[]> got = new ArrayList<>();
      for (java.util.concurrent.Future<byte[]> f : results) {
        got.add(f.get(2, java.util.concurrent.TimeUnit.MINUTES));
      }
      assertThat(RUNS.get() - ranBefore)
          .as("produce rebuilt once, and each of the %d tasks ran once", threads / 2)
          .isEqualTo(1 + threads / 2);
      byte[] produced = expected(0);
      byte[] stepped = expected(1);
      for (int i = 0; i < threads; i++) {
        assertThat(got.get(i)).isEqualTo(i % 2 == 0 ? produced : stepped);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void lostPutPassedToANewTask_failsTheTaskWithObjectLost() {
    start(100);
    ObjectRef<byte[]> put = Manta.put(new byte[SIZE]);

    ports.loseNode();

    ObjectRef<byte[]> next = Manta.task(LineageTest::step, put).remote();
    assertThatThrownBy(() -> Manta.get(next, Duration.ofMinutes(1)))
        .isInstanceOf(ObjectLostException.class)
        .hasMessageContaining(put.id());
    assertThat(RUNS.get()).as("the task never ran").isZero();
  }

  @Test
  void bytesGoneWhileTheNodeLives_isNotALoss_theErrorStands() {
    start(100);
    ObjectRef<byte[]> r = Manta.task(LineageTest::produce, SIZE).remote();
    awaitReady(List.of(r));
    int ranBefore = RUNS.get();

    ports.dropBytes();

    assertThatThrownBy(() -> Manta.get(r)).isInstanceOf(ObjectFreedException.class);
    assertThat(RUNS.get()).isEqualTo(ranBefore);
  }

  /** Embedded-like ports whose node can be "lost": bytes dropped, the node read as dead. */
  static final class LosingPorts implements PortsFactory, ClusterPorts {
    private final int lineageMaxTasks;
    private volatile NodeStore store;
    private volatile CoreAccess core;
    private volatile boolean dead;
    // The values whose bytes were dropped: only these are lost (rebuilt ones live on "n1" too).
    private final java.util.Set<StoredValue> lost =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    LosingPorts(int lineageMaxTasks) {
      this.lineageMaxTasks = lineageMaxTasks;
    }

    /** Drops every stored value's bytes and declares the node dead. */
    void loseNode() {
      dropBytes();
      dead = true;
    }

    /** Drops every stored value's bytes; the node lives. */
    void dropBytes() {
      CoreWorker w = (CoreWorker) Manta.currentRuntime();
      for (OwnedObject o : w.table().snapshot()) {
        if (o.value().getNow(null) instanceof StoreValue sv) {
          synchronized (lost) {
            lost.add(sv);
          }
          store.free(sv.id());
        }
      }
    }

    @Override
    public String jobId() {
      return "00000001";
    }

    @Override
    public int lineageMaxTasks() {
      return lineageMaxTasks;
    }

    @Override
    public ObjectStore openStore(MantaConfig config) {
      store =
          new NodeStore(
              config.objectStoreBytes(), config.spillDirectory(), config.storeFullTimeout());
      return store;
    }

    @Override
    public ClusterPorts open(CoreAccess core) {
      this.core = core;
      return this;
    }

    @Override
    public String awaitNodeDeath(String nodeId, long timeoutNanos) {
      return dead ? "node " + nodeId + " (the test lost it)" : null;
    }

    @Override
    public String knownLost(StoredValue v) {
      synchronized (lost) {
        return dead && lost.contains(v) ? "node n1 (the test lost it)" : null;
      }
    }

    @Override
    public boolean inProcess() {
      return true;
    }

    @Override
    public String describe() {
      return "losing test ports";
    }

    @Override
    public boolean feasible(ResourceSet demand) {
      return true;
    }

    @Override
    public Map<String, Double> totalResources() {
      return Map.of("CPU", 2.0);
    }

    @Override
    public String nodeId() {
      return "n1";
    }

    @Override
    public void runTask(TaskHandle t) {
      core.runLocally(t);
    }

    @Override
    public void registerActor(ActorProxy proxy) {}

    @Override
    public void createActor(TaskHandle creation, ActorProxy proxy) {
      core.startActorHere(creation, proxy);
    }

    @Override
    public void sendActorCall(TaskHandle call, ActorProxy proxy) {
      throw new UnsupportedOperationException("actors run in process");
    }

    @Override
    public void actorKilled(ActorProxy actor) {}

    @Override
    public Optional<RemoteActor> findActor(String name) {
      return Optional.empty();
    }

    @Override
    public Optional<RemoteActor> findActor(ActorId id) {
      return Optional.empty();
    }

    @Override
    public void awaitPlaced(ActorProxy proxy) {}

    @Override
    public boolean canBorrow() {
      return false;
    }

    @Override
    public void borrowed(ObjectId id) {}

    @Override
    public void fetchBorrowed(ObjectId id) {}

    @Override
    public void released(ObjectId id, StoredValue value) {
      if (value instanceof StoreValue sv) {
        store.free(sv.id());
      }
    }

    @Override
    public void shutdown() {}
  }
}
