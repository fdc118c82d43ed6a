package dev.manta.cluster.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.HelloReply;
import dev.manta.cluster.proto.HelloRequest;
import dev.manta.cluster.proto.KvEntry;
import dev.manta.cluster.proto.KvKey;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gRPC server of {@link Rpc#serve} holds a connection to its calls-per-connection limit, and
 * refuses a message or a header block above its limits, while it goes on serving every other
 * connection and the next valid call.
 */
class ServerLimitsTest {
  private static final ClusterToken TOKEN = ClusterToken.random();
  private final AtomicInteger helloEntered = new AtomicInteger();
  private final CountDownLatch twoEntered = new CountDownLatch(2);
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<ManagedChannel> channels = new ArrayList<>();
  private Server server;

  @BeforeEach
  void start() {
    Rpc.useSettings(
        ClusterConfig.from(
            Map.of(
                ClusterConfig.MAX_CALLS_PER_CONNECTION, "2",
                ClusterConfig.MAX_METADATA_BYTES, "1k",
                ClusterConfig.MAX_MESSAGE_BYTES, "8m"),
            Map.of()));
    HeadGrpc.HeadImplBase head =
        new HeadGrpc.HeadImplBase() {
          @Override
          public void hello(HelloRequest req, StreamObserver<HelloReply> out) {
            helloEntered.incrementAndGet();
            twoEntered.countDown();
            try {
              // Holds the call (on a gRPC executor thread) until the test lets it go.
              if (!release.await(60, TimeUnit.SECONDS)) {
                out.onError(Status.ABORTED.withDescription("never released").asException());
                return;
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              out.onError(Status.CANCELLED.asException());
              return;
            }
            out.onNext(HelloReply.newBuilder().setClusterId("c").build());
            out.onCompleted();
          }

          @Override
          public void kvGet(KvKey req, StreamObserver<KvEntry> out) {
            out.onNext(KvEntry.newBuilder().setKey(req.getKey()).build());
            out.onCompleted();
          }

          @Override
          public void kvPut(KvEntry req, StreamObserver<Empty> out) {
            out.onNext(Empty.getDefaultInstance());
            out.onCompleted();
          }
        };
    server = Rpc.serve("127.0.0.1", 0, List.of(head), false, TOKEN, null);
  }

  @AfterEach
  void stop() throws InterruptedException {
    release.countDown();
    channels.forEach(ManagedChannel::shutdownNow);
    server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    Rpc.useSettings(ClusterConfig.fromSystemProperties()); // later tests of this JVM: defaults
  }

  private ManagedChannel connect() {
    ManagedChannel c = Rpc.channel("127.0.0.1:" + server.getPort(), TOKEN, null);
    channels.add(c);
    return c;
  }

  private static HeadGrpc.HeadBlockingStub blocking(ManagedChannel c) {
    return Rpc.deadline(HeadGrpc.newBlockingStub(c));
  }

  @Test
  void aConnectionAtItsCallLimit_waits_whileOtherConnectionsAreServed() throws Exception {
    ManagedChannel first = connect();
    HeadGrpc.HeadFutureStub async = HeadGrpc.newFutureStub(first);
    var calls = new ArrayList<com.google.common.util.concurrent.ListenableFuture<HelloReply>>();
    for (int i = 0; i < 3; i++) {
      calls.add(
          async.withDeadlineAfter(60, TimeUnit.SECONDS).hello(HelloRequest.getDefaultInstance()));
    }
    assertThat(twoEntered.await(30, TimeUnit.SECONDS)).as("two calls reached the handler").isTrue();

    // Another connection is served at once, and the first one's third call still waits.
    assertThat(blocking(connect()).kvGet(KvKey.newBuilder().setKey("k").build()).getKey())
        .isEqualTo("k");
    assertThat(helloEntered.get()).as("calls of the first connection in the handler").isEqualTo(2);
    assertThat(calls.get(2).isDone()).isFalse();

    release.countDown();
    for (var c : calls) {
      assertThat(c.get(30, TimeUnit.SECONDS).getClusterId()).isEqualTo("c");
    }
    assertThat(helloEntered.get()).isEqualTo(3);
    assertThat(blocking(first).kvGet(KvKey.newBuilder().setKey("again").build()).getKey())
        .isEqualTo("again");
  }

  @Test
  void aMessageAboveTheLimit_isRefused_andTheConnectionServesTheNextCall() {
    ManagedChannel c = connect();
    KvEntry big =
        KvEntry.newBuilder().setKey("big").setValue(ByteString.copyFrom(new byte[9 << 20])).build();
    assertThatThrownBy(() -> blocking(c).kvPut(big))
        .isInstanceOf(StatusRuntimeException.class)
        .satisfies(
            e ->
                assertThat(((StatusRuntimeException) e).getStatus().getCode())
                    .isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
    assertThat(blocking(c).kvGet(KvKey.newBuilder().setKey("after").build()).getKey())
        .isEqualTo("after");
  }

  @Test
  void aHeaderBlockAboveTheLimit_isRefused_andTheServerServesTheNextCall() {
    Metadata fat = new Metadata();
    fat.put(Metadata.Key.of("x-padding", Metadata.ASCII_STRING_MARSHALLER), "p".repeat(4 << 10));
    var padded =
        blocking(connect()).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(fat));
    assertThatThrownBy(() -> padded.kvGet(KvKey.newBuilder().setKey("k").build()))
        .isInstanceOf(StatusRuntimeException.class)
        .satisfies(
            e ->
                assertThat(((StatusRuntimeException) e).getStatus().getCode())
                    .isNotEqualTo(Status.Code.OK));
    assertThat(blocking(connect()).kvGet(KvKey.newBuilder().setKey("after").build()).getKey())
        .isEqualTo("after");
  }
}
