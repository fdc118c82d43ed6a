package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code manta.direct-links=false} given to the nodes (which pass it on to their workers) and
 * the driver, work goes over gRPC {@code Submit} streams instead of direct links, and behaves the
 * same.
 */
class ClusterSubmitStreamTest {
  @TempDir static Path dir;
  static ClusterFixture cluster;
  static Set<Thread> linkThreadsBefore; // of earlier tests in this JVM, if still ending

  @BeforeAll
  static void start() throws Exception {
    // Given to the nodes only: each agent passes it on to its workers (ClusterConfig).
    cluster = new ClusterFixture(dir, "-Dmanta.direct-links=false");
    cluster.startHead(2);
    linkThreadsBefore = linkThreads();
    System.setProperty("manta.direct-links", "false");
    try {
      Manta.init(cluster.address());
    } finally {
      System.clearProperty("manta.direct-links");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  /** Squares on a worker, from a worker: the nested task is pushed worker to worker. */
  static int squareOfSquare(int x) {
    return Manta.get(Manta.task(ClusterSmokeTest::square, ClusterSmokeTest.square(x)).remote());
  }

  /** Whether the worker running this has no thread of direct links (no server, no link). */
  static boolean noLinkThreadsHere() {
    return linkThreads().isEmpty();
  }

  private static Set<Thread> linkThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("manta-link-"))
        .collect(Collectors.toSet());
  }

  @Test
  void tasksNestedTasksAndActorCallsWorkWithoutDirectLinks() {
    assertThat(Manta.get(Manta.task(ClusterSmokeTest::square, 7).remote())).isEqualTo(49);
    assertThat(
            Manta.get(
                Manta.task(ClusterSubmitStreamTest::squareOfSquare, 3).remote(),
                Duration.ofSeconds(60)))
        .isEqualTo(81);
    assertThat(Manta.get(Manta.task(ClusterSubmitStreamTest::noLinkThreadsHere).remote()))
        .as("the task worker, which pushed the nested task")
        .isTrue();
    ActorHandle<ClusterSmokeTest.Counter> c = Manta.actor(ClusterSmokeTest.Counter::new).remote();
    List<ObjectRef<Integer>> refs = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      refs.add(c.task(ClusterSmokeTest.Counter::add, 1).remote());
    }
    assertThat(Manta.get(refs, Duration.ofSeconds(60)).get(999)).isEqualTo(1_000);
    assertThat(Manta.get(c.task(ClusterSmokeTest.Counter::add, 0).remote())).isEqualTo(1_000);
    assertThat(linkThreads())
        .as("threads of direct links in the driver")
        .isSubsetOf(linkThreadsBefore);
  }
}
