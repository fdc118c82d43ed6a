package dev.manta.ray;

/** {@link RayActorTest}, each test as a Ray driver of the shared real cluster. */
class ClusterRayActorTest extends RayActorTest {
  @Override
  public RayTestSupport.Mode rayMode() throws Exception {
    return new RayTestSupport.Mode(RayClusterSuite.use());
  }
}
