package dev.manta.cluster.worker;

import dev.manta.MantaConfig;
import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.proto.ClusterView;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.HelloRequest;
import dev.manta.cluster.proto.NewJobReply;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.rpc.ClusterToken;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.runtime.Cores;
import dev.manta.spi.MantaRuntime;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;

/** Joins a driver to a cluster: checks the head, finds this machine's agent, ships the code. */
public final class ClusterDriver {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ClusterDriver.class);

  private ClusterDriver() {}

  /**
   * A core worker for a driver of a new job on the cluster at {@code config.address()}. The
   * driver's cluster settings ({@link ClusterConfig}) are read now from its system properties and
   * environment; its token (the cluster token or the client token) is looked up now ({@link
   * ClusterToken#findForThisProcess}), so a token rotated with a restart of the cluster is found by
   * the next {@code Manta.init}. With it the driver asks the head for a new job ({@code NewJob});
   * the job's credential becomes the process's ({@link Rpc#useToken}) for everything after, so the
   * driver reaches its own job's state only.
   *
   * <p>Joining retries with backoff ({@link dev.manta.cluster.rpc.Backoff}): a head that answers
   * late (its machine is busy) is asked again, each time with a longer deadline (from {@code
   * manta.connect-timeout-ms}, 5 s), for up to {@link Rpc#headWaitMs()} in all; a head whose port
   * refuses connections (none runs there, or it is restarting) is asked again for up to {@code
   * manta.connect-timeout-ms}.
   *
   * @throws IllegalStateException if the head does not answer, or refuses the driver's token (or
   *     its lack of one): the message says where the token is found
   */
  public static MantaRuntime connect(MantaConfig config) {
    String address = config.address().orElseThrow();
    ClusterConfig cluster = ClusterConfig.fromSystemProperties();
    Rpc.useSettings(cluster);
    dev.manta.cluster.rpc.ClusterTls tls = Rpc.processTls();
    if (tls != null && !tls.hasCertificate()) {
      // Before joining: the driver's own server (which workers call back) could not start.
      throw new IllegalStateException(
          "This driver has the cluster's CA ("
              + ClusterConfig.TLS_CA
              + ") but no certificate of its own, and a driver of a TLS cluster listens too (its"
              + " workers call it back): set "
              + ClusterConfig.TLS_CERT
              + " and "
              + ClusterConfig.TLS_KEY
              + " (or MANTA_TLS_CERT and MANTA_TLS_KEY) to a certificate from the cluster's CA,"
              + " such as the node certificate of `manta tls init`");
    }
    dev.manta.runtime.serial.Serializer.warmUp(); // meanwhile too: the core worker needs Fory
    // The class path is hashed while the head is asked (on two cores the join's RPCs and class
    // loading leave a core to it); the result is needed only once the job exists.
    java.util.concurrent.FutureTask<CodeShipper> shipping =
        new java.util.concurrent.FutureTask<>(
            () -> new CodeShipper(System.getProperty("java.class.path")));
    Thread.ofPlatform().daemon().name("manta-code-hash").start(shipping);
    long connectMs = cluster.connectTimeout().toMillis();
    ClusterToken token = ClusterToken.findForThisProcess(cluster).orElse(null);
    ManagedChannel ch = Rpc.channel(address, token);
    Joined joined;
    try {
      joined =
          dev.manta.cluster.rpc.Backoff.untilReachable(
              "Joining the head at " + address,
              connectMs,
              Math.max(Rpc.headWaitMs(), connectMs),
              connectMs,
              ms -> {
                HeadGrpc.HeadBlockingStub head = Rpc.deadline(HeadGrpc.newBlockingStub(ch), ms);
                head.hello(HelloRequest.getDefaultInstance());
                ClusterView v = head.getClusterView(Empty.getDefaultInstance());
                return new Joined(v, head.newJob(Empty.getDefaultInstance()));
              });
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
        throw joinFailed(tokenRefused(address, token), e, cluster.verbose());
      }
      throw joinFailed(
          "Cannot join the Manta cluster at " + address + ": " + Rpc.explain(e, "head", address),
          e,
          cluster.verbose());
    } finally {
      ch.shutdownNow();
    }
    ClusterView view = joined.view();
    String jobId = joined.job().getJobId();
    // From here on this process presents its job's credential, never the token it joined with:
    // the head, the agents and the job's other processes then let it reach this job alone.
    Rpc.useToken(
        joined.job().getCredential().isEmpty()
            ? null
            : ClusterToken.jobCredential(
                joined.job().getCredential(),
                joined.job().getNodeDigest(),
                joined.job().getAdminDigest(),
                "the head (job " + jobId + ")"));
    java.util.List<NodeInfo> nodes = view.getNodesList();
    if (cluster.driverAgent() != null) { // chosen, rather than the first on this machine
      nodes =
          nodes.stream().filter(n -> n.getAgentAddress().equals(cluster.driverAgent())).toList();
      if (nodes.isEmpty() || !nodes.get(0).getAlive()) {
        throw new IllegalStateException(
            "No live node of the cluster at "
                + address
                + " has its agent at "
                + cluster.driverAgent()
                + " ("
                + ClusterConfig.DRIVER_AGENT
                + "); see `manta status --address "
                + address
                + "` for the agents, or unset it to use the first on this machine");
      }
    }
    NodeInfo local = chooseLocal(nodes, agent -> probe(agent, connectMs), address);
    CodeShipper code = shipped(shipping);
    ClusterPortsImpl ports =
        new ClusterPortsImpl(
            address,
            jobId,
            config.namespace(),
            local.getAgentAddress(),
            host(local.getAgentAddress()),
            true,
            code,
            cluster.directLinks(),
            cluster,
            cluster.sharedActors());
    return Cores.start(config, ports);
  }

  private static CodeShipper shipped(java.util.concurrent.FutureTask<CodeShipper> shipping) {
    try {
      return shipping.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while hashing the class path to ship it", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("Cannot hash the class path to ship it", e.getCause());
    }
  }

  /**
   * What joining brought: the cluster as the head showed it, and the new job's id and credential.
   */
  private record Joined(ClusterView view, NewJobReply job) {}

  /**
   * A driver that cannot join fails with {@code message} alone, which says what went wrong and what
   * to do: the gRPC exception under it (a long stack trace that tells a user nothing more) goes to
   * the log at DEBUG, and becomes the cause only with {@code manta.verbose} ({@link
   * ClusterConfig#verbose()}).
   */
  static IllegalStateException joinFailed(
      String message, StatusRuntimeException cause, boolean verbose) {
    if (verbose) {
      return new IllegalStateException(message, cause);
    }
    LOG.debug("{}", message, cause);
    return new IllegalStateException(message);
  }

  /** Why the head at {@code address} refused a driver holding {@code token} (null: none). */
  static String tokenRefused(String address, ClusterToken token) {
    String fix =
        " The head's machine has it in <session dir>/"
            + ClusterToken.FILE_NAME
            + " (`manta start --head` prints the session directory; the newest is "
            + ClusterToken.defaultDriverFile(System.getenv())
            + "): set "
            + ClusterToken.TOKEN_FILE_ENV
            + " to that file or a copy of it (mode 0600), or "
            + ClusterToken.TOKEN_ENV
            + " to its contents, or pass -D"
            + ClusterToken.TOKEN_FILE_PROPERTY
            + "=FILE.";
    if (token == null) {
      return "The Manta cluster at "
          + address
          + " requires its cluster token, and this driver has none (looked in "
          + ClusterToken.searchedPlaces(
              System.getenv(), List.of(ClusterToken.defaultDriverFile(System.getenv())))
          + ")."
          + fix;
    }
    return "The Manta cluster at "
        + address
        + " refused this driver's cluster token (from "
        + token.source()
        + "): it is another cluster's, or an old one."
        + fix;
  }

  /**
   * The first live node on this machine whose agent answers {@code probe} (null when it does,
   * otherwise what went wrong). A node registered and heartbeating may still not serve: a crashed
   * agent not yet declared dead, or a process that only registered.
   *
   * @throws IllegalStateException naming every local node tried and its error, when none answers
   */
  static NodeInfo chooseLocal(
      java.util.List<NodeInfo> nodes,
      java.util.function.Function<String, String> probe,
      String address) {
    java.util.List<String> refused = new java.util.ArrayList<>();
    for (NodeInfo n : nodes) {
      if (n.getAlive() && isLocal(host(n.getAgentAddress()))) {
        String problem = probe.apply(n.getAgentAddress());
        if (problem == null) {
          return n;
        }
        refused.add("node " + n.getNodeId() + " at " + n.getAgentAddress() + ": " + problem);
      }
    }
    if (refused.isEmpty()) {
      throw new IllegalStateException(
          "No live Manta node agent runs on this machine, and a driver needs one for its objects;"
              + " start one here with `manta start --address "
              + address
              + "`");
    }
    throw new IllegalStateException(
        "No node agent on this machine answers, and a driver needs one for its objects: "
            + String.join("; ", refused)
            + "; check `manta status --address "
            + address
            + "` and the node's log, or start one here with `manta start --address "
            + address
            + "`");
  }

  /** Null when the agent at {@code agentAddress} answers within {@code timeoutMs}, else why not. */
  static String probe(String agentAddress, long timeoutMs) {
    ManagedChannel ch = Rpc.channel(agentAddress);
    try {
      NodeAgentGrpc.newBlockingStub(ch)
          .withDeadlineAfter(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS)
          .storeInfo(Empty.getDefaultInstance());
      return null;
    } catch (StatusRuntimeException e) {
      return Rpc.explain(e, "node agent", agentAddress);
    } finally {
      ch.shutdownNow();
    }
  }

  static String host(String hostPort) {
    int i = hostPort.lastIndexOf(':');
    return i < 0 ? hostPort : hostPort.substring(0, i);
  }

  private static boolean isLocal(String host) {
    try {
      InetAddress a = InetAddress.getByName(host);
      return a.isLoopbackAddress()
          || a.isAnyLocalAddress()
          || NetworkInterface.getByInetAddress(a) != null;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
