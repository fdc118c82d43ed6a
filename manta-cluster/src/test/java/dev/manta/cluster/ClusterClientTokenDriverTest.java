package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.JobInfo;
import dev.manta.cluster.rpc.ClusterToken;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A driver that holds only the client token ({@code <session dir>/client-token}) runs a whole job:
 * it starts its job with {@code NewJob} and then works with its job's credential alone (tasks, an
 * actor in a worker JVM, a large object in the node's store), and the admin token lists its job.
 */
class ClusterClientTokenDriverTest {
  @TempDir static Path dir;
  @TempDir static Path tokens;
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

  /** An actor with state, in a worker JVM. */
  public static final class Counter {
    private int n;

    public int add(int k) {
      n += k;
      return n;
    }
  }

  @Test
  void aDriverWithTheClientTokenOnly_runsTasksActorsAndObjects_ofItsOwnJob() throws Exception {
    Path client = tokens.resolve(ClusterToken.CLIENT_FILE_NAME);
    ClusterFixture.CLIENT.writeTo(client);
    String before = System.getProperty(ClusterToken.TOKEN_FILE_PROPERTY);
    System.setProperty(ClusterToken.TOKEN_FILE_PROPERTY, client.toString());
    try {
      Manta.init(cluster.address());
      try {
        assertThat(Manta.get(Manta.task(() -> 6 * 7).remote(), Duration.ofSeconds(60)))
            .isEqualTo(42);
        ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
        assertThat(Manta.get(c.task(Counter::add, 2).remote(), Duration.ofSeconds(60)))
            .isEqualTo(2);
        assertThat(Manta.get(c.task(Counter::add, 3).remote())).isEqualTo(5);
        ObjectRef<byte[]> large = Manta.put(new byte[2 << 20]);
        assertThat(Manta.get(Manta.task((byte[] b) -> b.length, large).remote()))
            .isEqualTo(2 << 20);

        ManagedChannel ch = Rpc.channel(cluster.head().head(), ClusterFixture.ADMIN);
        try {
          assertThat(
                  Rpc.deadline(HeadGrpc.newBlockingStub(ch))
                      .getClusterView(Empty.getDefaultInstance())
                      .getJobsList())
              .filteredOn(j -> !j.getFinished())
              .extracting(JobInfo::getJobId)
              .hasSize(1);
        } finally {
          ch.shutdownNow();
        }
        c.kill();
      } finally {
        Manta.shutdown();
      }
    } finally {
      System.setProperty(ClusterToken.TOKEN_FILE_PROPERTY, before);
    }
  }
}
