package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.runtime.Counter;
import dev.manta.runtime.Fns;
import dev.manta.runtime.MantaTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A driver's {@code Manta.shutdown()} stops every thread it started before it returns, as the
 * embedded runtime's does: checked at once after each of many short jobs that push tasks and actor
 * calls over direct links.
 */
class ClusterDriverShutdownTest {
  @TempDir static Path dir;
  static ClusterFixture cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ClusterFixture(dir, "-Dmanta.prestart-workers=1");
    cluster.startHead(2);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  @Test
  @Disabled(
      "bug: in cluster mode CoreWorker.shutdown() returns while a direct link's reader thread"
          + " (manta-link-to-<host>:<port>) still runs: ClusterPortsImpl.shutdown() closes the"
          + " links' sockets but does not join their readers. Seen in 3 of 49 tests of the"
          + " cluster behaviour suite; ClusterDriverFixture waits for the threads instead")
  void shutdown_returnsOnlyOnceEveryDriverThreadEnded() {
    for (int job = 0; job < 20; job++) {
      Manta.init(cluster.address());
      try {
        assertThat(Manta.task(Fns::square, job).remote().get(Duration.ofSeconds(60)))
            .isEqualTo(job * job);
        ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
        assertThat(c.task(Counter::add, job).remote().get(Duration.ofSeconds(60))).isEqualTo(job);
      } finally {
        Manta.shutdown();
      }
      assertThat(MantaTestSupport.mantaPlatformThreads())
          .as("manta- threads of the driver when shutdown of job %d returned", job)
          .isEmpty();
    }
  }
}
