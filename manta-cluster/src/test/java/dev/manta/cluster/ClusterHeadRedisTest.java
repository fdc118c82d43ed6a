package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.cluster.head.RedisProcess;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.KvEntry;
import dev.manta.cluster.proto.KvKey;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A head on a real Redis ({@code --storage redis://HOST:PORT/PREFIX}, a {@code redis-server} the
 * test starts), its only node reaching it through a proxy that delays every chunk by 2 s each way
 * (the node's agent and its workers all use the proxy; the driver, this JVM, reaches the head
 * directly): the cluster works over the slow link, and a head killed with kill -9 and restarted on
 * the same Redis while actors and the driver run resumes, with no call waiting longer than {@link
 * #BOUND}. Skipped where {@code redis-server} is not on the PATH.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterHeadRedisTest {
  /** How long any one call may take, the outage and the slow link included. */
  static final Duration BOUND = Duration.ofSeconds(30);

  static final Duration DELAY = Duration.ofSeconds(2);

  @TempDir static Path dir;
  static RedisProcess redis;
  static String storage;
  static ClusterFixture cluster;
  static DelayProxy proxy;
  static ClusterFixture.Node node;

  @BeforeAll
  static void start() throws Exception {
    redis = RedisProcess.start(dir.resolve("redis"));
    storage = redis.url("cluster-test");
    cluster = new ClusterFixture(dir.resolve("session"), "-Dmanta.prestart-workers=1");
    cluster.startHead(0, "--no-agent", "--storage", storage);
    proxy = new DelayProxy(cluster.head().head(), DELAY);
    node = cluster.startNodeVia(proxy.address(), "slow", 2);
    Manta.init(cluster.address()); // a driver joins while its node's link to the head is slow
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      Manta.shutdown();
    } finally {
      if (cluster != null) {
        cluster.close();
      }
      if (proxy != null) {
        proxy.close();
      }
      if (redis != null) {
        redis.close();
      }
    }
  }

  /** A counter actor. */
  public static final class Counter {
    private int n;

    public int add(int d) {
      n += d;
      return n;
    }
  }

  static int square(int x) {
    return x * x;
  }

  static String nodeOfThisTask() {
    return Manta.runtimeContext().nodeId();
  }

  private static NodeInfo nodeInView(String nodeId) {
    ManagedChannel ch = Rpc.channel(cluster.head().head(), dev.manta.cluster.ClusterFixture.TOKEN);
    try {
      return Rpc.deadline(HeadGrpc.newBlockingStub(ch))
          .getClusterView(Empty.getDefaultInstance())
          .getNodesList()
          .stream()
          .filter(n -> n.getNodeId().equals(nodeId))
          .findFirst()
          .orElseThrow();
    } finally {
      ch.shutdownNow();
    }
  }

  @Test
  @Order(1)
  void overALinkDelayed2sEachWay_tasksAndActorsRun() {
    assertThat(Manta.get(Manta.task(ClusterHeadRedisTest::nodeOfThisTask).remote(), BOUND))
        .isEqualTo(node.nodeId());
    assertThat(Manta.get(Manta.task(ClusterHeadRedisTest::square, 7).remote(), BOUND))
        .isEqualTo(49);
    ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
    assertThat(Manta.get(c.task(Counter::add, 2).remote(), BOUND)).isEqualTo(2);
    c.kill();
    assertThat(proxy.chunks()).isPositive(); // the node did talk to the head through the proxy
    assertThat(nodeInView(node.nodeId()).getAlive()).isTrue();
  }

  @Test
  @Order(2)
  void headKilledAndRestartedOnTheSameRedis_actorsDriverAndKeysCarryOn() throws Exception {
    ActorHandle<Counter> kept = Manta.actor(Counter::new).name("kept").remote();
    assertThat(Manta.get(kept.task(Counter::add, 5).remote(), BOUND)).isEqualTo(5);
    ManagedChannel ch = Rpc.channel(cluster.head().head(), dev.manta.cluster.ClusterFixture.TOKEN);
    try {
      Rpc.deadline(HeadGrpc.newBlockingStub(ch))
          .kvPut(
              KvEntry.newBuilder()
                  .setJobId("redis-test")
                  .setKey("k")
                  .setValue(ByteString.copyFromUtf8("v"))
                  .build());
    } finally {
      ch.shutdownNow();
    }

    cluster.kill(cluster.head());
    cluster.head().process().waitFor();

    // The head is gone: calls to a running actor go straight to its worker.
    assertThat(Manta.get(kept.task(Counter::add, 1).remote(), BOUND)).isEqualTo(6);
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    try {
      CompletableFuture<Integer> newActor =
          CompletableFuture.supplyAsync(
              () -> {
                ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
                return Manta.get(c.task(Counter::add, 3).remote(), BOUND);
              },
              pool);
      CompletableFuture<Integer> task =
          CompletableFuture.supplyAsync(
              () -> Manta.get(Manta.task(ClusterHeadRedisTest::square, 4).remote(), BOUND), pool);

      // The new head waits for the killed one's lease on the prefix to expire, then resumes.
      cluster.restartHead("--no-agent", "--storage", storage);

      assertThat(newActor.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
      assertThat(task.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(16);
    } finally {
      pool.shutdownNow();
    }

    assertThat(Manta.get(kept.task(Counter::add, 1).remote(), BOUND)).isEqualTo(7);
    ActorHandle<Counter> found = Manta.getActor("kept");
    assertThat(Manta.get(found.task(Counter::add, 0).remote(), BOUND)).isEqualTo(7);
    assertThat(Manta.get(Manta.task(ClusterHeadRedisTest::square, 5).remote(), BOUND))
        .isEqualTo(25);
    ManagedChannel ch2 = Rpc.channel(cluster.head().head(), dev.manta.cluster.ClusterFixture.TOKEN);
    try {
      KvEntry e =
          Rpc.deadline(HeadGrpc.newBlockingStub(ch2))
              .kvGet(KvKey.newBuilder().setJobId("redis-test").setKey("k").build());
      assertThat(e.getFound()).isTrue();
      assertThat(e.getValue().toStringUtf8()).isEqualTo("v");
    } finally {
      ch2.shutdownNow();
    }
    assertThat(nodeInView(node.nodeId()).getAlive()).isTrue(); // the same node, from Redis
  }

  @Test
  @Order(3)
  void aSecondHeadOnTheSameRedisPrefix_exitsNamingTheFirst() {
    assertThatThrownBy(() -> cluster.startHead(0, "--no-agent", "--storage", storage))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is in use by another head")
        .hasMessageContaining(storage);
    assertThat(nodeInView(node.nodeId()).getAlive()).isTrue(); // the first head is unharmed
  }
}
