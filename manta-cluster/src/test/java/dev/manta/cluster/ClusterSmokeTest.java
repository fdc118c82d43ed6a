package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSmokeTest {
  @TempDir static Path dir;
  static ClusterFixture cluster;
  static ClusterFixture.Node secondNode;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ClusterFixture(dir);
    cluster.startHead(2);
    secondNode =
        cluster.startNode(
            "second", 2, "--resources", "{\"second\":1}", "--labels", "zone=eu-1,disk=ssd");
    Manta.init(cluster.address());
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  static int square(int x) {
    return x * x;
  }

  /** A counter actor. */
  public static final class Counter {
    private int n;

    public int add(int d) {
      n += d;
      return n;
    }
  }

  /** An actor that says which process hosts it, and can get stuck in a call. */
  public static final class Where {
    public long pid() {
      return ProcessHandle.current().pid();
    }

    public String node() {
      return Manta.runtimeContext().nodeId();
    }

    /** Never returns, not even when interrupted (as code that swallows interrupts). */
    public int stuck() {
      while (true) {
        LockSupport.park(this);
      }
    }
  }

  private static long pidOfNewActor() {
    ActorHandle<Where> a = Manta.actor(Where::new).remote();
    long pid = Manta.get(a.task(Where::pid).remote(), Duration.ofSeconds(60));
    a.kill();
    return pid;
  }

  static String nodeOfTask() {
    return Manta.runtimeContext().nodeId();
  }

  @Test
  void nodes_listsBothNodes_withTheirResourcesAndLabels() {
    java.util.List<dev.manta.Node> nodes = Manta.nodes();
    assertThat(nodes).hasSize(2).allSatisfy(n -> assertThat(n.alive()).isTrue());
    assertThat(nodes).extracting(dev.manta.Node::id).isSorted().doesNotHaveDuplicates();
    dev.manta.Node second =
        nodes.stream().filter(n -> n.resources().containsKey("second")).findFirst().orElseThrow();
    assertThat(second.labels())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("zone", "eu-1", "disk", "ssd"));
    assertThat(second.id()).isEqualTo(secondNode.nodeId());
    assertThat(second.address()).isEqualTo(secondNode.agent());
    dev.manta.Node head = nodes.stream().filter(n -> n != second).findFirst().orElseThrow();
    assertThat(head.labels()).isEmpty();
    assertThat(head.resources()).containsEntry("CPU", 2.0);
    // The node a task runs on is one of them, by the same id.
    String ranOn =
        Manta.get(
            Manta.task(ClusterSmokeTest::nodeOfTask).resource("second", 1).remote(),
            Duration.ofSeconds(60));
    assertThat(ranOn).isEqualTo(second.id());
  }

  @Test
  void anEndedActorsWarmWorkerHostsTheJobsNextActor() {
    long first = pidOfNewActor();
    // The worker is parked once the agent has its lease back and the worker says the actor
    // ended, so a new actor right after kill() may still get a fresh JVM: try a few.
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollDelay(Duration.ZERO)
        .until(() -> pidOfNewActor() == first);
  }

  @Test
  void actorsCreatedAndKilledConcurrentlyEachKeepTheirOwnState() throws Exception {
    // Workers are parked and handed out again while other threads create and kill actors: no
    // actor may see another's state or lose a call.
    int threads = 4;
    int rounds = 3;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      java.util.List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        done.add(
            pool.submit(
                () -> {
                  java.util.Random r = new java.util.Random(seed);
                  for (int round = 0; round < rounds; round++) {
                    ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
                    int calls = 1 + r.nextInt(50);
                    ObjectRef<Integer> last = null;
                    for (int i = 0; i < calls; i++) {
                      last = c.task(Counter::add, 1).remote();
                    }
                    assertThat(Manta.get(last, Duration.ofSeconds(120))).isEqualTo(calls);
                    c.kill();
                  }
                  return rounds;
                }));
      }
      for (var f : done) {
        assertThat(f.get(300, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(rounds);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aWorkerWhoseKilledActorIsStillInACallIsNotReused() {
    ActorHandle<Where> a = Manta.actor(Where::new).remote();
    long pid = Manta.get(a.task(Where::pid).remote(), Duration.ofSeconds(60));
    a.task(Where::stuck).remote();
    a.kill();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false);
    assertThat(pidOfNewActor()).isNotEqualTo(pid);
  }

  @Test
  void aCallbackThatWaitsForTheSameActorNeitherHangsNorRunsOnATransportThread() throws Exception {
    ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
    Manta.get(c.task(Counter::add, 1).remote(), Duration.ofSeconds(60)); // created and warm
    java.util.concurrent.atomic.AtomicReference<String> thread =
        new java.util.concurrent.atomic.AtomicReference<>();
    // Results of the second call come back on the same link as the first: a callback run on
    // that link's reader thread and waiting there would never see them.
    java.util.concurrent.CompletableFuture<Integer> chained =
        c.task(Counter::add, 1)
            .remote()
            .toCompletableFuture()
            .thenApply(
                v -> {
                  thread.set(Thread.currentThread().getName());
                  return v + Manta.get(c.task(Counter::add, 10).remote());
                });
    assertThat(chained.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2 + 12);
    assertThat(thread.get()).doesNotStartWith("grpc-").doesNotStartWith("manta-link-");
  }

  @Test
  void callsGoOverDirectLinksByDefault() {
    assertThat(Manta.get(Manta.task(ClusterSmokeTest::square, 3).remote())).isEqualTo(9);
    assertThat(Thread.getAllStackTraces().keySet())
        .as("the driver's reader thread of its link to the task worker")
        .anyMatch(t -> t.getName().startsWith("manta-link-to-"));
  }

  @Test
  void tasksRunOnWorkers() {
    ObjectRef<Integer> r = Manta.task(ClusterSmokeTest::square, 7).remote();
    assertThat(Manta.get(r)).isEqualTo(49);
    ObjectRef<Integer> chained = Manta.task(ClusterSmokeTest::square, r).remote();
    assertThat(Manta.get(chained)).isEqualTo(2401);
  }

  static String node() {
    return Manta.runtimeContext().nodeId();
  }

  @Test
  void tasksRunOnTheNodeWithTheirResource() {
    ObjectRef<String> r = Manta.task(ClusterSmokeTest::node).resource("second", 1).remote();
    assertThat(Manta.get(r, java.time.Duration.ofSeconds(60)))
        .isNotEqualTo(cluster.head().nodeId());
  }

  /**
   * Label selectors against the second node's labels (zone=eu-1, disk=ssd; the head has none),
   * several times each, so a placement that ignored them (the least loaded node, alternating) would
   * show.
   */
  @Test
  void labelSelectors_placeTasksAndActorsOnlyOnNodesTheyMatch() {
    Duration t = Duration.ofSeconds(60);
    String head = cluster.head().nodeId();
    String second = secondNode.nodeId();
    for (int i = 0; i < 4; i++) {
      assertThat(Manta.get(onNodes(Map.of("zone", "eu-1")), t)).isEqualTo(second);
      assertThat(Manta.get(onNodes(Map.of("zone", "!eu-1")), t)).isEqualTo(head);
      assertThat(Manta.get(onNodes(Map.of("disk", "in(nvme,ssd)")), t)).isEqualTo(second);
      assertThat(Manta.get(onNodes(Map.of("disk", "!in(nvme,ssd)")), t)).isEqualTo(head);
      assertThat(Manta.get(onNodes(Map.of("manta.io/node-id", head)), t)).isEqualTo(head);
    }
    ActorHandle<Where> there =
        Manta.actor(Where::new).labelSelector(Map.of("zone", "eu-1")).remote();
    ActorHandle<Where> notThere =
        Manta.actor(Where::new).labelSelector(Map.of("zone", "!eu-1")).remote();
    assertThat(Manta.get(there.task(Where::node).remote(), t)).isEqualTo(second);
    assertThat(Manta.get(notThere.task(Where::node).remote(), t)).isEqualTo(head);
    there.kill();
    notThere.kill();
  }

  private static ObjectRef<String> onNodes(Map<String, String> selector) {
    return Manta.task(ClusterSmokeTest::node).labelSelector(selector).remote();
  }

  /** Work that no node's labels match waits, as work needing resources no node has. */
  @Test
  void aLabelSelectorThatNoNodeMatches_waitsUntilCancelled() {
    ObjectRef<String> r = onNodes(Map.of("zone", "mars"));
    assertThat(Manta.wait(java.util.List.of(r), 1, Duration.ofSeconds(2)).ready()).isEmpty();
    assertThat(Manta.cancel(r)).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Manta.get(r, Duration.ofSeconds(30)))
        .isInstanceOf(dev.manta.TaskCancelledException.class);
  }

  @Test
  void actorsKeepState() {
    ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
    c.task(Counter::add, 1).remote();
    assertThat(Manta.get(c.task(Counter::add, 2).remote())).isEqualTo(3);
  }
}
