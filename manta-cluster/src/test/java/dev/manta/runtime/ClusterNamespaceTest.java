package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.MantaConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Named actors live in the driver's namespace, and so do the lookups of its tasks on workers. */
class ClusterNamespaceTest {
  static String address;

  @BeforeAll
  static void cluster() throws Exception {
    ClusterDriverFixture shared = new ClusterDriverFixture.Source() {}.fixture();
    shared.start(); // the suite's shared cluster; this test makes drivers of its own
    Manta.shutdown();
    address = shared.cluster().address();
  }

  @AfterEach
  void stop() {
    if (Manta.isInitialized()) {
      Manta.shutdown();
    }
  }

  /** A counter to find by name. */
  public static final class Tally {
    private int n;

    public int add(int x) {
      return n += x;
    }
  }

  /** Runs on a worker: finds the actor by name, as user code in a task does. */
  static boolean found(String name) {
    return Manta.findActor(name).isPresent();
  }

  static int addThroughName(String name, int x) throws Exception {
    ActorHandle<Tally> t = Manta.getActor(name);
    return Manta.get(t.task(Tally::add, x).remote(), Duration.ofSeconds(60));
  }

  @Test
  void aTaskOnAWorker_findsANamedActorInItsDriversNamespace() {
    Manta.init(MantaConfig.builder().address(address).namespace("team-a").build());
    ActorHandle<Tally> t = Manta.actor(Tally::new).name("tally-ns").remote();
    assertThat(Manta.get(t.task(Tally::add, 1).remote(), Duration.ofSeconds(60))).isEqualTo(1);
    assertThat(
            Manta.get(
                Manta.task(ClusterNamespaceTest::addThroughName, "tally-ns", 2).remote(),
                Duration.ofSeconds(60)))
        .isEqualTo(3);
    Manta.shutdown();

    Manta.init(address); // namespace "default"
    assertThat(Manta.findActor("tally-ns")).isEmpty();
    assertThat(
            Manta.get(
                Manta.task(ClusterNamespaceTest::found, "tally-ns").remote(),
                Duration.ofSeconds(60)))
        .isFalse();
  }
}
