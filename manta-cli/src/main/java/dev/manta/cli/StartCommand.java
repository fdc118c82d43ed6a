package dev.manta.cli;

import dev.manta.cluster.NodeMain;
import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.rpc.ClusterTls;
import dev.manta.cluster.rpc.ClusterToken;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code manta start}: runs a head or a further node as a background JVM. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Start a Manta node in the background: the head (--head) or a node joining a head"
          + " (--address). Prints the session directory and the node's log file."
    })
final class StartCommand implements Callable<Integer> {
  static final int DEFAULT_HEAD_PORT = 6380;

  @ParentCommand MantaCli parent;
  @Spec CommandSpec spec;
  @Mixin SessionRootOption sessionRoot;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Role role;

  /** Exactly one of {@code --head} and {@code --address}. */
  static final class Role {
    @Option(names = "--head", required = true, description = "Start the head of a new cluster.")
    boolean head;

    @Option(
        names = "--address",
        required = true,
        paramLabel = "HOST:PORT",
        description = "Join the cluster whose head listens at HOST:PORT.")
    String address;
  }

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Head only: the port the head listens on; 0 picks a free one (default: 6380).")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "The address this node's servers listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--num-cpus",
      paramLabel = "N",
      description = "CPUs this node offers to tasks (default: the available processors).")
  Integer numCpus;

  @Option(
      names = "--resources",
      paramLabel = "JSON",
      converter = ResourcesConverter.class,
      description = "Custom resources as a JSON object of name to amount, e.g. '{\"GPU\":1}'.")
  CustomResources resources;

  @Option(
      names = "--labels",
      paramLabel = "K=V,...",
      description =
          "This node's labels, key=value pairs separated by commas (e.g. zone=eu-1,disk=ssd):"
              + " Manta.nodes() and the Ray API's node info report them.")
  String labels;

  @Option(
      names = "--object-store-memory",
      paramLabel = "SIZE",
      converter = SizeConverter.class,
      description =
          "Object store capacity: bytes, or with a suffix k, m, g, t (e.g. 512m, 2g)."
              + " Default: the node chooses.")
  Long objectStoreBytes;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "The cluster token (mode 0600). Head: use this token instead of making one. Node: the"
              + " head's token (default: $MANTA_TOKEN, $MANTA_TOKEN_FILE, else the session's).")
  Path tokenFile;

  @Option(
      names = "--storage",
      paramLabel = "DIR|redis://HOST:PORT",
      description =
          "Head only: keep the head's tables (nodes, jobs, actors, names, key-value store) in DIR"
              + " or in the Redis at redis://HOST:PORT[/PREFIX], so a head restarted on it resumes"
              + " the cluster. Default: in memory, lost when the head stops.")
  String storage;

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description =
          "This node's TLS certificate (PEM), from the cluster's CA; with --tls-key and --tls-ca."
              + " Its workers use it too. `manta tls init DIR` makes one for a test cluster."
              + " Default: $MANTA_TLS_CERT.")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description =
          "The private key of --tls-cert (PEM PKCS#8, mode 0600). Default: $MANTA_TLS_KEY.")
  Path tlsKey;

  @Option(
      names = "--tls-ca",
      paramLabel = "FILE",
      description =
          "The cluster's CA certificate (PEM): every connection is then TLS, and peers must show a"
              + " certificate from this CA. Default: $MANTA_TLS_CA. Needed, with a token, to"
              + " bind an address other than loopback.")
  Path tlsCa;

  @Option(
      names = "--tls-require-client-cert",
      description =
          "Refuse clients without a certificate from the CA, drivers and `manta status` too"
              + " (default: such a client still needs the cluster token).")
  boolean tlsRequireClientCert;

  @Option(
      names = "--insecure-no-token",
      description =
          "Run without a cluster token: any local process may then use the cluster. Loopback"
              + " addresses only; for experiments and benchmarks.")
  boolean noToken;

  @Override
  public Integer call() {
    var node = nodeSpec();
    String tls = tlsLine(); // reads the TLS files: a broken one fails before anything is made
    Sessions sessions = sessionRoot.sessions(parent.env());
    long cliPid = ProcessHandle.current().pid();
    LocalDateTime now = LocalDateTime.now(ZoneId.systemDefault());
    Path session =
        node.head()
            ? sessions.createForHead(now, cliPid)
            : sessions.selectForNode(node.headAddress(), now, cliPid);
    String name = node.head() ? "head" : "node-" + cliPid;
    Path logs = session.resolve("logs");
    Path log = logs.resolve(name + ".log");
    Path ready = session.resolve(name + ".ready");
    PrintWriter out = spec.commandLine().getOut();
    out.println("Session directory: " + session);
    out.println("Log file: " + log);
    Path token = token(node.head(), session);
    if (token != null) {
      out.println(
          "Cluster token: "
              + token
              + " (owner-only; nodes on other machines need a copy: --token-file or"
              + " MANTA_TOKEN_FILE)");
      if (node.head()) {
        out.println(
            "Client token: "
                + session.resolve(ClusterToken.CLIENT_FILE_NAME)
                + " (for drivers: a job started with it reaches its own job only); admin token: "
                + session.resolve(ClusterToken.ADMIN_FILE_NAME)
                + " (the CLI's)");
      }
    } else if (!noToken) {
      out.println("Cluster token: from $MANTA_TOKEN or $MANTA_TOKEN_FILE");
    } else {
      out.println("Cluster token: none (--insecure-no-token): any local process may use the node");
    }
    out.println(tls);
    out.flush();

    List<String> command =
        new ArrayList<>(
            NodeLauncher.command(
                NodeLauncher.currentJava(),
                System.getProperty("java.class.path"),
                Runtime.version().feature(),
                node,
                session,
                ready));
    if (storage != null) {
      command.addAll(
          List.of(
              "--storage",
              storage.startsWith("redis://")
                  ? storage
                  : Path.of(storage).toAbsolutePath().toString()));
    }
    int main = command.indexOf(NodeProcesses.NODE_MAIN);
    command.addAll(main, tlsProperties());
    if (noToken) {
      command.add("--insecure-no-token");
    } else if (token != null) {
      command.addAll(List.of("--token-file", token.toString()));
    }
    Process process = NodeLauncher.start(command, session, log);
    String what = node.head() ? "head node" : "node";
    NodeLauncher.Ready up =
        NodeLauncher.awaitReady(
            process,
            ready,
            log,
            NodeLauncher.READY_TIMEOUT,
            what,
            NodeLauncher.PROGRESS_AFTER,
            line -> {
              PrintWriter err = spec.commandLine().getErr();
              err.println(line);
              err.flush();
            });
    // Only now does the new session become current: a node that failed to start leaves
    // session_latest (and so manta status and manta stop) on the cluster that runs.
    sessions.makeLatest(session);
    if (node.head()) {
      Sessions.recordHead(session, up.head(), process.pid());
      out.printf(
          "Started head node %s at %s (agent %s). Connect with Manta.init(\"manta://%s\") or"
              + " MANTA_ADDRESS=%s. Add nodes with: manta start --address %s. Logs: %s%n",
          up.node(), up.head(), up.agent(), up.head(), up.head(), up.head(), logs);
      if (!up.dashboard().isEmpty()) {
        out.println(dashboardLine(up.dashboard(), session.resolve(NodeMain.DASHBOARD_URL_FILE)));
      }
    } else {
      if (!Sessions.hasHeadAddress(session)) Sessions.recordHead(session, up.head(), -1);
      out.printf(
          "Started node %s (agent %s), joined the head at %s. Logs: %s%n",
          up.node(), up.agent(), up.head(), logs);
    }
    out.flush();
    return 0;
  }

  /**
   * The line naming the head's dashboard: its address with the key from {@code urlFile} (written by
   * the head, owner-only) when it has one, else {@code address}.
   */
  static String dashboardLine(String address, Path urlFile) {
    String url = address;
    try {
      url = Files.readString(urlFile).strip();
    } catch (java.io.IOException e) {
      // the head wrote none: print the address alone
    }
    return "Dashboard: "
        + url
        + (url.contains("key=")
            ? " (holds its key: keep it to yourself; also in " + urlFile + ")"
            : "");
  }

  /**
   * The token file to give the node, or null when it has none ({@code --insecure-no-token}) or
   * takes it from {@code $MANTA_TOKEN} / {@code $MANTA_TOKEN_FILE} (which it inherits). A head with
   * none of these gets a new token in its session directory.
   *
   * @throws CliFailure for a node that finds no token, saying where to get it
   */
  private Path token(boolean head, Path session) {
    try {
      return findToken(head, session);
    } catch (IllegalStateException e) {
      throw new CliFailure(e.getMessage(), e);
    }
  }

  /**
   * Writes the admin token (the CLI's: sees and acts on every job) and the client token (for
   * drivers that should reach only their own job) beside the cluster token, owner-only; see
   * docs/cluster.md#security, "Authorization by job".
   */
  private static void writeDerived(ClusterToken cluster, Path session) {
    cluster.admin().writeTo(session.resolve(ClusterToken.ADMIN_FILE_NAME));
    cluster.client().writeTo(session.resolve(ClusterToken.CLIENT_FILE_NAME));
  }

  private Path findToken(boolean head, Path session) {
    if (noToken) return null;
    if (tokenFile != null) {
      // Read now: fails with the reason, rather than in the node's log.
      ClusterToken t = ClusterToken.read(tokenFile);
      if (head) writeDerived(t, session);
      return tokenFile;
    }
    Map<String, String> env = parent.env();
    if (present(env.get(ClusterToken.TOKEN_ENV)) || present(env.get(ClusterToken.TOKEN_FILE_ENV))) {
      // fails now if broken
      ClusterToken t = ClusterToken.find(env, new java.util.Properties(), List.of()).orElseThrow();
      if (head) writeDerived(t, session);
      return null;
    }
    Path own = session.resolve(ClusterToken.FILE_NAME);
    if (head) {
      writeDerived(ClusterToken.generate(own), session);
      return own;
    }
    if (Files.exists(own)) return own;
    throw new CliFailure(
        "Joining the head at "
            + role.address
            + " needs the cluster's token, and none was found ($"
            + ClusterToken.TOKEN_ENV
            + ", $"
            + ClusterToken.TOKEN_FILE_ENV
            + ", "
            + own
            + "). Copy <the head's session dir>/token to this machine (chmod 600) and pass"
            + " --token-file FILE, or set "
            + ClusterToken.TOKEN_FILE_ENV);
  }

  /**
   * The node JVM's TLS settings from the flags, as system properties (its workers get them from
   * it); none without flags (the node then reads {@code $MANTA_TLS_*}, which it inherits).
   */
  private List<String> tlsProperties() {
    List<String> p = new ArrayList<>();
    if (tlsCa != null) {
      p.add("-D" + ClusterConfig.TLS_CERT + "=" + tlsCert.toAbsolutePath());
      p.add("-D" + ClusterConfig.TLS_KEY + "=" + tlsKey.toAbsolutePath());
      p.add("-D" + ClusterConfig.TLS_CA + "=" + tlsCa.toAbsolutePath());
    }
    if (tlsRequireClientCert) {
      p.add("-D" + ClusterConfig.TLS_REQUIRE_CLIENT_CERT + "=true");
    }
    return p;
  }

  /** What the node's TLS is, for the user; reads the files now, so a broken one fails here. */
  private String tlsLine() {
    Path cert = tlsCert;
    Path key = tlsKey;
    Path ca = tlsCa;
    String from = "--tls-cert/--tls-key/--tls-ca";
    if (ca == null) {
      Map<String, String> env = parent.env();
      if (!present(env.get("MANTA_TLS_CA"))) {
        return "TLS: off (every listener must then be on loopback; `manta tls init DIR` and"
            + " --tls-cert/--tls-key/--tls-ca turn it on)";
      }
      cert = present(env.get("MANTA_TLS_CERT")) ? Path.of(env.get("MANTA_TLS_CERT")) : null;
      key = present(env.get("MANTA_TLS_KEY")) ? Path.of(env.get("MANTA_TLS_KEY")) : null;
      ca = Path.of(env.get("MANTA_TLS_CA"));
      from = "$MANTA_TLS_CERT/$MANTA_TLS_KEY/$MANTA_TLS_CA";
    }
    if (cert == null) {
      throw new CliFailure(
          "A node of a TLS cluster needs its own certificate and key besides the CA ("
              + from
              + "): give --tls-cert and --tls-key as well (`manta tls init DIR` makes them)");
    }
    try {
      ClusterTls.load(cert, key, ca, tlsRequireClientCert);
    } catch (IllegalStateException e) {
      throw new CliFailure(e.getMessage(), e);
    }
    return "TLS: on, certificate "
        + cert.toAbsolutePath()
        + ", CA "
        + ca.toAbsolutePath()
        + " (from "
        + from
        + "); drivers and `manta status` need MANTA_TLS_CA, and drivers MANTA_TLS_CERT and"
        + " MANTA_TLS_KEY too";
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  /** Checks the options together; a bad combination is a usage error (exit 2). */
  NodeLauncher.NodeSpec nodeSpec() {
    boolean head = role.head;
    if (!head) {
      checkHostPort(role.address);
      if (port != null) {
        throw usage(
            "--port applies to the head only: a node joining with --address chooses its own"
                + " ports. Drop --port, or start a head with --head --port "
                + port);
      }
    }
    Integer headPort = head ? (port == null ? Integer.valueOf(DEFAULT_HEAD_PORT) : port) : null;
    if (headPort != null && (headPort < 0 || headPort > 65535)) {
      throw usage("--port must be between 0 and 65535, was " + headPort);
    }
    if (bind.isBlank()) throw usage("--bind must name a host or address, was empty");
    checkBindIsLocal(bind);
    if (objectStoreBytes != null) checkStoreSize(objectStoreBytes);
    if (noToken && tokenFile != null) {
      throw usage("give at most one of --token-file and --insecure-no-token");
    }
    int tlsFlags = (tlsCert == null ? 0 : 1) + (tlsKey == null ? 0 : 1) + (tlsCa == null ? 0 : 1);
    if (tlsFlags != 0 && tlsFlags != 3) {
      throw usage(
          "give all three of --tls-cert, --tls-key and --tls-ca, or none: a node serves with its"
              + " certificate and key, and checks its peers with the CA");
    }
    if (tlsRequireClientCert && tlsCa == null && !present(parent.env().get("MANTA_TLS_CA"))) {
      throw usage("--tls-require-client-cert needs TLS: give --tls-cert, --tls-key and --tls-ca");
    }
    if (!head && storage != null) throw usage("--storage is for the head: use it with --head");
    int cpus = numCpus == null ? Runtime.getRuntime().availableProcessors() : numCpus;
    if (cpus < 0) throw usage("--num-cpus must be >= 0, was " + cpus);
    if (labels != null) {
      try {
        dev.manta.cluster.agent.NodeAgent.parseLabels(labels);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    }
    return new NodeLauncher.NodeSpec(
        head,
        head ? null : role.address,
        headPort,
        bind,
        cpus,
        resources,
        objectStoreBytes,
        labels);
  }

  /** The smallest {@code --object-store-memory} accepted: room for a few ordinary objects. */
  static final long MIN_STORE_BYTES = 16L << 20;

  private void checkStoreSize(long bytes) {
    if (bytes < MIN_STORE_BYTES) {
      throw usage(
          "--object-store-memory "
              + bytes
              + " bytes is too small for an object store: give at least 16m (e.g. 512m, 2g)");
    }
    long ram = physicalMemory();
    if (ram > 0 && bytes > ram) {
      throw usage(
          "--object-store-memory "
              + bytes
              + " bytes is more than this machine's memory ("
              + ram
              + " bytes): give a part of it, e.g. "
              + (ram >> 30 > 2 ? (ram >> 30) / 3 + "g" : (ram >> 20) / 3 + "m"));
    }
  }

  private static long physicalMemory() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return -1;
  }

  /** {@code --bind} must be an address of this machine (or 0.0.0.0), else nothing could listen. */
  private void checkBindIsLocal(String host) {
    java.net.InetAddress address;
    try {
      address = java.net.InetAddress.getByName(host);
    } catch (java.net.UnknownHostException e) {
      throw usage(
          "--bind "
              + host
              + ": no such host (it does not resolve). Give an address of this machine, such as"
              + " 127.0.0.1, or 0.0.0.0 for all of them");
    }
    boolean local;
    try {
      local =
          address.isAnyLocalAddress()
              || address.isLoopbackAddress()
              || java.net.NetworkInterface.getByInetAddress(address) != null;
    } catch (java.net.SocketException e) {
      local = true; // cannot tell; the node reports it if it cannot listen
    }
    if (!local) {
      throw usage(
          "--bind "
              + host
              + ": this machine has no network interface with the address "
              + address.getHostAddress()
              + ". Give one of its addresses (ip addr lists them), 127.0.0.1, or 0.0.0.0 for all");
    }
  }

  private void checkHostPort(String address) {
    int colon = address.lastIndexOf(':');
    String host = colon < 0 ? "" : address.substring(0, colon);
    int p = -1;
    if (colon >= 0) {
      try {
        p = Integer.parseInt(address.substring(colon + 1));
      } catch (NumberFormatException e) {
        p = -1;
      }
    }
    if (host.isBlank() || p < 1 || p > 65535) {
      throw usage(
          "--address must be HOST:PORT with a port from 1 to 65535, such as 127.0.0.1:6380; was '"
              + address
              + "'");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** {@code --object-store-memory}: a size in bytes; see {@link ByteSize}. */
  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return ByteSize.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --resources}: a flat JSON object; see {@link CustomResources}. */
  static final class ResourcesConverter implements ITypeConverter<CustomResources> {
    @Override
    public CustomResources convert(String value) {
      try {
        return CustomResources.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
