package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSmokeTest {
  @TempDir static Path dir;
  static ClusterFixture cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ClusterFixture(dir);
    cluster.startHead(2);
    cluster.startNode("second", 2, "--resources", "{\"second\":1}");
    Manta.init(cluster.address());
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  static int square(int x) {
    return x * x;
  }

  /** A counter actor. */
  public static final class Counter {
    private int n;

    public int add(int d) {
      n += d;
      return n;
    }
  }

  @Test
  void tasksRunOnWorkers() {
    ObjectRef<Integer> r = Manta.task(ClusterSmokeTest::square, 7).remote();
    assertThat(Manta.get(r)).isEqualTo(49);
    ObjectRef<Integer> chained = Manta.task(ClusterSmokeTest::square, r).remote();
    assertThat(Manta.get(chained)).isEqualTo(2401);
  }

  static String node() {
    return Manta.runtimeContext().nodeId();
  }

  @Test
  void tasksRunOnTheNodeWithTheirResource() {
    ObjectRef<String> r = Manta.task(ClusterSmokeTest::node).resource("second", 1).remote();
    assertThat(Manta.get(r, java.time.Duration.ofSeconds(60)))
        .isNotEqualTo(cluster.head().nodeId());
  }

  @Test
  void actorsKeepState() {
    ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
    c.task(Counter::add, 1).remote();
    assertThat(Manta.get(c.task(Counter::add, 2).remote())).isEqualTo(3);
  }
}
