package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Manta;
import dev.manta.NodeDiedException;
import dev.manta.ObjectRef;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fencing, with a real partition stand-in: a node's agent and its workers are stopped (SIGSTOP)
 * until the head, with fast health checks, declares the node dead, then continued (SIGCONT). The
 * node must not run work under its old id: the head refuses the id, the old workers are gone, the
 * task that was running there failed once with {@link NodeDiedException} and stays failed, and the
 * process rejoins as a new node that runs new work.
 */
class ClusterFencingTest {
  static final Duration BOUND = Duration.ofSeconds(30);

  @TempDir static Path dir;
  static ClusterFixture cluster;
  static ClusterFixture.Node victim;

  @BeforeAll
  static void start() throws Exception {
    cluster =
        new ClusterFixture(
            dir.resolve("session"),
            "-Dmanta.prestart-workers=1",
            // declared dead within 300 + 2 * 1000 ms of its last answer
            "-Dmanta.health-check-period-ms=300",
            "-Dmanta.health-check-timeout-ms=1000",
            "-Dmanta.health-check-failure-threshold=2");
    cluster.startHead(1);
    Manta.init(cluster.address()); // its local node is the head's, which stays up
    victim = cluster.startNode("victim", 1, "--resources", "{\"victim\": 1}");
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      Manta.shutdown();
    } finally {
      cluster.close();
    }
  }

  static String nodeOfThisTask() {
    return Manta.runtimeContext().nodeId();
  }

  /** Connects to the test's gate at {@code port} and answers with the byte the test sends. */
  static int waitAtGate(int port) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return s.getInputStream().read();
    }
  }

  private static List<NodeInfo> nodes() {
    ManagedChannel ch = Rpc.channel(cluster.head().head(), dev.manta.cluster.ClusterFixture.TOKEN);
    try {
      return Rpc.deadline(HeadGrpc.newBlockingStub(ch))
          .getClusterView(Empty.getDefaultInstance())
          .getNodesList();
    } finally {
      ch.shutdownNow();
    }
  }

  private static Optional<NodeInfo> node(String id) {
    return nodes().stream().filter(n -> n.getNodeId().equals(id)).findFirst();
  }

  private static void signal(String sig, List<ProcessHandle> ps) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("kill", "-" + sig));
    ps.forEach(p -> cmd.add(Long.toString(p.pid())));
    Process k = new ProcessBuilder(cmd).inheritIO().start();
    assertThat(k.waitFor()).as("kill -%s %s", sig, cmd).isZero();
  }

  @Test
  void nodeDeclaredDeadWhileStopped_isFencedOnItsReturn_andRejoinsAsANewNode() throws Exception {
    String oldId = victim.nodeId();
    assertThat(
            Manta.get(
                Manta.task(ClusterFencingTest::nodeOfThisTask).resource("victim", 1).remote(),
                BOUND))
        .isEqualTo(oldId);

    try (ServerSocket gate = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      gate.setSoTimeout((int) BOUND.toMillis());
      ObjectRef<Integer> running =
          Manta.task(ClusterFencingTest::waitAtGate, gate.getLocalPort())
              .resource("victim", 1)
              .maxRetries(0)
              .remote();
      try (Socket atGate = gate.accept()) { // the task runs on the victim's worker now
        List<ProcessHandle> stopped = new ArrayList<>();
        stopped.add(victim.process().toHandle());
        victim.process().descendants().forEach(stopped::add);
        assertThat(stopped).hasSizeGreaterThan(1); // the agent and its workers
        signal("STOP", stopped);
        try {
          Awaitility.await("the head declares node " + oldId + " dead")
              .atMost(BOUND)
              .until(() -> node(oldId).map(n -> !n.getAlive()).orElse(false));
          assertThatThrownBy(() -> Manta.get(running, BOUND))
              .isInstanceOf(NodeDiedException.class)
              .hasMessageContaining(oldId);
        } finally {
          signal("CONT", stopped);
        }

        Awaitility.await("node " + oldId + "'s process rejoins under a new id")
            .atMost(BOUND)
            .until(
                () ->
                    nodes().stream()
                        .anyMatch(
                            n ->
                                n.getAlive()
                                    && !n.getNodeId().equals(oldId)
                                    && n.getTotal().getAmountsOrDefault("victim", 0) == 1));
        Awaitility.await("the old node's workers are gone")
            .atMost(BOUND)
            .until(() -> stopped.stream().skip(1).noneMatch(ProcessHandle::isAlive));
        assertThat(victim.process().isAlive()).isTrue(); // the same process, a new node
        // The worker died without an answer: nothing it ran under the old id got through.
        InputStream in = atGate.getInputStream();
        assertThat(in.read()).isEqualTo(-1);
      }
      // The task stays failed: no late result replaces the error.
      assertThatThrownBy(() -> Manta.get(running, BOUND)).isInstanceOf(NodeDiedException.class);
    }

    // The head refuses the old id, and its record says why it died.
    NodeInfo dead = node(oldId).orElseThrow();
    assertThat(dead.getAlive()).isFalse();
    ManagedChannel ch = Rpc.channel(cluster.head().head(), dev.manta.cluster.ClusterFixture.TOKEN);
    try {
      assertThatThrownBy(
              () ->
                  Rpc.deadline(HeadGrpc.newBlockingStub(ch))
                      .registerNode(dead.toBuilder().setAlive(true).build()))
          .isInstanceOf(StatusRuntimeException.class)
          .hasMessageContaining("FAILED_PRECONDITION")
          .hasMessageContaining("fenced")
          .hasMessageContaining(oldId);
    } finally {
      ch.shutdownNow();
    }

    // New work runs on the new node.
    String newId =
        Manta.get(
            Manta.task(ClusterFencingTest::nodeOfThisTask).resource("victim", 1).remote(), BOUND);
    assertThat(newId).isNotEqualTo(oldId);
    assertThat(node(newId).orElseThrow().getAlive()).isTrue();
  }
}
