package dev.manta.runtime;

import dev.manta.cluster.ClusterFixture;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real cluster for the API behaviour suite: a head with its node agent and a second node agent,
 * separate JVMs on loopback, 2 CPUs each. Started on first use, stopped when the test JVM ends.
 */
final class ClusterSuite {
  private static ClusterFixture cluster;

  private ClusterSuite() {}

  /** Starts the cluster once and points {@link MantaTestSupport} at it. */
  static synchronized void use() throws Exception {
    if (cluster == null) {
      Path dir = Files.createTempDirectory("manta-cluster-suite");
      ClusterFixture c = new ClusterFixture(dir, "-Dmanta.prestart-workers=1");
      c.startHead(2);
      c.startNode("node2", 2);
      cluster = c;
      c.closeOnExit();
    }
    System.setProperty(MantaTestSupport.CLUSTER_PROPERTY, cluster.address());
  }
}
