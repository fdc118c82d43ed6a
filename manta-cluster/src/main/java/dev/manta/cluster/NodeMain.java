package dev.manta.cluster;

import dev.manta.MantaConfig;
import dev.manta.cluster.agent.NodeAgent;
import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.dashboard.Dashboard;
import dev.manta.cluster.head.HeadService;
import dev.manta.cluster.metrics.MetricsExport;
import dev.manta.cluster.rpc.ClusterTls;
import dev.manta.cluster.rpc.ClusterToken;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.cluster.state.ClusterState;
import dev.manta.runtime.store.StoreFiles;
import io.grpc.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster node process, as {@code manta start} runs it: with {@code --head}, the head and this
 * machine's node agent; with {@code --address HOST:PORT}, a node agent joining that head. Runs
 * until SIGTERM.
 *
 * <p>Flags: {@code --head | --address HOST:PORT}, {@code --port N} (head; 0 = any), {@code --bind
 * HOST} (default 127.0.0.1), {@code --num-cpus N}, {@code --resources JSON}, {@code --labels
 * k=v,...} (the node's labels, {@link NodeAgent#parseLabels}), {@code --object-store-memory BYTES},
 * {@code --session-dir DIR}, {@code --ready-file PATH} (written once the node serves: Java
 * properties {@code head}, {@code agent}, {@code node}, {@code pid}, {@code metrics}, {@code
 * dashboard}), {@code --token-file PATH}, {@code --insecure-no-token}, {@code --storage DIR} (head:
 * keep the head's tables in {@code DIR}, so a head restarted on it resumes the cluster; else {@code
 * -Dmanta.head-storage}; neither: in memory, lost with the head), {@code --no-agent} (head: no node
 * agent in this process, so the head can be restarted alone).
 *
 * <p>Settings: {@link ClusterConfig} and {@link MantaConfig} (store size and full-store timeout),
 * read once here from system properties and environment; a bad value stops the node before it
 * serves.
 *
 * <p>The cluster token ({@link ClusterToken}): {@code --token-file}, else {@code $MANTA_TOKEN},
 * {@code $MANTA_TOKEN_FILE}, {@code -Dmanta.token-file}, else {@code <session dir>/token}; a head
 * that finds none makes one there (mode 0600). A node joining a head without one is refused at
 * startup. {@code --insecure-no-token} runs without one, on loopback addresses only.
 */
public final class NodeMain {
  private static final Logger LOG = LoggerFactory.getLogger(NodeMain.class);

  /** The flags that take a value. */
  private static final Set<String> VALUED_FLAGS =
      Set.of(
          "--address",
          "--bind",
          "--labels",
          "--num-cpus",
          "--object-store-memory",
          "--port",
          "--ready-file",
          "--resources",
          "--session-dir",
          "--storage",
          "--token-file");

  private NodeMain() {}

  /**
   * The line a node that cannot start prints (to its log) before its stack trace and exit code 1:
   * this prefix and what went wrong, in one line, which {@code manta start} shows the user.
   */
  public static final String FAILED = "Manta node failed to start: ";

  /** Entry point. */
  public static void main(String[] argv) throws Exception {
    try {
      run(argv);
    } catch (Exception | Error e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      System.out.println(FAILED + why.replace('\n', ' '));
      System.out.flush();
      e.printStackTrace(System.out);
      System.out.flush();
      System.exit(1); // a server it started would keep the JVM alive; hooks stop what was started
    }
  }

  private static void run(String[] argv) throws Exception {
    Map<String, String> a = new HashMap<>();
    boolean isHead = false;
    boolean noToken = false;
    boolean noAgent = false;
    for (int i = 0; i < argv.length; i++) {
      if (argv[i].equals("--head")) {
        isHead = true;
      } else if (argv[i].equals("--no-agent")) {
        noAgent = true;
      } else if (argv[i].equals("--insecure-no-token")) {
        noToken = true;
      } else if (!VALUED_FLAGS.contains(argv[i])) {
        // Refused rather than ignored: a node given --tls-cert, say, must not start plaintext.
        throw new IllegalArgumentException(
            "unknown flag "
                + argv[i]
                + "; NodeMain takes --head, --no-agent, --insecure-no-token and "
                + String.join(", ", new TreeSet<>(VALUED_FLAGS))
                + " (TLS and the other settings are system properties or environment variables:"
                + " -Dmanta.tls-cert or MANTA_TLS_CERT, etc.; see docs/cluster.md, Settings)");
      } else if (i + 1 < argv.length) {
        a.put(argv[i], argv[++i]);
      } else {
        throw new IllegalArgumentException("flag " + argv[i] + " needs a value");
      }
    }
    // Every setting of this process, read once and checked before anything starts.
    ClusterConfig config = ClusterConfig.fromSystemProperties();
    MantaConfig core = MantaConfig.fromEnvironment();
    Rpc.useSettings(config);
    if (isHead == a.containsKey("--address")) {
      throw new IllegalArgumentException("give exactly one of --head and --address HOST:PORT");
    }
    String storage = a.getOrDefault("--storage", isHead ? config.headStorage().orElse(null) : null);
    if (!isHead && (storage != null || noAgent)) {
      throw new IllegalArgumentException(
          "--storage and --no-agent are for the head: use them with --head, not --address");
    }
    String bind = a.getOrDefault("--bind", "127.0.0.1");
    Path session =
        Path.of(a.getOrDefault("--session-dir", System.getProperty("java.io.tmpdir") + "/manta"));
    Files.createDirectories(session);
    if (noToken && a.containsKey("--token-file")) {
      throw new IllegalArgumentException(
          "give at most one of --token-file and --insecure-no-token");
    }
    ClusterToken token = noToken ? null : token(a, session, isHead, config);
    Rpc.checkBind(bind, token, "Manta node"); // before anything listens
    boolean dashboardOn = isHead && config.dashboardPort() >= 0;
    if (dashboardOn) {
      Rpc.checkBind(
          config.dashboardBind(),
          token,
          "Manta dashboard ("
              + ClusterConfig.DASHBOARD_BIND
              + "; -1 in manta.dashboard-port: none)");
    }
    Rpc.useToken(token);
    Map<String, Double> resources = new LinkedHashMap<>();
    resources.put(
        "CPU",
        Double.parseDouble(
            a.getOrDefault(
                "--num-cpus", Integer.toString(Runtime.getRuntime().availableProcessors()))));
    resources.putAll(parseResources(a.getOrDefault("--resources", "{}")));
    Map<String, String> labels = NodeAgent.parseLabels(a.getOrDefault("--labels", ""));
    for (StoreFiles.Entry gone :
        StoreFiles.removeDead(StoreFiles.SHARED_MEMORY, StoreFiles::isAlive)) {
      LOG.info(
          "Removed {} ({} bytes): the store of node process {}, which is gone",
          gone.file(),
          gone.bytes(),
          gone.pid());
    }
    long storeBytes;
    if (a.containsKey("--object-store-memory")) {
      storeBytes = Long.parseLong(a.get("--object-store-memory"));
    } else {
      long machine = core.objectStoreBytes();
      long held = StoreFiles.liveBytes(StoreFiles.SHARED_MEMORY, StoreFiles::isAlive);
      storeBytes = defaultStoreBytes(machine, held);
      LOG.info(
          "Object store: {} bytes, the default of {} bytes for this machine's nodes less the {}"
              + " bytes the stores of other live nodes here hold (at least 1/{} of it); give"
              + " --object-store-memory to choose",
          storeBytes,
          machine,
          held,
          MIN_SHARE);
    }

    Server headServer = null;
    HeadService head = null;
    String headAddress;
    if (isHead) {
      String clusterId = HexFormat.of().toHexDigits(new java.security.SecureRandom().nextInt());
      head =
          storage == null
              ? new HeadService(clusterId, config)
              : HeadService.withStorage(clusterId, config, storage);
      headServer =
          Rpc.serve(
              bind,
              Integer.parseInt(a.getOrDefault("--port", "6380")),
              List.of(head, head.stateService()));
      headAddress = connectHost(bind) + ":" + headServer.getPort();
    } else {
      headAddress = a.get("--address").replaceFirst("^manta://", "");
    }
    String agentHead = headAddress;
    java.util.function.Supplier<NodeAgent> newAgent =
        () ->
            new NodeAgent(
                agentHead,
                connectHost(bind),
                resources,
                labels,
                storeBytes,
                core.storeFullTimeout(),
                session,
                JvmFlags.forThisJdk(),
                config);
    NodeAgent agent = noAgent ? null : newAgent.get();
    java.util.concurrent.atomic.AtomicReference<NodeAgent> current =
        new java.util.concurrent.atomic.AtomicReference<>(agent);
    java.util.concurrent.atomic.AtomicBoolean stopping =
        new java.util.concurrent.atomic.AtomicBoolean();
    if (agent != null) {
      rejoinWhenFenced(current, newAgent, stopping);
    }
    String self = agent == null ? "Head " + headAddress : "Node " + agent.nodeId();
    if (token == null) {
      LOG.warn(
          "{} runs WITHOUT a cluster token (--insecure-no-token): any local process can use it",
          self);
    } else {
      LOG.info("{} requires the cluster token from {}", self, token.source());
    }
    if (config.tlsCa().isPresent()) {
      LOG.info(
          "{} speaks TLS 1.3 only, with certificate {} from the CA in {}{}",
          self,
          config.tlsCert().map(Path::toString).orElse("(none)"),
          config.tlsCa().get(),
          config.tlsRequireClientCert() ? "; clients must show a certificate" : "");
    } else {
      LOG.info("{} speaks plaintext (no {} set)", self, ClusterConfig.TLS_CA);
    }

    Path metricsDir = session.resolve("metrics");
    MetricsExport.removeDead(metricsDir);
    MetricsExport metrics =
        config.metricsPort() < 0
            ? null
            : MetricsExport.start(
                bind,
                config.metricsPort(),
                metricsDir,
                "node",
                agent == null
                    ? Map.of("head", headAddress)
                    : Map.of("node", agent.nodeId(), "head", headAddress),
                binders(head, agent));

    ClusterState dashboardState =
        dashboardOn ? ClusterState.connect(headAddress, token, Duration.ofSeconds(5)) : null;
    Dashboard dashboard =
        dashboardOn ? startDashboard(config, dashboardState, token, session) : null;

    CountDownLatch stop = new CountDownLatch(1);
    Server hs = headServer;
    HeadService h = head;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (metrics != null) {
                    metrics.close();
                  }
                  if (dashboard != null) {
                    dashboard.close();
                    dashboardState.close();
                  }
                  stopping.set(true); // before taking the agent: see rejoinWhenFenced
                  NodeAgent now = current.getAndSet(null);
                  if (now != null) {
                    now.close();
                  }
                  if (hs != null) {
                    hs.shutdownNow();
                    h.close();
                  }
                  stop.countDown();
                }));
    if (a.containsKey("--ready-file")) {
      Properties p = new Properties();
      p.setProperty("head", headAddress);
      p.setProperty("agent", agent == null ? "" : agent.address());
      p.setProperty("node", agent == null ? "" : agent.nodeId());
      p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
      p.setProperty("metrics", metrics == null ? "" : metrics.address());
      // Without the key: this file may be readable by others; dashboard-url is owner-only.
      p.setProperty("dashboard", dashboard == null ? "" : dashboard.address());
      Path ready = Path.of(a.get("--ready-file"));
      Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
      try (var out = Files.newOutputStream(tmp)) {
        p.store(out, "Manta node");
      }
      Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    System.out.println(
        agent == null
            ? "Manta head ready at " + headAddress + " (no node agent in this process)"
            : "Manta node "
                + agent.nodeId()
                + " ready: head "
                + headAddress
                + ", agent "
                + agent.address());
    stop.await();
  }

  /** The name of the file, in the session directory, that holds the dashboard's address. */
  public static final String DASHBOARD_URL_FILE = "dashboard-url";

  /**
   * The head's dashboard, asking the head through {@code state}; with a cluster token it needs its
   * key, and its address (which holds the key) goes to {@code <session>/dashboard-url}, owner-only.
   */
  private static Dashboard startDashboard(
      ClusterConfig config, ClusterState state, ClusterToken token, Path session)
      throws java.io.IOException {
    ClusterTls tls = Rpc.processTls();
    Dashboard d =
        Dashboard.start(
            config.dashboardBind(),
            config.dashboardPort(),
            !config.dashboardPortChosen(),
            state,
            token != null,
            tls == null ? null : tls.httpsContext("dashboard"));
    Path file = session.resolve(DASHBOARD_URL_FILE);
    Path tmp = session.resolve(DASHBOARD_URL_FILE + ".tmp");
    Files.deleteIfExists(tmp);
    if (Files.getFileAttributeView(session, java.nio.file.attribute.PosixFileAttributeView.class)
        != null) {
      Files.createFile(
          tmp,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(tmp, d.url() + System.lineSeparator());
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    LOG.info(
        "Dashboard at {}://{}:{}/ ({}; its address with the key is in {})",
        d.isHttps() ? "https" : "http",
        config.dashboardBind(),
        d.port(),
        token == null ? "no key: loopback only" : "open it with its key",
        file);
    return d;
  }

  /** The meters of this process's head and agent, each if it runs one. */
  private static List<io.micrometer.core.instrument.binder.MeterBinder> binders(
      HeadService head, NodeAgent agent) {
    List<io.micrometer.core.instrument.binder.MeterBinder> b = new java.util.ArrayList<>();
    if (head != null) {
      b.add(head.metrics());
    }
    if (agent != null) {
      b.add(agent.metrics());
    }
    return b;
  }

  /**
   * Fencing: when the head refuses {@code current}'s agent as declared dead ({@link
   * NodeAgent#fenced}), closes it (its workers, leases and store go with it) and starts a new
   * agent, which joins as a new node with a new id; again each time. The shutdown hook sets {@code
   * stopping} and then takes {@code current}: a new agent put there after the hook took it sees
   * {@code stopping} and closes itself, so every agent is closed once.
   */
  private static void rejoinWhenFenced(
      java.util.concurrent.atomic.AtomicReference<NodeAgent> current,
      java.util.function.Supplier<NodeAgent> newAgent,
      java.util.concurrent.atomic.AtomicBoolean stopping) {
    NodeAgent a = current.get();
    a.fenced()
        .thenAcceptAsync(
            why -> {
              if (!current.compareAndSet(a, null)) {
                return; // shutting down
              }
              a.close();
              try {
                NodeAgent fresh = newAgent.get();
                current.set(fresh);
                if (stopping.get()) {
                  if (current.compareAndSet(fresh, null)) {
                    fresh.close(); // the process is stopping: the hook did not see this one
                  }
                  return;
                }
                LOG.warn(
                    "Node {} was fenced; this process rejoined as node {} at {}",
                    a.nodeId(),
                    fresh.nodeId(),
                    fresh.address());
                rejoinWhenFenced(current, newAgent, stopping);
              } catch (RuntimeException e) {
                LOG.error("Node {} was fenced and could not rejoin: {}", a.nodeId(), e.toString());
              }
            },
            r -> Thread.ofPlatform().name("manta-node-rejoin").start(r));
  }

  /**
   * The node's token: {@code --token-file}, else the environment ({@link ClusterToken#find}), else
   * {@code <session>/token}; a head that finds none makes one there.
   *
   * @throws IllegalStateException for a node that finds none, saying where to put it
   */
  static ClusterToken token(
      Map<String, String> a, Path session, boolean isHead, ClusterConfig config) {
    if (a.containsKey("--token-file")) {
      return ClusterToken.read(Path.of(a.get("--token-file")));
    }
    Path own = session.resolve(ClusterToken.FILE_NAME);
    java.util.Optional<ClusterToken> found =
        ClusterToken.find(System.getenv(), config.tokenFile(), List.of(own));
    if (found.isPresent()) {
      return found.get();
    }
    if (isHead) {
      return ClusterToken.generate(own);
    }
    throw new IllegalStateException(
        "A node joining the head at "
            + a.get("--address")
            + " needs the cluster's token, and none was found (looked in "
            + ClusterToken.searchedPlaces(System.getenv(), List.of(own))
            + "). Copy <the head's session dir>/token to this machine (mode 0600) and pass"
            + " --token-file PATH, or set MANTA_TOKEN_FILE");
  }

  /** A node's default store is at least 1/MIN_SHARE of the machine's default. */
  static final int MIN_SHARE = 8;

  /**
   * The store of a node started without {@code --object-store-memory}: the machine's default
   * ({@code machine}, 30% of memory unless set) less what live stores on this machine hold already,
   * so two nodes on one machine do not each claim it all; at least {@code machine / MIN_SHARE}.
   */
  static long defaultStoreBytes(long machine, long heldByOthers) {
    return Math.max(machine - heldByOthers, machine / MIN_SHARE);
  }

  /** The host others use to reach a server bound to {@code bind}. */
  static String connectHost(String bind) {
    return bind.equals("0.0.0.0") ? "127.0.0.1" : bind;
  }

  private static final Pattern PAIR =
      Pattern.compile("\\s*\"([^\"]+)\"\\s*:\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*(,|$)");

  /** A flat JSON object of name to number, e.g. {@code {"GPU": 1, "nodeB": 1}}. */
  static Map<String, Double> parseResources(String json) {
    String body = json.trim();
    if (!body.startsWith("{") || !body.endsWith("}")) {
      throw new IllegalArgumentException(
          "--resources must be a JSON object such as {\"GPU\": 1}, was " + json);
    }
    body = body.substring(1, body.length() - 1).trim();
    Map<String, Double> out = new LinkedHashMap<>();
    Matcher m = PAIR.matcher(body);
    int pos = 0;
    while (pos < body.length() && m.find(pos) && m.start() == pos) {
      out.put(m.group(1), Double.parseDouble(m.group(2)));
      pos = m.end();
    }
    if (pos < body.length()) {
      throw new IllegalArgumentException(
          "--resources: cannot read " + body.substring(pos) + " in " + json);
    }
    return out;
  }
}
