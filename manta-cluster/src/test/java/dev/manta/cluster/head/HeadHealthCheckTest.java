package dev.manta.cluster.head;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.proto.ClusterView;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.RegisterNodeReply;
import dev.manta.cluster.proto.StoreInfoReply;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Nodes registered with agent addresses that no channel can be made for fail their own health
 * checks and are declared dead; a healthy node checked in the same ticks stays alive. (Before, the
 * first such address threw out of the detector's loop, the other nodes' checks of that tick were
 * never sent, and healthy nodes were declared dead: found by {@code ClusterFuzzTest}.)
 */
class HeadHealthCheckTest {
  @Test
  void undiallableAgentAddresses_declaredDead_healthyNodeStaysAlive() throws Exception {
    Server agent =
        Rpc.serve(
            "127.0.0.1",
            0,
            List.of(
                new NodeAgentGrpc.NodeAgentImplBase() {
                  @Override
                  public void storeInfo(Empty req, StreamObserver<StoreInfoReply> out) {
                    out.onNext(StoreInfoReply.getDefaultInstance());
                    out.onCompleted();
                  }
                }));
    ClusterConfig fast =
        ClusterConfig.from(
            Map.of(
                "manta.health-check-period-ms", "10",
                "manta.health-check-timeout-ms", "500",
                "manta.health-check-failure-threshold", "3"),
            Map.of());
    HeadService head = new HeadService("c0ffee", fast);
    try {
      for (int i = 0; i < 10; i++) { // in a tick, nodes are checked in hash order
        register(head, "good-" + i, "127.0.0.1:" + agent.getPort());
      }
      for (int i = 0; i < 200; i++) {
        register(head, "bad-" + i, i % 2 == 0 ? "fuzz-agent_address" : "//");
      }
      Awaitility.await("the head declares every node with an undiallable address dead")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  view(head).getNodesList().stream()
                      .filter(n -> n.getNodeId().startsWith("bad-"))
                      .noneMatch(NodeInfo::getAlive));
      assertThat(
              view(head).getNodesList().stream()
                  .filter(n -> n.getNodeId().startsWith("good-"))
                  .filter(n -> !n.getAlive())
                  .map(NodeInfo::getNodeId)
                  .toList())
          .as("healthy nodes declared dead (checked in the same ticks)")
          .isEmpty();
    } finally {
      head.close();
      agent.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static void register(HeadService head, String id, String agentAddress) throws Exception {
    CompletableFuture<RegisterNodeReply> f = new CompletableFuture<>();
    head.registerNode(
        NodeInfo.newBuilder().setNodeId(id).setAgentAddress(agentAddress).setAlive(true).build(),
        observer(f));
    f.get(10, TimeUnit.SECONDS);
  }

  private static ClusterView view(HeadService head) throws Exception {
    CompletableFuture<ClusterView> f = new CompletableFuture<>();
    head.getClusterView(Empty.getDefaultInstance(), observer(f));
    return f.get(10, TimeUnit.SECONDS);
  }

  private static <T> StreamObserver<T> observer(CompletableFuture<T> f) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        f.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        f.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {}
    };
  }
}
