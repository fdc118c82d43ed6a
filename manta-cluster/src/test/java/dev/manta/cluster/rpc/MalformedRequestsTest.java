package dev.manta.cluster.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.HelloReply;
import dev.manta.cluster.proto.HelloRequest;
import dev.manta.cluster.proto.ResultBatch;
import dev.manta.cluster.proto.TaskBatch;
import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request whose bytes do not parse is refused with INVALID_ARGUMENT naming the method, logs
 * nothing at SEVERE, ends a streaming handler's stream, and leaves the server serving: the fix for
 * what {@code ClusterFuzzTest} found (gRPC's own handling answered UNKNOWN and logged a stack trace
 * per message).
 */
class MalformedRequestsTest {
  private static final ClusterToken TOKEN = ClusterToken.random();
  private static final Logger GRPC_LOG = Logger.getLogger("io.grpc"); // held: JUL keeps it weakly
  private final List<LogRecord> severe = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
            severe.add(r);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final CompletableFuture<Throwable> streamEnded = new CompletableFuture<>();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() {
    GRPC_LOG.addHandler(capture);
    BindableService head =
        new HeadGrpc.HeadImplBase() {
          @Override
          public void getWorker(
              dev.manta.cluster.proto.WorkerLookup req,
              StreamObserver<dev.manta.cluster.proto.WorkerInfo> out) {
            // As a handler converting a wire id does (Wire.id): the id's record checks its range.
            throw new IllegalArgumentException("prefix must be > 0, was " + req.getPrefix());
          }

          @Override
          public void hello(HelloRequest req, StreamObserver<HelloReply> out) {
            out.onNext(HelloReply.newBuilder().setClusterId("c-1").build());
            out.onCompleted();
          }
        };
    BindableService worker =
        new CoreWorkerGrpc.CoreWorkerImplBase() {
          @Override
          public StreamObserver<TaskBatch> submit(StreamObserver<ResultBatch> out) {
            return new StreamObserver<>() {
              @Override
              public void onNext(TaskBatch b) {
                out.onNext(ResultBatch.getDefaultInstance());
              }

              @Override
              public void onError(Throwable t) {
                streamEnded.complete(t);
              }

              @Override
              public void onCompleted() {
                streamEnded.complete(null);
                out.onCompleted();
              }
            };
          }
        };
    server = Rpc.serve("127.0.0.1", 0, List.of(head, worker), false, TOKEN, null);
    channel = Rpc.channel("127.0.0.1:" + server.getPort(), TOKEN, null);
  }

  @AfterEach
  void stop() throws InterruptedException {
    GRPC_LOG.removeHandler(capture);
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void malformedUnaryRequest_refusedWithInvalidArgument_noSevereLog_nextCallWorks()
      throws Exception {
    // Field 1 (length-delimited) announcing 127 bytes, of which none follow.
    Status s = rawCall(HeadGrpc.getHelloMethod(), List.of(new byte[] {0x0a, 0x7f}));
    assertThat(s.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(s.getDescription()).contains("manta.v1.Head/Hello").contains("not a valid protobuf");
    assertThat(severe).as("gRPC's SEVERE log lines").isEmpty();
    assertThat(
            Rpc.deadline(HeadGrpc.newBlockingStub(channel))
                .hello(HelloRequest.getDefaultInstance())
                .getClusterId())
        .isEqualTo("c-1");
  }

  @Test
  void malformedMessageOnAStream_refused_andTheServiceStreamEnds() throws Exception {
    Status s =
        rawCall(
            CoreWorkerGrpc.getSubmitMethod(),
            List.of(
                TaskBatch.newBuilder().setJobId("j").build().toByteArray(),
                new byte[] {(byte) 0xff})); // a tag of field 31, wire type 7: no such type
    assertThat(s.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(s.getDescription()).contains("manta.v1.CoreWorker/Submit");
    assertThat(streamEnded.get(10, TimeUnit.SECONDS))
        .as("the service's stream ends as for a caller that went away")
        .isNotNull();
    assertThat(severe).as("gRPC's SEVERE log lines").isEmpty();
  }

  @Test
  void requestTheHandlerRejects_refusedWithInvalidArgumentAndItsReason_noSevereLog()
      throws Exception {
    Status s =
        rawCall(
            HeadGrpc.getGetWorkerMethod(),
            List.of(
                dev.manta.cluster.proto.WorkerLookup.newBuilder()
                    .setPrefix(-3)
                    .build()
                    .toByteArray()));
    assertThat(s.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(s.getDescription())
        .contains("manta.v1.Head/GetWorker")
        .contains("prefix must be > 0, was -3");
    assertThat(severe).as("gRPC's SEVERE log lines").isEmpty();
  }

  @Test
  void validRequest_isUntouched() throws Exception {
    Status s =
        rawCall(
            HeadGrpc.getHelloMethod(), List.of(HelloRequest.getDefaultInstance().toByteArray()));
    assertThat(s.getCode()).isEqualTo(Status.Code.OK);
  }

  /** Sends {@code messages} as raw bytes to {@code method} and returns the call's status. */
  private Status rawCall(MethodDescriptor<?, ?> method, List<byte[]> messages) throws Exception {
    MethodDescriptor<byte[], byte[]> raw =
        MethodDescriptor.<byte[], byte[]>newBuilder(BYTES, BYTES)
            .setFullMethodName(method.getFullMethodName())
            .setType(method.getType())
            .build();
    CompletableFuture<Status> closed = new CompletableFuture<>();
    ClientCall<byte[], byte[]> call =
        channel.newCall(raw, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS));
    call.start(
        new ClientCall.Listener<>() {
          @Override
          public void onClose(Status status, Metadata trailers) {
            closed.complete(status);
          }
        },
        new Metadata());
    call.request(Integer.MAX_VALUE);
    for (byte[] m : messages) {
      call.sendMessage(m);
    }
    call.halfClose();
    return closed.get(20, TimeUnit.SECONDS);
  }

  static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      };
}
