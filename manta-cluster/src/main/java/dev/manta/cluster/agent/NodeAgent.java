package dev.manta.cluster.agent;

import com.google.protobuf.ByteString;
import dev.manta.cluster.code.ContentHashes;
import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.proto.Chunk;
import dev.manta.cluster.proto.ClusterView;
import dev.manta.cluster.proto.CodeEntry;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.CreateReply;
import dev.manta.cluster.proto.CreateRequest;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.FetchRequest;
import dev.manta.cluster.proto.FreeRequest;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.HeartbeatReply;
import dev.manta.cluster.proto.HeartbeatRequest;
import dev.manta.cluster.proto.JobInfo;
import dev.manta.cluster.proto.LeaseGrant;
import dev.manta.cluster.proto.LeaseId;
import dev.manta.cluster.proto.LeaseReply;
import dev.manta.cluster.proto.LeaseRequest;
import dev.manta.cluster.proto.Locations;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.NodeStatsReply;
import dev.manta.cluster.proto.ObjectIdMsg;
import dev.manta.cluster.proto.ObjectIds;
import dev.manta.cluster.proto.OutputLine;
import dev.manta.cluster.proto.PinReply;
import dev.manta.cluster.proto.PinRequest;
import dev.manta.cluster.proto.StoreInfoReply;
import dev.manta.cluster.proto.WorkerDeath;
import dev.manta.cluster.proto.WorkerOutputRequest;
import dev.manta.cluster.rpc.Backoff;
import dev.manta.cluster.rpc.ClusterToken;
import dev.manta.cluster.rpc.Principal;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.cluster.rpc.Wire;
import dev.manta.runtime.events.TransferEvent;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.store.NodeStore;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node agent: registers the node with the head and beats, runs the worker pool, grants worker
 * leases (spilling a request back to another node when this one has no room), hosts the node's
 * object store in a shared memory-mapped file, and pulls objects from other nodes in chunks.
 *
 * <p>Authorization by job ({@link Principal}): a job's credential reaches that job's leases,
 * objects ({@link JobObjects} knows each object's job) and worker output only; a call naming
 * another job's is refused with {@code PERMISSION_DENIED} before anything changes. An object of no
 * job (made with the cluster or admin token and an empty job id), or one in the store whose job is
 * not known, is reached by the cluster and admin tokens only. A pull for a pin names the pinning
 * job, and the source agent refuses an object of another job, or of none. Workers are given their
 * job's credential on their control pipe, never the cluster token.
 *
 * <p>Pulls: at most {@code manta.max-pulls} ({@link ClusterConfig#maxPulls()}) run at once, each a
 * server-streaming call of {@link #CHUNK_BYTES} chunks written straight into the reserved block;
 * gRPC's flow control bounds what a pull holds in flight, so memory in flight is at most about
 * {@code maxPulls} times (window + chunk).
 */
public final class NodeAgent extends NodeAgentGrpc.NodeAgentImplBase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);
  static final int CHUNK_BYTES = 4 << 20;

  private final String nodeId;
  private final String headAddress;
  private final String bind;
  private final ResourceSet total;
  private final Map<String, Double> totalMap;
  private final Map<String, String> labels;
  private final NodeStore store;
  private final JobObjects jobObjects = new JobObjects();
  private volatile double busyCpus; // what the workers used over the last heartbeat interval
  private volatile long finishedJobsSeen; // ended jobs heard of: see HeartbeatRequest
  private final Rpc.Channels channels = new Rpc.Channels();
  private final Server server;
  private final String address;
  private final WorkerPool pool;
  private final WorkerOutput output;
  private final Path codeCache;
  private final Set<String> ownCode;
  private final Map<Long, Lease> leases = new ConcurrentHashMap<>();

  /**
   * The jobs leases were granted for, as the head registered them (a job's record does not change
   * until it ends): a storm of actor leases asks the head for the cluster view once, not once per
   * actor. Dropped when the job ends.
   */
  private final Map<String, JobInfo> jobs = new ConcurrentHashMap<>();

  private final AtomicLong leaseIds = new AtomicLong();
  private final Map<String, Double> reserved = new HashMap<>(); // guarded by itself
  private final Map<ObjectId, CompletableFuture<Void>> pulls = new ConcurrentHashMap<>();
  private final Transfers transfers = new Transfers();
  private final Semaphore pullSlots;
  private final AtomicLong pullsTotal = new AtomicLong();
  private final AtomicLong pulledBytes = new AtomicLong();

  /** The word of the head's refusal of a node it declared dead ({@code HeadService.FENCED}). */
  static final String FENCED = "fenced";

  private final CompletableFuture<String> fenced = new CompletableFuture<>();
  private final ScheduledExecutorService beats =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("manta-agent-heartbeat").unstarted(r));

  /** How a cluster's store grows: its nodes' option, which a driver's MantaConfig does not set. */
  static final String NODE_SIZE_SETTING =
      "the node's --object-store-memory (restart it with `manta start ... --object-store-memory"
          + " SIZE`, e.g. 4g; a driver's MantaConfig.objectStoreBytes does not size a cluster's"
          + " stores)";

  /**
   * A granted lease; an actor's ({@code actor}) reserves its demand until it is returned or its
   * worker dies, also in a shared actor host ({@code shared}), whose JVM holds nothing itself.
   */
  private record Lease(
      long id,
      WorkerPool.Worker worker,
      ResourceSet demand,
      boolean actor,
      boolean shared,
      long actorPrefix,
      long actorSequence) {}

  /** The flags this JDK needs on every Manta JVM (see {@code dev.manta.cluster.JvmFlags}). */
  private final List<String> jdkFlags;

  /**
   * Starts an agent for the head at {@code headAddress}, listening on {@code bind}, offering {@code
   * resources} ({@code CPU} included), with a store of {@code storeBytes} whose {@code put}s wait
   * up to {@code storeFullTimeout} for room, logs and spill files under {@code sessionDir}, and the
   * node's settings {@code config}.
   */
  public NodeAgent(
      String headAddress,
      String bind,
      Map<String, Double> resources,
      long storeBytes,
      Duration storeFullTimeout,
      Path sessionDir,
      List<String> jdkFlags,
      ClusterConfig config) {
    this(
        headAddress,
        bind,
        resources,
        Map.of(),
        storeBytes,
        storeFullTimeout,
        sessionDir,
        jdkFlags,
        config);
  }

  /**
   * As {@link #NodeAgent(String, String, Map, long, Duration, Path, List, ClusterConfig)}, with the
   * node's {@code labels} (checked by {@link #parseLabels}), which the head's table carries.
   */
  public NodeAgent(
      String headAddress,
      String bind,
      Map<String, Double> resources,
      Map<String, String> labels,
      long storeBytes,
      Duration storeFullTimeout,
      Path sessionDir,
      List<String> jdkFlags,
      ClusterConfig config) {
    this.labels = Map.copyOf(labels);
    this.jdkFlags = List.copyOf(jdkFlags);
    this.pullSlots = new Semaphore(config.maxPulls());
    this.nodeId = HexFormat.of().toHexDigits(new java.security.SecureRandom().nextLong());
    this.headAddress = headAddress;
    this.bind = bind;
    this.totalMap = Map.copyOf(resources);
    this.total = ResourceSet.fromMap(resources);
    this.store =
        new NodeStore(
            storeBytes,
            sessionDir.resolve("spill-" + nodeId),
            storeFullTimeout,
            true,
            NODE_SIZE_SETTING);
    this.codeCache = config.codeCache();
    this.ownCode = hashOwnClasspath();
    this.output = new WorkerOutput(nodeId, bind);
    this.server =
        Rpc.serve(bind, 0, List.of(this, new WorkerLogs(nodeId, sessionDir.resolve("logs"))));
    this.address = bind + ":" + server.getPort();
    double cpus = resources.getOrDefault("CPU", 1.0);
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    List<String> flags = new ArrayList<>(jvmFlags(jdkFlags, config));
    String classPath = System.getProperty("java.class.path");
    if (config.workerClassArchive() && WorkerArchive.fitsFlags(flags)) {
      WorkerArchive.prepare(
              cmd.get(0),
              flags,
              classPath,
              List.of(
                  "dev.manta.cluster.worker.WorkerMain",
                  "--agent",
                  address,
                  "--token-from",
                  "none"),
              config.codeCache().resolveSibling("cds"),
              Duration.ofSeconds(60))
          .ifPresent(
              a ->
                  flags.addAll(
                      List.of(
                          "-XX:SharedArchiveFile=" + a, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")));
    }
    cmd.addAll(flags);
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add("dev.manta.cluster.worker.WorkerMain");
    cmd.addAll(
        List.of(
            "--head",
            headAddress,
            "--agent",
            address,
            "--node",
            nodeId,
            "--bind",
            bind,
            "--num-cpus",
            Double.toString(cpus),
            "--resources",
            customResources(resources),
            "--metrics-dir",
            sessionDir.resolve("metrics").toString()));
    ClusterToken token = Rpc.processToken();
    cmd.addAll(List.of("--token-from", token == null ? "none" : "job"));
    this.pool =
        new WorkerPool(
            cmd,
            ClusterToken::clearFrom, // a worker runs a job's code: it gets the job's credential
            sessionDir.resolve("logs"),
            config,
            this::workerDied,
            output,
            job -> {
              if (token == null) {
                return "-";
              }
              ClusterToken c = token.forJob(job);
              return c.secret() + "," + c.nodeDigestHex() + "," + c.adminDigestHex();
            });
    register();
    beats.scheduleAtFixedRate(this::beat, 0, config.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
    pool.refill();
    LOG.info(
        "Node agent {} serving at {} with {} and a {}-byte store at {}",
        nodeId,
        address,
        resources,
        storeBytes,
        store.file());
  }

  /** The node's custom resources as {@code name=amount,...} ({@code -} for none). */
  private static String customResources(Map<String, Double> resources) {
    StringBuilder sb = new StringBuilder();
    resources.forEach(
        (k, v) -> {
          if (!k.equals("CPU")) {
            sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v);
          }
        });
    return sb.length() == 0 ? "-" : sb.toString();
  }

  /**
   * The flags of a worker JVM: {@code jdkFlags} (what this JDK needs), the node's worker settings,
   * and the node's settings that workers read ({@link ClusterConfig#workerProperties()}).
   */
  static List<String> jvmFlags(List<String> jdkFlags, ClusterConfig config) {
    List<String> f = new ArrayList<>(jdkFlags);
    f.add("-XX:+UseSerialGC");
    f.add(config.workerC1Only() ? "-XX:TieredStopAtLevel=1" : "-XX:+TieredCompilation");
    // Extra flags for every worker JVM of this node (profiling, GC logs). The JVM refuses -Xshare
    // with an AOT cache (JDK 24+: -XX:AOTCache, -XX:AOTCacheOutput).
    List<String> extra = config.workerJvmOptions();
    if (extra.stream().noneMatch(o -> o.contains("-XX:AOTCache"))) {
      f.add("-Xshare:auto");
    }
    config.workerHeap().ifPresent(heap -> f.add("-Xmx" + heap));
    config.workerProperties().forEach((k, v) -> f.add("-D" + k + "=" + v));
    f.addAll(extra); // last: a worker option given here wins
    return f;
  }

  /** This node's id. */
  public String nodeId() {
    return nodeId;
  }

  /** {@code host:port} of this agent. */
  public String address() {
    return address;
  }

  /**
   * Registers this node with the head, retrying with backoff ({@link Backoff}) for up to {@link
   * Rpc#headWaitMs()} whether the head is slow or not listening yet (an agent started beside a head
   * that is still starting, or restarting).
   */
  private void register() {
    NodeInfo info = info();
    try {
      Backoff.untilReachable(
          "Registering node " + nodeId + " with the head at " + headAddress,
          Rpc.deadlineMs(),
          Rpc.headWaitMs(),
          Rpc.headWaitMs(),
          ms ->
              Rpc.deadline(HeadGrpc.newBlockingStub(channels.get(headAddress)), ms)
                  .registerNode(info));
    } catch (StatusRuntimeException e) {
      String d = e.getStatus().getDescription();
      if (e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION
          && d != null
          && d.contains(FENCED)) {
        LOG.warn("The head fenced this node: {}", d);
        beats.shutdown(); // this id beats no more; the process rejoins as a new node (NodeMain)
        fenced.complete(d);
        return;
      }
      throw new IllegalStateException(Rpc.explain(e, "head", headAddress), e);
    }
  }

  /**
   * Completes, with the head's reason, when the head declared this node dead and refused it back
   * ({@code HeadService.FENCED}): from then on the agent grants no lease, and its process closes it
   * and joins again with a new agent, a new node id ({@code NodeMain}).
   */
  public CompletableFuture<String> fenced() {
    return fenced;
  }

  private NodeInfo info() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown";
    }
    return NodeInfo.newBuilder()
        .setNodeId(nodeId)
        .setAgentAddress(address)
        .setTotal(Wire.resources(totalMap))
        .setAvailable(Wire.resources(available()))
        .setObjectStoreCapacity(store.capacity())
        .setObjectStoreUsed(store.stats().usedBytes())
        .setHostname(host)
        .putAllLabels(labels)
        .build();
  }

  /** Label keys Manta and the Ray API set themselves; a node's own labels may not use them. */
  private static final List<String> RESERVED_LABEL_PREFIXES = List.of("ray.io/", "manta.io/");

  /**
   * Reads {@code --labels}: {@code key=value} pairs separated by commas ({@code
   * zone=eu-1,disk=ssd}); empty gives none. A key is 1-256 characters of letters, digits and {@code
   * -_./}, and may not start with {@code ray.io/} or {@code manta.io/} (those the runtime sets); a
   * value is up to 256 characters without commas or {@code =}.
   *
   * @throws IllegalArgumentException naming the bad pair and the form expected
   */
  public static Map<String, String> parseLabels(String text) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (text.isBlank()) {
      return out;
    }
    for (String pair : text.split(",", -1)) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? "" : pair.substring(0, eq).trim();
      String value = eq < 0 ? "" : pair.substring(eq + 1).trim();
      if (eq < 0 || !key.matches("[A-Za-z0-9_./-]{1,256}") || !value.matches("[^,=]{0,256}")) {
        throw new IllegalArgumentException(
            "--labels: cannot read '"
                + pair
                + "' in '"
                + text
                + "'; give key=value pairs separated by commas, such as zone=eu-1,disk=ssd (keys:"
                + " letters, digits and -_./)");
      }
      for (String reserved : RESERVED_LABEL_PREFIXES) {
        if (key.startsWith(reserved)) {
          throw new IllegalArgumentException(
              "--labels: the key '"
                  + key
                  + "' starts with "
                  + reserved
                  + ", which the runtime sets itself; choose another key");
        }
      }
      if (out.put(key, value) != null) {
        throw new IllegalArgumentException("--labels: the key '" + key + "' is given twice");
      }
    }
    return out;
  }

  /** This agent's meters, for its process's Prometheus endpoint. */
  public io.micrometer.core.instrument.binder.MeterBinder metrics() {
    return new NodeMetrics(store::stats, pool, totalMap, this::available, pullsTotal, pulledBytes);
  }

  private Map<String, Double> available() {
    Map<String, Double> a = new HashMap<>(totalMap);
    synchronized (reserved) {
      reserved.forEach((k, v) -> a.merge(k, -v, Double::sum));
    }
    return a;
  }

  private void beat() {
    busyCpus = pool.busyCpus();
    try {
      HeartbeatReply r =
          Rpc.deadline(HeadGrpc.newBlockingStub(channels.get(headAddress)))
              .heartbeat(
                  HeartbeatRequest.newBuilder()
                      .setNodeId(nodeId)
                      .setAvailable(Wire.resources(available()))
                      .setObjectStoreUsed(store.stats().usedBytes())
                      .setWorkers(pool.size())
                      .setFinishedJobsSeen(finishedJobsSeen)
                      .build());
      for (String job : r.getFinishedJobsList()) {
        endJob(job);
      }
      finishedJobsSeen = r.getFinishedJobsSeq();
      if (!r.getKnown() && !fenced.isDone()) {
        LOG.warn(
            "The head does not know this node (it restarted, or declared us dead); joining again");
        register();
      }
    } catch (RuntimeException e) {
      LOG.warn("Heartbeat to head {} failed: {}", headAddress, e.toString());
      // The head may be restarting: try its port at the next beat, not after gRPC's backoff.
      channels.get(headAddress).resetConnectBackoff();
    }
  }

  /**
   * Frees everything an ended job left on this node: its objects (memory and spill files, pins of
   * its processes dropped first) and its workers, which no other job may use.
   */
  private void endJob(String job) {
    jobs.remove(job);
    WorkerPool.Stopped stopped = pool.stopJob(job);
    int workers = stopped.workers();
    stopped.drained().thenRun(() -> output.end(job)); // the driver's output streams complete
    List<JobObjects.Left> left = jobObjects.end(job);
    for (JobObjects.Left l : left) {
      for (int i = 0; i < l.pins(); i++) {
        store.unpinExternal(l.id());
      }
      store.free(l.id());
    }
    LOG.info(
        "Job {} ended: freed the {} objects it left in this node's store, stopped {} workers",
        job,
        left.size(),
        workers);
  }

  private void workerDied(WorkerPool.Worker w, int code) {
    String reason =
        "worker process "
            + w.pid()
            + " on node "
            + nodeId
            + " exited with code "
            + code
            + (code == 137 || code == 9 ? " (killed)" : "");
    releaseLeasesOf(w);
    if (w.prefix == 0) {
      return; // never served a job
    }
    try {
      WorkerDeath death =
          WorkerDeath.newBuilder()
              .setPrefix(w.prefix)
              .setNodeId(nodeId)
              .setReason(reason)
              .setClean(code == 0)
              .build();
      Backoff.onHead(
          "Reporting the death of worker " + w.pid(),
          ms ->
              Rpc.headDeadline(HeadGrpc.newBlockingStub(channels.get(headAddress)), ms)
                  .reportWorkerDeath(death));
    } catch (RuntimeException e) {
      LOG.warn("Could not report the death of worker {}: {}", w.pid(), e.toString());
    }
  }

  private void releaseLeasesOf(WorkerPool.Worker w) {
    for (Iterator<Lease> it = leases.values().iterator(); it.hasNext(); ) {
      Lease l = it.next();
      if (l.worker == w) {
        it.remove();
        unreserve(l);
      }
    }
  }

  private void unreserve(Lease l) {
    if (l.actor) {
      synchronized (reserved) {
        l.demand.toMap().forEach((k, v) -> reserved.merge(k, -v, Double::sum));
      }
    }
  }

  @Override
  public void workerOutput(WorkerOutputRequest req, StreamObserver<OutputLine> out) {
    if (!allowed(req.getJobId(), "the output of job " + req.getJobId() + "'s workers", out)) {
      return;
    }
    output.subscribe(req.getJobId(), out);
  }

  // --- leases ---

  @Override
  public void leaseWorker(LeaseRequest req, StreamObserver<LeaseReply> out) {
    if (!allowed(req.getJobId(), "a lease of a worker for job " + req.getJobId(), out)) {
      return;
    }
    try {
      out.onNext(lease(req));
      out.onCompleted();
    } catch (Exception e) {
      LOG.warn("Lease for job {} failed", req.getJobId(), e);
      out.onError(Status.INTERNAL.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  private LeaseReply lease(LeaseRequest req) throws Exception {
    if (fenced.isDone()) {
      return LeaseReply.newBuilder()
          .setRefused(
              "node " + nodeId + " was declared dead and is fenced; it rejoins as a new node")
          .build();
    }
    ResourceSet demand = Wire.resources(req.getDemand());
    if (!demand.feasibleOn(total, labels, nodeId)) {
      String other = otherNode(demand, false);
      return other != null
          ? LeaseReply.newBuilder().setSpillbackAgent(other).build()
          : LeaseReply.newBuilder()
              .setRefused("no node of the cluster has " + demand + " in all")
              .build();
    }
    if (req.getForActor()) {
      boolean fits;
      synchronized (reserved) {
        fits = demand.feasibleIn(ResourceSet.fromMap(available()));
        if (fits || req.getNoSpillback()) {
          demand.toMap().forEach((k, v) -> reserved.merge(k, v, Double::sum));
        }
      }
      if (!fits && !req.getNoSpillback()) {
        String other = otherNode(demand, true);
        if (other != null) {
          return LeaseReply.newBuilder().setSpillbackAgent(other).build();
        }
        synchronized (reserved) { // nowhere has room: run it here, over capacity
          demand.toMap().forEach((k, v) -> reserved.merge(k, v, Double::sum));
        }
      }
    }
    WorkerPool.Worker w;
    try { // from here on, a failure gives the reservation back
      JobInfo job = job(req.getJobId());
      List<Path> code = fetchCode(job);
      w =
          pool.acquire(
              req.getJobId(),
              job.getDriverAddress(),
              job.getNamespace().isEmpty() ? "default" : job.getNamespace(),
              code,
              !req.getForActor()
                  ? WorkerPool.Role.TASKS
                  : req.getShared() ? WorkerPool.Role.ACTORS : WorkerPool.Role.ACTOR,
              job.getSharedActors(),
              120_000,
              turnTimeoutMs(),
              job.getJvmOptionsList(),
              req.getShared() ? List.of() : req.getJvmOptionsList());
    } catch (Exception e) {
      if (req.getForActor()) {
        synchronized (reserved) {
          demand.toMap().forEach((k, v) -> reserved.merge(k, -v, Double::sum));
        }
      }
      throw e;
    }
    boolean detached = req.getForActor() && req.getDetached();
    if (detached) {
      pool.hostsDetached(w); // it outlives its job's end, until the actor's lease comes back
    }
    long id = leaseIds.incrementAndGet();
    leases.put(
        id,
        new Lease(
            id,
            w,
            demand,
            req.getForActor(),
            req.getForActor() && req.getShared() && !detached,
            req.getActorPrefix(),
            req.getActorSequence()));
    return LeaseReply.newBuilder()
        .setGranted(
            LeaseGrant.newBuilder()
                .setLeaseId(id)
                .setWorkerAddress(w.address)
                .setWorkerPrefix(w.prefix)
                .setNodeId(nodeId))
        .build();
  }

  /**
   * How long a lease may wait for its new JVM's turn to boot: until shortly before the caller's
   * deadline (it then hears why instead of a bare timeout), else 2 minutes.
   */
  private static long turnTimeoutMs() {
    io.grpc.Deadline d = io.grpc.Context.current().getDeadline();
    return d == null ? 120_000 : Math.max(1, d.timeRemaining(TimeUnit.MILLISECONDS) - 2_000);
  }

  /** Another live node whose total (or, if {@code now}, available) resources fit; else null. */
  private String otherNode(ResourceSet demand, boolean now) {
    ClusterView view = clusterView();
    for (NodeInfo n : view.getNodesList()) {
      if (n.getAlive() && !n.getNodeId().equals(nodeId) && Wire.fits(demand, n, now)) {
        return n.getAgentAddress();
      }
    }
    return null;
  }

  /** The head's view of the cluster, waiting for a restarting head ({@link Backoff#onHead}). */
  private ClusterView clusterView() {
    return Backoff.onHead(
        "Asking the head at " + headAddress + " for the cluster",
        ms ->
            Rpc.headDeadline(HeadGrpc.newBlockingStub(channels.get(headAddress)), ms)
                .getClusterView(Empty.getDefaultInstance()));
  }

  private JobInfo job(String jobId) {
    JobInfo known = jobs.get(jobId);
    if (known != null) {
      return known;
    }
    ClusterView view = clusterView();
    for (JobInfo j : view.getJobsList()) {
      if (j.getJobId().equals(jobId)) {
        if (!j.getFinished()) {
          jobs.put(jobId, j);
        }
        return j;
      }
    }
    throw new IllegalStateException(
        "Job "
            + jobId
            + " is unknown to the head at "
            + headAddress
            + " (a head restarted without --storage forgets jobs until their driver registers"
            + " again)");
  }

  /**
   * The job's classpath on this machine: entries the agent already has are skipped; the rest are
   * fetched from the driver once and cached by content hash.
   */
  private List<Path> fetchCode(JobInfo job) throws IOException {
    List<Path> out = new ArrayList<>();
    Files.createDirectories(codeCache);
    for (CodeEntry e : job.getCodeList()) {
      if (ownCode.contains(e.getSha256())) {
        continue;
      }
      Path p = codeCache.resolve(e.getSha256() + ".jar");
      if (!Files.exists(p)) {
        Path tmp = Files.createTempFile(codeCache, e.getSha256(), ".part");
        try (OutputStream os = Files.newOutputStream(tmp)) {
          Iterator<Chunk> it =
              Rpc.deadline(
                      CoreWorkerGrpc.newBlockingStub(channels.get(job.getDriverAddress())), 120_000)
                  .fetchCode(e);
          while (it.hasNext()) {
            it.next().getData().writeTo(os);
          }
        }
        String got = sha256(tmp);
        if (!got.equals(e.getSha256())) {
          Files.deleteIfExists(tmp);
          throw new IllegalStateException(
              "code entry " + e.getName() + " arrived corrupted (hash " + got + ")");
        }
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Cached {} ({} bytes) of job {}", e.getName(), e.getSize(), job.getJobId());
      }
      out.add(p);
    }
    return out;
  }

  private static Set<String> hashOwnClasspath() {
    Set<String> s = ConcurrentHashMap.newKeySet();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isRegularFile(p)) {
        try {
          s.add(ContentHashes.shared().of(p));
        } catch (IOException e) {
          // unreadable entry: jobs will ship their own copy
        }
      }
    }
    return s;
  }

  /** The SHA-256 of a file, as hex. */
  public static String sha256(Path p) throws IOException {
    return ContentHashes.compute(p);
  }

  @Override
  public void returnLease(LeaseId req, StreamObserver<Empty> out) {
    if (req.getLeaseId() == 0 && (req.getActorPrefix() != 0 || req.getActorSequence() != 0)) {
      returnActorLease(req, out);
      return;
    }
    Lease known = leases.get(req.getLeaseId());
    if (known != null
        && !allowed(
            Objects.requireNonNullElse(known.worker.jobId, ""), "lease " + req.getLeaseId(), out)) {
      return;
    }
    Lease l = leases.remove(req.getLeaseId());
    if (l != null) {
      unreserve(l);
      if (l.actor && !l.shared) {
        pool.actorLeaseReturned(l.worker); // an actor host serves the job's other actors on
      }
    }
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  /**
   * Returns the lease of the actor {@code req} names (its owner died, or another process killed it:
   * neither knows the lease's id). A no-op if that lease went back already.
   */
  private void returnActorLease(LeaseId req, StreamObserver<Empty> out) {
    for (Lease l : leases.values()) {
      if (!l.actor
          || l.actorPrefix != req.getActorPrefix()
          || l.actorSequence != req.getActorSequence()) {
        continue;
      }
      if (!allowed(
          Objects.requireNonNullElse(l.worker.jobId, ""), "lease " + l.id + " of an actor", out)) {
        return;
      }
      if (leases.remove(l.id, l)) {
        unreserve(l);
        if (!l.shared) {
          pool.actorLeaseReturned(l.worker);
        }
      }
    }
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  // --- object store ---

  @Override
  public void storeInfo(Empty req, StreamObserver<StoreInfoReply> out) {
    out.onNext(
        StoreInfoReply.newBuilder()
            .setPath(store.file().toString())
            .setCapacity(store.capacity())
            .setChunkBytes(NodeStore.chunkBytes())
            .setNodeId(nodeId)
            .build());
    out.onCompleted();
  }

  @Override
  public void createObject(CreateRequest req, StreamObserver<CreateReply> out) {
    if (!allowed(req.getJobId(), "creating an object for job " + named(req.getJobId()), out)) {
      return;
    }
    try {
      ObjectId id = Wire.id(req.getId());
      if (!objectAllowed(id, out)) {
        return;
      }
      long offset =
          req.getIfRoom()
              ? store.reserveIfRoom(
                  id, req.getLength(), Duration.ofMillis(req.getIfRoomWaitMs()), req.getAnyMemory())
              : store.reserve(id, req.getLength());
      if (offset < 0) {
        out.onNext(CreateReply.newBuilder().setNoRoom(true).build());
        out.onCompleted();
        return;
      }
      jobObjects.created(id, req.getJobId());
      out.onNext(CreateReply.newBuilder().setOffset(offset).build());
      out.onCompleted();
    } catch (RuntimeException e) {
      out.onError(Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  @Override
  public void sealObject(ObjectIdMsg req, StreamObserver<Empty> out) {
    if (!objectAllowed(Wire.id(req), out)) {
      return;
    }
    try {
      store.seal(Wire.id(req));
      out.onNext(Empty.getDefaultInstance());
      out.onCompleted();
    } catch (RuntimeException e) {
      out.onError(Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  @Override
  public void abortObject(ObjectIdMsg req, StreamObserver<Empty> out) {
    if (!objectAllowed(Wire.id(req), out)) {
      return;
    }
    store.abort(Wire.id(req));
    jobObjects.freed(Wire.id(req));
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void pinObject(PinRequest req, StreamObserver<PinReply> out) {
    ObjectId id = Wire.id(req.getId());
    if (!objectAllowed(id, out)
        || !allowed(req.getJobId(), "pinning an object for job " + named(req.getJobId()), out)) {
      return;
    }
    try {
      boolean pulled = false;
      if (!store.contains(id) && !req.getSourceAgent().isEmpty()) {
        pulled = pull(id, req.getLength(), req.getSourceAgent(), req.getJobId());
      }
      long offset = store.pinExternal(id);
      jobObjects.pinned(id);
      if (pulled) {
        jobObjects.created(id, req.getJobId());
      }
      out.onNext(
          PinReply.newBuilder()
              .setOffset(offset)
              .setLength(length(id, req))
              .setPulled(pulled)
              .build());
      out.onCompleted();
    } catch (RuntimeException e) {
      out.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  private int length(ObjectId id, PinRequest req) {
    if (req.getLength() > 0) {
      return req.getLength();
    }
    try (NodeStore.Pin p = store.pin(id)) {
      return p.bytes().remaining();
    }
  }

  /** Pulls object {@code id} from the agent at {@code source}; true if this call pulled it. */
  private boolean pull(ObjectId id, int length, String source, String job) {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> running = pulls.putIfAbsent(id, mine);
    if (running != null) {
      running.join();
      return false;
    }
    try (Transfers.Transfer progress = transfers.begin(id, source, job, length)) {
      pullSlots.acquireUninterruptibly();
      try {
        if (!store.contains(id)) {
          progress.started();
          TransferEvent event = new TransferEvent();
          event.begin();
          boolean ok = false;
          try {
            ok = fetchInto(id, length, source, job, progress);
          } finally {
            if (event.shouldCommit()) {
              event.objectId = id.hex();
              event.from = source;
              event.bytes = length;
              event.succeeded = ok;
              event.commit();
            }
          }
        }
      } finally {
        pullSlots.release();
      }
      mine.complete(null);
      return true;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      pulls.remove(id, mine);
    }
  }

  /** Copies object {@code id} from the store of the agent at {@code source}; true when done. */
  private boolean fetchInto(
      ObjectId id, int length, String source, String job, Transfers.Transfer progress) {
    // The copy is the pinning job's from the moment it can be seen: another of that job's pins,
    // checked while this one pulls, must not find it in the store with no owner (refused).
    jobObjects.created(id, job);
    try {
      fetchChunks(id, length, source, job, progress);
    } catch (RuntimeException e) {
      if (!store.contains(id)) {
        jobObjects.notCreated(id, job);
      }
      throw e;
    }
    pullsTotal.incrementAndGet();
    pulledBytes.addAndGet(length);
    return true;
  }

  private void fetchChunks(
      ObjectId id, int length, String source, String job, Transfers.Transfer progress) {
    Iterator<Chunk> chunks =
        Rpc.deadline(NodeAgentGrpc.newBlockingStub(channels.get(source)), 600_000)
            .fetch(
                FetchRequest.newBuilder()
                    .setId(Wire.id(id))
                    .setChunkBytes(CHUNK_BYTES)
                    .setJobId(job)
                    .build());
    store.put(
        id,
        length,
        0,
        buf -> {
          long got = 0;
          while (chunks.hasNext()) {
            Chunk c = chunks.next();
            ByteBuffer data = c.getData().asReadOnlyByteBuffer();
            int n = data.remaining();
            got += n;
            buf.put((int) c.getOffset(), data, 0, n);
            progress.add(n);
          }
          if (got != length) {
            throw new IllegalStateException(
                "pull of object "
                    + id.hex()
                    + " from "
                    + source
                    + " got "
                    + got
                    + " of "
                    + length
                    + " bytes");
          }
        });
  }

  @Override
  public void unpinObject(ObjectIdMsg req, StreamObserver<Empty> out) {
    if (!objectAllowed(Wire.id(req), out)) {
      return;
    }
    store.unpinExternal(Wire.id(req));
    jobObjects.unpinned(Wire.id(req));
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void freeObjects(FreeRequest req, StreamObserver<Empty> out) {
    for (ObjectIdMsg m : req.getIdsList()) { // all checked first: a refused call frees nothing
      if (!objectAllowed(Wire.id(m), out)) {
        return;
      }
    }
    for (ObjectIdMsg m : req.getIdsList()) {
      ObjectId id = Wire.id(m);
      store.free(id);
      jobObjects.freed(id);
    }
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void fetch(FetchRequest req, StreamObserver<Chunk> out) {
    ObjectId id = Wire.id(req.getId());
    String owner = ownerOf(id);
    if (!objectAllowed(id, out)) {
      return;
    }
    if (owner != null && !req.getJobId().isEmpty() && !owner.equals(req.getJobId())) {
      // An agent pulling for a pin of another job: that job's process may not read it either.
      out.onError(Principal.job(req.getJobId()).denied("object " + id.hex(), owner));
      return;
    }
    int chunk = req.getChunkBytes() > 0 ? req.getChunkBytes() : CHUNK_BYTES;
    try (NodeStore.Pin pin = store.pin(id)) {
      ByteBuffer all = pin.bytes();
      int total = all.remaining();
      for (int off = 0; off < total; off += chunk) {
        int n = Math.min(chunk, total - off);
        out.onNext(
            Chunk.newBuilder()
                .setOffset(off)
                .setTotalLength(total)
                .setData(ByteString.copyFrom(all.slice(off, n)))
                .build());
      }
      out.onCompleted();
    } catch (RuntimeException e) {
      out.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  @Override
  public void nodeStats(Empty req, StreamObserver<NodeStatsReply> out) {
    var st = store.stats();
    out.onNext(
        NodeStatsReply.newBuilder()
            .setStoreCapacity(st.capacityBytes())
            .setStoreUsed(st.usedBytes())
            .setStorePinned(st.pinnedBytes())
            .setStoreObjects(st.objectCount())
            .setStoreSpilledObjects(st.spilledCount())
            .setStoreSpilledBytes(st.spilledBytes())
            .setStoreSpillsTotal(st.spillsTotal())
            .setStoreRestoresTotal(st.restoresTotal())
            .setStoreEvictionsTotal(st.evictionsTotal())
            .setStorePeakUsed(st.peakUsedBytes())
            .setStoreReclaimsTotal(st.reclaimsTotal())
            .setStoreReclaimedBytes(st.reclaimedBytesTotal())
            .setStoreReclaimNanos(st.reclaimNanosTotal())
            .setPullsTotal(pullsTotal.get())
            .setPulledBytes(pulledBytes.get())
            .setWorkers(pool.size())
            .setIdleWorkers(pool.idleCount())
            .addAllWorkerStartMicros(pool.bootMicros())
            .setCpuBusy(busyCpus)
            .addAllTransfers(transfers.snapshot())
            .build());
    out.onCompleted();
  }

  @Override
  public void locate(ObjectIds req, StreamObserver<Locations> out) {
    for (ObjectIdMsg m : req.getIdsList()) {
      if (!objectAllowed(Wire.id(m), out)) {
        return;
      }
    }
    Locations.Builder b = Locations.newBuilder();
    for (ObjectIdMsg m : req.getIdsList()) {
      ObjectId id = Wire.id(m);
      b.addWhere(store.where(id)).addPinned(store.isPinned(id));
    }
    out.onNext(b.build());
    out.onCompleted();
  }

  // --- authorization by job (Principal) ---

  /** A job id for messages: "(none)" for the empty one. */
  private static String named(String job) {
    return job.isEmpty() ? "(none)" : job;
  }

  /** Refuses {@code out}'s call when the caller may not act for {@code job}; true if it may. */
  private static boolean allowed(String job, String what, StreamObserver<?> out) {
    Principal p = Principal.current();
    if (p.mayActFor(job)) {
      return true;
    }
    out.onError(p.denied(what, job));
    return false;
  }

  /**
   * The job object {@code id} belongs to ({@link JobObjects}); {@link JobObjects#NO_JOB} for one
   * made for no job, and for one in the store whose job is not known (nothing may be reachable by
   * every job's credential just because it has no owner here); null for an object not here.
   */
  private String ownerOf(ObjectId id) {
    String job = jobObjects.jobOf(id);
    return job != null ? job : store.contains(id) ? JobObjects.NO_JOB : null;
  }

  /**
   * Refuses {@code out}'s call when object {@code id} belongs to a job the caller may not act for,
   * or to no job and the caller holds a job's credential (only the cluster and admin tokens reach
   * those); true if it may. An object not here has nothing to protect: a pin that pulls it is
   * checked by the source agent, and a create claims it for the creator's job.
   */
  private boolean objectAllowed(ObjectId id, StreamObserver<?> out) {
    String job = ownerOf(id);
    return job == null || allowed(job, "object " + id.hex(), out);
  }

  /** Waits until the agent's server ends. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    beats.shutdownNow();
    pool.close();
    server.shutdownNow();
    channels.close();
    store.close();
    LOG.info("Node agent {} stopped", nodeId);
  }
}
