package dev.manta.cluster.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorLookup;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.ClusterView;
import dev.manta.cluster.proto.CodeEntry;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.JobInfo;
import dev.manta.cluster.proto.KvEntry;
import dev.manta.cluster.proto.KvKey;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.WorkerInfo;
import dev.manta.cluster.proto.WorkerLookup;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The head's storage: one behaviour suite run over every implementation (memory, MVStore in a
 * folder, a real Redis started by the test), the durable ones also reopened and a head resumed from
 * them; and what each implementation says when it cannot be used. The Redis cases are skipped (a
 * JUnit assumption, with the reason) where {@code redis-server} is not on the PATH.
 */
class HeadStorageTest {
  @TempDir Path dir;
  @TempDir static Path redisDir;
  private static RedisProcess redis; // started by the first Redis case
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private String prefix; // this test's key prefix in the shared Redis

  static Stream<String> kinds() {
    return Stream.of("memory", "mvstore", "redis");
  }

  static Stream<String> durableKinds() {
    return Stream.of("mvstore", "redis");
  }

  @BeforeEach
  void prefix(TestInfo t) {
    prefix = "t" + PREFIXES.incrementAndGet();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  private static synchronized RedisProcess redis() throws IOException, InterruptedException {
    if (redis == null) {
      redis = RedisProcess.start(redisDir.resolve("redis"));
    }
    return redis;
  }

  /** Where a storage of {@code kind} lives for this test: a folder, or a Redis and a prefix. */
  private String spec(String kind) throws Exception {
    return switch (kind) {
      case "mvstore" -> dir.resolve("s").toString();
      case "redis" -> redis().url(prefix);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private HeadStorage open(String kind) throws Exception {
    return kind.equals("memory") ? HeadStorage.inMemory() : HeadStorage.open(spec(kind));
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void table_putRemoveSnapshot_andTablesAreApart(String kind) throws Exception {
    try (HeadStorage s = open(kind)) {
      HeadStorage.Table a = s.table("a");
      HeadStorage.Table other = s.table("b");
      a.put("k1", b("v1"));
      a.put("k2", b("v2"));
      a.put("k1", b("v1'"));
      a.remove("k2");
      a.remove("never-there");
      other.put("k1", b("other"));
      s.commit();
      assertThat(a.snapshot()).containsOnlyKeys("k1");
      assertThat(a.snapshot().get("k1")).isEqualTo(b("v1'"));
      assertThat(s.table("a").snapshot().get("k1")).isEqualTo(b("v1'")); // same name, same table
      assertThat(other.snapshot().get("k1")).isEqualTo(b("other"));
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void table_keepsCopies_notTheCallersArrays(String kind) throws Exception {
    try (HeadStorage s = open(kind)) {
      byte[] v = b("abc");
      s.table("t").put("k", v);
      v[0] = 'X';
      s.table("t").snapshot().get("k")[1] = 'Y';
      assertThat(s.table("t").snapshot().get("k")).isEqualTo(b("abc"));
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void table_keepsBinaryValuesAndOddKeys(String kind) throws Exception {
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i; // CR, LF, NUL and bytes that are not UTF-8
    }
    String oddKey = "job\0key with spaces\r\n and \u00e9";
    try (HeadStorage s = open(kind)) {
      s.table("t").put(oddKey, binary);
      s.table("t").put("empty", new byte[0]);
      s.commit();
      Map<String, byte[]> t = s.table("t").snapshot();
      assertThat(t).containsOnlyKeys(oddKey, "empty");
      assertThat(t.get(oddKey)).isEqualTo(binary);
      assertThat(t.get("empty")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("durableKinds")
  void reopened_readsBackWhatWasCommitted(String kind) throws Exception {
    try (HeadStorage s = open(kind)) {
      assertThat(s.durable()).isTrue();
      s.table("t").put("kept", b("1"));
      s.table("t").put("gone", b("2"));
      s.commit();
      s.table("t").remove("gone");
      s.table("u").put("x", new byte[0]);
      s.commit();
    }
    try (HeadStorage s = open(kind)) {
      Map<String, byte[]> t = s.table("t").snapshot();
      assertThat(t).containsOnlyKeys("kept");
      assertThat(t.get("kept")).isEqualTo(b("1"));
      assertThat(s.table("u").snapshot().get("x")).isEmpty();
    }
  }

  @Test
  void mvstore_secondOpenOfAFolderInUse_isRefusedNamingTheFile() {
    try (HeadStorage s = HeadStorage.open(dir.resolve("s"))) {
      assertThat(s.durable()).isTrue();
      assertThatThrownBy(() -> HeadStorage.open(dir.resolve("s")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(dir.resolve("s").resolve(MvStoreStorage.FILE_NAME).toString())
          .hasMessageContaining("another head");
    }
  }

  @Test
  void redis_secondHeadOnAPrefixInUse_isRefusedNamingIt_andAnotherPrefixIsFree() throws Exception {
    String url = spec("redis");
    try (HeadStorage s = RedisStorage.open(url, 500)) {
      assertThat(s.durable()).isTrue();
      s.table("t").put("k", b("first"));
      s.commit();
      assertThatThrownBy(() -> RedisStorage.open(url, 500))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(url)
          .hasMessageContaining("in use by another head")
          .hasMessageContaining("pid " + ProcessHandle.current().pid());
      try (HeadStorage other = RedisStorage.open(url + "-other", 500)) {
        assertThat(other.table("t").snapshot()).isEmpty(); // prefixes are apart
      }
      assertThat(s.table("t").snapshot().get("k")).isEqualTo(b("first"));
    }
    try (HeadStorage again = RedisStorage.open(url, 500)) { // closed: the lease is free at once
      assertThat(again.table("t").snapshot().get("k")).isEqualTo(b("first"));
    }
  }

  @Test
  void redis_leaseTakenByAnotherHead_stopsThisOneWriting_namingTheOther() throws Exception {
    String url = spec("redis");
    try (RedisStorage s = RedisStorage.open(url, 300);
        RespClient other = RespClient.connect("127.0.0.1", redis().port(), 5_000)) {
      s.table("t").put("k", b("1"));
      s.commit();
      // What a second head does once this one's lease expired while it was stalled.
      assertThat(other.call("SET", prefix + ":lock", "head pid 42 on elsewhere")).isEqualTo("OK");
      org.awaitility.Awaitility.await(
              "the head notices, at its next renewal, that its lease is gone")
          .atMost(java.time.Duration.ofSeconds(30))
          .until(s::leaseLost);
      s.table("t").put("k", b("2"));
      assertThatThrownBy(s::commit)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("head pid 42 on elsewhere")
          .hasMessageContaining("took the lease");
      assertThat(other.call("HGET", prefix + ":table:t", "k")).isEqualTo(b("1"));
    }
  }

  @Test
  void redis_unreachable_isRefusedNamingTheAddressAndTheFix() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String url = "redis://127.0.0.1:" + port;
    assertThatThrownBy(() -> HeadStorage.open(url))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot reach Redis at 127.0.0.1:" + port)
        .hasMessageContaining("start redis-server there")
        .hasMessageContaining("--storage");
  }

  @Test
  void redis_malformedAddress_isRefusedWithTheForm() {
    assertThatThrownBy(() -> HeadStorage.open("redis://nohost"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis://HOST:PORT");
  }

  @Test
  void redis_commitWhileRedisIsDown_failsNamingIt_andIsSentOnceRedisIsBack() throws Exception {
    Path d = Files.createDirectories(dir.resolve("own-redis"));
    RedisProcess own = RedisProcess.start(d);
    String url = own.url("p");
    HeadStorage s = RedisStorage.open(url, 60_000);
    try {
      s.table("t").put("before", b("1"));
      s.commit();
      own.close();
      s.table("t").put("during", b("2"));
      assertThatThrownBy(s::commit)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(url)
          .hasMessageContaining("is Redis at 127.0.0.1:" + own.port() + " running?");
      own = RedisProcess.start(d, own.port()); // the same folder: its AOF has "before"
      s.commit(); // the failed change goes out now
      assertThat(s.table("t").snapshot()).containsOnlyKeys("before", "during");
    } finally {
      s.close();
      own.close();
    }
  }

  @Test
  void memory_isNotDurable() {
    try (HeadStorage s = HeadStorage.inMemory()) {
      assertThat(s.durable()).isFalse();
      assertThat(s.describe()).contains("--storage");
    }
  }

  // --- a head resumed from its storage ---

  /** The value a unary handler answers with (handlers answer before they return). */
  private static <T> T call(Class<T> type, java.util.function.Consumer<StreamObserver<T>> handler) {
    List<T> got = new ArrayList<>();
    List<Throwable> failed = new ArrayList<>();
    handler.accept(
        new StreamObserver<>() {
          @Override
          public void onNext(T value) {
            got.add(value);
          }

          @Override
          public void onError(Throwable t) {
            failed.add(t);
          }

          @Override
          public void onCompleted() {}
        });
    if (!failed.isEmpty()) {
      throw new AssertionError("the head refused the call", failed.get(0));
    }
    return type.cast(got.get(0));
  }

  @ParameterizedTest
  @MethodSource("durableKinds")
  void head_restartedOnItsStorage_resumesEveryTable(String kind) throws Exception {
    String storage = spec(kind);
    ActorInfo actor =
        ActorInfo.newBuilder()
            .setPrefix(7)
            .setSequence(1)
            .setName("counter")
            .setNamespace("ns")
            .setClassName("Counter")
            .setJobId("job1")
            .build();
    Supplier<HeadService> start =
        () ->
            HeadService.withStorage(
                "c0ffee", dev.manta.cluster.config.ClusterConfig.defaults(), storage);
    HeadService head = start.get();
    try {
      call(
          dev.manta.cluster.proto.RegisterNodeReply.class,
          o ->
              head.registerNode(
                  NodeInfo.newBuilder().setNodeId("n1").setAgentAddress("127.0.0.1:1").build(), o));
      call(
          JobInfo.class,
          o ->
              head.registerJob(
                  JobInfo.newBuilder()
                      .setJobId("job1")
                      .setDriverAddress("127.0.0.1:2")
                      .setNamespace("ns")
                      .addCode(CodeEntry.newBuilder().setSha256("ab").setName("app.jar"))
                      .build(),
                  o));
      call(JobInfo.class, o -> head.registerJob(JobInfo.newBuilder().setJobId("ended").build(), o));
      call(Empty.class, o -> head.finishJob(JobInfo.newBuilder().setJobId("ended").build(), o));
      call(
          Empty.class,
          o ->
              head.registerWorker(
                  WorkerInfo.newBuilder()
                      .setPrefix(7)
                      .setAddress("127.0.0.1:3")
                      .setNodeId("n1")
                      .setJobId("job1")
                      .build(),
                  o));
      call(ActorInfo.class, o -> head.registerActor(actor, o));
      call(
          Empty.class,
          o ->
              head.updateActor(
                  actor.toBuilder()
                      .setState(ActorState.ALIVE)
                      .setWorkerAddress("127.0.0.1:3")
                      .setNodeId("n1")
                      .build(),
                  o));
      call(
          Empty.class,
          o ->
              head.kvPut(
                  KvEntry.newBuilder()
                      .setJobId("job1")
                      .setKey("k")
                      .setValue(ByteString.copyFromUtf8("v"))
                      .build(),
                  o));
      call(
          Empty.class,
          o ->
              head.kvPut(
                  KvEntry.newBuilder()
                      .setJobId("job1")
                      .setKey("deleted")
                      .setValue(ByteString.copyFromUtf8("x"))
                      .build(),
                  o));
      call(
          Empty.class,
          o -> head.kvDelete(KvKey.newBuilder().setJobId("job1").setKey("deleted").build(), o));
    } finally {
      head.close();
    }

    HeadService again = start.get();
    try {
      ClusterView view =
          call(ClusterView.class, o -> again.getClusterView(Empty.getDefaultInstance(), o));
      assertThat(view.getNodesList()).extracting(NodeInfo::getNodeId).containsExactly("n1");
      assertThat(view.getNodes(0).getAlive()).isTrue();
      JobInfo job =
          view.getJobsList().stream().filter(j -> j.getJobId().equals("job1")).findFirst().get();
      assertThat(job.getCodeList()).extracting(CodeEntry::getName).containsExactly("app.jar");
      assertThat(job.getFinished()).isFalse();
      assertThat(view.getJobsList())
          .filteredOn(j -> j.getJobId().equals("ended"))
          .singleElement()
          .extracting(JobInfo::getFinished)
          .isEqualTo(true);
      ActorInfo byName =
          call(
              ActorInfo.class,
              o ->
                  again.getActor(
                      ActorLookup.newBuilder().setName("counter").setNamespace("ns").build(), o));
      assertThat(byName.getState()).isEqualTo(ActorState.ALIVE);
      assertThat(byName.getWorkerAddress()).isEqualTo("127.0.0.1:3");
      assertThat(
              call(
                      WorkerInfo.class,
                      o -> again.getWorker(WorkerLookup.newBuilder().setPrefix(7).build(), o))
                  .getAddress())
          .isEqualTo("127.0.0.1:3");
      KvEntry kept =
          call(
              KvEntry.class,
              o -> again.kvGet(KvKey.newBuilder().setJobId("job1").setKey("k").build(), o));
      assertThat(kept.getFound()).isTrue();
      assertThat(kept.getValue().toStringUtf8()).isEqualTo("v");
      assertThat(
              call(
                      KvEntry.class,
                      o ->
                          again.kvGet(
                              KvKey.newBuilder().setJobId("job1").setKey("deleted").build(), o))
                  .getFound())
          .isFalse();
      // Nodes already told of the ended job are not told again: the log counts it.
      var beat =
          call(
              dev.manta.cluster.proto.HeartbeatReply.class,
              o ->
                  again.heartbeat(
                      dev.manta.cluster.proto.HeartbeatRequest.newBuilder()
                          .setNodeId("n1")
                          .setFinishedJobsSeen(1)
                          .build(),
                      o));
      assertThat(beat.getKnown()).isTrue();
      assertThat(beat.getFinishedJobsList()).isEmpty();
      assertThat(beat.getFinishedJobsSeq()).isEqualTo(1);
    } finally {
      again.close();
    }
  }

  /**
   * S6: a detached actor's creation, sent with its first ALIVE, is kept with the head's tables and
   * never published; a head restarted on the storage still holds it, so once the actor's owner is
   * gone a death of its process is judged from it (here: its argument lived in its owner's store,
   * so it is not restarted, and the reason says so; without the creation it would name that).
   */
  @ParameterizedTest
  @MethodSource("durableKinds")
  void head_restartedOnItsStorage_keepsADetachedActorsCreation(String kind) throws Exception {
    String storage = spec(kind);
    ActorInfo actor =
        ActorInfo.newBuilder()
            .setPrefix(7)
            .setSequence(1)
            .setName("keeper")
            .setNamespace("ns")
            .setClassName("Counter")
            .setJobId("job1")
            .setDetached(true)
            .setMaxRestarts(1)
            .build();
    dev.manta.cluster.proto.TaskMsg creation =
        dev.manta.cluster.proto.TaskMsg.newBuilder()
            .setTaskPrefix(7)
            .setTaskSequence(2)
            .setKind(dev.manta.cluster.proto.TaskKind.ACTOR_CREATION)
            .setFunction(ByteString.copyFromUtf8("the constructor"))
            .setFunctionId(1)
            .addArgs(
                dev.manta.cluster.proto.ArgMsg.newBuilder()
                    .setRefId(
                        dev.manta.cluster.proto.ObjectIdMsg.newBuilder()
                            .setPrefix(7)
                            .setSequence(3)
                            .setIndex(1))
                    .setRef(
                        dev.manta.cluster.proto.ValueMsg.newBuilder()
                            .setStored(
                                dev.manta.cluster.proto.StoredMsg.newBuilder()
                                    .setLength(300_000)
                                    .setNodeId("n1"))))
            .build();
    Supplier<HeadService> start =
        () ->
            HeadService.withStorage(
                "c0ffee", dev.manta.cluster.config.ClusterConfig.defaults(), storage);
    HeadService head = start.get();
    try {
      call(
          dev.manta.cluster.proto.RegisterNodeReply.class,
          o ->
              head.registerNode(
                  NodeInfo.newBuilder().setNodeId("n1").setAgentAddress("127.0.0.1:1").build(), o));
      call(
          JobInfo.class,
          o ->
              head.registerJob(
                  JobInfo.newBuilder()
                      .setJobId("job1")
                      .setDriverAddress("127.0.0.1:2")
                      .setNamespace("ns")
                      .build(),
                  o));
      call(
          Empty.class,
          o ->
              head.registerWorker(
                  WorkerInfo.newBuilder()
                      .setPrefix(8)
                      .setAddress("127.0.0.1:3")
                      .setNodeId("n1")
                      .setJobId("job1")
                      .build(),
                  o));
      call(ActorInfo.class, o -> head.registerActor(actor, o));
      call(
          Empty.class,
          o ->
              head.updateActor(
                  actor.toBuilder()
                      .setState(ActorState.ALIVE)
                      .setWorkerAddress("127.0.0.1:3")
                      .setNodeId("n1")
                      .setCreation(creation)
                      .build(),
                  o));
      ClusterView view =
          call(ClusterView.class, o -> head.getClusterView(Empty.getDefaultInstance(), o));
      assertThat(view.getActors(0).getState()).isEqualTo(ActorState.ALIVE);
      assertThat(view.getActors(0).hasCreation()).as("the creation is never published").isFalse();
    } finally {
      head.close();
    }

    HeadService again = start.get();
    try {
      call(Empty.class, o -> again.finishJob(JobInfo.newBuilder().setJobId("job1").build(), o));
      ActorLookup byName = ActorLookup.newBuilder().setName("keeper").setNamespace("ns").build();
      ActorInfo orphan = call(ActorInfo.class, o -> again.getActor(byName, o));
      assertThat(orphan.getOwnerGone()).isTrue();
      assertThat(orphan.hasCreation()).isFalse();
      call(
          Empty.class,
          o ->
              again.reportWorkerDeath(
                  dev.manta.cluster.proto.WorkerDeath.newBuilder()
                      .setPrefix(8)
                      .setNodeId("n1")
                      .setReason("killed by signal 9")
                      .build(),
                  o));
      ClusterView view =
          call(ClusterView.class, o -> again.getClusterView(Empty.getDefaultInstance(), o));
      ActorInfo dead = view.getActors(0);
      assertThat(dead.getState()).isEqualTo(ActorState.DEAD);
      assertThat(dead.getDeathReason())
          .contains("its worker process died: killed by signal 9")
          .contains("it is not restarted: its constructor argument")
          .contains("300000 bytes")
          .contains("owned by its creator, which is gone");
    } finally {
      again.close();
    }
  }

  /**
   * S6: a restart of a detached actor the head had begun when it stopped is resumed by the head
   * restarted on the storage. Nothing listens at the only node's agent, so the resumed restart
   * cannot place it and the actor ends DEAD saying so (without the resume it would stay
   * RESTARTING).
   */
  @ParameterizedTest
  @MethodSource("durableKinds")
  void head_restartedOnItsStorage_resumesTheRestartOfADetachedActor(String kind) throws Exception {
    String storage = spec(kind);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort(); // nothing listens there: every lease fails
    }
    ActorInfo actor =
        ActorInfo.newBuilder()
            .setPrefix(7)
            .setSequence(1)
            .setName("phoenix")
            .setNamespace("ns")
            .setClassName("Counter")
            .setJobId("job1")
            .setDetached(true)
            .setMaxRestarts(-1)
            .build();
    dev.manta.cluster.proto.TaskMsg creation =
        dev.manta.cluster.proto.TaskMsg.newBuilder()
            .setTaskPrefix(7)
            .setTaskSequence(2)
            .setKind(dev.manta.cluster.proto.TaskKind.ACTOR_CREATION)
            .setFunction(ByteString.copyFromUtf8("the constructor"))
            .setFunctionId(1)
            .build();
    HeadService head =
        HeadService.withStorage(
            "c0ffee", dev.manta.cluster.config.ClusterConfig.defaults(), storage);
    try {
      call(
          dev.manta.cluster.proto.RegisterNodeReply.class,
          o ->
              head.registerNode(
                  NodeInfo.newBuilder()
                      .setNodeId("n1")
                      .setAgentAddress("127.0.0.1:" + port)
                      .build(),
                  o));
      call(
          JobInfo.class,
          o ->
              head.registerJob(
                  JobInfo.newBuilder()
                      .setJobId("job1")
                      .setDriverAddress("127.0.0.1:2")
                      .setNamespace("ns")
                      .build(),
                  o));
      call(
          Empty.class,
          o ->
              head.registerWorker(
                  WorkerInfo.newBuilder()
                      .setPrefix(8)
                      .setAddress("127.0.0.1:3")
                      .setNodeId("n1")
                      .setJobId("job1")
                      .build(),
                  o));
      call(ActorInfo.class, o -> head.registerActor(actor, o));
      call(
          Empty.class,
          o ->
              head.updateActor(
                  actor.toBuilder()
                      .setState(ActorState.ALIVE)
                      .setWorkerAddress("127.0.0.1:3")
                      .setNodeId("n1")
                      .setCreation(creation)
                      .build(),
                  o));
      call(Empty.class, o -> head.finishJob(JobInfo.newBuilder().setJobId("job1").build(), o));
      call(
          Empty.class,
          o ->
              head.reportWorkerDeath(
                  dev.manta.cluster.proto.WorkerDeath.newBuilder()
                      .setPrefix(8)
                      .setNodeId("n1")
                      .setReason("killed by signal 9")
                      .build(),
                  o));
      ClusterView view =
          call(ClusterView.class, o -> head.getClusterView(Empty.getDefaultInstance(), o));
      assertThat(view.getActors(0).getState()).isEqualTo(ActorState.RESTARTING);
    } finally {
      head.close(); // the restart in flight (60 s to place it) stops here
    }

    dev.manta.cluster.config.ClusterConfig shortWait =
        dev.manta.cluster.config.ClusterConfig.from(
            Map.of("manta.actor-restart-wait-ms", "300"), Map.of());
    HeadService again = HeadService.withStorage("c0ffee", shortWait, storage);
    try {
      ActorInfo dead =
          org.awaitility.Awaitility.await("the resumed restart gives up")
              .atMost(java.time.Duration.ofSeconds(30))
              .until(
                  () ->
                      call(
                              ClusterView.class,
                              o -> again.getClusterView(Empty.getDefaultInstance(), o))
                          .getActors(0),
                  a -> a.getState() == ActorState.DEAD);
      assertThat(dead.getDeathReason())
          .contains("its worker process died: killed by signal 9")
          .contains("the head could not place it again within 300 ms");
    } finally {
      again.close();
    }
  }

  /** The error a unary handler answers with; fails if it answers with a value. */
  private static Throwable refusal(java.util.function.Consumer<StreamObserver<Object>> handler) {
    List<Throwable> failed = new ArrayList<>();
    handler.accept(
        new StreamObserver<>() {
          @Override
          public void onNext(Object value) {
            throw new AssertionError("the head accepted the call: " + value);
          }

          @Override
          public void onError(Throwable t) {
            failed.add(t);
          }

          @Override
          public void onCompleted() {}
        });
    assertThat(failed).as("the head's answer").hasSize(1);
    return failed.get(0);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> StreamObserver<T> any(StreamObserver<Object> o) {
    return (StreamObserver) o;
  }

  @ParameterizedTest
  @MethodSource("durableKinds")
  void head_fencesANodeItDeclaredDead_andStillDoesAfterARestartOnItsStorage(String kind)
      throws Exception {
    String storage = spec(kind);
    dev.manta.cluster.config.ClusterConfig fast =
        dev.manta.cluster.config.ClusterConfig.from(
            Map.of(
                "manta.health-check-period-ms", "10",
                "manta.health-check-timeout-ms", "200",
                "manta.health-check-failure-threshold", "1"),
            Map.of());
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort(); // nothing listens there: every check fails
    }
    NodeInfo node =
        NodeInfo.newBuilder().setNodeId("gone").setAgentAddress("127.0.0.1:" + port).build();
    WorkerInfo worker =
        WorkerInfo.newBuilder().setPrefix(9).setAddress("127.0.0.1:4").setNodeId("gone").build();
    HeadService head = HeadService.withStorage("c0ffee", fast, storage);
    try {
      call(dev.manta.cluster.proto.RegisterNodeReply.class, o -> head.registerNode(node, o));
      org.awaitility.Awaitility.await("the head declares the node dead")
          .atMost(java.time.Duration.ofSeconds(30))
          .until(
              () ->
                  !call(ClusterView.class, o -> head.getClusterView(Empty.getDefaultInstance(), o))
                      .getNodes(0)
                      .getAlive());
      assertThat(refusal(o -> head.registerNode(node, any(o))))
          .hasMessageContaining("FAILED_PRECONDITION")
          .hasMessageContaining("Node gone at 127.0.0.1:" + port + " was declared dead")
          .hasMessageContaining(HeadService.FENCED)
          .hasMessageContaining("joins as a new node");
      assertThat(refusal(o -> head.registerWorker(worker, any(o))))
          .hasMessageContaining(HeadService.FENCED);
      // its agent, beating again, is told that the head does not know it
      assertThat(
              call(
                      dev.manta.cluster.proto.HeartbeatReply.class,
                      o ->
                          head.heartbeat(
                              dev.manta.cluster.proto.HeartbeatRequest.newBuilder()
                                  .setNodeId("gone")
                                  .build(),
                              o))
                  .getKnown())
          .isFalse();
      // a node with a new id joins as usual
      call(
          dev.manta.cluster.proto.RegisterNodeReply.class,
          o -> head.registerNode(node.toBuilder().setNodeId("new").build(), o));
    } finally {
      head.close();
    }
    HeadService again = HeadService.withStorage("c0ffee", fast, storage);
    try {
      assertThat(refusal(o -> again.registerNode(node, any(o))))
          .hasMessageContaining(HeadService.FENCED);
    } finally {
      again.close();
    }
  }
}
