package dev.manta.runtime;

import org.junit.jupiter.api.BeforeAll;

/** {@link ActorTest}, run as a driver of a real cluster. */
class ClusterActorTest extends ActorTest {
  @BeforeAll
  static void cluster() throws Exception {
    ClusterSuite.use();
  }
}
