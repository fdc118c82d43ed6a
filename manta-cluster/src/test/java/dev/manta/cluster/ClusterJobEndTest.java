package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeStatsReply;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.ManagedChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's objects end with the job: whatever its driver (and its workers) still referenced is freed
 * from every node's store, memory and spill files, when the driver shuts down, and when it is
 * killed with {@code kill -9}. A long-lived cluster's store returns to zero between jobs.
 */
class ClusterJobEndTest {
  static final int MB = 1 << 20;
  @TempDir static Path dir;
  static ClusterFixture cluster;
  static ClusterFixture.Node second;
  static List<ManagedChannel> agents = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    // Fast health checks: a killed driver's job ends once the head would have declared a node
    // dead (250 + 3 x 500 ms) after its connection closed. Fast heartbeats: nodes learn that a
    // job ended in the head's reply to their next one (every 500 ms by default), and the test
    // waits for that after each of its 50 jobs.
    cluster =
        new ClusterFixture(
            dir,
            "-Dmanta.heartbeat-ms=100",
            "-Dmanta.health-check-period-ms=250",
            "-Dmanta.health-check-timeout-ms=500",
            "-Dmanta.health-check-failure-threshold=3",
            "-Dmanta.prestart-workers=1");
    cluster.startHead(2, "--resources", "{\"nodeA\":8}");
    second = cluster.startNode("second", 2, "--resources", "{\"nodeB\":8}");
    agents.add(Rpc.channel(cluster.head().agent(), dev.manta.cluster.ClusterFixture.TOKEN));
    agents.add(Rpc.channel(second.agent(), dev.manta.cluster.ClusterFixture.TOKEN));
  }

  @AfterAll
  static void stop() throws Exception {
    for (ManagedChannel c : agents) {
      c.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
    cluster.close();
  }

  static int length(byte[] a) {
    return a.length;
  }

  static byte[] produce(int size) {
    byte[] a = new byte[size];
    a[size - 1] = 7;
    return a;
  }

  /**
   * A short job's work, without tasks (so without a worker JVM of its own: most of the 50 jobs are
   * of this kind, to keep the test short): a 50 MB put, kept, and read back when {@code read}.
   */
  static List<ObjectRef<?>> lightWork(boolean read) {
    ObjectRef<byte[]> big = Manta.put(produce(50 * MB));
    if (read) {
      assertThat(Manta.get(big, Duration.ofSeconds(60))).hasSize(50 * MB);
    }
    return List.of(big);
  }

  /** One job's work: a 50 MB put read on the other node, and a 20 MB task result kept. */
  static List<ObjectRef<?>> work(boolean spill) {
    List<ObjectRef<?>> kept = new ArrayList<>();
    ObjectRef<byte[]> big = Manta.put(produce(50 * MB));
    kept.add(big);
    assertThat(
            Manta.get(
                Manta.task(ClusterJobEndTest::length, big).resource("nodeB", 1).remote(),
                Duration.ofSeconds(60)))
        .isEqualTo(50 * MB);
    ObjectRef<byte[]> made =
        Manta.task(ClusterJobEndTest::produce, 20 * MB).resource("nodeB", 1).remote();
    assertThat(Manta.get(made, Duration.ofSeconds(60))).hasSize(20 * MB);
    kept.add(made);
    if (spill) { // 3 x 200 MB live in a 512 MiB store: some of it goes to disk
      for (int i = 0; i < 3; i++) {
        kept.add(Manta.put(produce(200 * MB)));
      }
    }
    return kept;
  }

  /**
   * Fifty jobs of three kinds: every tenth killed with {@code kill -9} after a task on the other
   * node (three of all jobs also spill), every sixth (and every spilling one) ending with {@code
   * shutdown} after such a task, and the rest, the short ones, ending with {@code shutdown} after
   * only a put (read back in every other one).
   */
  @Test
  void fiftyJobs_someKilled_leaveNothingInAnyStore() throws Exception {
    int killed = 0;
    int light = 0;
    for (int job = 1; job <= 50; job++) {
      boolean spill = job % 20 == 1;
      if (job % 10 == 5) {
        runAndKillDriver(spill);
        killed++;
      } else {
        boolean full = spill || job % 6 == 0;
        Manta.init(cluster.address());
        try {
          List<ObjectRef<?>> kept; // still referenced at shutdown
          if (full) {
            kept = work(spill);
          } else {
            kept = lightWork(job % 2 == 0);
            light++;
          }
          assertThat(kept).isNotEmpty();
          if (spill) {
            assertThat(Manta.storeStats().spilledCount()).as("the job spilled").isPositive();
          }
        } finally {
          Manta.shutdown();
        }
      }
      awaitEmptyStores("after job " + job);
    }
    assertThat(killed).isEqualTo(5);
    assertThat(light).isEqualTo(34);
  }

  private static void runAndKillDriver(boolean spill) throws Exception {
    List<String> cmd = ClusterFixture.javaCommand(List.of());
    cmd.add(KilledDriver.class.getName());
    cmd.add(cluster.address());
    cmd.add(Boolean.toString(spill));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder seen = new StringBuilder();
      String line;
      while ((line = out.readLine()) != null && !line.equals(KilledDriver.READY)) {
        seen.append(line).append('\n');
      }
      assertThat(line).as("the driver did its work; its output:%n%s", seen).isNotNull();
      assertThat(stats(agents.get(0)).getStoreUsed() + stats(agents.get(1)).getStoreUsed())
          .as("objects are in the stores")
          .isPositive();
      p.destroyForcibly(); // kill -9: no shutdown hook, no goodbye to the head
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void awaitEmptyStores(String when) {
    Awaitility.await(when + ": every node's store is empty, memory and disk")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              for (ManagedChannel a : agents) {
                NodeStatsReply s = stats(a);
                assertThat(s.getStoreUsed()).as("used; %s", s).isZero();
                assertThat(s.getStoreSpilledObjects()).as("spilled; %s", s).isZero();
                assertThat(s.getStorePinned()).as("pinned; %s", s).isZero();
              }
              assertThat(spillFiles()).as("spill files").isEmpty();
            });
  }

  private static List<Path> spillFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(cluster.session())) {
      for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith("spill-")).toList()) {
        try (Stream<Path> f = Files.list(d)) {
          files.addAll(f.toList());
        }
      }
    }
    return files;
  }

  private static NodeStatsReply stats(ManagedChannel agent) {
    return Rpc.deadline(NodeAgentGrpc.newBlockingStub(agent)).nodeStats(Empty.getDefaultInstance());
  }

  /** A driver that does one job's work, says so, and waits to be killed. */
  public static final class KilledDriver {
    static final String READY = "KILLED-DRIVER-READY";

    public static void main(String[] args) throws Exception {
      Manta.init(args[0]);
      List<ObjectRef<?>> kept = work(Boolean.parseBoolean(args[1]));
      System.out.println(READY);
      System.out.flush();
      new java.util.concurrent.CountDownLatch(1).await(); // holds `kept` until killed
      System.out.println(kept);
    }
  }
}
