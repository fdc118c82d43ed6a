package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Manta;
import dev.manta.NodeDiedException;
import dev.manta.ObjectLostException;
import dev.manta.ObjectRef;
import dev.manta.cluster.config.ClusterConfig;
import dev.manta.runtime.store.StoreFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code put} object whose only copy was on a node that died (kill -9 of the agent whose store
 * holds the driver's objects) cannot be rebuilt: {@code get} throws {@link ObjectLostException}
 * naming the object, the node and why, with or without a timeout, instead of hanging or reporting a
 * freed object. A small put, which lives in the driver's own memory, is not lost. As that agent is
 * the driver's own, a later large put fails with {@link NodeDiedException} naming the agent (not
 * with a misleading {@code ObjectStoreFullException}), and the next node started on the machine
 * removes the killed agent's shared-memory file.
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
  void putObjectOnADeadNode_throwsObjectLost_withAndWithoutTimeout() throws Exception {
    ObjectRef<byte[]> large = Manta.put(produce(SIZE));
    ObjectRef<String> small = Manta.put("kept in the driver's memory");
    long agentPid = doomed.process().pid();
    List<Path> storeFile =
        StoreFiles.list(StoreFiles.SHARED_MEMORY).stream()
            .filter(e -> e.pid() == agentPid)
            .map(StoreFiles.Entry::file)
            .toList();
    assertThat(storeFile).as("the doomed agent's store in /dev/shm").hasSize(1);

    cluster.kill(doomed);
    doomed.process().waitFor();

    assertThatThrownBy(() -> Manta.get(large))
        .isInstanceOf(ObjectLostException.class)
        .hasMessageContaining(large.id())
        .hasMessageContaining(doomed.nodeId())
        .hasMessageContaining("put");
    assertThatThrownBy(() -> Manta.get(large, Duration.ofSeconds(30)))
        .isInstanceOf(ObjectLostException.class)
        .satisfies(e -> assertThat(((ObjectLostException) e).objectId()).isEqualTo(large.id()));
    assertThat(Manta.get(small, Duration.ofSeconds(30))).isEqualTo("kept in the driver's memory");

    // The driver's own agent is gone: a large put says so, naming it, instead of "store full".
    assertThatThrownBy(() -> Manta.put(produce(SIZE)))
        .isInstanceOf(NodeDiedException.class)
        .hasMessageContaining(doomed.agent())
        .hasMessageContaining(doomed.nodeId())
        .hasMessageContaining("is gone")
        .satisfies(e -> assertThat(((NodeDiedException) e).nodeId()).isEqualTo(doomed.nodeId()));
    assertThat(Manta.get(Manta.put("small"), Duration.ofSeconds(30))).isEqualTo("small");

    // kill -9 left the agent's memory file behind; the next node started here removes it.
    assertThat(storeFile.get(0)).exists();
    cluster.startNode("after", 1);
    assertThat(Files.exists(storeFile.get(0))).as("%s removed", storeFile.get(0)).isFalse();
  }
}
