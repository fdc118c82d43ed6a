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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The head's storage: each implementation's tables, and a head resumed from MVStore. */
class HeadStorageTest {
  @TempDir Path dir;

  static Stream<String> kinds() {
    return Stream.of("memory", "mvstore");
  }

  private HeadStorage open(String kind) {
    return kind.equals("memory") ? HeadStorage.inMemory() : HeadStorage.open(dir.resolve("s"));
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void table_putRemoveSnapshot_andTablesAreApart(String kind) {
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
  void table_keepsCopies_notTheCallersArrays(String kind) {
    try (HeadStorage s = open(kind)) {
      byte[] v = b("abc");
      s.table("t").put("k", v);
      v[0] = 'X';
      s.table("t").snapshot().get("k")[1] = 'Y';
      assertThat(s.table("t").snapshot().get("k")).isEqualTo(b("abc"));
    }
  }

  @Test
  void mvstore_reopened_readsBackWhatWasCommitted() {
    try (HeadStorage s = HeadStorage.open(dir.resolve("s"))) {
      assertThat(s.durable()).isTrue();
      s.table("t").put("kept", b("1"));
      s.table("t").put("gone", b("2"));
      s.commit();
      s.table("t").remove("gone");
      s.table("u").put("x", new byte[0]);
      s.commit();
    }
    try (HeadStorage s = HeadStorage.open(dir.resolve("s"))) {
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

  @Test
  void head_restartedOnItsStorage_resumesEveryTable() {
    Path storage = dir.resolve("head");
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
}
