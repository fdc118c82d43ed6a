package dev.manta.ray;

import org.junit.jupiter.api.BeforeAll;

/** {@link RayActorTest}, run as a Ray driver of a real cluster. */
class ClusterRayActorTest extends RayActorTest {
  @BeforeAll
  static void cluster() throws Exception {
    RayClusterSuite.use();
  }
}
