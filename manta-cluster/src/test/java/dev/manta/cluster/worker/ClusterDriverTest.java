package dev.manta.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.cluster.proto.NodeInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which node agent a new driver attaches to. */
class ClusterDriverTest {
  static NodeInfo node(String id, String agent, boolean alive) {
    return NodeInfo.newBuilder().setNodeId(id).setAgentAddress(agent).setAlive(alive).build();
  }

  /** Accepts and resets every connection, as the port of a crashed agent's host does. */
  static ServerSocket resetting() throws IOException {
    ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!s.isClosed()) {
                try (Socket c = s.accept()) {
                  c.setSoLinger(true, 0);
                } catch (IOException e) {
                  return;
                }
              }
            });
    return s;
  }

  @Test
  void aLocalNodeWhoseAgentDoesNotAnswer_isSkippedForOneThatDoes() throws Exception {
    try (ServerSocket dead = resetting()) {
      String deadAgent = "127.0.0.1:" + dead.getLocalPort();
      List<NodeInfo> nodes =
          List.of(
              node("dead", deadAgent, true),
              node("gone", "127.0.0.1:1", false),
              node("live", "127.0.0.1:7000", true));
      NodeInfo chosen =
          ClusterDriver.chooseLocal(
              nodes, a -> a.equals(deadAgent) ? ClusterDriver.probe(a, 5_000) : null, "h:1");
      assertThat(chosen.getNodeId()).isEqualTo("live");
    }
  }

  @Test
  void whenNoLocalAgentAnswers_theErrorNamesEachNodeTriedAndItsError() throws Exception {
    try (ServerSocket dead = resetting()) {
      String deadAgent = "127.0.0.1:" + dead.getLocalPort();
      assertThat(ClusterDriver.probe(deadAgent, 5_000))
          .startsWith("Nothing answers as node agent at " + deadAgent);
      assertThatThrownBy(
              () ->
                  ClusterDriver.chooseLocal(
                      List.of(node("dead", deadAgent, true)),
                      a -> ClusterDriver.probe(a, 5_000),
                      "h:1"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("node dead at " + deadAgent)
          .hasMessageContaining("node dead at " + deadAgent + ": Nothing answers as node agent")
          .hasMessageContaining("manta status --address h:1");
    }
  }

  @Test
  void whenNoLocalNodeIsAlive_theErrorSaysToStartOne() {
    assertThatThrownBy(
            () ->
                ClusterDriver.chooseLocal(
                    List.of(node("gone", "127.0.0.1:1", false)), a -> null, "h:1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No live Manta node agent runs on this machine")
        .hasMessageContaining("manta start --address h:1");
  }

  @Test
  void aJoinFailure_isTheMessageAlone_theGrpcCauseOnlyWhenVerbose() {
    var grpc = io.grpc.Status.UNAVAILABLE.withDescription("refused").asRuntimeException();
    IllegalStateException plain = ClusterDriver.joinFailed("Cannot join: do this", grpc, false);
    org.assertj.core.api.Assertions.assertThat(plain)
        .hasMessage("Cannot join: do this")
        .hasNoCause();
    org.assertj.core.api.Assertions.assertThat(ClusterDriver.joinFailed("Cannot join", grpc, true))
        .hasCause(grpc);
    org.assertj.core.api.Assertions.assertThat(
            dev.manta.cluster.config.ClusterConfig.from(
                    java.util.Map.of("manta.verbose", "true"), java.util.Map.of())
                .verbose())
        .isTrue();
  }
}
