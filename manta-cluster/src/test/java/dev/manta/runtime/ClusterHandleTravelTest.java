package dev.manta.runtime;

import org.junit.jupiter.api.BeforeAll;

/** {@link HandleTravelTest}, run as a driver of a real cluster. */
class ClusterHandleTravelTest extends HandleTravelTest {
  @BeforeAll
  static void cluster() throws Exception {
    ClusterSuite.use();
  }
}
