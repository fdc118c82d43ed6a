package dev.manta.ray;

/** {@link RayTaskTest}, each test as a Ray driver of the shared real cluster. */
class ClusterRayTaskTest extends RayTaskTest {
  @Override
  public RayTestSupport.Mode rayMode() throws Exception {
    return new RayTestSupport.Mode(RayClusterSuite.use());
  }
}
