package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Manta;
import dev.manta.ObjectLostException;
import dev.manta.ObjectRef;
import dev.manta.cluster.config.ClusterConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code put} object whose only copy was on a node that died (kill -9 of the agent whose store
 * holds the driver's objects) cannot be rebuilt: {@code get} throws {@link ObjectLostException}
 * naming the object, the node and why, with or without a timeout, instead of hanging or reporting a
 * freed object. A small put, which lives in the driver's own memory, is not lost.
 */
class ClusterObjectLossTest {
  static final int SIZE = 10 << 20;
  @TempDir static Path dir;
  static ClusterFixture cluster;
  static ClusterFixture.Node doomed;

  @BeforeAll
  static void start() throws Exception {
    cluster =
        new ClusterFixture(
            dir,
            "-Dmanta.health-check-period-ms=250",
            "-Dmanta.health-check-timeout-ms=500",
            "-Dmanta.health-check-failure-threshold=3",
            "-Dmanta.prestart-workers=0");
    cluster.startHead(2);
    doomed = cluster.startNode("doomed", 2);
    System.setProperty(ClusterConfig.DRIVER_AGENT, doomed.agent()); // its objects go there
    try {
      Manta.init(cluster.address());
    } finally {
      System.clearProperty(ClusterConfig.DRIVER_AGENT);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  static byte[] produce(int size) {
    byte[] a = new byte[size];
    for (int i = 0; i < size; i++) {
      a[i] = (byte) (i * 31 + 7);
    }
    return a;
  }

  @Test
  void putObjectOnADeadNode_throwsObjectLost_withAndWithoutTimeout() {
    ObjectRef<byte[]> large = Manta.put(produce(SIZE));
    ObjectRef<String> small = Manta.put("kept in the driver's memory");

    cluster.kill(doomed);

    assertThatThrownBy(() -> Manta.get(large))
        .isInstanceOf(ObjectLostException.class)
        .hasMessageContaining(large.id())
        .hasMessageContaining(doomed.nodeId())
        .hasMessageContaining("put");
    assertThatThrownBy(() -> Manta.get(large, Duration.ofSeconds(30)))
        .isInstanceOf(ObjectLostException.class)
        .satisfies(e -> assertThat(((ObjectLostException) e).objectId()).isEqualTo(large.id()));
    assertThat(Manta.get(small, Duration.ofSeconds(30))).isEqualTo("kept in the driver's memory");
  }
}
