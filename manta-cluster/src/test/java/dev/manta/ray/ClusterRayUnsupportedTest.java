package dev.manta.ray;

/** {@link RayUnsupportedTest}, each test as a Ray driver of the shared real cluster. */
class ClusterRayUnsupportedTest extends RayUnsupportedTest {
  @Override
  public RayTestSupport.Mode rayMode() throws Exception {
    return new RayTestSupport.Mode(RayClusterSuite.use());
  }
}
