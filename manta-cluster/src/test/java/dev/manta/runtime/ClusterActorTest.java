package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link ActorBehaviour}, each test as the driver of a job on a real cluster. */
class ClusterActorTest extends ActorBehaviour<ClusterDriverFixture>
    implements ClusterDriverFixture.Source {

  /**
   * A restart budget is accepted on a cluster (restarts after a worker's death are tested in
   * dev.manta.cluster.ClusterActorRestartTest) and changes nothing while the actor lives.
   */
  @Test
  void maxRestartsAndMaxTaskRetries_areAccepted_andTheActorServes() {
    ActorHandle<Counter> c =
        Manta.actor(Counter::new, 0).maxRestarts(2).maxTaskRetries(-1).remote();
    assertThat(Manta.get(c.task(Counter::add, 3).remote(), Duration.ofSeconds(60))).isEqualTo(3);
    c.kill();
  }
}
