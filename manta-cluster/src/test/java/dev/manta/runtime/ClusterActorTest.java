package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Manta;
import org.junit.jupiter.api.Test;

/** {@link ActorBehaviour}, each test as the driver of a job on a real cluster. */
class ClusterActorTest extends ActorBehaviour<ClusterDriverFixture>
    implements ClusterDriverFixture.Source {

  /** Nothing restarts an actor on a cluster yet: a restart budget is refused, not ignored. */
  @Test
  void maxRestarts_otherThanZero_isRefusedWithTheFix() {
    assertThatThrownBy(() -> Manta.actor(Counter::new, 0).maxRestarts(2).remote())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRestarts(2)")
        .hasMessageContaining("not supported on a cluster")
        .hasMessageContaining("maxRestarts(0)");
  }
}
