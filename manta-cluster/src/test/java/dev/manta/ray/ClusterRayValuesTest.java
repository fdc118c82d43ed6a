package dev.manta.ray;

/** {@link RayValuesTest}, each test as a Ray driver of the shared real cluster. */
class ClusterRayValuesTest extends RayValuesTest {
  @Override
  public RayTestSupport.Mode rayMode() throws Exception {
    return new RayTestSupport.Mode(RayClusterSuite.use());
  }
}
