package dev.manta.ray;

import org.junit.jupiter.api.BeforeAll;

/** {@link RayTaskTest}, run as a Ray driver of a real cluster. */
class ClusterRayTaskTest extends RayTaskTest {
  @BeforeAll
  static void cluster() throws Exception {
    RayClusterSuite.use();
  }
}
