package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.Manta;
import dev.manta.cluster.ClusterFixture;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeStatsReply;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.runtime.ownership.OwnedObject;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each test as the driver of a new job on one real cluster, shared by the suites of this JVM: a
 * head with its node agent and a second node agent, separate JVMs on loopback, 2 CPUs each, one
 * worker JVM prestarted per node. The cluster starts on first use and stops when the test JVM ends.
 *
 * <p>After a passing test, while the driver still runs, the garbage collector runs in the driver
 * until no object of its reference table is held by the driver itself: not by a ref of the test
 * (local or borrowed), not by a reader's pin, and not waiting for a result. Objects lent to worker
 * processes may stay: a worker gives a borrowed ref back when its own collector finds it
 * unreachable, which nothing here can hasten, and the job's end frees them anyway, which the next
 * check sees. After shutdown: no task or actor thread and, soon after, no {@code manta-} platform
 * thread in this JVM, and, once the nodes heard that the job ended, every node's store empty (no
 * bytes, objects, pins or spilled objects) and every worker process of the job gone, so that each
 * node holds only its idle pool.
 */
public final class ClusterDriverFixture implements MantaFixture {

  /** Implemented by a suite's cluster subclass: its tests run as drivers of the shared cluster. */
  public interface Source extends MantaFixture.Source<ClusterDriverFixture> {
    @Override
    default ClusterDriverFixture fixture() {
      return SHARED;
    }
  }

  private static final ClusterDriverFixture SHARED = new ClusterDriverFixture();

  private ClusterFixture cluster; // guarded by this
  private final Map<String, ManagedChannel> agents = new LinkedHashMap<>(); // node name -> agent
  private String job = "";

  private ClusterDriverFixture() {}

  @Override
  public boolean isEmbedded() {
    return false;
  }

  @Override
  public synchronized void start() throws Exception {
    if (cluster == null) {
      Path dir = Files.createTempDirectory("manta-cluster-suite");
      // Heartbeats every 100 ms: the nodes hear sooner that a test's job ended, so the check
      // after each test waits less for its objects and workers to go.
      ClusterFixture c =
          new ClusterFixture(dir, "-Dmanta.prestart-workers=1", "-Dmanta.heartbeat-ms=100");
      c.closeOnExit();
      ClusterFixture.Node head = c.startHead(2);
      ClusterFixture.Node second = c.startNode("node2", 2);
      agents.put("head", Rpc.channel(head.agent(), dev.manta.cluster.ClusterFixture.TOKEN));
      agents.put("node2", Rpc.channel(second.agent(), dev.manta.cluster.ClusterFixture.TOKEN));
      cluster = c;
    }
    Manta.init(cluster.address());
    job = Manta.runtimeContext().jobId();
  }

  /** The cluster the tests drive (started by the first test). */
  public synchronized ClusterFixture cluster() {
    return cluster;
  }

  @Override
  public void checkNothingLeft() {
    CoreWorker driver = MantaTestSupport.current();
    MantaTestSupport.awaitNoneLeft(
        "objects that the driver of job " + job + " still holds after the test dropped its refs",
        () -> MantaTestSupport.leftObjects(driver, ClusterDriverFixture::heldByTheDriver));
  }

  /** Whether the driver itself keeps {@code o} (see the class comment for what may stay). */
  private static boolean heldByTheDriver(OwnedObject o) {
    String why = o.reasons();
    return why.contains("local-ref")
        || why.contains("borrowed")
        || why.contains("pinned-by-reader")
        || why.contains("pending-creation");
  }

  @Override
  public void checkStopped(CoreWorker last) {
    if (last != null) {
      assertThat(last.liveThreads()).as("task/actor threads of the driver after shutdown").isZero();
    }
    // The driver's direct links' readers (manta-link-to-*) end before Manta.shutdown() returns:
    // OwnerLinks.close() waits for them. Other manta- threads (gRPC, store) are waited for.
    List<String> atReturn = MantaTestSupport.mantaPlatformThreads();
    assertThat(atReturn)
        .as("direct-link readers of job %s alive when Manta.shutdown() returned", job)
        .noneMatch(t -> t.startsWith("manta-link-to-"));
    MantaTestSupport.awaitNoneLeft(
        "manta- platform threads in the driver's JVM after its shutdown",
        MantaTestSupport::mantaPlatformThreads);
    MantaTestSupport.awaitNoneLeft(
        "what job " + job + " left on the cluster's nodes after its driver shut down",
        this::leftOnNodes);
  }

  private List<String> leftOnNodes() {
    List<String> out = new ArrayList<>();
    agents.forEach(
        (name, agent) -> {
          NodeStatsReply s =
              Rpc.deadline(NodeAgentGrpc.newBlockingStub(agent))
                  .nodeStats(Empty.getDefaultInstance());
          if (s.getStoreUsed() != 0
              || s.getStoreObjects() != 0
              || s.getStorePinned() != 0
              || s.getStoreSpilledObjects() != 0) {
            out.add(
                name
                    + ": store holds "
                    + s.getStoreObjects()
                    + " objects, "
                    + s.getStoreUsed()
                    + " bytes, "
                    + s.getStorePinned()
                    + " pinned, "
                    + s.getStoreSpilledObjects()
                    + " spilled");
          }
          if (s.getWorkers() != s.getIdleWorkers()) {
            out.add(
                name
                    + ": "
                    + (s.getWorkers() - s.getIdleWorkers())
                    + " worker processes still serve a job ("
                    + s.getWorkers()
                    + " live, "
                    + s.getIdleWorkers()
                    + " idle)");
          }
        });
    return out;
  }

  @Override
  public String toString() {
    return "driver of " + (cluster == null ? "a cluster not yet started" : cluster.address());
  }
}
