package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.ActorDiedException;
import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An actor whose node dies (kill -9 of the node agent and its workers) restarts only where it fits:
 * when no live node has what it needs, its owner tries to place it again for {@code
 * manta.actor-restart-wait-ms} (here 5 s), the calls made meanwhile wait, and then they fail with
 * {@link ActorDiedException} naming the node's death and the deadline.
 */
class ClusterActorNodeDeathTest {
  private static final Duration BOUND = Duration.ofSeconds(120);

  @TempDir static Path dir;
  static ClusterFixture cluster;
  static ClusterFixture.Node doomed;

  @BeforeAll
  static void start() throws Exception {
    cluster =
        new ClusterFixture(
            dir,
            "-Dmanta.health-check-period-ms=250",
            "-Dmanta.health-check-timeout-ms=500",
            "-Dmanta.health-check-failure-threshold=3",
            "-Dmanta.prestart-workers=1");
    cluster.startHead(2);
    doomed = cluster.startNode("doomed", 2, "--resources", "{\"doomed\":1}");
    System.setProperty(ClusterConfig.ACTOR_RESTART_WAIT_MS, "5000"); // this driver's setting
    Manta.init(cluster.address());
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    System.clearProperty(ClusterConfig.ACTOR_RESTART_WAIT_MS);
    cluster.close();
  }

  /** Its node's id. */
  public static final class Placed {
    public String node() {
      return Manta.runtimeContext().nodeId();
    }
  }

  @Test
  void nodeDied_noOtherNodeFits_callsWaitForTheRestart_thenFailNamingTheNodeAndTheDeadline() {
    ActorHandle<Placed> a =
        Manta.actor(Placed::new)
            .name("on-doomed")
            .resource("doomed", 1)
            .maxRestarts(1)
            .maxTaskRetries(-1) // a call that left before this driver heard of the death waits too
            .remote();
    assertThat(Manta.get(a.task(Placed::node).remote(), BOUND)).isEqualTo(doomed.nodeId());

    cluster.kill(doomed);

    // The head hears of the node's death: the actor has a restart left, so it is RESTARTING.
    ActorInfo restarting =
        Awaitility.await()
            .atMost(BOUND)
            .until(
                () -> headRecord("on-doomed"), r -> r != null && r.getState() != ActorState.ALIVE);
    assertThat(restarting.getState()).isIn(ActorState.RESTARTING, ActorState.DEAD);
    // A call made now waits for the restart, which cannot happen: it fails at the deadline.
    ObjectRef<String> waiting = a.task(Placed::node).remote();
    assertThatThrownBy(() -> Manta.get(waiting, BOUND))
        .isInstanceOf(ActorDiedException.class)
        .hasMessageContaining("its node died: node " + doomed.nodeId())
        .hasMessageContaining("5000 ms (manta.actor-restart-wait-ms)");
    ActorInfo dead =
        Awaitility.await()
            .atMost(BOUND)
            .until(() -> headRecord("on-doomed"), r -> r.getState() == ActorState.DEAD);
    assertThat(dead.getDeathReason()).contains("manta.actor-restart-wait-ms");
  }

  private static ActorInfo headRecord(String name) {
    ManagedChannel ch = Rpc.channel(cluster.head().head(), dev.manta.cluster.ClusterFixture.TOKEN);
    try {
      return Rpc.deadline(HeadGrpc.newBlockingStub(ch))
          .getClusterView(Empty.getDefaultInstance())
          .getActorsList()
          .stream()
          .filter(x -> x.getName().equals(name))
          .findFirst()
          .orElse(null);
    } finally {
      ch.shutdownNow();
    }
  }
}
