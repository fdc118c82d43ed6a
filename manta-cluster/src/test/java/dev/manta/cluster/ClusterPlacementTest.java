package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.HeartbeatRequest;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.Resources;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.ManagedChannel;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placement around a node that is registered and heartbeating but whose agent does not serve (a
 * crashed agent not yet declared dead looks the same to an owner): work goes to a live node.
 */
class ClusterPlacementTest {
  @TempDir static Path dir;
  static ClusterFixture cluster;
  static ServerSocket deadAgent; // accepts and hangs up at once: no gRPC behind it
  static ManagedChannel head;
  static final CountDownLatch stop = new CountDownLatch(1);
  static Thread heartbeats;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ClusterFixture(dir, "-Dmanta.prestart-workers=1");
    cluster.startHead(2);
    deadAgent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!deadAgent.isClosed()) {
                try (Socket s = deadAgent.accept()) {
                  s.setSoLinger(true, 0); // reset, as a crashed process's socket does
                } catch (java.io.IOException e) {
                  return; // closed by the test's end
                }
              }
            });
    head = Rpc.channel(cluster.head().head(), dev.manta.cluster.ClusterFixture.TOKEN);
    String fake = "0123456789abcdef";
    // Many CPUs, so a least-loaded placement would choose it for every task and actor.
    Resources total = Resources.newBuilder().putAmounts("CPU", 64).build();
    HeadGrpc.newBlockingStub(head)
        .registerNode(
            NodeInfo.newBuilder()
                .setNodeId(fake)
                .setAgentAddress("127.0.0.1:" + deadAgent.getLocalPort())
                .setTotal(total)
                .setAvailable(total)
                .setHostname("fake")
                .build());
    heartbeats =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    do {
                      HeadGrpc.newBlockingStub(head)
                          .heartbeat(
                              HeartbeatRequest.newBuilder()
                                  .setNodeId(fake)
                                  .setAvailable(total)
                                  .build());
                    } while (!stop.await(200, TimeUnit.MILLISECONDS));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    Manta.init(cluster.address());
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    stop.countDown();
    heartbeats.join();
    head.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    deadAgent.close();
    cluster.close();
  }

  static int square(int x) {
    return x * x;
  }

  /** A plain actor. */
  public static final class Adder {
    private int total;

    public int add(int x) {
      return total += x;
    }
  }

  @Test
  void tasks_whoseLeaseFailsOnANodeThatDoesNotServe_runOnALiveNode() {
    List<ObjectRef<Integer>> refs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      refs.add(Manta.task(ClusterPlacementTest::square, i).remote());
    }
    for (int i = 0; i < 20; i++) {
      assertThat(Manta.get(refs.get(i), Duration.ofSeconds(60))).isEqualTo(i * i);
    }
  }

  @Test
  void anActor_whoseLeaseFailsOnANodeThatDoesNotServe_isCreatedOnALiveNode() {
    ActorHandle<Adder> a = Manta.actor(Adder::new).remote();
    assertThat(Manta.get(a.task(Adder::add, 5).remote(), Duration.ofSeconds(60))).isEqualTo(5);
    a.kill();
  }
}
