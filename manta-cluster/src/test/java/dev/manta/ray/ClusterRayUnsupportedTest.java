package dev.manta.ray;

import org.junit.jupiter.api.BeforeAll;

/** {@link RayUnsupportedTest}, run as a Ray driver of a real cluster. */
class ClusterRayUnsupportedTest extends RayUnsupportedTest {
  @BeforeAll
  static void cluster() throws Exception {
    RayClusterSuite.use();
  }
}
