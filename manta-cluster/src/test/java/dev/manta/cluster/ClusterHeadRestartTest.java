package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.cluster.proto.ActorLookup;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.KvEntry;
import dev.manta.cluster.proto.KvKey;
import dev.manta.cluster.proto.LeaseRequest;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.Resources;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A head with durable storage ({@code --storage DIR}) killed with kill -9 and started again on the
 * same storage and port while a driver (this JVM) and its actors run; and a failed actor creation
 * gives its node's resources back. The head runs alone ({@code --no-agent}), so its death takes no
 * node with it. The restarts run last: on the storage, then without it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterHeadRestartTest {
  /** How long any one call may take, the outage included. */
  static final Duration BOUND = Duration.ofSeconds(30);

  @TempDir static Path dir;
  static ClusterFixture cluster;
  static ClusterFixture.Node worker;
  static Path storage;

  @BeforeAll
  static void start() throws Exception {
    storage = dir.resolve("head-storage");
    cluster = new ClusterFixture(dir.resolve("session"), "-Dmanta.prestart-workers=1");
    cluster.startHead(0, "--no-agent", "--storage", storage.toString());
    worker = cluster.startNode("worker", 2);
    Manta.init(cluster.address());
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  /** A counter actor. */
  public static final class Counter {
    private int n;

    public int add(int d) {
      n += d;
      return n;
    }
  }

  /** An actor whose constructor throws. */
  public static final class Broken {
    public Broken() {
      throw new IllegalStateException("broken on purpose");
    }

    public int get() {
      return 0;
    }
  }

  static int square(int x) {
    return x * x;
  }

  private static ManagedChannel channel(String address) {
    return Rpc.channel(address, dev.manta.cluster.ClusterFixture.TOKEN);
  }

  private static double availableCpus(String nodeId) {
    ManagedChannel ch = channel(cluster.head().head());
    try {
      return Rpc.deadline(HeadGrpc.newBlockingStub(ch))
          .getClusterView(Empty.getDefaultInstance())
          .getNodesList()
          .stream()
          .filter(n -> n.getNodeId().equals(nodeId))
          .map(NodeInfo::getAvailable)
          .findFirst()
          .orElseThrow()
          .getAmountsOrDefault("CPU", -1);
    } finally {
      ch.shutdownNow();
    }
  }

  @Test
  @Order(1)
  void actorLeaseForAJobTheHeadDoesNotKnow_isRefused_andFreesItsReservation() {
    ManagedChannel ch = channel(worker.agent());
    try {
      assertThatThrownBy(
              () ->
                  Rpc.deadline(NodeAgentGrpc.newBlockingStub(ch))
                      .leaseWorker(
                          LeaseRequest.newBuilder()
                              .setJobId("no-such-job")
                              .setForActor(true)
                              .setDemand(Resources.newBuilder().putAmounts("CPU", 2))
                              .build()))
          .isInstanceOf(StatusRuntimeException.class)
          .hasMessageContaining("Job no-such-job is unknown to the head");
    } finally {
      ch.shutdownNow();
    }
    Awaitility.await("all of node " + worker.nodeId() + "'s CPUs free again")
        .atMost(Duration.ofSeconds(20))
        .until(() -> availableCpus(worker.nodeId()) == 2.0);
  }

  @Test
  @Order(2)
  void actorWhoseConstructorThrows_freesItsReservation() {
    ActorHandle<Broken> b = Manta.actor(Broken::new).numCpus(2).remote();
    assertThatThrownBy(() -> Manta.get(b.task(Broken::get).remote(), BOUND))
        .hasMessageContaining("its constructor threw");
    Awaitility.await("all of node " + worker.nodeId() + "'s CPUs free again")
        .atMost(Duration.ofSeconds(20))
        .until(() -> availableCpus(worker.nodeId()) == 2.0);
    // and the node can host an actor that needs all of them
    ActorHandle<Counter> c = Manta.actor(Counter::new).numCpus(2).remote();
    assertThat(Manta.get(c.task(Counter::add, 1).remote(), BOUND)).isEqualTo(1);
    c.kill();
  }

  @Test
  @Order(3)
  void headKilledAndRestartedOnItsStorage_actorsDriverNamesAndKeysCarryOn() throws Exception {
    ActorHandle<Counter> kept = Manta.actor(Counter::new).name("kept").remote();
    assertThat(Manta.get(kept.task(Counter::add, 5).remote(), BOUND)).isEqualTo(5);
    ManagedChannel ch = channel(cluster.head().head());
    try {
      Rpc.deadline(HeadGrpc.newBlockingStub(ch))
          .kvPut(
              KvEntry.newBuilder()
                  .setJobId("restart-test")
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
    // Calls that need the head wait for it.
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
              () -> Manta.get(Manta.task(ClusterHeadRestartTest::square, 4).remote(), BOUND), pool);

      cluster.restartHead("--no-agent", "--storage", storage.toString());

      assertThat(newActor.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(3);
      assertThat(task.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(16);
    } finally {
      pool.shutdownNow();
    }

    // The actor's state survived, its name is still known, and new work runs.
    assertThat(Manta.get(kept.task(Counter::add, 1).remote(), BOUND)).isEqualTo(7);
    ActorHandle<Counter> found = Manta.getActor("kept");
    assertThat(Manta.get(found.task(Counter::add, 0).remote(), BOUND)).isEqualTo(7);
    ActorHandle<Counter> after = Manta.actor(Counter::new).remote();
    assertThat(Manta.get(after.task(Counter::add, 2).remote(), BOUND)).isEqualTo(2);
    assertThat(Manta.get(Manta.task(ClusterHeadRestartTest::square, 5).remote(), BOUND))
        .isEqualTo(25);
    ManagedChannel ch2 = channel(cluster.head().head());
    try {
      KvEntry e =
          Rpc.deadline(HeadGrpc.newBlockingStub(ch2))
              .kvGet(KvKey.newBuilder().setJobId("restart-test").setKey("k").build());
      assertThat(e.getFound()).isTrue();
      assertThat(e.getValue().toStringUtf8()).isEqualTo("v");
      // The node came through as the same node, alive.
      assertThat(
              Rpc.deadline(HeadGrpc.newBlockingStub(ch2))
                  .getClusterView(Empty.getDefaultInstance())
                  .getNodesList())
          .filteredOn(n -> n.getNodeId().equals(worker.nodeId()))
          .singleElement()
          .extracting(NodeInfo::getAlive)
          .isEqualTo(true);
    } finally {
      ch2.shutdownNow();
    }
  }

  @Test
  @Order(4)
  void headRestartedWithoutStorage_forgetsNamesAndKeys_butRunningJobsGoOn() throws Exception {
    ActorHandle<Counter> a = Manta.actor(Counter::new).name("forgotten").remote();
    assertThat(Manta.get(a.task(Counter::add, 4).remote(), BOUND)).isEqualTo(4);
    ActorLookup byName;
    ManagedChannel before = channel(cluster.head().head());
    try {
      var head = Rpc.deadline(HeadGrpc.newBlockingStub(before));
      String namespace =
          head.getClusterView(Empty.getDefaultInstance()).getActorsList().stream()
              .filter(x -> x.getName().equals("forgotten"))
              .findFirst()
              .orElseThrow()
              .getNamespace();
      byName = ActorLookup.newBuilder().setName("forgotten").setNamespace(namespace).build();
      assertThat(head.getActor(byName).getState()).isEqualTo(ActorState.ALIVE);
    } finally {
      before.shutdownNow();
    }

    cluster.kill(cluster.head());
    cluster.restartHead("--no-agent"); // an empty head on the same port

    // The running actor answers its handle; the node and the driver's job come back by
    // themselves (the agent's next beat, the driver's next subscription).
    assertThat(Manta.get(a.task(Counter::add, 1).remote(), BOUND)).isEqualTo(5);
    Awaitility.await("the new head knows the node and the driver's job again")
        .atMost(BOUND)
        .until(
            () -> {
              ManagedChannel ch = channel(cluster.head().head());
              try {
                var view =
                    Rpc.deadline(HeadGrpc.newBlockingStub(ch))
                        .getClusterView(Empty.getDefaultInstance());
                return view.getJobsCount() > 0
                    && view.getNodesList().stream()
                        .anyMatch(n -> n.getNodeId().equals(worker.nodeId()) && n.getAlive());
              } finally {
                ch.shutdownNow();
              }
            });
    ActorHandle<Counter> fresh = Manta.actor(Counter::new).remote();
    assertThat(Manta.get(fresh.task(Counter::add, 2).remote(), BOUND)).isEqualTo(2);
    assertThat(Manta.get(Manta.task(ClusterHeadRestartTest::square, 6).remote(), BOUND))
        .isEqualTo(36);
    // What a head without storage loses (docs/cluster.md, "Head restart and its storage"): other
    // processes no longer find the name (its owner, this driver, still does), nor the key.
    ManagedChannel ch = channel(cluster.head().head());
    try {
      assertThatThrownBy(() -> Rpc.deadline(HeadGrpc.newBlockingStub(ch)).getActor(byName))
          .isInstanceOf(StatusRuntimeException.class)
          .hasMessageContaining("NOT_FOUND");
      assertThat(
              Rpc.deadline(HeadGrpc.newBlockingStub(ch))
                  .kvGet(KvKey.newBuilder().setJobId("restart-test").setKey("k").build())
                  .getFound())
          .isFalse();
    } finally {
      ch.shutdownNow();
    }
  }
}
