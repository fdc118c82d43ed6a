package dev.manta.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.manta.cluster.proto.Event;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.Resources;
import dev.manta.cluster.proto.SubscribeRequest;
import dev.manta.cluster.proto.WorkerDeath;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.runtime.spec.ResourceSet;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The view keeps the nodes from the head's events, hands deaths to its listener, and reopens the
 * subscription when the head ends it (V2). A head over real gRPC on loopback, in this JVM.
 */
class ClusterViewTest {
  private final AtomicInteger subscribes = new AtomicInteger();
  private final List<SubscribeRequest> requests = new CopyOnWriteArrayList<>();
  private final List<StreamObserver<Event>> open = new CopyOnWriteArrayList<>();
  private final Server head =
      Rpc.serve(
          "127.0.0.1",
          0,
          List.of(
              new HeadGrpc.HeadImplBase() {
                @Override
                public void subscribe(SubscribeRequest req, StreamObserver<Event> out) {
                  requests.add(req);
                  if (subscribes.incrementAndGet() == 1) {
                    // The first stream says that n2 died and a worker died, then ends.
                    out.onNext(Event.newBuilder().setNode(node("n2", false)).build());
                    out.onNext(
                        Event.newBuilder()
                            .setWorkerDied(
                                WorkerDeath.newBuilder().setPrefix(42).setReason("exit 137"))
                            .build());
                    out.onCompleted();
                  } else {
                    open.add(out); // later streams stay open
                  }
                }
              }));
  private final Rpc.Channels channels = new Rpc.Channels();
  private volatile boolean closed;
  private final ClusterView view =
      new ClusterView(
          channels,
          "127.0.0.1:" + head.getPort(),
          "job-1",
          "agent-n1:1",
          true,
          () -> closed,
          dev.manta.cluster.proto.ClusterView.newBuilder()
              .setFailureTimeoutMs(1_000)
              .addNodes(node("n1", true))
              .addNodes(node("n2", true))
              .build());
  private final List<String> heard = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    closed = true;
    view.close();
    for (StreamObserver<Event> o : open) {
      o.onCompleted();
    }
    head.shutdownNow();
    channels.close();
  }

  private static NodeInfo node(String id, boolean alive) {
    return NodeInfo.newBuilder()
        .setNodeId(id)
        .setAgentAddress("agent-" + id + ":1")
        .setAlive(alive)
        .setTotal(Resources.newBuilder().putAmounts("CPU", 2.0))
        .build();
  }

  @Test
  void joinedView_knowsItsNodeAndTheClustersResources() {
    assertThat(view.nodeId()).isEqualTo("n1");
    assertThat(view.totalResources()).isEqualTo(Map.of("CPU", 4.0));
    assertThat(view.feasible(ResourceSet.of(2, Map.of()))).isTrue();
    assertThat(view.feasible(ResourceSet.of(3, Map.of()))).isFalse();
    assertThat(view.agentOf("n2")).isEqualTo("agent-n2:1");
    assertThat(view.agentOf("n9")).isEmpty();
  }

  @Test
  void subscription_deliversDeaths_thenReopensAfterTheHeadEndsIt() {
    view.subscribe(
        "me:1",
        new ClusterView.Listener() {
          @Override
          public void nodeDied(NodeInfo n) {
            heard.add("node " + n.getNodeId());
          }

          @Override
          public void workerDied(long prefix, String reason) {
            heard.add("worker " + prefix + " " + reason);
          }

          @Override
          public void actorChanged(dev.manta.cluster.proto.ActorInfo a) {
            heard.add("actor");
          }

          @Override
          public void resubscribed() {
            heard.add("resubscribed");
          }
        });

    await().atMost(Duration.ofSeconds(20)).until(() -> heard.contains("resubscribed"));
    assertThat(heard).containsExactly("node n2", "worker 42 exit 137", "resubscribed");
    assertThat(subscribes.get()).isEqualTo(2);
    assertThat(requests)
        .allSatisfy(
            r -> {
              assertThat(r.getSubscriber()).isEqualTo("me:1");
              assertThat(r.getJobId()).isEqualTo("job-1");
              assertThat(r.getDriver()).isTrue();
            });
    assertThat(view.node("n2").info.getAlive()).isFalse();
    assertThat(view.nodes()).hasSize(2); // V1: a dead node stays known
    assertThat(view.totalResources()).isEqualTo(Map.of("CPU", 2.0));
  }

  @Test
  void workers_areKnownOnceLearnedAndForgottenOnDeath() {
    view.workerAt(7, "w:7");
    view.workerAtIfAbsent(7, "other:7");

    assertThat(view.knownWorker(7)).isEqualTo("w:7");
    assertThat(view.workerAddresses()).containsExactly("w:7");
    assertThat(view.forgetWorker(7)).isEqualTo("w:7");
    assertThat(view.knownWorker(7)).isNull();
    assertThat(view.forgetWorker(7)).isNull();
  }
}
