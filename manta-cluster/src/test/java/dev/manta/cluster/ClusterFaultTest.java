package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Manta;
import dev.manta.NodeDiedException;
import dev.manta.ObjectRef;
import dev.manta.WorkerDiedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 of a worker mid-task and of a whole node: a task runs again on another worker while it
 * has retries left (3 by default); without retries the error surfaces naming the task and node,
 * {@code manta status} shows the node dead within the failure timeout, and new work still runs.
 */
class ClusterFaultTest {
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
    Manta.init(cluster.address());
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  static long pid() {
    return ProcessHandle.current().pid();
  }

  static String node() {
    return Manta.runtimeContext().nodeId();
  }

  /** Marks that it started, then runs for a minute unless its process dies. */
  static int slow(String marker) throws Exception {
    Files.writeString(Path.of(marker), Long.toString(ProcessHandle.current().pid()));
    Thread.sleep(60_000);
    return 1;
  }

  static int one() {
    return 1;
  }

  /** The first try marks that it started and runs for a minute; a later try returns its pid. */
  static long slowOnce(String marker) throws Exception {
    Path m = Path.of(marker);
    if (Files.exists(m)) {
      return ProcessHandle.current().pid();
    }
    Files.writeString(m, Long.toString(ProcessHandle.current().pid()));
    Thread.sleep(60_000);
    return -1;
  }

  @Test
  void killedWorker_itsTaskRunsAgainOnAnotherWorker_byDefault() throws Exception {
    Path marker = dir.resolve("retried-task-started");
    ObjectRef<Long> r = Manta.task(ClusterFaultTest::slowOnce, marker.toString()).remote();
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(marker));
    long killed = Long.parseLong(Files.readString(marker));
    ProcessHandle.of(killed).orElseThrow().destroyForcibly();

    long ranOn = Manta.get(r, Duration.ofSeconds(90));
    assertThat(ranOn).isPositive().isNotEqualTo(killed);
  }

  @Test
  void killedWorker_failsItsTask_withoutRetries_andTheClusterKeepsServing() throws Exception {
    Path marker = dir.resolve("worker-task-started");
    ObjectRef<Integer> r =
        Manta.task(ClusterFaultTest::slow, marker.toString()).maxRetries(0).remote();
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(marker));
    long pid = Long.parseLong(Files.readString(marker));
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();

    assertThatThrownBy(() -> Manta.get(r, Duration.ofSeconds(30)))
        .isInstanceOf(WorkerDiedException.class)
        .hasMessageContaining("ClusterFaultTest::slow")
        .hasMessageContaining("worker process")
        .hasMessageContaining("killed")
        .message()
        .containsPattern("on node [0-9a-f]{16}");
    assertThat(Manta.get(Manta.task(ClusterFaultTest::one).remote(), Duration.ofSeconds(60)))
        .isEqualTo(1);
  }

  @Test
  void killedNode_failsItsTasks_withoutRetries_statusShowsItDead_andWorkGoesOn() throws Exception {
    Path marker = dir.resolve("node-task-started");
    ObjectRef<Integer> r =
        Manta.task(ClusterFaultTest::slow, marker.toString())
            .resource("doomed", 1)
            .maxRetries(0)
            .remote();
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(marker));
    cluster.kill(doomed);

    assertThatThrownBy(() -> Manta.get(r, Duration.ofSeconds(30)))
        .isInstanceOf(NodeDiedException.class)
        .hasMessageContaining("ClusterFaultTest::slow")
        .hasMessageContaining(doomed.nodeId())
        .hasMessageContaining("failed 3 health checks in a row");
    String status = ClusterStatus.render(cluster.head().head(), Duration.ofSeconds(5));
    assertThat(status).containsPattern(doomed.nodeId() + "\\s+DEAD").contains("1 dead");
    assertThat(Manta.get(Manta.task(ClusterFaultTest::node).remote(), Duration.ofSeconds(60)))
        .isEqualTo(cluster.head().nodeId());
  }
}
