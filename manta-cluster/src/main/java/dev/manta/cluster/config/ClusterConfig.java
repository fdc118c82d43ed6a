package dev.manta.cluster.config;

import dev.manta.runtime.serial.filter.ValueClassFilter;
import dev.manta.runtime.spec.JvmOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The settings of a cluster process (head, node agent, worker or driver), read once when the
 * process starts ({@link #fromSystemProperties()}) and handed to each part by its constructor.
 * Immutable and thread-safe.
 *
 * <p>Each setting is a system property {@code manta.NAME}, else the environment variable {@code
 * MANTA_NAME} (upper case, {@code -} as {@code _}; {@code manta start} passes its environment to
 * the nodes it starts), else its default. A value that is not of its kind or out of its range is
 * refused when the process starts, with a message naming the setting, the value and the valid
 * range. The table of settings is in {@code docs/cluster.md} ("Settings"); the core's own (object
 * store, CPUs, task retries) are {@link dev.manta.MantaConfig}'s.
 *
 * <p>A node agent passes the settings that its workers read ({@link #workerProperties()}) to every
 * worker JVM it starts, so that a setting given to a node holds for its workers too.
 */
public final class ClusterConfig {
  /**
   * The OTLP/HTTP endpoint spans are sent to ({@code http://host:4318}); unset: no tracing. Its
   * workers get it from the node; {@code manta-opentelemetry} must be on their class path.
   */
  public static final String TRACING_ENDPOINT = dev.manta.runtime.trace.Tracing.ENDPOINT;

  /** Deadline of ordinary RPCs, in ms. */
  public static final String RPC_DEADLINE_MS = "manta.rpc-deadline-ms";

  /** Largest message a process accepts. */
  public static final String MAX_MESSAGE_BYTES = "manta.max-message-bytes";

  /** Largest header block (metadata) of a gRPC call a process accepts. */
  public static final String MAX_METADATA_BYTES = "manta.max-metadata-bytes";

  /** Calls a gRPC server runs at once per client connection; further calls wait. */
  public static final String MAX_CALLS_PER_CONNECTION = "manta.max-calls-per-connection";

  /**
   * A file holding the cluster token (after {@code $MANTA_TOKEN} and {@code $MANTA_TOKEN_FILE}).
   */
  public static final String TOKEN_FILE = "manta.token-file";

  /** This process's TLS certificate (PEM), then any intermediates. */
  public static final String TLS_CERT = "manta.tls-cert";

  /** The private key of {@link #TLS_CERT} (PEM, unencrypted PKCS#8, mode 0600). */
  public static final String TLS_KEY = "manta.tls-key";

  /** The cluster's CA certificate (PEM): set, the cluster speaks TLS. */
  public static final String TLS_CA = "manta.tls-ca";

  /** Whether servers refuse clients without a certificate (drivers included). */
  public static final String TLS_REQUIRE_CLIENT_CERT = "manta.tls-require-client-cert";

  /** Concurrent object pulls of a node agent. */
  public static final String MAX_PULLS = "manta.max-pulls";

  /** Where node agents keep the jars drivers ship. */
  public static final String CODE_CACHE = "manta.code-cache";

  /** Idle workers a node agent keeps booted. */
  public static final String PRESTART_WORKERS = "manta.prestart-workers";

  /** Worker JVMs a node agent lets boot at once; the others wait their turn. */
  public static final String MAX_BOOTING_WORKERS = "manta.max-booting-workers";

  /** The niceness a node agent starts worker JVMs with (0: the agent's own). */
  public static final String WORKER_NICE = "manta.worker-nice";

  /** How often a node agent reports to the head, in ms. */
  public static final String HEARTBEAT_MS = "manta.heartbeat-ms";

  /** The JIT of worker JVMs: {@code tiered} or {@code c1}. */
  public static final String WORKER_JIT = "manta.worker-jit";

  /** Extra JVM flags of every worker JVM, space separated. */
  public static final String WORKER_JVM_OPTIONS = "manta.worker-jvm-options";

  /**
   * A driver's JVM options for every worker JVM of its job (its task workers, actor hosts and
   * actors' own JVMs, which add theirs after these), space separated, e.g. {@code -Dkey=value
   * -Xss4m}: Ray's {@code ray.job.jvm-options}. Those workers are launched for the job.
   */
  public static final String JOB_JVM_OPTIONS = "manta.job.jvm-options";

  /** The heap of every worker JVM ({@code -Xmx}), e.g. {@code 2g}. */
  public static final String WORKER_HEAP = "manta.worker-heap";

  /** Whether an ended actor's worker may host the same job's next actor. */
  public static final String REUSE_ACTOR_WORKERS = "manta.reuse-actor-workers";

  /** How long a parked actor worker waits for the job's next actor, in ms. */
  public static final String IDLE_WORKER_MS = "manta.idle-worker-ms";

  /** How long a driver waits for the head and its local agent to answer, in ms. */
  public static final String CONNECT_TIMEOUT_MS = "manta.connect-timeout-ms";

  /** Whether a process takes and opens direct links. */
  public static final String DIRECT_LINKS = "manta.direct-links";

  /** How long a call that needs the head waits for it (a head restarting), in ms. */
  public static final String HEAD_WAIT_MS = "manta.head-wait-ms";

  /** How long a call to a restarting actor waits for the restart, in ms. */
  public static final String ACTOR_RESTART_WAIT_MS = "manta.actor-restart-wait-ms";

  /**
   * Driver only, for its whole job: {@code isolated} (default) gives each actor a worker JVM of its
   * own; {@code shared} hosts the job's actors together in one worker JVM per node, unless an actor
   * asks for its own ({@code ActorCreator.isolated(true)}). See docs/cluster.md, Actor density.
   */
  public static final String ACTOR_HOSTING = "manta.actor-hosting";

  /** Whether a driver's join failure keeps the gRPC exception as its cause. */
  public static final String VERBOSE = "manta.verbose";

  /**
   * Head only: where the head keeps its tables (as {@code --storage}): a folder, or {@code
   * redis://HOST:PORT[/PREFIX]}.
   */
  public static final String HEAD_STORAGE = "manta.head-storage";

  /** The head's key-value store: keys per job. */
  public static final String KV_MAX_KEYS_PER_JOB = "manta.kv-max-keys-per-job";

  /** The head's key-value store: bytes (keys and values) per job. */
  public static final String KV_MAX_BYTES_PER_JOB = "manta.kv-max-bytes-per-job";

  /** The head's key-value store: bytes (keys and values) of all jobs together. */
  public static final String KV_MAX_BYTES = "manta.kv-max-bytes";

  /** The head's key-value store: bytes of one value. */
  public static final String KV_MAX_VALUE_BYTES = "manta.kv-max-value-bytes";

  /** The head's key-value store: characters of one key. */
  public static final String KV_MAX_KEY_BYTES = "manta.kv-max-key-bytes";

  /** The most live nodes the head takes. */
  public static final String MAX_NODES = "manta.max-nodes";

  /** The most jobs the head runs at once (started with NewJob and not ended). */
  public static final String MAX_JOBS = "manta.max-jobs";

  /** How often the head checks each node, in ms. */
  public static final String HEALTH_CHECK_PERIOD_MS = "manta.health-check-period-ms";

  /** How long the head waits for a node's answer to one check, in ms. */
  public static final String HEALTH_CHECK_TIMEOUT_MS = "manta.health-check-timeout-ms";

  /** Failed checks in a row after which the head declares a node dead. */
  public static final String HEALTH_CHECK_FAILURE_THRESHOLD =
      "manta.health-check-failure-threshold";

  /**
   * The port of a node process's Prometheus endpoint ({@code GET /metrics}): 0 any free port, -1
   * none.
   */
  public static final String METRICS_PORT = "manta.metrics-port";

  /**
   * Head only: the port of the dashboard ({@code dev.manta.cluster.dashboard.Dashboard}), default
   * 8265 (a free port if that one is taken); 0 any free port, -1 none.
   */
  public static final String DASHBOARD_PORT = "manta.dashboard-port";

  /** Head only: the address the dashboard listens on, default 127.0.0.1. */
  public static final String DASHBOARD_BIND = "manta.dashboard-bind";

  /** Whether a node agent makes and uses a class data sharing archive for its worker JVMs. */
  public static final String WORKER_CLASS_ARCHIVE = "manta.worker-class-archive";

  /** Whether every worker JVM serves a Prometheus endpoint of its own, on a free port. */
  public static final String WORKER_METRICS = "manta.worker-metrics";

  /**
   * How deep an owner keeps lineage: the most tasks, one after another, whose specs it keeps to
   * rebuild a lost object (0: none, nothing is rebuilt). Also the most tasks one rebuild runs.
   */
  public static final String LINEAGE_MAX_TASKS = "manta.lineage-max-tasks";

  /**
   * Driver only: the node agent ({@code host:port}) whose store holds the driver's objects;
   * default: the first live agent on the driver's machine that answers.
   */
  public static final String DRIVER_AGENT = "manta.driver-agent";

  /**
   * Classes that task arguments, results and {@code put} values may be of, beyond the built-in
   * allowlist ({@link ValueClassFilter}): comma-separated class names, package prefixes ending in
   * {@code .}, or {@code *} for every class.
   */
  public static final String SERIALIZATION_ALLOW = ValueClassFilter.ALLOW_SETTING;

  /** Settings no longer read, refused so that nobody relies on them: name to what replaced it. */
  private static final Map<String, String> RETIRED =
      Map.of(
          "manta.node-timeout-ms",
          "the head's health checks replaced it: set "
              + HEALTH_CHECK_PERIOD_MS
              + ", "
              + HEALTH_CHECK_TIMEOUT_MS
              + " and "
              + HEALTH_CHECK_FAILURE_THRESHOLD
              + " (docs/cluster.md, Failures)");

  /**
   * The settings a worker reads (this class's and the core's), which a node agent passes on to its
   * workers: every other setting of a node is the agent's or the head's.
   */
  private static final List<String> FOR_WORKERS =
      List.of(
          TRACING_ENDPOINT,
          RPC_DEADLINE_MS,
          MAX_MESSAGE_BYTES,
          MAX_METADATA_BYTES,
          MAX_CALLS_PER_CONNECTION,
          DIRECT_LINKS,
          HEAD_WAIT_MS,
          TLS_CERT,
          TLS_KEY,
          TLS_CA,
          TLS_REQUIRE_CLIENT_CERT,
          ACTOR_RESTART_WAIT_MS,
          LINEAGE_MAX_TASKS,
          "manta.task-max-retries",
          "manta.fory.codegen",
          "manta.infeasible",
          "manta.infeasible-warning-ms",
          SERIALIZATION_ALLOW,
          WORKER_METRICS);

  private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgGtT]?");

  private final Duration rpcDeadline;
  private final int maxMessageBytes;
  private final int maxMetadataBytes;
  private final int maxCallsPerConnection;
  private final Path tokenFile;
  private final Path tlsCert;
  private final Path tlsKey;
  private final Path tlsCa;
  private final boolean tlsRequireClientCert;
  private final int maxPulls;
  private final Path codeCache;
  private final int prestartWorkers;
  private final int maxBootingWorkers;
  private final int workerNice;
  private final Duration heartbeat;
  private final boolean workerC1Only;
  private final List<String> workerJvmOptions;
  private final String workerHeap;
  private final boolean reuseActorWorkers;
  private final Duration idleWorker;
  private final Duration connectTimeout;
  private final boolean directLinks;
  private final Duration headWait;
  private final Duration actorRestartWait;
  private final boolean sharedActors;
  private final boolean verbose;
  private final String headStorage;
  private final int kvMaxKeysPerJob;
  private final long kvMaxBytesPerJob;
  private final long kvMaxBytes;
  private final int kvMaxValueBytes;
  private final int kvMaxKeyBytes;
  private final int maxNodes;
  private final int maxJobs;
  private final Duration healthCheckPeriod;
  private final Duration healthCheckTimeout;
  private final int healthCheckFailureThreshold;
  private final int metricsPort;
  private final int dashboardPort;
  private final boolean dashboardPortChosen;
  private final String dashboardBind;
  private final boolean workerMetrics;
  private final boolean workerClassArchive;
  private final List<String> jobJvmOptions;
  private final int lineageMaxTasks;
  private final String driverAgent;
  private final ValueClassFilter valueClassFilter;
  private final Map<String, String> workerProperties;

  private ClusterConfig(Function<String, String> props, Function<String, String> env) {
    Source s = new Source(props, env);
    for (Map.Entry<String, String> r : RETIRED.entrySet()) {
      if (s.raw(r.getKey()).isPresent()) {
        throw new IllegalArgumentException(
            r.getKey() + " (or " + envName(r.getKey()) + ") is no longer read: " + r.getValue());
      }
    }
    this.rpcDeadline = s.millis(RPC_DEADLINE_MS, 10_000, 1, 3_600_000);
    this.maxMessageBytes =
        (int) s.bytes(MAX_MESSAGE_BYTES, 128L << 20, 8L << 20, Integer.MAX_VALUE);
    this.maxMetadataBytes = (int) s.bytes(MAX_METADATA_BYTES, 16L << 10, 1L << 10, 1L << 20);
    this.maxCallsPerConnection =
        (int) s.integer(MAX_CALLS_PER_CONNECTION, 10_000, 1, Integer.MAX_VALUE);
    this.tokenFile = s.property(TOKEN_FILE).map(Path::of).orElse(null);
    this.tlsCert = s.raw(TLS_CERT).map(Path::of).orElse(null);
    this.tlsKey = s.raw(TLS_KEY).map(Path::of).orElse(null);
    this.tlsCa = s.raw(TLS_CA).map(Path::of).orElse(null);
    this.tlsRequireClientCert = s.bool(TLS_REQUIRE_CLIENT_CERT, false);
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException(
          s.name(tlsCert == null ? TLS_KEY : TLS_CERT)
              + " is set but "
              + s.name(tlsCert == null ? TLS_CERT : TLS_KEY)
              + " is not: a certificate goes with its key; set both, or neither");
    }
    if (tlsCert != null && tlsCa == null) {
      throw new IllegalArgumentException(
          s.name(TLS_CERT)
              + " is set but "
              + s.name(TLS_CA)
              + " is not: TLS needs the cluster's CA certificate to check its peers"
              + " (`manta tls init DIR` writes DIR/ca.crt)");
    }
    this.maxPulls = (int) s.integer(MAX_PULLS, 4, 1, 256);
    this.codeCache =
        s.raw(CODE_CACHE)
            .map(Path::of)
            .orElse(Path.of(System.getProperty("user.home"), ".cache", "manta", "code"));
    this.prestartWorkers = (int) s.integer(PRESTART_WORKERS, 2, 0, 256);
    this.maxBootingWorkers =
        (int) s.integer(MAX_BOOTING_WORKERS, Runtime.getRuntime().availableProcessors(), 1, 256);
    this.workerNice = (int) s.integer(WORKER_NICE, 0, 0, 19);
    this.heartbeat = s.millis(HEARTBEAT_MS, 500, 10, 600_000);
    String jit = s.raw(WORKER_JIT).orElse("tiered");
    this.workerC1Only =
        switch (jit) {
          case "tiered" -> false;
          case "c1", "-XX:TieredStopAtLevel=1" -> true;
          default ->
              throw new IllegalArgumentException(
                  s.name(WORKER_JIT) + " must be tiered or c1, was '" + jit + "'");
        };
    this.workerJvmOptions =
        s.raw(WORKER_JVM_OPTIONS).map(v -> List.of(v.split("\\s+"))).orElse(List.of());
    List<String> jobOptions =
        s.raw(JOB_JVM_OPTIONS).map(v -> List.of(v.strip().split("\\s+"))).orElse(List.of());
    try {
      this.jobJvmOptions = JvmOptions.check(jobOptions);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(s.name(JOB_JVM_OPTIONS) + ": " + e.getMessage(), e);
    }
    this.workerHeap = s.raw(WORKER_HEAP).orElse(null);
    if (workerHeap != null && !HEAP.matcher(workerHeap).matches()) {
      throw new IllegalArgumentException(
          s.name(WORKER_HEAP)
              + " must be a heap size such as 512m or 2g, was '"
              + workerHeap
              + "'");
    }
    this.reuseActorWorkers = s.bool(REUSE_ACTOR_WORKERS, true);
    this.idleWorker = s.millis(IDLE_WORKER_MS, 60_000, 0, 7 * 86_400_000L);
    this.connectTimeout = s.millis(CONNECT_TIMEOUT_MS, 5_000, 1, 3_600_000);
    this.directLinks = s.bool(DIRECT_LINKS, true);
    this.headWait = s.millis(HEAD_WAIT_MS, 30_000, 1, 3_600_000);
    this.actorRestartWait = s.millis(ACTOR_RESTART_WAIT_MS, 60_000, 1, 3_600_000);
    String hosting = s.property(ACTOR_HOSTING).map(String::strip).orElse("isolated");
    this.sharedActors =
        switch (hosting) {
          case "isolated" -> false;
          case "shared" -> true;
          default ->
              throw new IllegalArgumentException(
                  s.name(ACTOR_HOSTING) + " must be isolated or shared, was '" + hosting + "'");
        };
    this.verbose = s.bool(VERBOSE, false);
    this.headStorage = s.property(HEAD_STORAGE).filter(v -> !v.isBlank()).orElse(null);
    this.kvMaxKeysPerJob = (int) s.integer(KV_MAX_KEYS_PER_JOB, 10_000, 1, Integer.MAX_VALUE);
    this.kvMaxBytesPerJob = s.bytes(KV_MAX_BYTES_PER_JOB, 64L << 20, 1, Long.MAX_VALUE);
    this.kvMaxBytes = s.bytes(KV_MAX_BYTES, 512L << 20, 1, Long.MAX_VALUE);
    this.kvMaxValueBytes = (int) s.bytes(KV_MAX_VALUE_BYTES, 1 << 20, 1, maxMessageBytes / 2);
    this.kvMaxKeyBytes = (int) s.integer(KV_MAX_KEY_BYTES, 1 << 10, 1, 1 << 20);
    this.maxNodes = (int) s.integer(MAX_NODES, 10_000, 1, 1_000_000);
    this.maxJobs = (int) s.integer(MAX_JOBS, 1_000, 1, 1_000_000);
    this.healthCheckPeriod = s.millis(HEALTH_CHECK_PERIOD_MS, 1_000, 10, 3_600_000);
    this.healthCheckTimeout = s.millis(HEALTH_CHECK_TIMEOUT_MS, 1_000, 10, 3_600_000);
    this.healthCheckFailureThreshold = (int) s.integer(HEALTH_CHECK_FAILURE_THRESHOLD, 5, 1, 1_000);
    this.metricsPort = (int) s.integer(METRICS_PORT, 0, -1, 65_535);
    this.dashboardPortChosen = s.raw(DASHBOARD_PORT).isPresent();
    this.dashboardPort = (int) s.integer(DASHBOARD_PORT, 8265, -1, 65_535);
    this.dashboardBind = s.raw(DASHBOARD_BIND).orElse("127.0.0.1");
    this.workerMetrics = s.bool(WORKER_METRICS, true);
    this.workerClassArchive = s.bool(WORKER_CLASS_ARCHIVE, true);
    this.lineageMaxTasks = (int) s.integer(LINEAGE_MAX_TASKS, 1_000, 0, 1_000_000);
    this.driverAgent = s.property(DRIVER_AGENT).orElse(null);
    try {
      this.valueClassFilter =
          ValueClassFilter.withExtra(
              s.raw(SERIALIZATION_ALLOW).map(v -> List.of(v.split(","))).orElse(List.of()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(s.name(SERIALIZATION_ALLOW) + ": " + e.getMessage(), e);
    }
    s.raw(TRACING_ENDPOINT)
        .ifPresent(v -> dev.manta.runtime.trace.Tracing.endpoint(s.name(TRACING_ENDPOINT), v));
    Map<String, String> forWorkers = new LinkedHashMap<>();
    for (String key : FOR_WORKERS) {
      s.property(key).ifPresent(v -> forWorkers.put(key, v));
    }
    this.workerProperties = java.util.Collections.unmodifiableMap(forWorkers);
  }

  /** The settings of this process: its system properties, then its environment, then defaults. */
  public static ClusterConfig fromSystemProperties() {
    return new ClusterConfig(System::getProperty, System::getenv);
  }

  /**
   * The settings from {@code properties} (keys {@code manta.NAME}) and {@code environment} (keys
   * {@code MANTA_NAME}), then defaults.
   *
   * @throws IllegalArgumentException naming the setting, its value and its valid range, for a value
   *     that is not of its kind or out of range, or a setting that is no longer read
   */
  public static ClusterConfig from(
      Map<String, String> properties, Map<String, String> environment) {
    return new ClusterConfig(properties::get, environment::get);
  }

  /** Every setting at its default. */
  public static ClusterConfig defaults() {
    return from(Map.of(), Map.of());
  }

  /** The deadline of ordinary RPCs and of a direct link's connect and handshake. */
  public Duration rpcDeadline() {
    return rpcDeadline;
  }

  /** Largest message a process accepts, on gRPC and on direct links. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /**
   * Largest header block of a gRPC call a server or channel accepts ({@value #MAX_METADATA_BYTES},
   * default 16 KiB; Manta's own headers are a few dozen bytes).
   */
  public int maxMetadataBytes() {
    return maxMetadataBytes;
  }

  /**
   * Calls a gRPC server of this process runs at once per client connection ({@value
   * #MAX_CALLS_PER_CONNECTION}, default 10,000): a client's further calls wait until one ends. A
   * borrower's {@code GetObject} waits at its owner until the object is ready, so this bounds the
   * objects one process can wait for at once from one owner, and must stay well above that.
   */
  public int maxCallsPerConnection() {
    return maxCallsPerConnection;
  }

  /** The token file named by {@code -Dmanta.token-file}, if any (a system property only). */
  public Optional<Path> tokenFile() {
    return Optional.ofNullable(tokenFile);
  }

  /** This process's TLS certificate file ({@value #TLS_CERT}), if set. */
  public Optional<Path> tlsCert() {
    return Optional.ofNullable(tlsCert);
  }

  /** The private key file of {@link #tlsCert} ({@value #TLS_KEY}), if set. */
  public Optional<Path> tlsKey() {
    return Optional.ofNullable(tlsKey);
  }

  /**
   * The cluster's CA certificate file ({@value #TLS_CA}), if set: then every connection of this
   * process is TLS, and peers must show certificates from this CA.
   */
  public Optional<Path> tlsCa() {
    return Optional.ofNullable(tlsCa);
  }

  /**
   * Whether this process's servers refuse, in the TLS handshake, a client that shows no certificate
   * ({@value #TLS_REQUIRE_CLIENT_CERT}, default false: such a client, a driver with the CA only,
   * still needs the cluster token).
   */
  public boolean tlsRequireClientCert() {
    return tlsRequireClientCert;
  }

  /** How many object pulls a node agent runs at once. */
  public int maxPulls() {
    return maxPulls;
  }

  /** Where a node agent keeps the jars that drivers ship, by content hash. */
  public Path codeCache() {
    return codeCache;
  }

  /** How many idle workers a node agent keeps booted. */
  public int prestartWorkers() {
    return prestartWorkers;
  }

  /**
   * How many worker JVMs a node agent lets boot at once (default: the machine's cores); later ones
   * wait, in order, for one to boot.
   */
  public int maxBootingWorkers() {
    return maxBootingWorkers;
  }

  /** The niceness (0 – 19) worker JVMs start with; 0: the agent's own. */
  public int workerNice() {
    return workerNice;
  }

  /** How often a node agent reports its resources and store to the head. */
  public Duration heartbeat() {
    return heartbeat;
  }

  /** Whether worker JVMs compile with C1 only ({@code -XX:TieredStopAtLevel=1}). */
  public boolean workerC1Only() {
    return workerC1Only;
  }

  /** Extra flags of every worker JVM. */
  public List<String> workerJvmOptions() {
    return workerJvmOptions;
  }

  /** The driver's JVM options for its job's worker JVMs ({@link #JOB_JVM_OPTIONS}); empty: none. */
  public List<String> jobJvmOptions() {
    return jobJvmOptions;
  }

  /** The {@code -Xmx} of worker JVMs, if set. */
  public Optional<String> workerHeap() {
    return Optional.ofNullable(workerHeap);
  }

  /**
   * Whether a driver's job hosts its actors together in one JVM per node unless they ask for their
   * own ({@link #ACTOR_HOSTING} is {@code shared}).
   */
  public boolean sharedActors() {
    return sharedActors;
  }

  /** Whether an ended actor's worker may host the same job's next actor. */
  public boolean reuseActorWorkers() {
    return reuseActorWorkers;
  }

  /** How long a parked actor worker waits for the job's next actor before it is stopped. */
  public Duration idleWorker() {
    return idleWorker;
  }

  /**
   * How long a call that needs the head waits for it ({@value #HEAD_WAIT_MS}, default 30 s): while
   * the head restarts, such calls wait for its port to answer again and are sent again when cut
   * off; joining a cluster retries for as long.
   */
  public Duration headWait() {
    return headWait;
  }

  /**
   * How long an actor's owner keeps trying to restart it after its worker or node died ({@value
   * #ACTOR_RESTART_WAIT_MS}, default 60 s), and so how long calls made meanwhile wait: placing it
   * again is retried with backoff until then, and then the actor is dead and its calls fail with
   * {@link dev.manta.ActorDiedException}.
   */
  public Duration actorRestartWait() {
    return actorRestartWait;
  }

  /**
   * Whether a driver that cannot join keeps the gRPC exception as the cause of its one-paragraph
   * error ({@value #VERBOSE}, default false: the cause goes to the log at DEBUG only).
   */
  public boolean verbose() {
    return verbose;
  }

  /**
   * Head only: where the head keeps its tables ({@value #HEAD_STORAGE}), if set: a folder, or
   * {@code redis://HOST:PORT[/PREFIX]}.
   */
  public java.util.Optional<String> headStorage() {
    return java.util.Optional.ofNullable(headStorage);
  }

  /** How long a driver waits for the head, and for its local agent, to answer when it joins. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * The port of a node process's Prometheus endpoint ({@value #METRICS_PORT}, default 0: any free
   * port; -1: none). Every endpoint's address is written to the session's {@code metrics} folder.
   */
  public int metricsPort() {
    return metricsPort;
  }

  /**
   * Head only: the dashboard's port ({@value #DASHBOARD_PORT}, default 8265; 0: any free port; -1:
   * no dashboard).
   */
  public int dashboardPort() {
    return dashboardPort;
  }

  /**
   * Whether {@link #dashboardPort} was set rather than defaulted: a default port that is taken
   * gives way to a free one, a chosen one stops the head.
   */
  public boolean dashboardPortChosen() {
    return dashboardPortChosen;
  }

  /**
   * Head only: the address the dashboard listens on ({@value #DASHBOARD_BIND}, default {@code
   * 127.0.0.1}); a non-loopback one needs the cluster token and TLS, as the head's own port does.
   */
  public String dashboardBind() {
    return dashboardBind;
  }

  /**
   * Whether a node agent makes (once per JDK and class path, in {@code ~/.cache/manta/cds}) and
   * maps a class data sharing archive of its worker JVMs' classes ({@value #WORKER_CLASS_ARCHIVE},
   * default true); only a class path of jar files can have one.
   */
  public boolean workerClassArchive() {
    return workerClassArchive;
  }

  /** Whether each worker JVM serves its own Prometheus endpoint ({@value #WORKER_METRICS}). */
  public boolean workerMetrics() {
    return workerMetrics;
  }

  /** Whether this process takes direct links and opens them to workers that do. */
  public boolean directLinks() {
    return directLinks;
  }

  /** The most live nodes the head takes ({@code manta.max-nodes}, default 10,000). */
  public int maxNodes() {
    return maxNodes;
  }

  /**
   * The most jobs the head runs at once, counting those started ({@code NewJob}) and not yet
   * registered ({@code manta.max-jobs}, default 1,000).
   */
  public int maxJobs() {
    return maxJobs;
  }

  /** The head's key-value store: most keys a job holds. */
  public int kvMaxKeysPerJob() {
    return kvMaxKeysPerJob;
  }

  /** The head's key-value store: most bytes (keys and values) a job holds. */
  public long kvMaxBytesPerJob() {
    return kvMaxBytesPerJob;
  }

  /** The head's key-value store: bytes of all jobs together ({@link #KV_MAX_BYTES}). */
  public long kvMaxBytes() {
    return kvMaxBytes;
  }

  /** The head's key-value store: largest value. */
  public int kvMaxValueBytes() {
    return kvMaxValueBytes;
  }

  /** The head's key-value store: longest key, in characters. */
  public int kvMaxKeyBytes() {
    return kvMaxKeyBytes;
  }

  /** How often the head checks each live node. */
  public Duration healthCheckPeriod() {
    return healthCheckPeriod;
  }

  /** How long the head waits for a node's answer to one check before it counts as failed. */
  public Duration healthCheckTimeout() {
    return healthCheckTimeout;
  }

  /** Failed checks in a row after which the head declares a node dead. */
  public int healthCheckFailureThreshold() {
    return healthCheckFailureThreshold;
  }

  /**
   * The longest a node that stopped answering stays alive in the head's view: a check is due one
   * period after the last, a check ends within the timeout, and {@link
   * #healthCheckFailureThreshold} of them must fail: {@code period + threshold * max(period,
   * timeout)}. Processes waiting to hear of a death wait this long.
   */
  public Duration nodeDeathBound() {
    long step = Math.max(healthCheckPeriod.toMillis(), healthCheckTimeout.toMillis());
    return Duration.ofMillis(healthCheckPeriod.toMillis() + healthCheckFailureThreshold * step);
  }

  /**
   * How deep an owner keeps the lineage of the objects its tasks make, in tasks (0: not at all): a
   * task's spec is kept while its result lives and while a kept task takes that result as an
   * argument, up to this many tasks deep; rebuilding one lost object runs at most this many.
   */
  public int lineageMaxTasks() {
    return lineageMaxTasks;
  }

  /** The agent a driver uses ({@code host:port}), or null for the first live one on its machine. */
  public String driverAgent() {
    return driverAgent;
  }

  /**
   * The classes this process lets values be of ({@value #SERIALIZATION_ALLOW} added to the built-in
   * allowlist), checked by name before a class is loaded.
   */
  public ValueClassFilter valueClassFilter() {
    return valueClassFilter;
  }

  /**
   * The settings a node agent passes to its workers as system properties: those of its own system
   * properties that a worker reads (RPC deadline, message size, direct links, the core's task
   * retries and serializer).
   */
  public Map<String, String> workerProperties() {
    return workerProperties;
  }

  @Override
  public String toString() {
    return "ClusterConfig{rpcDeadline="
        + rpcDeadline
        + ", maxMessageBytes="
        + maxMessageBytes
        + ", heartbeat="
        + heartbeat
        + ", healthCheck="
        + healthCheckPeriod
        + "/"
        + healthCheckTimeout
        + "x"
        + healthCheckFailureThreshold
        + ", directLinks="
        + directLinks
        + ", prestartWorkers="
        + prestartWorkers
        + ", maxBootingWorkers="
        + maxBootingWorkers
        + ", workerNice="
        + workerNice
        + "}";
  }

  /** {@code MANTA_RPC_DEADLINE_MS} for {@code manta.rpc-deadline-ms}. */
  static String envName(String property) {
    return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** Reads a setting from the properties, then the environment, and checks its kind and range. */
  private record Source(Function<String, String> props, Function<String, String> env) {
    String name(String property) {
      return property + " (or " + envName(property) + ")";
    }

    Optional<String> property(String property) {
      String v = props.apply(property);
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    Optional<String> raw(String property) {
      Optional<String> p = property(property);
      if (p.isPresent()) {
        return p;
      }
      String v = env.apply(envName(property));
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    long integer(String property, long dflt, long min, long max) {
      Optional<String> v = raw(property);
      if (v.isEmpty()) {
        return dflt;
      }
      long n;
      try {
        n = Long.parseLong(v.get());
      } catch (NumberFormatException e) {
        throw outOfRange(property, v.get(), min, max, "");
      }
      if (n < min || n > max) {
        throw outOfRange(property, v.get(), min, max, "");
      }
      return n;
    }

    Duration millis(String property, long dflt, long min, long max) {
      Optional<String> v = raw(property);
      if (v.isEmpty()) {
        return Duration.ofMillis(dflt);
      }
      long n;
      try {
        n = Long.parseLong(v.get());
      } catch (NumberFormatException e) {
        throw outOfRange(property, v.get(), min, max, " (milliseconds)");
      }
      if (n < min || n > max) {
        throw outOfRange(property, v.get(), min, max, " (milliseconds)");
      }
      return Duration.ofMillis(n);
    }

    long bytes(String property, long dflt, long min, long max) {
      Optional<String> v = raw(property);
      if (v.isEmpty()) {
        return dflt;
      }
      long n = parseBytes(v.get());
      if (n < min || n > max) {
        throw outOfRange(property, v.get(), min, max, " (bytes; 64k, 16m and 1g allowed)");
      }
      return n;
    }

    boolean bool(String property, boolean dflt) {
      Optional<String> v = raw(property);
      if (v.isEmpty()) {
        return dflt;
      }
      return switch (v.get().toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default ->
            throw new IllegalArgumentException(
                name(property) + " must be true or false, was '" + v.get() + "'");
      };
    }

    IllegalArgumentException outOfRange(
        String property, String value, long min, long max, String unit) {
      return new IllegalArgumentException(
          name(property)
              + " must be an integer in ["
              + min
              + ", "
              + max
              + "]"
              + unit
              + ", was '"
              + value
              + "'");
    }
  }

  /**
   * {@code 1048576}, {@code 512k}, {@code 64m}, {@code 2g}; {@link Long#MIN_VALUE} when it is not
   * one.
   */
  private static long parseBytes(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    long unit = 1;
    if (!t.isEmpty()) {
      int last = "kmg".indexOf(t.charAt(t.length() - 1));
      if (last >= 0) {
        unit = 1L << (10 * (last + 1));
        t = t.substring(0, t.length() - 1);
      }
    }
    try {
      return Math.multiplyExact(Long.parseLong(t), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      return Long.MIN_VALUE; // out of every range
    }
  }
}
