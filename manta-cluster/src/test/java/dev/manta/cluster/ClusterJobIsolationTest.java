package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorLookup;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.CancelTaskRequest;
import dev.manta.cluster.proto.ClusterView;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.CreateRequest;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.FetchRequest;
import dev.manta.cluster.proto.FreeRequest;
import dev.manta.cluster.proto.GetObjectRequest;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.JobInfo;
import dev.manta.cluster.proto.KvEntry;
import dev.manta.cluster.proto.KvKey;
import dev.manta.cluster.proto.LeaseRequest;
import dev.manta.cluster.proto.NewJobReply;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.ObjectIdMsg;
import dev.manta.cluster.proto.ObjectIds;
import dev.manta.cluster.proto.PinRequest;
import dev.manta.cluster.proto.SubscribeRequest;
import dev.manta.cluster.proto.WorkerLookup;
import dev.manta.cluster.proto.WorkerOutputRequest;
import dev.manta.cluster.rpc.ClusterToken;
import dev.manta.cluster.rpc.DirectLink;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authorization by job, against a real head, agent and workers: job 1 is this test JVM's driver
 * (its objects, a named actor in a worker JVM, its code); job 2 is a hostile client that holds only
 * the client token, starts its own job with {@code NewJob} and then, with its job's credential,
 * tries to read, list, kill, free and fetch job 1's state. Each attempt is refused with {@code
 * PERMISSION_DENIED} naming what and whose, and job 1 is unharmed afterwards. The admin token sees
 * every job; no job credential can register a node.
 */
class ClusterJobIsolationTest {
  @TempDir static Path dir;
  static ClusterFixture cluster;
  private final List<ManagedChannel> channels = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    cluster = new ClusterFixture(dir, "-Dmanta.prestart-workers=1");
    cluster.startHead(2);
    Manta.init(cluster.address());
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  @AfterEach
  void closeChannels() {
    channels.forEach(ManagedChannel::shutdownNow);
  }

  /** Job 1's actor, in a worker JVM of job 1. */
  public static final class Vault {
    private int calls;

    public long pid() {
      return ProcessHandle.current().pid();
    }

    public int call() {
      return ++calls;
    }
  }

  private ManagedChannel channel(String address, ClusterToken token) {
    ManagedChannel c = Rpc.channel(address, token);
    channels.add(c);
    return c;
  }

  private static ObjectIdMsg idOf(ObjectRef<?> ref) {
    String hex = ref.id(); // 16 hex digits of prefix, 16 of sequence, 8 of index
    return ObjectIdMsg.newBuilder()
        .setPrefix(Long.parseUnsignedLong(hex.substring(0, 16), 16))
        .setSequence(Long.parseUnsignedLong(hex.substring(16, 32), 16))
        .setIndex(Integer.parseUnsignedInt(hex.substring(32, 40), 16))
        .build();
  }

  /** Job 2 starts a job of its own with the client token: its credential. */
  private ClusterToken secondJob() {
    NewJobReply r =
        Rpc.deadline(
                HeadGrpc.newBlockingStub(channel(cluster.head().head(), ClusterFixture.CLIENT)))
            .newJob(Empty.getDefaultInstance());
    assertThat(r.getCredential()).startsWith("mjob." + r.getJobId() + ".");
    return ClusterToken.jobCredential(
        r.getCredential(), r.getNodeDigest(), r.getAdminDigest(), "the test's second job");
  }

  private static void assertDenied(ThrowingCallable call, String... mentions) {
    assertThatThrownBy(call)
        .isInstanceOf(StatusRuntimeException.class)
        .satisfies(
            e -> {
              Status s = ((StatusRuntimeException) e).getStatus();
              assertThat(s.getCode()).as("%s", s).isEqualTo(Status.Code.PERMISSION_DENIED);
              assertThat(s.getDescription()).contains("Permission denied").contains(mentions);
            });
  }

  @Test
  void aSecondJob_cannotRead_list_kill_free_orFetch_theFirstJobsObjectsActorsAndCode()
      throws Exception {
    // Job 1: a small value its driver holds, a large one in the node's store, a named actor.
    ObjectRef<String> small = Manta.put("job 1's secret");
    ObjectRef<byte[]> large = Manta.put(new byte[2 << 20]);
    ActorHandle<Vault> vault = Manta.actor(Vault::new).name("vault").remote();
    long pid = Manta.get(vault.task(Vault::pid).remote(), Duration.ofSeconds(60));
    assertThat(Manta.get(vault.task(Vault::call).remote())).isEqualTo(1);

    var admin =
        Rpc.deadline(
            HeadGrpc.newBlockingStub(channel(cluster.head().head(), ClusterFixture.ADMIN)));
    ClusterView all = admin.getClusterView(Empty.getDefaultInstance());
    ActorInfo actor =
        all.getActorsList().stream()
            .filter(a -> a.getName().equals("vault") && a.getState() == ActorState.ALIVE)
            .findFirst()
            .orElseThrow();
    String j1 = actor.getJobId();
    JobInfo job1 =
        all.getJobsList().stream().filter(j -> j.getJobId().equals(j1)).findFirst().orElseThrow();

    ClusterToken second = secondJob();
    String j2 = second.jobId();
    assertThat(j2).isNotEqualTo(j1);
    var head = Rpc.deadline(HeadGrpc.newBlockingStub(channel(cluster.head().head(), second)));
    var agent =
        Rpc.deadline(NodeAgentGrpc.newBlockingStub(channel(cluster.head().agent(), second)));
    var driver =
        Rpc.deadline(CoreWorkerGrpc.newBlockingStub(channel(job1.getDriverAddress(), second)));
    var worker =
        Rpc.deadline(CoreWorkerGrpc.newBlockingStub(channel(actor.getWorkerAddress(), second)));

    // Listing: job 2 sees the nodes, and neither job 1 nor its actor.
    ClusterView seen = head.getClusterView(Empty.getDefaultInstance());
    assertThat(seen.getNodesList())
        .extracting(NodeInfo::getNodeId)
        .contains(cluster.head().nodeId());
    assertThat(seen.getJobsList()).extracting(JobInfo::getJobId).doesNotContain(j1);
    assertThat(seen.getActorsList()).extracting(ActorInfo::getJobId).doesNotContain(j1);

    // Actors at the head: by id, by name, its state, its owner's worker entry.
    ActorInfo actorId =
        ActorInfo.newBuilder()
            .setPrefix(actor.getPrefix())
            .setSequence(actor.getSequence())
            .build();
    assertDenied(() -> head.getActor(ActorLookup.newBuilder().setId(actorId).build()), "job " + j1);
    assertDenied(
        () ->
            head.getActor(
                ActorLookup.newBuilder()
                    .setName("vault")
                    .setNamespace(actor.getNamespace())
                    .build()),
        "vault",
        "job " + j1);
    assertDenied(
        () ->
            head.updateActor(
                actorId.toBuilder()
                    .setState(ActorState.DEAD)
                    .setDeathReason("job 2 says so")
                    .build()),
        "job " + j1);
    assertDenied(
        () -> head.getWorker(WorkerLookup.newBuilder().setPrefix(actor.getPrefix()).build()),
        "job " + j1);
    // Job 1's key-value entries, its events, its end.
    assertDenied(
        () ->
            head.kvPut(
                KvEntry.newBuilder()
                    .setJobId(j1)
                    .setKey("k")
                    .setValue(ByteString.copyFromUtf8("v"))
                    .build()),
        "key-value",
        "job " + j1);
    assertDenied(
        () -> head.kvGet(KvKey.newBuilder().setJobId(j1).setKey("k").build()), "job " + j1);
    assertDenied(
        () -> head.subscribe(SubscribeRequest.newBuilder().setJobId(j1).build()).hasNext(),
        "job " + j1);
    assertDenied(() -> head.finishJob(JobInfo.newBuilder().setJobId(j1).build()), "job " + j1);

    // Objects on the agent: the large one is job 1's in the node's store.
    ObjectIdMsg largeId = idOf(large);
    assertDenied(
        () -> agent.pinObject(PinRequest.newBuilder().setId(largeId).setJobId(j2).build()),
        "object",
        "job " + j1);
    assertDenied(
        () -> agent.fetch(FetchRequest.newBuilder().setId(largeId).build()).hasNext(), "job " + j1);
    assertDenied(() -> agent.locate(ObjectIds.newBuilder().addIds(largeId).build()), "job " + j1);
    assertDenied(
        () -> agent.freeObjects(FreeRequest.newBuilder().addIds(largeId).build()), "job " + j1);
    assertDenied(
        () -> agent.leaseWorker(LeaseRequest.newBuilder().setJobId(j1).build()), "job " + j1);
    assertDenied(
        () -> agent.workerOutput(WorkerOutputRequest.newBuilder().setJobId(j1).build()).hasNext(),
        "job " + j1);

    // Job 1's processes: its driver's objects and code, its actor's worker.
    assertDenied(
        () -> driver.getObject(GetObjectRequest.newBuilder().setId(idOf(small)).build()),
        "serves job " + j1,
        "job " + j2 + "'s credential");
    for (var code : job1.getCodeList()) {
      assertDenied(() -> driver.fetchCode(code).hasNext(), "serves job " + j1);
    }
    assertThat(job1.getCodeList()).as("job 1 shipped code to try").isNotEmpty();
    assertDenied(() -> worker.killActor(actorId), "serves job " + j1);
    assertDenied(() -> worker.exit(Empty.getDefaultInstance()), "serves job " + j1);
    assertDenied(
        () -> worker.cancelTask(CancelTaskRequest.newBuilder().setForce(true).build()),
        "serves job " + j1);
    int linkPort =
        Rpc.deadline(
                CoreWorkerGrpc.newBlockingStub(
                    channel(actor.getWorkerAddress(), ClusterFixture.ADMIN)))
            .openLink(Empty.getDefaultInstance())
            .getPort();
    String host = actor.getWorkerAddress().substring(0, actor.getWorkerAddress().lastIndexOf(':'));
    assertThatThrownBy(
            () ->
                DirectLink.connect(
                        host,
                        linkPort,
                        second,
                        l ->
                            new DirectLink.Receiver() {
                              @Override
                              public void onFrame(byte[] frame) {}

                              @Override
                              public void onClosed(Throwable cause) {}
                            })
                    .close())
        .hasMessageContaining("serves job " + j1);

    // Nothing happened to job 1: its actor is the same process with its state, its objects are
    // there, its job runs.
    assertThat(Manta.get(vault.task(Vault::pid).remote(), Duration.ofSeconds(60))).isEqualTo(pid);
    assertThat(Manta.get(vault.task(Vault::call).remote())).isEqualTo(2);
    assertThat(Manta.get(small)).isEqualTo("job 1's secret");
    assertThat(Manta.get(large)).hasSize(2 << 20);
    assertThat(Manta.get(Manta.task(() -> 6 * 7).remote(), Duration.ofSeconds(60))).isEqualTo(42);
    vault.kill();
  }

  @Test
  void anObjectOfNoJob_isReachedByTheClusterAndAdminTokensOnly() {
    // An object made with the admin token and no job id (as a tool or an agent outside any job
    // would make one) is no job's: before, the agent found no owner and let every job through.
    var admin =
        Rpc.deadline(
            NodeAgentGrpc.newBlockingStub(channel(cluster.head().agent(), ClusterFixture.ADMIN)));
    ObjectIdMsg id =
        ObjectIdMsg.newBuilder()
            .setPrefix(0x7e57_0000_0000_0001L)
            .setSequence(1)
            .setIndex(1)
            .build();
    admin.createObject(CreateRequest.newBuilder().setId(id).setLength(4096).build());
    admin.sealObject(id);

    ClusterToken second = secondJob();
    String j2 = second.jobId();
    var agent =
        Rpc.deadline(NodeAgentGrpc.newBlockingStub(channel(cluster.head().agent(), second)));
    assertDenied(
        () -> agent.pinObject(PinRequest.newBuilder().setId(id).setJobId(j2).build()),
        "is of no job",
        "job " + j2 + "'s credential");
    assertDenied(
        () -> agent.fetch(FetchRequest.newBuilder().setId(id).setJobId(j2).build()).hasNext(),
        "is of no job");
    assertDenied(
        () -> agent.fetch(FetchRequest.newBuilder().setId(id).build()).hasNext(), "is of no job");
    assertDenied(() -> agent.locate(ObjectIds.newBuilder().addIds(id).build()), "is of no job");
    assertDenied(
        () -> agent.freeObjects(FreeRequest.newBuilder().addIds(id).build()), "is of no job");
    assertDenied(() -> agent.unpinObject(id), "is of no job");
    assertDenied(() -> agent.abortObject(id), "is of no job");
    assertDenied(() -> agent.sealObject(id), "is of no job");
    assertDenied(
        () ->
            agent.createObject(
                CreateRequest.newBuilder().setId(id).setLength(16).setJobId(j2).build()),
        "is of no job");
    // A job's credential cannot make an object of no job either.
    ObjectIdMsg other = id.toBuilder().setIndex(2).build();
    assertDenied(
        () -> agent.createObject(CreateRequest.newBuilder().setId(other).setLength(16).build()),
        "is of no job");

    // The object is intact, and the admin token still reaches it.
    assertThat(admin.locate(ObjectIds.newBuilder().addIds(id).build()).getWhereList())
        .containsExactly("store");
    long bytes = 0;
    for (var it = admin.fetch(FetchRequest.newBuilder().setId(id).build()); it.hasNext(); ) {
      bytes += it.next().getData().size();
    }
    assertThat(bytes).isEqualTo(4096);
    admin.freeObjects(FreeRequest.newBuilder().addIds(id).build());
    assertThat(admin.locate(ObjectIds.newBuilder().addIds(id).build()).getWhereList())
        .containsExactly("freed");
    asJob2Finished(second);
  }

  private void asJob2Finished(ClusterToken second) {
    Rpc.deadline(HeadGrpc.newBlockingStub(channel(cluster.head().head(), second)))
        .finishJob(JobInfo.newBuilder().setJobId(second.jobId()).build());
  }

  @Test
  void theAdminToken_seesEveryJob_andNoJobCredentialRegistersANode() {
    ClusterToken second = secondJob();
    var asJob2 = Rpc.deadline(HeadGrpc.newBlockingStub(channel(cluster.head().head(), second)));
    asJob2.registerJob(
        JobInfo.newBuilder().setJobId(second.jobId()).setDriverAddress("127.0.0.1:1").build());

    var admin =
        Rpc.deadline(
            HeadGrpc.newBlockingStub(channel(cluster.head().head(), ClusterFixture.ADMIN)));
    List<String> jobs =
        admin.getClusterView(Empty.getDefaultInstance()).getJobsList().stream()
            .map(JobInfo::getJobId)
            .toList();
    assertThat(jobs).contains(second.jobId()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(asJob2.getClusterView(Empty.getDefaultInstance()).getJobsList())
        .extracting(JobInfo::getJobId)
        .containsExactly(second.jobId());

    // The state API (manta list) filters the same way: a job lists its own job and actors only.
    ActorHandle<Vault> mine = Manta.actor(Vault::new).name("listed").remote();
    try (dev.manta.cluster.state.ClusterState asSecond =
            dev.manta.cluster.state.ClusterState.connect(
                cluster.address(), second, Duration.ofSeconds(30));
        dev.manta.cluster.state.ClusterState asAdmin =
            dev.manta.cluster.state.ClusterState.connect(
                cluster.address(), ClusterFixture.ADMIN, Duration.ofSeconds(30))) {
      assertThat(asSecond.jobs().rows())
          .extracting(dev.manta.cluster.state.JobRow::jobId)
          .containsExactly(second.jobId());
      assertThat(asSecond.actors().rows()).isEmpty();
      assertThat(asAdmin.actors().rows())
          .extracting(dev.manta.cluster.state.ActorRow::name)
          .contains("listed");
      assertThat(asAdmin.jobs().rows())
          .extracting(dev.manta.cluster.state.JobRow::jobId)
          .contains(second.jobId())
          .hasSizeGreaterThanOrEqualTo(2);
    } finally {
      mine.kill();
    }

    NodeInfo fake =
        NodeInfo.newBuilder().setNodeId("fake-of-job-2").setAgentAddress("127.0.0.1:1").build();
    assertDenied(() -> asJob2.registerNode(fake), "cluster token only", second.jobId());
    assertDenied(() -> admin.registerNode(fake), "cluster token only", "admin token");
    var client =
        Rpc.deadline(
            HeadGrpc.newBlockingStub(channel(cluster.head().head(), ClusterFixture.CLIENT)));
    assertDenied(() -> client.registerNode(fake), "cluster token only");
    assertDenied(
        () -> client.kvGet(KvKey.newBuilder().setJobId(second.jobId()).build()), "client token");
    assertDenied(() -> asJob2.newJob(Empty.getDefaultInstance()), "cannot start another job");
    assertThat(admin.getClusterView(Empty.getDefaultInstance()).getNodesList())
        .extracting(NodeInfo::getNodeId)
        .doesNotContain("fake-of-job-2");
    asJob2.finishJob(JobInfo.newBuilder().setJobId(second.jobId()).build());
  }
}
