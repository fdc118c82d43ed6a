package dev.manta.ray;

import dev.manta.cluster.ClusterFixture;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real cluster for the Ray API suite: a head with its node agent and a second node agent,
 * separate JVMs on loopback, 2 CPUs each (4 in all, as the embedded suite's {@code --num-cpus=4}),
 * the head also with resource {@code RES}=2, the second node with label {@code zone=b}. Started on
 * first use, stopped when the test JVM ends.
 */
public final class RayClusterSuite {
  private static ClusterFixture cluster;

  private RayClusterSuite() {}

  /** Starts the cluster once; returns its address, for {@link RayTestSupport.Mode}. */
  public static synchronized String use() throws Exception {
    if (cluster == null) {
      Path dir = Files.createTempDirectory("manta-ray-cluster-suite");
      ClusterFixture c = new ClusterFixture(dir, "-Dmanta.prestart-workers=1");
      c.startHead(2, "--resources", "{\"RES\": 2}");
      c.startNode("node2", 2, "--labels", "zone=b");
      cluster = c;
      c.closeOnExit();
    }
    return cluster.address();
  }
}
