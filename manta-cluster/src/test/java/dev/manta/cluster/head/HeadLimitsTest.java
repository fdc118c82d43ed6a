package dev.manta.cluster.head;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.KvEntry;
import dev.manta.cluster.proto.KvKey;
import dev.manta.cluster.proto.NewJobReply;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.RegisterNodeReply;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The head's tables are bounded: past {@code manta.max-nodes} live nodes a new node is refused,
 * past {@code manta.max-jobs} jobs a new job, and past {@code manta.kv-max-bytes} of all jobs'
 * key-value entries a put, each with {@code RESOURCE_EXHAUSTED} naming the setting; the table is
 * unchanged and what it holds keeps working.
 */
class HeadLimitsTest {
  private final HeadService head =
      new HeadService(
          "c0ffee",
          ClusterConfig.from(
              Map.of(
                  ClusterConfig.MAX_NODES,
                  "2",
                  ClusterConfig.MAX_JOBS,
                  "2",
                  ClusterConfig.KV_MAX_BYTES,
                  "100"),
              Map.of()));

  @AfterEach
  void close() {
    head.close();
  }

  /** What a handler answered: its value, or its error. */
  private record Answer<T>(T value, Throwable error) {}

  private static <T> Answer<T> call(Consumer<StreamObserver<T>> handler) {
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
    return new Answer<>(got.isEmpty() ? null : got.get(0), failed.isEmpty() ? null : failed.get(0));
  }

  private Answer<RegisterNodeReply> register(String id) {
    return call(
        o ->
            head.registerNode(
                NodeInfo.newBuilder().setNodeId(id).setAgentAddress("127.0.0.1:1").build(), o));
  }

  private List<String> nodeIds() {
    return call(
            (StreamObserver<dev.manta.cluster.proto.ClusterView> o) ->
                head.getClusterView(Empty.getDefaultInstance(), o))
        .value()
        .getNodesList()
        .stream()
        .map(NodeInfo::getNodeId)
        .toList();
  }

  @Test
  void aNodePastTheLimit_isRefused_namingTheSetting_andTheKnownOnesRegisterAgain() {
    assertThat(register("n1").error()).isNull();
    assertThat(register("n2").error()).isNull();
    Throwable refused = register("n3").error();
    assertThat(refused).isNotNull();
    assertThat(Status.fromThrowable(refused).getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(Status.fromThrowable(refused).getDescription())
        .contains(ClusterConfig.MAX_NODES)
        .contains("n3");
    assertThat(nodeIds()).containsExactlyInAnyOrder("n1", "n2");
    assertThat(register("n1").error()).as("a known node registers again").isNull();
  }

  private Answer<NewJobReply> newJob() {
    return call((StreamObserver<NewJobReply> o) -> head.newJob(Empty.getDefaultInstance(), o));
  }

  @Test
  void aJobPastTheLimit_isRefused_namingTheSetting() {
    Answer<NewJobReply> a = newJob();
    Answer<NewJobReply> b = newJob();
    assertThat(a.error()).isNull();
    assertThat(b.error()).isNull();
    assertThat(a.value().getJobId()).isNotEqualTo(b.value().getJobId());
    Throwable refused = newJob().error();
    assertThat(refused).isNotNull();
    assertThat(Status.fromThrowable(refused).getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(Status.fromThrowable(refused).getDescription()).contains(ClusterConfig.MAX_JOBS);
  }

  private Answer<Empty> kvPut(String job, String key, int bytes) {
    return call(
        (StreamObserver<Empty> o) ->
            head.kvPut(
                KvEntry.newBuilder()
                    .setJobId(job)
                    .setKey(key)
                    .setValue(ByteString.copyFrom(new byte[bytes]))
                    .build(),
                o));
  }

  private KvEntry kvGet(String job, String key) {
    return call((StreamObserver<KvEntry> o) ->
            head.kvGet(KvKey.newBuilder().setJobId(job).setKey(key).build(), o))
        .value();
  }

  @Test
  void keyValueEntriesPastTheBoundOfAllJobs_areRefused_namingTheSetting() {
    // Each job is far below its own limit (64 MiB); together they reach the head's 100 bytes.
    assertThat(kvPut("j1", "k", 59).error()).isNull(); // 60 bytes with the key
    Throwable refused = kvPut("j2", "k", 59).error();
    assertThat(refused).isNotNull();
    assertThat(Status.fromThrowable(refused).getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(Status.fromThrowable(refused).getDescription())
        .contains(ClusterConfig.KV_MAX_BYTES)
        .contains("120 bytes of all jobs");
    assertThat(kvGet("j2", "k").getFound()).isFalse();
    assertThat(kvGet("j1", "k").getValue().size()).isEqualTo(59);
    assertThat(kvPut("j2", "k", 39).error()).as("what fits still goes in").isNull();
    call(
        (StreamObserver<Empty> o) ->
            head.kvDelete(KvKey.newBuilder().setJobId("j1").setKey("k").build(), o));
    assertThat(kvPut("j2", "more", 50).error()).as("a deleted entry gives its bytes back").isNull();
  }
}
