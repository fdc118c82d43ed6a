package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.cluster.proto.ClusterView;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos soaks of issue 17, each a real cluster and real {@code kill -9}s, outside the README's
 * suite (each takes minutes). Run them with
 *
 * <pre>{@code
 * bin/mvn -B -ntp verify -pl manta-cluster -am -Dmanta.chaos=true \
 *     -Dtest=ChaosSoakTest -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 *
 * <p>Each prints one {@code CHAOS ...} line of figures. Sizes and intervals are system properties
 * ({@code manta.chaos.tasks}, {@code manta.chaos.node-tasks}, ... below), so a smaller run is one
 * flag away. The README's suite keeps the small scenarios (ClusterFaultTest,
 * ClusterActorRestartTest, ClusterLineageTest, ClusterHeadRestartTest, ClusterHeadRedisTest).
 *
 * <p>What each asserts:
 *
 * <ul>
 *   <li>{@link #workerChaos}: 100,000 tasks (20% nested, {@code maxRetries=-1}), a random worker
 *       JVM killed every 5 s: every result correct, every node's resources free again within 60 s,
 *       no worker JVM left after the nodes stop, and the run at most 3x the fault-free one.
 *   <li>{@link #nodeChaos}: a non-head node killed every 60 s (at most twice, each replaced by a
 *       new node) during 20,000 nested tasks: every result correct, the node shown dead within the
 *       head's failure timeout (plus one health-check period of slack), no JVM left.
 *   <li>{@link #actorChaos}: 16 actors ({@code maxRestarts=-1}, {@code maxTaskRetries=-1}) each
 *       forwarding 300 sequence numbers to a sink actor, a random sender's worker JVM killed every
 *       10 s: all 4,800 arrive, each sender's in order (duplicates, from at-least-once resends,
 *       counted and printed).
 * </ul>
 */
@EnabledIfSystemProperty(named = "manta.chaos", matches = "true")
class ChaosSoakTest {
  static final int TASKS = Integer.getInteger("manta.chaos.tasks", 100_000);
  static final long WORKER_KILL_MS = Long.getLong("manta.chaos.worker-kill-every-ms", 5_000);
  static final int NODE_TASKS = Integer.getInteger("manta.chaos.node-tasks", 20_000);
  static final long NODE_KILL_MS = Long.getLong("manta.chaos.node-kill-every-ms", 60_000);
  static final int NODE_KILLS = Integer.getInteger("manta.chaos.node-kills", 2);
  static final int LEAF_MILLIS = Integer.getInteger("manta.chaos.node-task-ms", 40);
  static final int ACTORS = Integer.getInteger("manta.chaos.actors", 16);
  static final int SEQUENCE = Integer.getInteger("manta.chaos.sequence", 300);
  static final long ACTOR_KILL_MS = Long.getLong("manta.chaos.actor-kill-every-ms", 10_000);
  static final Duration BOUND = Duration.ofMinutes(20);
  static final long HEALTH_PERIOD_MS = 500;

  @TempDir Path dir;
  ClusterFixture cluster;

  @AfterEach
  void stop() throws Exception {
    if (Manta.isInitialized()) {
      Manta.shutdown();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  // --- the work and its checksums ---

  /** The value task {@code i} must return. */
  static long expected(long i) {
    long z = i * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    return z ^ (z >>> 31);
  }

  static long leaf(long i) {
    return expected(i);
  }

  /** A task that runs {@code leaf(i)} as a child and returns its value. */
  static long nested(long i) {
    return Manta.get(Manta.task(ChaosSoakTest::leaf, i).maxRetries(-1).remote(), BOUND);
  }

  /** A leaf that holds its CPU for {@code ms} (the work of the node soak). */
  static long slowLeaf(long i, int ms) throws InterruptedException {
    Thread.sleep(ms); // the task's own work: it keeps a CPU slot that long
    return expected(i);
  }

  static long slowNested(long i, int ms) {
    return Manta.get(Manta.task(ChaosSoakTest::slowLeaf, i, ms).maxRetries(-1).remote(), BOUND);
  }

  /** Submits {@code n} tasks, every fifth nested, and checks each result; returns the nanos. */
  private static long runTasks(int n, boolean slow) {
    long t0 = System.nanoTime();
    List<ObjectRef<Long>> refs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean nest = i % 5 == 0;
      ObjectRef<Long> r;
      if (slow) {
        r =
            nest
                ? Manta.task(ChaosSoakTest::slowNested, (long) i, LEAF_MILLIS)
                    .maxRetries(-1)
                    .remote()
                : Manta.task(ChaosSoakTest::slowLeaf, (long) i, LEAF_MILLIS)
                    .maxRetries(-1)
                    .remote();
      } else {
        r =
            nest
                ? Manta.task(ChaosSoakTest::nested, (long) i).maxRetries(-1).remote()
                : Manta.task(ChaosSoakTest::leaf, (long) i).maxRetries(-1).remote();
      }
      refs.add(r);
    }
    List<Long> values = Manta.get(refs, BOUND);
    for (int i = 0; i < n; i++) {
      assertThat(values.get(i)).as("result of task %d", i).isEqualTo(expected(i));
    }
    return System.nanoTime() - t0;
  }

  // --- the soaks ---

  @Test
  void workerChaos() throws Exception {
    cluster = fixture();
    cluster.startHead(2);
    ClusterFixture.Node b = cluster.startNode("b", 2);
    Manta.init(cluster.address());
    runTasks(Math.min(TASKS, 5_000), false); // warm-up: workers booted and JIT-compiled
    long clean = runTasks(TASKS, false);
    awaitIdle(List.of(cluster.head(), b));

    Set<Long> everyWorker = ConcurrentHashMap.newKeySet();
    Killer killer =
        new Killer(
            WORKER_KILL_MS,
            () -> {
              List<ProcessHandle> ws = workers(List.of(cluster.head(), b));
              ws.forEach(w -> everyWorker.add(w.pid()));
              return ws;
            });
    long chaos;
    try {
      chaos = runTasks(TASKS, false);
    } finally {
      killer.close();
    }
    long freeNanos = awaitIdle(List.of(cluster.head(), b));
    workers(List.of(cluster.head(), b)).forEach(w -> everyWorker.add(w.pid()));
    Manta.shutdown();
    long orphans = stopAndCountSurvivors(everyWorker);
    double ratio = (double) chaos / clean;
    System.out.printf(
        Locale.ROOT,
        "CHAOS worker: %,d tasks (20%% nested), fault-free %.1f s, with a worker killed every %d s"
            + " %.1f s (%.2fx), %d workers killed, resources free %.1f s after the last result,"
            + " %d JVMs left after stop%n",
        TASKS,
        clean / 1e9,
        WORKER_KILL_MS / 1000,
        chaos / 1e9,
        ratio,
        killer.kills.get(),
        freeNanos / 1e9,
        orphans);
    assertThat(killer.kills.get()).as("workers killed").isPositive();
    assertThat(orphans).as("worker JVMs left after the nodes stopped").isZero();
    assertThat(ratio).as("chaos run against the fault-free run").isLessThanOrEqualTo(3.0);
  }

  @Test
  void nodeChaos() throws Exception {
    cluster = fastHealthChecks();
    cluster.startHead(2);
    List<ClusterFixture.Node> others = new ArrayList<>();
    others.add(cluster.startNode("b", 2));
    others.add(cluster.startNode("c", 2));
    Manta.init(cluster.address());
    Set<Long> everyWorker = ConcurrentHashMap.newKeySet();
    List<Double> deadAfter = new ArrayList<>();
    long failureTimeoutMs = view().getFailureTimeoutMs();
    AtomicInteger kills = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(1);
    CompletableFuture<Void> chaos =
        CompletableFuture.runAsync(
            () -> {
              try {
                for (int k = 0; k < NODE_KILLS; k++) {
                  if (done.await(NODE_KILL_MS, TimeUnit.MILLISECONDS)) {
                    return;
                  }
                  ClusterFixture.Node victim = others.remove(0);
                  for (ProcessHandle w : workers(List.of(victim))) {
                    everyWorker.add(w.pid());
                  }
                  long t = System.nanoTime();
                  cluster.kill(victim);
                  kills.incrementAndGet();
                  Awaitility.await("node " + victim.nodeId() + " shown dead")
                      .atMost(Duration.ofMillis(failureTimeoutMs + 30_000))
                      .pollInterval(Duration.ofMillis(50))
                      .until(() -> !alive(victim.nodeId()));
                  deadAfter.add((System.nanoTime() - t) / 1e9);
                  others.add(
                      cluster.startNode("r" + k, 2)); // a replacement, as an autoscaler would
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    long nanos;
    try {
      nanos = runTasks(NODE_TASKS, true);
    } finally {
      done.countDown();
    }
    chaos.get(5, TimeUnit.MINUTES);
    for (ClusterFixture.Node n : others) {
      workers(List.of(n)).forEach(w -> everyWorker.add(w.pid()));
    }
    workers(List.of(cluster.head())).forEach(w -> everyWorker.add(w.pid()));
    Manta.shutdown();
    long orphans = stopAndCountSurvivors(everyWorker);
    System.out.printf(
        Locale.ROOT,
        "CHAOS node: %,d tasks of %d ms (20%% nested) in %.1f s, %d nodes killed (every %d s),"
            + " each shown dead after %s s (failure timeout %.1f s), %d JVMs left after stop%n",
        NODE_TASKS,
        LEAF_MILLIS,
        nanos / 1e9,
        kills.get(),
        NODE_KILL_MS / 1000,
        deadAfter.stream().map(d -> String.format(Locale.ROOT, "%.1f", d)).toList(),
        failureTimeoutMs / 1e3,
        orphans);
    assertThat(kills.get()).as("nodes killed during the run").isPositive();
    assertThat(deadAfter)
        .allSatisfy(
            d ->
                assertThat(d)
                    .as("seconds until the head showed the node dead")
                    .isLessThanOrEqualTo((failureTimeoutMs + 2 * HEALTH_PERIOD_MS) / 1e3 + 1));
    assertThat(orphans).as("JVMs left after the nodes stopped").isZero();
  }

  /** Keeps what each sender forwarded, in arrival order. */
  public static final class Sink {
    private final List<List<Integer>> seen = new ArrayList<>();

    public Sink(int senders) {
      for (int i = 0; i < senders; i++) {
        seen.add(new ArrayList<>());
      }
    }

    public int record(int sender, int seq) {
      seen.get(sender).add(seq);
      return seq;
    }

    public List<List<Integer>> report() {
      return seen;
    }
  }

  /** Forwards each sequence number to the sink, and answers once the sink has it. */
  public static final class Sender {
    private final int index;
    private final ActorHandle<Sink> sink;

    public Sender(int index, ActorHandle<Sink> sink) {
      this.index = index;
      this.sink = sink;
    }

    public int forward(int seq) {
      return Manta.get(sink.task(Sink::record, index, seq).remote(), BOUND);
    }
  }

  @Test
  void actorChaos() throws Exception {
    cluster = fixture();
    cluster.startHead(2, "--resources", "{\"sink\":1}");
    ClusterFixture.Node b = cluster.startNode("b", 2, "--resources", "{\"senders\":1000}");
    Manta.init(cluster.address());
    ActorHandle<Sink> sink = Manta.actor(Sink::new, ACTORS).resource("sink", 1).remote();
    List<ActorHandle<Sender>> senders = new ArrayList<>();
    for (int i = 0; i < ACTORS; i++) {
      senders.add(
          Manta.actor(Sender::new, i, sink)
              .resource("senders", 1)
              .maxRestarts(-1)
              .maxTaskRetries(-1)
              .remote());
    }
    for (ActorHandle<Sender> s : senders) { // every sender placed before the first kill
      assertThat(Manta.get(s.task(Sender::forward, -1).remote(), BOUND)).isEqualTo(-1);
    }
    Set<Long> everyWorker = ConcurrentHashMap.newKeySet();
    Killer killer =
        new Killer(
            ACTOR_KILL_MS,
            () -> {
              List<ProcessHandle> ws = workers(List.of(b));
              ws.forEach(w -> everyWorker.add(w.pid()));
              return ws;
            });
    long t0 = System.nanoTime();
    List<ObjectRef<Integer>> refs = new ArrayList<>();
    try {
      for (int seq = 0; seq < SEQUENCE; seq++) {
        for (ActorHandle<Sender> s : senders) {
          refs.add(s.task(Sender::forward, seq).remote());
        }
      }
      List<Integer> answers = Manta.get(refs, BOUND);
      for (int k = 0; k < answers.size(); k++) {
        assertThat(answers.get(k)).isEqualTo(k / ACTORS);
      }
    } finally {
      killer.close();
    }
    long nanos = System.nanoTime() - t0;
    List<List<Integer>> seen = Manta.get(sink.task(Sink::report).remote(), BOUND);
    int duplicates = 0;
    for (int i = 0; i < ACTORS; i++) {
      List<Integer> got = new ArrayList<>(seen.get(i));
      got.remove(Integer.valueOf(-1)); // the placement check
      Set<Integer> first = new LinkedHashSet<>(got);
      duplicates += got.size() - first.size();
      List<Integer> inOrder = List.copyOf(first);
      assertThat(inOrder)
          .as("sender %d: each number arrives, in the order sent", i)
          .isEqualTo(java.util.stream.IntStream.range(0, SEQUENCE).boxed().toList());
    }
    workers(List.of(cluster.head(), b)).forEach(w -> everyWorker.add(w.pid()));
    Manta.shutdown();
    long orphans = stopAndCountSurvivors(everyWorker);
    System.out.printf(
        Locale.ROOT,
        "CHAOS actors: %d actors x %d numbers = %,d arrived in order in %.1f s, %d sender workers"
            + " killed (every %d s), %d duplicates (at-least-once resends), %d JVMs left%n",
        ACTORS,
        SEQUENCE,
        ACTORS * SEQUENCE,
        nanos / 1e9,
        killer.kills.get(),
        ACTOR_KILL_MS / 1000,
        duplicates,
        orphans);
    assertThat(killer.kills.get()).as("sender workers killed").isPositive();
    assertThat(orphans).as("JVMs left after the nodes stopped").isZero();
  }

  // --- helpers ---

  /** A cluster with the default health checks (on a loaded 2-core machine, faster ones misfire). */
  private ClusterFixture fixture() {
    return new ClusterFixture(dir, "-Dmanta.prestart-workers=1");
  }

  /** A cluster whose head declares a silent node dead within about 3.5 s. */
  private ClusterFixture fastHealthChecks() {
    return new ClusterFixture(
        dir,
        "-Dmanta.prestart-workers=1",
        "-Dmanta.health-check-period-ms=" + HEALTH_PERIOD_MS,
        "-Dmanta.health-check-timeout-ms=1000",
        "-Dmanta.health-check-failure-threshold=3");
  }

  /**
   * The worker JVMs under {@code nodes} now: every java process a node started (the JDK reads only
   * the first page of a long command line, so the main class is not always in it).
   */
  private static List<ProcessHandle> workers(List<ClusterFixture.Node> nodes) {
    List<ProcessHandle> out = new ArrayList<>();
    for (ClusterFixture.Node n : nodes) {
      n.process()
          .descendants()
          .filter(p -> p.info().command().orElse("").endsWith("java"))
          .forEach(out::add);
    }
    return out;
  }

  /**
   * Kills a random busy process from {@code candidates} (one whose CPU time grew since the last
   * tick; any, if none did) 1 s after it starts (so that even a short run sees a fault), then every
   * {@code everyMs}, until closed.
   */
  private static final class Killer implements AutoCloseable {
    final AtomicInteger kills = new AtomicInteger();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;

    Killer(long everyMs, Supplier<List<ProcessHandle>> candidates) {
      SplittableRandom random = new SplittableRandom(42);
      thread =
          Thread.ofPlatform()
              .name("chaos-killer")
              .daemon()
              .start(
                  () -> {
                    java.util.Map<Long, Duration> cpu = new java.util.HashMap<>();
                    try {
                      long wait = Math.min(everyMs, 1_000);
                      while (!stop.await(wait, TimeUnit.MILLISECONDS)) {
                        wait = everyMs;
                        List<ProcessHandle> ws = candidates.get();
                        List<ProcessHandle> busy = new ArrayList<>();
                        for (ProcessHandle w : ws) {
                          Duration now = w.info().totalCpuDuration().orElse(Duration.ZERO);
                          Duration before = cpu.put(w.pid(), now);
                          if (before == null || now.minus(before).toMillis() > 50) {
                            busy.add(w);
                          }
                        }
                        if (!busy.isEmpty()) {
                          ws = busy;
                        }
                        if (!ws.isEmpty()) {
                          ProcessHandle victim = ws.get(random.nextInt(ws.size()));
                          if (victim.destroyForcibly()) {
                            kills.incrementAndGet();
                          }
                        }
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
    }

    @Override
    public void close() throws InterruptedException {
      stop.countDown();
      thread.join();
    }
  }

  private ClusterView view() {
    ManagedChannel ch = Rpc.channel(cluster.head().head());
    try {
      return Rpc.deadline(HeadGrpc.newBlockingStub(ch)).getClusterView(Empty.getDefaultInstance());
    } finally {
      ch.shutdownNow();
    }
  }

  private boolean alive(String nodeId) {
    return view().getNodesList().stream()
        .filter(n -> n.getNodeId().equals(nodeId))
        .anyMatch(NodeInfo::getAlive);
  }

  /**
   * Waits until every live node's available resources equal its total and the workers of {@code
   * nodes} use no CPU (nothing left running, no retry still going); returns the nanos.
   */
  private long awaitIdle(List<ClusterFixture.Node> nodes) {
    long t0 = System.nanoTime();
    Awaitility.await("every node's resources free again")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              for (NodeInfo n : view().getNodesList()) {
                if (n.getAlive()) {
                  assertThat(n.getAvailable()).as("node %s", n.getNodeId()).isEqualTo(n.getTotal());
                }
              }
              for (ClusterFixture.Node n : nodes) {
                ManagedChannel ch = Rpc.channel(n.agent());
                try {
                  assertThat(
                          Rpc.deadline(NodeAgentGrpc.newBlockingStub(ch))
                              .nodeStats(Empty.getDefaultInstance())
                              .getCpuBusy())
                      .as("CPUs busy on node %s", n.nodeId())
                      .isLessThan(0.2);
                } finally {
                  ch.shutdownNow();
                }
              }
            });
    return System.nanoTime() - t0;
  }

  /**
   * Stops the nodes as {@code manta stop} does (SIGTERM) and counts the processes of {@code
   * workers} and the nodes' descendants still alive 30 s later.
   */
  private long stopAndCountSurvivors(Set<Long> workers) throws InterruptedException {
    Set<Long> all = new HashSet<>(workers);
    ClusterFixture c = cluster;
    cluster = null;
    c.close();
    try {
      Awaitility.await("every worker JVM gone")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> all.stream().noneMatch(pid -> ProcessHandle.of(pid).isPresent()));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // counted below
    }
    return all.stream()
        .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
        .collect(Collectors.counting());
  }
}
