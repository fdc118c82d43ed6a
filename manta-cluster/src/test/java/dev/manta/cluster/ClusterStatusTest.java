package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code manta status} prints of a real cluster while a job runs: the CPUs its tasks keep
 * busy, its actors (class, state, node, name) and its jobs, not only counts.
 */
class ClusterStatusTest {
  @TempDir static Path dir;
  static ClusterFixture cluster;

  private static final Pattern BUSY = Pattern.compile("the workers keep ([\\d.]+) CPUs busy");

  @BeforeAll
  static void start() throws Exception {
    cluster = new ClusterFixture(dir);
    cluster.startHead(2);
    Manta.init(cluster.address());
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  /** Keeps a CPU busy until {@code release} exists (made by the test once it has seen it). */
  static long spinUntil(String release) {
    Path file = Path.of(release);
    long spins = 0;
    while (!Files.exists(file)) {
      for (int i = 0; i < 1_000_000; i++) {
        spins += i ^ spins;
      }
    }
    return spins;
  }

  /** An actor to be listed. */
  public static final class Tally {
    private int n;

    public int add(int d) {
      n += d;
      return n;
    }
  }

  @Test
  void status_showsBusyCpusWhileTasksRun_andListsActorsAndJobs() throws Exception {
    ActorHandle<Tally> tally = Manta.actor(Tally::new).name("tally").remote();
    assertThat(tally.task(Tally::add, 1).remote().get()).isEqualTo(1);
    String release = dir.resolve("release").toString();
    List<ObjectRef<Long>> spinning =
        List.of(
            Manta.task(ClusterStatusTest::spinUntil, release).remote(),
            Manta.task(ClusterStatusTest::spinUntil, release).remote());
    AtomicReference<String> seen = new AtomicReference<>();
    try {
      Awaitility.await("status shows the spinning tasks' CPUs busy")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                String s = ClusterStatus.render(cluster.head().head(), Duration.ofSeconds(5));
                seen.set(s);
                Matcher m = BUSY.matcher(s);
                return m.find() && Double.parseDouble(m.group(1)) >= 0.5;
              });
    } finally {
      Files.createFile(Path.of(release));
    }
    Manta.get(spinning);

    String status = seen.get();
    String job = Manta.runtimeContext().jobId();
    assertThat(status)
        .contains("CPU BUSY")
        .contains("Actors: 1 ALIVE")
        .containsPattern(
            "Tally +ALIVE +" + cluster.head().nodeId() + " +" + job + " +default/tally")
        .contains("Jobs: 1 running, 0 finished")
        .containsPattern(job + " +RUNNING +\\S+:\\d+ +default ");
  }
}
