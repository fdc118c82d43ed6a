package dev.manta.cluster.rpc;

import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.AbstractStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * gRPC plumbing shared by every Manta process: servers and channels that carry and check the
 * protocol version, deadlines, and errors that say what to do.
 *
 * <p>Every call carries the header {@code manta-protocol}; a server refuses a call whose version
 * differs from {@link #PROTOCOL_VERSION} with {@code FAILED_PRECONDITION}.
 */
public final class Rpc {
  /** The version of {@code manta.proto} this build speaks. */
  public static final int PROTOCOL_VERSION = 1;

  /** The deadline of ordinary calls. */
  public static final long DEADLINE_MS = Long.getLong("manta.rpc-deadline-ms", 10_000);

  /** Largest message: chunks and batches stay well below. */
  public static final int MAX_MESSAGE_BYTES = 128 << 20;

  private static final Metadata.Key<String> VERSION =
      Metadata.Key.of("manta-protocol", Metadata.ASCII_STRING_MARSHALLER);

  private Rpc() {}

  /** Starts a server on {@code bind:port} (port 0: any free port) for {@code services}. */
  public static Server serve(String bind, int port, List<BindableService> services) {
    return serve(bind, port, services, false);
  }

  /**
   * As above; {@code direct} runs handlers on the transport's threads, saving a thread hop per
   * call: only for services whose handlers never block.
   */
  public static Server serve(
      String bind, int port, List<BindableService> services, boolean direct) {
    NettyServerBuilder b =
        NettyServerBuilder.forAddress(new InetSocketAddress(bind, port))
            .maxInboundMessageSize(MAX_MESSAGE_BYTES)
            .permitKeepAliveWithoutCalls(true)
            .permitKeepAliveTime(10, TimeUnit.SECONDS);
    if (direct) {
      b.directExecutor();
    }
    for (BindableService s : services) {
      b.addService(ServerInterceptors.intercept(s, new VersionCheck()));
    }
    try {
      return b.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot listen on "
              + bind
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "); is another Manta head or program using that port? Pick another with --port",
          e);
    }
  }

  /** A plaintext channel to {@code host:port} that sends the protocol version. */
  public static ManagedChannel channel(String address) {
    return NettyChannelBuilder.forTarget(address)
        .usePlaintext()
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .intercept(new VersionHeader())
        .build();
  }

  /** {@code stub} with the ordinary deadline. */
  public static <S extends AbstractStub<S>> S deadline(S stub) {
    return stub.withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS);
  }

  /** {@code stub} with a deadline of {@code millis}. */
  public static <S extends AbstractStub<S>> S deadline(S stub, long millis) {
    return stub.withDeadlineAfter(millis, TimeUnit.MILLISECONDS);
  }

  /** Whether {@code e} means the peer is gone (not a refusal by a live peer). */
  public static boolean isUnreachable(Throwable e) {
    Status.Code c = Status.fromThrowable(e).getCode();
    return c == Status.Code.UNAVAILABLE || c == Status.Code.DEADLINE_EXCEEDED;
  }

  /** The message of {@code e}'s innermost cause (its string form if it has no message). */
  public static String rootMessage(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /**
   * A message for a failed call to {@code what} at {@code address}: unreachable, not Manta, wrong
   * version, or the server's own message.
   */
  public static String explain(StatusRuntimeException e, String what, String address) {
    Status s = e.getStatus();
    String detail = s.getDescription() == null ? "" : s.getDescription();
    return switch (s.getCode()) {
      case UNAVAILABLE ->
          "Nothing answers as "
              + what
              + " at "
              + address
              + " ("
              + detail
              + "); check the address, and start one with `manta start --head` if none runs";
      case DEADLINE_EXCEEDED ->
          what + " at " + address + " did not answer within the deadline; is it overloaded?";
      case UNIMPLEMENTED, INTERNAL, UNKNOWN ->
          address
              + " is not a Manta "
              + what
              + " (it answered "
              + s.getCode()
              + (detail.isEmpty() ? "" : ": " + detail)
              + "); check the port";
      default -> what + " at " + address + " refused the call: " + s.getCode() + " " + detail;
    };
  }

  /** Channels by address, created once and shared. */
  public static final class Channels implements AutoCloseable {
    private final ConcurrentHashMap<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    /** The channel to {@code address}. */
    public ManagedChannel get(String address) {
      return channels.computeIfAbsent(address, Rpc::channel);
    }

    /** Drops the channel to {@code address} (its peer is gone). */
    public void forget(String address) {
      ManagedChannel c = channels.remove(address);
      if (c != null) {
        c.shutdownNow();
      }
    }

    @Override
    public void close() {
      for (ManagedChannel c : channels.values()) {
        c.shutdownNow();
      }
      channels.clear();
    }
  }

  private static final class VersionHeader implements ClientInterceptor {
    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(
        MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<R> listener, Metadata headers) {
          headers.put(VERSION, Integer.toString(PROTOCOL_VERSION));
          super.start(listener, headers);
        }
      };
    }
  }

  private static final class VersionCheck implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      String v = headers.get(VERSION);
      if (!Integer.toString(PROTOCOL_VERSION).equals(v)) {
        call.close(
            Status.FAILED_PRECONDITION.withDescription(
                "Manta protocol version mismatch: this process speaks version "
                    + PROTOCOL_VERSION
                    + ", the caller "
                    + (v == null ? "sent none (not a Manta client?)" : "speaks " + v)
                    + "; run the same Manta version on every node and driver"),
            new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return next.startCall(call, headers);
    }
  }
}
