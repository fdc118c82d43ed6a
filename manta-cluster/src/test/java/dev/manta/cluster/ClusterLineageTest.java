package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Manta;
import dev.manta.ObjectLostException;
import dev.manta.ObjectRef;
import dev.manta.cluster.config.ClusterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects lost with their node (kill -9 of its agent and workers): one made by a task is rebuilt by
 * running its lineage again on a node that joins later; one whose task has no retries left cannot
 * be, and every {@code get} of it throws {@link ObjectLostException} at once, with or without a
 * timeout, instead of hanging or reading a freed object. A lost object is rebuilt also when it is
 * awaited with {@code wait} (which reports it ready only once rebuilt) and when it is passed to a
 * new task (which waits for the rebuild), also by a task sent in the moment after the kill, before
 * the driver heard of it; the tasks count their runs in files.
 */
class ClusterLineageTest {
  static final int SIZE = 10 << 20;
  static final int CHAIN = 20;
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
    // Only this node has "lineage": every task of the chain lands there.
    doomed = cluster.startNode("doomed", 2, "--resources", "{\"lineage\":4}");
    // The driver's objects live on the head's node, which survives (not the first local one).
    System.setProperty(ClusterConfig.DRIVER_AGENT, cluster.head().agent());
    try {
      Manta.init(cluster.address());
    } finally {
      System.clearProperty(ClusterConfig.DRIVER_AGENT);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  static byte[] produce(int size) {
    byte[] a = new byte[size];
    for (int i = 0; i < size; i++) {
      a[i] = (byte) (i * 31 + 7);
    }
    return a;
  }

  /** {@link #produce}, counting its runs in {@code file} (tasks run in worker processes). */
  static byte[] produceCounted(int size, String file) throws java.io.IOException {
    Files.writeString(Path.of(file), "run\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return produce(size);
  }

  static long runs(Path file) throws java.io.IOException {
    return Files.readAllLines(file).size();
  }

  static byte[] step(byte[] in) {
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = (byte) (in[i] * 3 + (i >>> 12) + 1);
    }
    return out;
  }

  @Test
  void nodeHoldingAChainDies_theChainIsRebuilt_andAnObjectWithoutRetriesIsLost() throws Exception {
    ObjectRef<byte[]> x =
        Manta.task(ClusterLineageTest::produce, SIZE).resource("lineage", 1).remote();
    for (int i = 1; i < CHAIN; i++) {
      x = Manta.task(ClusterLineageTest::step, x).resource("lineage", 1).remote();
    }
    ObjectRef<byte[]> lonely =
        Manta.task(ClusterLineageTest::produce, SIZE).resource("lineage", 1).maxRetries(0).remote();
    Path waitedRuns = dir.resolve("waited-runs");
    ObjectRef<byte[]> waited =
        Manta.task(ClusterLineageTest::produceCounted, SIZE, waitedRuns.toString())
            .resource("lineage", 1)
            .remote();
    Path argRuns = dir.resolve("arg-runs");
    ObjectRef<byte[]> arg =
        Manta.task(ClusterLineageTest::produceCounted, SIZE, argRuns.toString())
            .resource("lineage", 1)
            .remote();
    Path earlyRuns = dir.resolve("early-runs");
    ObjectRef<byte[]> early =
        Manta.task(ClusterLineageTest::produceCounted, SIZE, earlyRuns.toString())
            .resource("lineage", 1)
            .remote();
    // Ready, but never read here: the only copies are on the doomed node.
    assertThat(Manta.wait(List.of(x, lonely, waited, arg, early), 5, Duration.ofMinutes(3)).ready())
        .hasSize(5);
    assertThat(runs(waitedRuns)).isEqualTo(1);
    assertThat(runs(argRuns)).isEqualTo(1);

    // The rescue node joins first (its tasks made nothing yet), so that a task can be sent to
    // it in the moment after the kill. Wait until this driver can place a task there (one that
    // no live node can take waits for such a node): rebuilds need it.
    cluster.startNode("rescue", 2, "--resources", "{\"lineage\":4,\"rescue\":1}");
    org.awaitility.Awaitility.await("the rescue node, seen by this driver")
        .atMost(Duration.ofSeconds(120))
        .ignoreExceptions()
        .until(
            () ->
                Manta.get(
                            Manta.task(ClusterLineageTest::produce, 1)
                                .resource("rescue", 1)
                                .remote(),
                            Duration.ofSeconds(60))
                        .length
                    == 1);

    cluster.kill(doomed);
    // Sent before this driver hears of the death (that takes the health checks): its worker
    // fails to read the argument, and the driver rebuilds the argument and runs it again.
    ObjectRef<byte[]> afterKill =
        Manta.task(ClusterLineageTest::step, early).resource("rescue", 1).remote();

    byte[] expected = produce(SIZE);
    for (int i = 1; i < CHAIN; i++) {
      expected = step(expected);
    }
    byte[] rebuilt = Manta.get(x, Duration.ofMinutes(5));
    assertThat(rebuilt).hasSize(SIZE);
    assertThat(rebuilt).isEqualTo(expected);

    // The driver knows the node is dead now (the get above waited to hear it). A wait rebuilds
    // a lost object and reports it ready only then, not at once with its lost value.
    assertThat(Manta.wait(List.of(waited), 1, Duration.ofMinutes(5)).ready())
        .containsExactly(waited);
    assertThat(runs(waitedRuns)).as("its task ran again for the wait").isEqualTo(2);
    assertThat(Manta.get(waited, Duration.ofMinutes(1))).isEqualTo(produce(SIZE));

    // A new task given a lost object waits for its rebuild, then runs on the rebuilt value.
    ObjectRef<byte[]> next =
        Manta.task(ClusterLineageTest::step, arg).resource("lineage", 1).remote();
    assertThat(Manta.get(next, Duration.ofMinutes(5))).isEqualTo(step(produce(SIZE)));
    assertThat(runs(argRuns)).as("the argument's task ran again first").isEqualTo(2);

    assertThat(Manta.get(afterKill, Duration.ofMinutes(5))).isEqualTo(step(produce(SIZE)));
    assertThat(runs(earlyRuns)).as("the argument's task ran again").isEqualTo(2);

    ObjectRef<byte[]> lost = lonely;
    assertThatThrownBy(() -> Manta.get(lost))
        .isInstanceOf(ObjectLostException.class)
        .hasMessageContaining(lost.id())
        .hasMessageContaining(doomed.nodeId())
        .hasMessageContaining("no retries left");
    assertThatThrownBy(() -> Manta.get(lost, Duration.ofSeconds(30)))
        .isInstanceOf(ObjectLostException.class)
        .satisfies(e -> assertThat(((ObjectLostException) e).objectId()).isEqualTo(lost.id()));
  }
}
