package dev.manta.cluster.rpc;

import dev.manta.cluster.config.ClusterConfig;
import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Context;
import io.grpc.Contexts;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * gRPC plumbing shared by every Manta process: servers and channels that carry and check the
 * protocol version and the cluster token, deadlines, limits, and errors that say what to do.
 *
 * <p>Every call carries the header {@code manta-protocol}; a server refuses a call whose version
 * differs from {@link #PROTOCOL_VERSION} with {@code FAILED_PRECONDITION}. Every call also carries
 * the cluster token (header {@code manta-token}, see {@link ClusterToken}); a server with a token
 * refuses a call without it, or with another, with {@code UNAUTHENTICATED} before any handler runs.
 * "It" is any credential the server's token recognises ({@link ClusterToken#resolve}): the cluster
 * token, the admin and client tokens derived from it, or a job's credential; the check puts the
 * caller's {@link Principal} into the call's context for the handlers to authorize by job, and
 * refuses a principal that the method is not for with {@code PERMISSION_DENIED}. A process of a job
 * (driver, worker) presents its job's credential ({@link #useToken}) and serves its own job only.
 *
 * <p>The process's token: servers and channels made without one explicitly use {@link
 * #processToken()}, which {@code NodeMain}, {@code WorkerMain} and {@code ClusterDriver} set at
 * startup ({@link #useToken}); until then it is looked up in the environment ({@link
 * ClusterToken#findForThisProcess}). A server captures its token when it starts, a channel when it
 * is made. A server without a token (a cluster started with {@code --insecure-no-token}) takes
 * every call, and so may listen on a loopback address only.
 *
 * <p>TLS: a process whose settings name the cluster's CA ({@code manta.tls-ca}, see {@link
 * ClusterTls}) serves and dials TLS only, installed with the settings ({@link #useSettings}); until
 * then (a test, a tool) it is read from the system properties and environment at each server or
 * channel. A server on an address other than loopback needs both TLS and a token ({@link
 * #checkBind}).
 */
public final class Rpc {
  private static final Logger LOG = LoggerFactory.getLogger(Rpc.class);

  /** The version of {@code manta.proto} and of the direct links this build speaks. */
  public static final int PROTOCOL_VERSION = 2;

  /**
   * The transport settings of this process ({@link ClusterConfig#rpcDeadline()}, {@link
   * ClusterConfig#maxMessageBytes()}, {@link ClusterConfig#headWait()}): the defaults until {@link
   * #useSettings} installs the ones the process read at startup.
   */
  private static volatile ClusterConfig settings = ClusterConfig.defaults();

  private static final Metadata.Key<String> VERSION =
      Metadata.Key.of("manta-protocol", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> TOKEN =
      Metadata.Key.of("manta-token", Metadata.ASCII_STRING_MARSHALLER);

  /** What {@link #useToken} set; null until then. */
  private static volatile Installed installed;

  private record Installed(ClusterToken token) {}

  /** What {@link #useSettings} read: the process's TLS (its value null: none); null until then. */
  private static volatile InstalledTls installedTls;

  private record InstalledTls(ClusterTls tls) {}

  private Rpc() {}

  /**
   * Makes {@code token} this process's token (null: none, for a cluster without tokens) for the
   * servers and channels made from now on. Called once at startup by each Manta process.
   */
  public static void useToken(ClusterToken token) {
    installed = new Installed(token);
  }

  /**
   * Forgets what {@link #useToken} set, so that {@link #processToken()} looks in the environment
   * again: a driver's job credential is its job's only, and goes with the job ({@code
   * Manta.shutdown}).
   */
  public static void forgetToken() {
    installed = null;
  }

  /**
   * Makes {@code config}'s RPC deadline and message bound this process's, for the servers, channels
   * and stubs made from now on. Called once at startup by each Manta process, before its first
   * server or channel.
   */
  public static void useSettings(ClusterConfig config) {
    java.util.Objects.requireNonNull(config, "config");
    ClusterTls tls = ClusterTls.from(config).orElse(null); // fails here if a file is broken
    settings = config;
    installedTls = new InstalledTls(tls);
  }

  /**
   * This process's TLS: the one {@link #useSettings} read, else (a process that did not start as a
   * Manta process) the one its system properties and environment name; null for none.
   *
   * @throws IllegalStateException if the settings name TLS files that cannot be used
   */
  public static ClusterTls processTls() {
    InstalledTls i = installedTls;
    return i != null ? i.tls() : ClusterTls.from(ClusterConfig.fromSystemProperties()).orElse(null);
  }

  /**
   * How long a call that needs the head waits for it, in ms ({@code manta.head-wait-ms}, default 30
   * s): while the head restarts, such calls wait for its port to answer again (gRPC's
   * wait-for-ready, reconnecting with backoff) and a call cut off by the head's death is sent again
   * ({@link Backoff#onHead}), up to this deadline; then they fail as unreachable. Joining a cluster
   * retries for as long ({@link Backoff}).
   */
  public static long headWaitMs() {
    return settings.headWait().toMillis();
  }

  /**
   * How long an actor's owner keeps trying to restart it, and calls to it wait, in ms ({@code
   * manta.actor-restart-wait-ms}, default 60 s; {@link ClusterConfig#actorRestartWait()}).
   */
  public static long actorRestartWaitMs() {
    return settings.actorRestartWait().toMillis();
  }

  /** The deadline of ordinary calls, in ms ({@code manta.rpc-deadline-ms}, default 10 s). */
  public static long deadlineMs() {
    return settings.rpcDeadline().toMillis();
  }

  /**
   * Largest message a process accepts, on gRPC and on direct links ({@code
   * manta.max-message-bytes}, default 128 MiB): chunks and batches stay well below.
   */
  public static int maxMessageBytes() {
    return settings.maxMessageBytes();
  }

  /**
   * This process's token: the one {@link #useToken} set, else (in a process that did not start as a
   * Manta process: a test, a tool) the one found in its environment and system properties ({@link
   * ClusterToken#findForThisProcess}), else null.
   *
   * @throws IllegalStateException if the environment names a token that cannot be used
   */
  public static ClusterToken processToken() {
    Installed i = installed;
    return i != null
        ? i.token()
        : ClusterToken.findForThisProcess(ClusterConfig.fromSystemProperties()).orElse(null);
  }

  /** Starts a server on {@code bind:port} (port 0: any free port) for {@code services}. */
  public static Server serve(String bind, int port, List<BindableService> services) {
    return serve(bind, port, services, false);
  }

  /**
   * As above; {@code direct} runs handlers on the transport's threads, saving a thread hop per
   * call: only for services whose handlers never block. Requires {@link #processToken()}.
   */
  public static Server serve(
      String bind, int port, List<BindableService> services, boolean direct) {
    return serve(bind, port, services, direct, processToken());
  }

  /**
   * As above, requiring {@code token} on every call (null: no token, allowed on a loopback address
   * only), with {@link #processTls()}.
   *
   * @throws IllegalStateException if {@code bind} is not loopback and the token or TLS is missing
   */
  public static Server serve(
      String bind, int port, List<BindableService> services, boolean direct, ClusterToken token) {
    return serve(bind, port, services, direct, token, processTls());
  }

  /**
   * As above, speaking TLS with {@code tls} (null: plaintext, allowed on a loopback address only).
   *
   * @throws IllegalStateException if {@code bind} is not loopback and the token or TLS is missing,
   *     or {@code tls} has no certificate of this process's own
   */
  public static Server serve(
      String bind,
      int port,
      List<BindableService> services,
      boolean direct,
      ClusterToken token,
      ClusterTls tls) {
    checkBind(bind, token, tls, "gRPC server");
    InetSocketAddress at = new InetSocketAddress(bind, port);
    NettyServerBuilder b =
        (tls == null
                ? NettyServerBuilder.forAddress(at)
                : NettyServerBuilder.forAddress(at, tls.serverCredentials("gRPC server")))
            .permitKeepAliveWithoutCalls(true)
            .permitKeepAliveTime(10, TimeUnit.SECONDS)
            // A head restarted on its port at once binds it although old connections linger.
            .withOption(io.grpc.netty.shaded.io.netty.channel.ChannelOption.SO_REUSEADDR, true);
    ServerLimits.apply(b, settings);
    if (direct) {
      b.directExecutor();
    }
    for (BindableService s : services) {
      // The last interceptor given runs first: the version, then the token, then the handler.
      // A request that does not parse is refused cleanly (MalformedRequests), after both checks.
      b.addService(
          ServerInterceptors.intercept(
              MalformedRequests.refuseCleanly(s.bindService()),
              new TokenCheck(token),
              new VersionCheck()));
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

  /**
   * A channel to {@code host:port} that sends the protocol version and {@link #processToken()},
   * over {@link #processTls()} (plaintext if none).
   */
  public static ManagedChannel channel(String address) {
    return channel(address, processToken());
  }

  /**
   * A channel to {@code host:port} that sends the protocol version and {@code token}, over {@link
   * #processTls()}.
   */
  public static ManagedChannel channel(String address, ClusterToken token) {
    return channel(address, token, processTls());
  }

  /**
   * A channel to {@code host:port} that sends the protocol version and {@code token}, over {@code
   * tls} (null: plaintext): the server must show a certificate from its CA naming {@code host}.
   */
  public static ManagedChannel channel(String address, ClusterToken token, ClusterTls tls) {
    NettyChannelBuilder b =
        tls == null
            ? NettyChannelBuilder.forTarget(address).usePlaintext()
            : NettyChannelBuilder.forTarget(address, tls.channelCredentials());
    return b.maxInboundMessageSize(maxMessageBytes())
        .maxInboundMetadataSize(settings.maxMetadataBytes())
        .intercept(new Headers(token))
        .build();
  }

  /**
   * Refuses to serve on a non-loopback {@code bind} without a token and TLS ({@link
   * #processTls()}): anyone who reaches the port could then run code as this user, or read and
   * change what the cluster sends.
   *
   * @throws IllegalStateException naming the address and how to turn on what is missing
   */
  public static void checkBind(String bind, ClusterToken token, String what) {
    checkBind(bind, token, processTls(), what);
  }

  /** As above, with {@code tls} (null: none). */
  public static void checkBind(String bind, ClusterToken token, ClusterTls tls, String what) {
    if (token != null && tls != null) {
      return;
    }
    boolean loopback;
    try {
      loopback = java.net.InetAddress.getByName(bind).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      loopback = false;
    }
    if (!loopback) {
      String missing =
          token == null && tls == null
              ? "a cluster token and TLS"
              : token == null ? "a cluster token" : "TLS";
      StringBuilder how = new StringBuilder();
      if (token == null) {
        how.append(
            " Drop --insecure-no-token (then `manta start --head` makes a token, and other"
                + " processes find it as docs/cluster.md#security says).");
      }
      if (tls == null) {
        how.append(
            " Turn TLS on: `manta tls init DIR --host <this host>` makes a CA and a node"
                + " certificate; start every node with --tls-cert DIR/node.crt --tls-key"
                + " DIR/node.key --tls-ca DIR/ca.crt (or set "
                + ClusterConfig.TLS_CERT
                + ", "
                + ClusterConfig.TLS_KEY
                + " and "
                + ClusterConfig.TLS_CA
                + ", MANTA_TLS_CERT, MANTA_TLS_KEY, MANTA_TLS_CA), and drivers with the same"
                + " settings.");
      }
      throw new IllegalStateException(
          "Refusing to start a "
              + what
              + " on "
              + bind
              + " without "
              + missing
              + ": anyone who can reach that address could run code as this user"
              + (tls == null ? " or read what the cluster sends" : "")
              + "."
              + how
              + " Or bind 127.0.0.1.");
    }
  }

  /**
   * {@code stub} for a call that needs the head: it waits for the head while it is unreachable
   * (wait-for-ready), for at most {@link #headWaitMs()}. A call cut off by the head's death fails
   * all the same; {@link Backoff#onHead} sends it again.
   */
  public static <S extends AbstractStub<S>> S headDeadline(S stub) {
    return headDeadline(stub, headWaitMs());
  }

  /** {@code stub} waiting for the head for at most {@code millis} (see above). */
  public static <S extends AbstractStub<S>> S headDeadline(S stub, long millis) {
    return stub.withWaitForReady().withDeadlineAfter(millis, TimeUnit.MILLISECONDS);
  }

  /** {@code stub} with the ordinary deadline. */
  public static <S extends AbstractStub<S>> S deadline(S stub) {
    return stub.withDeadlineAfter(deadlineMs(), TimeUnit.MILLISECONDS);
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
    javax.net.ssl.SSLException tlsFailure = tlsCause(e);
    if (tlsFailure != null) {
      return "The TLS handshake with "
          + what
          + " at "
          + address
          + " failed ("
          + rootMessage(tlsFailure)
          + "): both sides need certificates from the cluster's CA ("
          + ClusterConfig.TLS_CA
          + "), the server's naming the host dialled; a process without "
          + ClusterConfig.TLS_CA
          + " speaks plaintext, which a TLS cluster refuses";
    }
    return switch (s.getCode()) {
      case UNAVAILABLE ->
          "Nothing answers as "
              + what
              + " at "
              + address
              + " ("
              + detail
              + "); check the address, and start one with `manta start --head` if none runs"
              + (hasTls()
                  ? ""
                  : ". A TLS cluster closes plaintext connections so: if it uses TLS, give this"
                      + " process its CA ("
                      + ClusterConfig.TLS_CA
                      + " or MANTA_TLS_CA)");
      case UNAUTHENTICATED ->
          what + " at " + address + " refused this process's cluster token (" + detail + ")";
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

  /** Whether this process has TLS settings, for messages (settings it cannot use: false). */
  private static boolean hasTls() {
    try {
      return processTls() != null;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** The TLS failure in {@code e}'s causes, or null. */
  static javax.net.ssl.SSLException tlsCause(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof javax.net.ssl.SSLException ssl) {
        return ssl;
      }
    }
    return null;
  }

  /** Channels by address, created once and shared, all sending one token. */
  public static final class Channels implements AutoCloseable {
    private final ConcurrentHashMap<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private final ClusterToken token;
    private final ClusterTls tls;

    /** Channels sending {@link #processToken()} as it is now, over {@link #processTls()}. */
    public Channels() {
      this(processToken());
    }

    /** Channels sending {@code token} (null: none), over {@link #processTls()}. */
    public Channels(ClusterToken token) {
      this.token = token;
      this.tls = processTls();
    }

    /** The channel to {@code address}. */
    public ManagedChannel get(String address) {
      return channels.computeIfAbsent(address, a -> channel(a, token, tls));
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

  /** Puts the version and the token (if any) on every call. */
  private static final class Headers implements ClientInterceptor {
    private final String token; // null: none

    Headers(ClusterToken token) {
      this.token = token == null ? null : token.header();
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(
        MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<R> listener, Metadata headers) {
          headers.put(VERSION, Integer.toString(PROTOCOL_VERSION));
          if (token != null) {
            headers.put(TOKEN, token);
          }
          super.start(listener, headers);
        }
      };
    }
  }

  /** The message of a call refused for its token: what was wrong, and how to fix it. */
  static String refusal(boolean sentNone, String what) {
    return "This Manta cluster requires its cluster token on every "
        + what
        + ", and the caller sent "
        + (sentNone ? "none" : "another one")
        + ". Give the calling process the token of the head's session: set "
        + ClusterToken.TOKEN_FILE_ENV
        + " to a copy of <session dir>/"
        + ClusterToken.FILE_NAME
        + " (mode 0600; `manta start --head` prints its path), or "
        + ClusterToken.TOKEN_ENV
        + " to its contents";
  }

  /**
   * The refusal of a caller presenting job {@code claimed}'s credential to a process of another job
   * ({@code mine}, a job credential): a job's processes take calls and links of their own job only.
   */
  static String otherJob(ClusterToken mine, String claimed, String what) {
    return "Permission denied: this process serves job "
        + mine.jobId()
        + " only, and the "
        + what
        + " presented job "
        + claimed
        + "'s credential; a job's processes serve their own job (and the cluster's nodes and the"
        + " admin token) alone";
  }

  /**
   * Refuses a call without the token, or with another, before its handler runs; resolves who the
   * caller is ({@link ClusterToken#resolve}) into the call's {@link Context} for the handlers
   * ({@link Principal#current()}), and refuses a principal the method is not for ({@link
   * Principal#refusal}) with {@code PERMISSION_DENIED}; the refusal is logged at DEBUG only (a
   * caller must not be able to fill the log), and never with what was sent.
   */
  private static final class TokenCheck implements ServerInterceptor {
    private final ClusterToken token; // null: every call passes

    TokenCheck(ClusterToken token) {
      this.token = token;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      if (token == null) {
        return next.startCall(call, headers);
      }
      String sent = headers.get(TOKEN);
      byte[] sentBytes = sent == null ? null : sent.getBytes(StandardCharsets.US_ASCII);
      Principal p = sentBytes == null ? null : token.resolve(sentBytes);
      String method = call.getMethodDescriptor().getFullMethodName();
      if (p == null) {
        String claimed = sentBytes == null ? null : ClusterToken.claimedJob(sentBytes);
        LOG.debug(
            "Refused {} from {}: {} cluster token",
            method,
            call.getAttributes().get(io.grpc.Grpc.TRANSPORT_ATTR_REMOTE_ADDR),
            sent == null ? "no" : claimed != null ? "another job's" : "a wrong");
        call.close(
            claimed != null && token.kind() == Principal.Kind.JOB
                ? Status.PERMISSION_DENIED.withDescription(otherJob(token, claimed, "call"))
                : Status.UNAUTHENTICATED.withDescription(refusal(sent == null, "call")),
            new Metadata());
        return new ServerCall.Listener<>() {};
      }
      String refused = p.refusal(method);
      if (refused != null) {
        LOG.debug("Refused {}: {}", method, refused);
        call.close(Status.PERMISSION_DENIED.withDescription(refused), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return Contexts.interceptCall(
          Context.current().withValue(Principal.KEY, p), call, headers, next);
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
