package dev.manta.cluster.head;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorLookup;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.ClusterView;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.Event;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.HeartbeatReply;
import dev.manta.cluster.proto.HeartbeatRequest;
import dev.manta.cluster.proto.HelloReply;
import dev.manta.cluster.proto.HelloRequest;
import dev.manta.cluster.proto.JobInfo;
import dev.manta.cluster.proto.KvEntry;
import dev.manta.cluster.proto.KvKey;
import dev.manta.cluster.proto.NewJobReply;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.RegisterNodeReply;
import dev.manta.cluster.proto.StoreInfoReply;
import dev.manta.cluster.proto.SubscribeRequest;
import dev.manta.cluster.proto.TaskMsg;
import dev.manta.cluster.proto.WorkerDeath;
import dev.manta.cluster.proto.WorkerInfo;
import dev.manta.cluster.proto.WorkerLookup;
import dev.manta.cluster.rpc.ClusterToken;
import dev.manta.cluster.rpc.Principal;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The head's tables and their RPCs: node membership with heartbeats and failure detection, jobs,
 * worker addresses, the actor directory and state machine, named actors per namespace, a key-value
 * store ({@link KvStore}: per job, bounded, dropped when the job ends), and subscriptions to state
 * changes. Metadata only; never objects. Thread-safe: each table is a concurrent map, and the actor
 * table's transitions hold {@code this}.
 *
 * <p>Failure detection ({@link NodeHealth}): the head checks each live node's agent every {@code
 * manta.health-check-period-ms}, giving each check {@code manta.health-check-timeout-ms}; a node
 * that fails {@code manta.health-check-failure-threshold} checks in a row is declared dead,
 * published to subscribers, and its actors are marked dead. Nodes still beat every {@code
 * manta.heartbeat-ms} to report their resources and store.
 *
 * <p>Fencing: a node declared dead stays dead. Its agent, if it comes back (it was partitioned or
 * stalled, not gone), is told so by its next heartbeat ({@code known = false}); the head refuses to
 * register it again under its old id, and refuses its workers, with {@code FAILED_PRECONDITION}
 * ({@link #FENCED}), and the agent rejoins as a new node with a new id. The owners of its tasks and
 * actors were told of its death when it was declared, so nothing it ran is counted twice.
 *
 * <p>Job ends ({@link JobEnds}): a job ends when its driver shuts down or its driver's subscription
 * stays closed for {@link #failureTimeoutMs} (the longest a dead node stays alive in this view,
 * {@link ClusterConfig#nodeDeathBound()}); each heartbeat reply tells the node the jobs that ended
 * since its last, and the node frees what they left.
 *
 * <p>Storage ({@link HeadStorage}): every table but the heartbeat figures is written through to the
 * head's storage, and each call that changes a table commits before it answers. A head started on
 * storage that an earlier head wrote resumes from it: nodes alive then get {@link
 * #failureTimeoutMs} to answer the new head's health checks, running jobs {@link #RESTORE_GRACE_MS}
 * for their driver to subscribe again, and actors, named actors, workers, jobs (with their code
 * manifests) and the key-value store are as they were. Without durable storage a restarted head
 * starts empty (see docs/cluster.md, "Head restart and its storage").
 *
 * <p>Authorization by job ({@link Principal}): the token check puts the caller's principal into
 * each call. A job's credential reaches that job's jobs entry, workers, actors (named ones too),
 * key -value entries and events only: a call naming another job's is refused with {@code
 * PERMISSION_DENIED} before it changes anything, and {@code GetClusterView} lists the caller's own
 * job and actors (and every node, which a driver needs to place work). The client token may only
 * call {@code NewJob}, which hands out a fresh job id and its credential; the cluster and admin
 * tokens see everything. Only the cluster token registers nodes.
 */
public final class HeadService extends HeadGrpc.HeadImplBase {
  /*
   * Implementation notes
   *  S1  The in-memory maps are the head's tables; `storage` holds a copy for the next head. Each
   *      handler that changes a map writes the same entry to its table and calls
   *      storage.commit() before it answers, so what a caller was told is durable (as durable as
   *      the storage). Heartbeat figures (NodeInfo.available, object_store_used, workers,
   *      last_heartbeat_ms) change the map only: a restored node has its registration's figures
   *      until it beats.
   *  S2  Where two writers may race on one key, the map and the table change under the same lock,
   *      so the table ends with the map's value: actors and names under `this`, the key-value
   *      store under `kvTable`. Nodes, jobs and workers are written whole by one call each.
   *  S3  restore() runs in the constructor, before the server takes calls and before the
   *      failure detector starts: it sees no concurrent writer.
   *  S4  An actor's record goes PENDING_CREATION -> ALIVE (its owner's news) -> RESTARTING (its
   *      worker's or node's death, restarts left: max_restarts -1 or num_restarts below it) ->
   *      ALIVE (its owner restarted it, num_restarts one higher) ... -> DEAD (killed, constructor
   *      threw, out of restarts, its owner died while it was pending or restarting), DEAD final.
   *      S5: when its owner dies (its worker's death reported, its node's death, or its job's end)
   *      an ALIVE actor is DEAD and the head ends it where it runs, unless it is detached: then
   *      it stays ALIVE with owner_gone set, and the head restarts it from then on (S6).
   *  S6  A detached actor that may restart is restarted by its owner while the owner lives (the
   *      owner holds its ref arguments and its callers' calls in flight), by the head once the
   *      owner is gone (DetachedRestarts): its owner sends the creation (TaskMsg) with its first
   *      ALIVE; the head keeps it in `specs` and specTable under `this`, beside the actor's
   *      record, never publishes it, and drops it when the actor is DEAD. A death of the actor's
   *      process with restarts left and owner_gone set makes it RESTARTING and starts the head's
   *      restart, unless a ref argument lived in a node's store (lost with its owner) or no
   *      creation was sent: then it is DEAD saying so. A restarted head resumes the restarts of
   *      the RESTARTING actors whose owner is gone.
   *      It is keyed by the actor's id; an update of an older incarnation (stale()) is dropped,
   *      so a late end notice of a reused or dead worker cannot override a newer state.
   */
  private static final Logger LOG = LoggerFactory.getLogger(HeadService.class);

  private final long heartbeatMs;
  private final long failureTimeoutMs;
  private final long healthCheckTimeoutMs;
  private final NodeHealth health;
  private final Rpc.Channels agents = new Rpc.Channels();

  /**
   * How long a job that was running when the head stopped waits, after a restart on durable
   * storage, for its driver to subscribe again before it ends: longer than a driver's longest
   * resubscription delay (5 s) plus the time to reconnect.
   */
  static final long RESTORE_GRACE_MS = 30_000;

  private final String clusterId;
  private final HeadStorage storage;
  private final HeadStorage.Table nodeTable;
  private final HeadStorage.Table jobTable;
  private final HeadStorage.Table workerTable;
  private final HeadStorage.Table actorTable;
  private final HeadStorage.Table nameTable;
  private final HeadStorage.Table kvTable;
  private final HeadStorage.Table specTable;
  private final Map<String, NodeInfo> nodes = new ConcurrentHashMap<>();
  private final Map<String, JobInfo> jobs = new ConcurrentHashMap<>();
  private final Map<Long, WorkerInfo> workers = new ConcurrentHashMap<>();
  private final Map<String, ActorInfo> actors = new ConcurrentHashMap<>(); // by "prefix:seq"
  private final Map<String, String> names = new ConcurrentHashMap<>(); // "ns/name" -> actor key
  // The creations of detached actors that may restart, by actor key (S6); kept in specTable.
  private final Map<String, TaskMsg> specs = new ConcurrentHashMap<>();
  private final DetachedRestarts restarts;
  private final KvStore kv;
  // Each subscriber with the job whose events it gets ("": every event; a job's credential gets
  // its job's actors and workers, and every node).
  private final Map<ServerCallStreamObserver<Event>, String> subscribers =
      new ConcurrentHashMap<>();

  /** The cluster token, from which job credentials derive; null in a cluster without tokens. */
  private final ClusterToken token = Rpc.processToken();

  /**
   * Job ids handed out by NewJob and not registered yet, with when (System.nanoTime), so that none
   * is handed out twice; one older than {@link #ISSUED_JOB_TTL_NANOS} no longer counts toward
   * {@link #maxJobs} and is forgotten.
   */
  private final Map<String, Long> issuedJobs = new ConcurrentHashMap<>();

  private static final long ISSUED_JOB_TTL_NANOS = TimeUnit.MINUTES.toNanos(10);

  /** The table bounds ({@link ClusterConfig#maxNodes()}, {@link ClusterConfig#maxJobs()}). */
  private final int maxNodes;

  private final int maxJobs;

  private final ScheduledExecutorService detector =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("manta-head-detector").unstarted(r));
  private final JobEnds jobEnds;
  private final StateService state;

  /**
   * A head for the cluster {@code clusterId} with {@code config}, whose tables live in memory only;
   * starts its failure detector.
   */
  public HeadService(String clusterId, ClusterConfig config) {
    this(clusterId, config, HeadStorage.inMemory());
  }

  /**
   * A head whose tables live in {@code dir} ({@code --storage DIR}): a new cluster {@code
   * clusterId} if the folder holds none, else the cluster a head kept there before, resumed.
   *
   * @throws IllegalStateException if the folder cannot be used or another head holds it
   */
  public static HeadService withStorage(String clusterId, ClusterConfig config, Path dir) {
    return new HeadService(clusterId, config, HeadStorage.open(dir));
  }

  /**
   * A head whose tables live where {@code spec} says ({@code --storage}): a folder, or {@code
   * redis://HOST:PORT[/PREFIX]} for a Redis server; resumed as {@link #withStorage(String,
   * ClusterConfig, Path)} says.
   *
   * @throws IllegalArgumentException if a Redis address is malformed
   * @throws IllegalStateException if the storage cannot be used or another head holds it
   */
  public static HeadService withStorage(String clusterId, ClusterConfig config, String spec) {
    return new HeadService(clusterId, config, HeadStorage.open(spec));
  }

  HeadService(String newClusterId, ClusterConfig config, HeadStorage storage) {
    this.heartbeatMs = config.heartbeat().toMillis();
    this.failureTimeoutMs = config.nodeDeathBound().toMillis();
    this.healthCheckTimeoutMs = config.healthCheckTimeout().toMillis();
    this.health =
        new NodeHealth(
            config.healthCheckPeriod().toMillis(),
            healthCheckTimeoutMs,
            config.healthCheckFailureThreshold(),
            System::nanoTime);
    this.kv = KvStore.from(config);
    this.maxNodes = config.maxNodes();
    this.maxJobs = config.maxJobs();
    this.jobEnds = new JobEnds(detector, failureTimeoutMs, this::jobEnded);
    this.state = new StateService(nodes, actors, jobs, workers, agents);
    this.storage = storage;
    HeadStorage.Table meta = storage.table("meta");
    this.nodeTable = storage.table("nodes");
    this.jobTable = storage.table("jobs");
    this.workerTable = storage.table("workers");
    this.actorTable = storage.table("actors");
    this.nameTable = storage.table("names");
    this.kvTable = storage.table("kv");
    this.specTable = storage.table("actor_specs");
    this.restarts =
        new DetachedRestarts(
            new DetachedRestarts.Table() {
              @Override
              public ActorInfo actor(String key) {
                return actors.get(key);
              }

              @Override
              public TaskMsg creation(String key) {
                return specs.get(key);
              }

              @Override
              public java.util.Collection<NodeInfo> nodes() {
                return nodes.values();
              }

              @Override
              public void change(ActorInfo update) {
                changeActor(update, IGNORE);
              }
            },
            agents,
            config.actorRestartWait().toMillis());
    byte[] id = meta.snapshot().get("cluster-id");
    if (id == null) {
      this.clusterId = newClusterId;
      meta.put("cluster-id", newClusterId.getBytes(StandardCharsets.UTF_8));
      storage.commit();
    } else {
      this.clusterId = new String(id, StandardCharsets.UTF_8);
      restore();
    }
    LOG.info("Head of cluster {} keeps its tables in {}", clusterId, storage.describe());
    // S6: restarts a head before this one had begun go on (the nodes rejoin meanwhile).
    for (Map.Entry<String, ActorInfo> e : actors.entrySet()) {
      ActorInfo a = e.getValue();
      if (a.getState() == ActorState.RESTARTING && a.getOwnerGone()) {
        restarts.start(e.getKey());
      }
    }
    detector.scheduleWithFixedDelay(
        this::detectFailures, health.tickMillis(), health.tickMillis(), TimeUnit.MILLISECONDS);
  }

  /** Reads back what an earlier head on this storage kept (see the class comment). */
  private void restore() {
    int alive = 0;
    for (Map.Entry<String, NodeInfo> e : read(nodeTable, NodeInfo.parser()).entrySet()) {
      nodes.put(e.getKey(), e.getValue());
      if (e.getValue().getAlive()) {
        health.watch(e.getKey()); // it has the full failure bound to answer the new head
        alive++;
      }
    }
    List<String> ended = new ArrayList<>();
    List<String> running = new ArrayList<>();
    read(jobTable, JobInfo.parser())
        .forEach(
            (k, j) -> {
              jobs.put(k, j);
              (j.getFinished() ? ended : running).add(k);
            });
    ended.sort(null);
    jobEnds.restore(ended, running, Math.max(RESTORE_GRACE_MS, failureTimeoutMs));
    read(workerTable, WorkerInfo.parser()).forEach((k, w) -> workers.put(w.getPrefix(), w));
    actors.putAll(read(actorTable, ActorInfo.parser()));
    specs.putAll(read(specTable, TaskMsg.parser()));
    nameTable.snapshot().forEach((k, v) -> names.put(k, new String(v, StandardCharsets.UTF_8)));
    int kvKeys = 0;
    for (var e : kvTable.snapshot().entrySet()) {
      int sep = e.getKey().indexOf('\0');
      try {
        kv.put(e.getKey().substring(0, sep), e.getKey().substring(sep + 1), e.getValue());
        kvKeys++;
      } catch (KvStore.LimitException ex) {
        LOG.warn("Dropped a stored key-value entry past this head's limits: {}", ex.getMessage());
        kvTable.remove(e.getKey());
      }
    }
    storage.commit();
    LOG.info(
        "Head resumed from {}: {} nodes ({} alive), {} jobs ({} running), {} workers, {} actors, {}"
            + " named, {} key-value entries",
        storage.describe(),
        nodes.size(),
        alive,
        jobs.size(),
        running.size(),
        workers.size(),
        actors.size(),
        names.size(),
        kvKeys);
  }

  private static <T> Map<String, T> read(HeadStorage.Table t, Parser<T> parser) {
    Map<String, T> out = new java.util.HashMap<>();
    t.snapshot()
        .forEach(
            (k, v) -> {
              try {
                out.put(k, parser.parseFrom(v));
              } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(
                    "The head's storage has an unreadable entry " + k + ": " + e.getMessage(), e);
              }
            });
    return out;
  }

  private static String workerKey(long prefix) {
    return HexFormat.of().toHexDigits(prefix);
  }

  private static String kvKey(String job, String key) {
    return job + '\0' + key;
  }

  /** The head's meters (nodes, actors and jobs by state), for its process's metrics endpoint. */
  public io.micrometer.core.instrument.binder.MeterBinder metrics() {
    return new HeadMetrics(nodes, actors, jobs);
  }

  /**
   * The head's state API ({@code State} in manta.proto): serve it beside this service so that
   * {@code manta list} and {@code dev.manta.cluster.state.ClusterState} find it.
   */
  public io.grpc.BindableService stateService() {
    return state;
  }

  /** Stops the failure detector, ends subscriptions and closes the storage. */
  public void close() {
    restarts.close(); // before the storage: a restart in flight changes nothing any more
    detector.shutdownNow();
    state.close();
    agents.close();
    for (ServerCallStreamObserver<Event> s : subscribers.keySet()) {
      try {
        s.onCompleted();
      } catch (RuntimeException ignored) {
        // the subscriber is gone already
      }
    }
    storage.close();
  }

  private static String key(long prefix, long seq) {
    return prefix + ":" + seq;
  }

  @Override
  public void hello(HelloRequest req, StreamObserver<HelloReply> out) {
    out.onNext(HelloReply.newBuilder().setClusterId(clusterId).setHeadVersion(version()).build());
    out.onCompleted();
  }

  static String version() {
    String v = HeadService.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * What the head answers a node it declared dead that tries to join again under its old id, and
   * that node's workers: {@code FAILED_PRECONDITION} with this word in the description, which an
   * agent takes as its cue to rejoin as a new node.
   */
  public static final String FENCED = "fenced";

  /** Why {@code n}, declared dead, may not take part again under its id. */
  private static String fenced(NodeInfo n) {
    return "Node "
        + n.getNodeId()
        + " at "
        + n.getAgentAddress()
        + " was declared dead ("
        + n.getDeathReason()
        + ") and is "
        + FENCED
        + ": its tasks and actors were failed over, so it may not run work under this id again."
        + " Its agent drops its workers, leases and objects and joins as a new node";
  }

  @Override
  public void registerNode(NodeInfo req, StreamObserver<RegisterNodeReply> out) {
    NodeInfo known = nodes.get(req.getNodeId());
    if (known != null && !known.getAlive()) { // fencing: a dead id stays dead
      LOG.warn(
          "Refused node {}: declared dead before, it must join as a new node", known.getNodeId());
      out.onError(Status.FAILED_PRECONDITION.withDescription(fenced(known)).asRuntimeException());
      return;
    }
    if (known == null) {
      long alive = nodes.values().stream().filter(NodeInfo::getAlive).count();
      if (alive >= maxNodes) {
        out.onError(
            Status.RESOURCE_EXHAUSTED
                .withDescription(
                    "The head has "
                        + alive
                        + " live nodes, its limit ("
                        + ClusterConfig.MAX_NODES
                        + " = "
                        + maxNodes
                        + "); node "
                        + req.getNodeId()
                        + " is refused. Start the head with a higher "
                        + ClusterConfig.MAX_NODES
                        + " if the cluster is meant to be this large")
                .asRuntimeException());
        return;
      }
    }
    NodeInfo n =
        req.toBuilder().setAlive(true).setLastHeartbeatMs(System.currentTimeMillis()).build();
    nodes.put(n.getNodeId(), n);
    nodeTable.put(n.getNodeId(), n.toByteArray());
    storage.commit();
    health.watch(n.getNodeId());
    LOG.info("Node {} joined at {} with {}", n.getNodeId(), n.getAgentAddress(), n.getTotal());
    publish(Event.newBuilder().setNode(n).build());
    out.onNext(
        RegisterNodeReply.newBuilder()
            .setHeartbeatIntervalMs(heartbeatMs)
            .setFailureTimeoutMs(failureTimeoutMs)
            .build());
    out.onCompleted();
  }

  @Override
  public void heartbeat(HeartbeatRequest req, StreamObserver<HeartbeatReply> out) {
    NodeInfo n = nodes.get(req.getNodeId());
    boolean known = n != null && n.getAlive();
    if (known) {
      nodes.put(
          n.getNodeId(),
          n.toBuilder()
              .setAvailable(req.getAvailable())
              .setObjectStoreUsed(req.getObjectStoreUsed())
              .setWorkers(req.getWorkers())
              .setLastHeartbeatMs(System.currentTimeMillis())
              .build());
    }
    JobEnds.Since ended = jobEnds.since(req.getFinishedJobsSeen());
    out.onNext(
        HeartbeatReply.newBuilder()
            .setKnown(known)
            .addAllFinishedJobs(ended.jobs())
            .setFinishedJobsSeq(ended.seq())
            .build());
    out.onCompleted();
  }

  /** Runs on the detector's thread: sends the checks that are due, declares the dead dead. */
  private void detectFailures() {
    try {
      NodeHealth.Tick t = health.tick();
      for (NodeHealth.Death d : t.deaths()) {
        died(d);
      }
      for (NodeHealth.Check c : t.checks()) {
        check(c);
      }
    } catch (RuntimeException e) {
      LOG.warn("Failure detector: {}", e.toString(), e); // keep detecting
    }
  }

  /** Sends one health check: the agent's {@code StoreInfo}, answered by any live agent. */
  private void check(NodeHealth.Check c) {
    NodeInfo n = nodes.get(c.nodeId());
    if (n == null) {
      return;
    }
    NodeAgentGrpc.NodeAgentStub agent;
    try {
      agent = NodeAgentGrpc.newStub(agents.get(n.getAgentAddress()));
    } catch (RuntimeException e) {
      // No channel can be made for this address (not host:port): this check fails now. Thrown out
      // of the loop in detectFailures, it stopped the checks of every other node of the tick, and
      // healthy nodes were declared dead (ClusterFuzzTest, issue 18).
      health
          .answered(c.nodeId(), c.seq(), "its agent address cannot be dialled: " + e.getMessage())
          .ifPresent(this::diedLater);
      return;
    }
    agent
        .withDeadlineAfter(healthCheckTimeoutMs, TimeUnit.MILLISECONDS)
        .storeInfo(
            Empty.getDefaultInstance(),
            new StreamObserver<StoreInfoReply>() {
              @Override
              public void onNext(StoreInfoReply value) {}

              @Override
              public void onError(Throwable e) {
                health
                    .answered(c.nodeId(), c.seq(), Status.fromThrowable(e).toString())
                    .ifPresent(HeadService.this::diedLater);
              }

              @Override
              public void onCompleted() {
                health.answered(c.nodeId(), c.seq(), null);
              }
            });
  }

  /** Handles a death found on a transport thread on the detector's, where all deaths are. */
  private void diedLater(NodeHealth.Death d) {
    try {
      detector.execute(() -> died(d));
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // the head is closing
    }
  }

  private void died(NodeHealth.Death d) {
    NodeInfo n = nodes.get(d.nodeId());
    if (n != null && n.getAlive()) {
      agents.forget(n.getAgentAddress());
      nodeDied(n, d.reason());
    }
  }

  private void nodeDied(NodeInfo n, String reason) {
    NodeInfo dead = n.toBuilder().setAlive(false).setDeathReason(reason).build();
    nodes.put(n.getNodeId(), dead);
    nodeTable.put(n.getNodeId(), dead.toByteArray());
    storage.commit();
    LOG.warn("Node {} at {} is dead: {}", n.getNodeId(), n.getAgentAddress(), reason);
    publish(Event.newBuilder().setNode(dead).build());
    for (ActorInfo a : actors.values()) {
      WorkerInfo owner = workers.get(a.getPrefix());
      boolean ownerHere = owner != null && owner.getNodeId().equals(n.getNodeId());
      boolean ownerLost =
          (a.getState() == ActorState.PENDING_CREATION || a.getState() == ActorState.RESTARTING)
              && ownerHere;
      if (ownerLost) {
        markDead(a, "its owner's node " + n.getNodeId() + " died: " + reason);
        continue;
      }
      if (ownerHere && a.getState() == ActorState.ALIVE && !isDriver(owner)) {
        // S5: its owner, a worker, died with the node; a non-detached actor dies with it. A
        // driver's node id is where it joined, not where it runs: its job's end says it died.
        ownerDied(a, "its owner's node " + n.getNodeId() + " died: " + reason);
        a = actors.get(key(a.getPrefix(), a.getSequence()));
      }
      if (a.getNodeId().equals(n.getNodeId()) && a.getState() == ActorState.ALIVE) {
        processDied(a, "its node " + n.getNodeId() + " died: " + reason);
      }
    }
  }

  /** Whether {@code w} is its job's driver (registered with the job's driver address). */
  private boolean isDriver(WorkerInfo w) {
    JobInfo j = jobs.get(w.getJobId());
    return j == null || j.getDriverAddress().equals(w.getAddress());
  }

  /**
   * The process of ALIVE actor {@code a} died: RESTARTING while it has restarts left (its owner
   * runs the constructor again and then says ALIVE; the head does, for a detached actor whose owner
   * is gone, S6), else DEAD, saying {@code why}.
   */
  private void processDied(ActorInfo a, String why) {
    int max = a.getMaxRestarts();
    boolean left = max == -1 || a.getNumRestarts() < max;
    if (a.getOwnerGone() && max != 0 && left) {
      // S6: a detached actor whose owner is gone is restarted by the head, if it can be.
      String k = key(a.getPrefix(), a.getSequence());
      String whyNot = restarts.whyNot(k);
      if (whyNot != null) {
        markDead(a, why + "; it is not restarted: " + whyNot);
      } else {
        changeActor(
            a.toBuilder().setState(ActorState.RESTARTING).setDeathReason(why).build(), IGNORE);
        restarts.start(k);
      }
    } else if (max != 0 && left) {
      changeActor(
          a.toBuilder().setState(ActorState.RESTARTING).setDeathReason(why).build(), IGNORE);
    } else {
      markDead(
          a,
          max == 0
              ? why
              : why
                  + "; out of restarts (restarted "
                  + a.getNumRestarts()
                  + " times, maxRestarts "
                  + max
                  + ")");
    }
  }

  @Override
  public void getClusterView(Empty req, StreamObserver<ClusterView> out) {
    Principal p = Principal.current();
    ClusterView.Builder v =
        ClusterView.newBuilder().addAllNodes(nodes.values()).setFailureTimeoutMs(failureTimeoutMs);
    if (p.seesAll()) {
      v.addAllActors(actors.values()).addAllJobs(jobs.values());
    } else {
      // A job sees its own job and actors; the client token, none (it has no job yet).
      actors.values().stream().filter(a -> p.mayActFor(a.getJobId())).forEach(v::addActors);
      jobs.values().stream().filter(j -> p.mayActFor(j.getJobId())).forEach(v::addJobs);
    }
    out.onNext(v.build());
    out.onCompleted();
  }

  /**
   * A fresh job id, never registered nor handed out before, with its credential: a caller can never
   * obtain the credential of a job that exists. The cluster, admin and client tokens may ask; a
   * job's credential may not (a job's processes need no second job).
   */
  @Override
  public void newJob(Empty req, StreamObserver<NewJobReply> out) {
    Principal p = Principal.current();
    if (p.kind() == Principal.Kind.JOB) {
      out.onError(
          Status.PERMISSION_DENIED
              .withDescription(
                  "Permission denied: "
                      + p.describe()
                      + " cannot start another job; a driver starts one with the client token"
                      + " (<session dir>/client-token) or the cluster token")
              .asRuntimeException());
      return;
    }
    long now = System.nanoTime();
    issuedJobs.values().removeIf(t -> now - t > ISSUED_JOB_TTL_NANOS);
    long running = jobs.values().stream().filter(j -> !j.getFinished()).count();
    if (running + issuedJobs.size() >= maxJobs) {
      out.onError(
          Status.RESOURCE_EXHAUSTED
              .withDescription(
                  "The head runs "
                      + running
                      + " jobs and has "
                      + issuedJobs.size()
                      + " more starting, its limit ("
                      + ClusterConfig.MAX_JOBS
                      + " = "
                      + maxJobs
                      + "); end a job, or start the head with a higher "
                      + ClusterConfig.MAX_JOBS)
              .asRuntimeException());
      return;
    }
    java.security.SecureRandom random = new java.security.SecureRandom();
    String id;
    do {
      id = HexFormat.of().toHexDigits(random.nextInt());
    } while (jobs.containsKey(id) || issuedJobs.putIfAbsent(id, now) != null);
    NewJobReply.Builder r = NewJobReply.newBuilder().setJobId(id);
    if (token != null && token.kind() == Principal.Kind.NODE) {
      ClusterToken c = token.forJob(id);
      r.setCredential(c.secret())
          .setNodeDigest(c.nodeDigestHex())
          .setAdminDigest(c.adminDigestHex());
    }
    out.onNext(r.build());
    out.onCompleted();
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

  @Override
  public void registerJob(JobInfo req, StreamObserver<JobInfo> out) {
    if (!allowed(req.getJobId(), "job " + req.getJobId(), out)) {
      return;
    }
    issuedJobs.remove(req.getJobId());
    JobInfo j = req.toBuilder().setStartedMs(System.currentTimeMillis()).build();
    JobInfo old = jobs.putIfAbsent(j.getJobId(), j);
    if (old != null) { // its driver registers again after a head restart: the first one holds
      out.onNext(old);
      out.onCompleted();
      return;
    }
    jobTable.put(j.getJobId(), j.toByteArray());
    storage.commit();
    LOG.info("Job {} started by driver {}", j.getJobId(), j.getDriverAddress());
    out.onNext(j);
    out.onCompleted();
  }

  @Override
  public void finishJob(JobInfo req, StreamObserver<Empty> out) {
    if (!allowed(req.getJobId(), "job " + req.getJobId(), out)) {
      return;
    }
    jobEnds.finish(req.getJobId(), "its driver shut down");
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  private void jobEnded(String job, String reason) {
    for (ActorInfo a : actors.values()) {
      if (!a.getJobId().equals(job) || a.getState() == ActorState.DEAD) {
        continue;
      }
      if (a.getDetached() && a.getState() == ActorState.ALIVE) {
        changeActor(a.toBuilder().setOwnerGone(true).build(), IGNORE); // S5: it outlives its job
      } else {
        // S5: its owner, a process of the job, is gone; the nodes stop the job's workers.
        markDead(a, "it was killed because its job " + job + " ended: " + reason);
      }
    }
    JobInfo j = jobs.computeIfPresent(job, (k, v) -> v.toBuilder().setFinished(true).build());
    if (j != null) {
      jobTable.put(job, j.toByteArray());
    }
    synchronized (kvTable) {
      for (String key : kv.dropJob(job)) {
        kvTable.remove(kvKey(job, key));
      }
    }
    storage.commit();
    LOG.info("Job {} ended: {}; nodes free what it left", job, reason);
  }

  @Override
  public void registerWorker(WorkerInfo req, StreamObserver<Empty> out) {
    WorkerInfo old = workers.get(req.getPrefix());
    if (!allowed(req.getJobId(), "worker " + Long.toHexString(req.getPrefix()), out)
        || (old != null
            && !allowed(old.getJobId(), "worker " + Long.toHexString(req.getPrefix()), out))) {
      return;
    }
    NodeInfo node = nodes.get(req.getNodeId());
    if (node != null && !node.getAlive()) { // fencing: no new worker of a dead node
      out.onError(Status.FAILED_PRECONDITION.withDescription(fenced(node)).asRuntimeException());
      return;
    }
    workers.put(req.getPrefix(), req);
    workerTable.put(workerKey(req.getPrefix()), req.toByteArray());
    storage.commit();
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void getWorker(WorkerLookup req, StreamObserver<WorkerInfo> out) {
    WorkerInfo w = workers.get(req.getPrefix());
    if (w == null) {
      out.onError(
          Status.NOT_FOUND
              .withDescription("no worker with id prefix " + Long.toHexString(req.getPrefix()))
              .asRuntimeException());
      return;
    }
    if (!allowed(w.getJobId(), "worker " + Long.toHexString(req.getPrefix()), out)) {
      return;
    }
    out.onNext(w);
    out.onCompleted();
  }

  @Override
  public void registerActor(ActorInfo given, StreamObserver<ActorInfo> out) {
    // A creation comes with the first ALIVE only (S6); one sent here is not kept.
    ActorInfo req = given.hasCreation() ? given.toBuilder().clearCreation().build() : given;
    String k = key(req.getPrefix(), req.getSequence());
    ActorInfo mine = actors.get(k);
    if (!allowed(req.getJobId(), "actor " + k, out)
        || (mine != null && !allowed(mine.getJobId(), "actor " + k, out))) {
      return;
    }
    synchronized (this) {
      if (!req.getName().isEmpty()) {
        String nk = req.getNamespace() + "/" + req.getName();
        String existing = names.get(nk);
        ActorInfo other = existing == null ? null : actors.get(existing);
        if (other != null && other.getState() != ActorState.DEAD && !existing.equals(k)) {
          out.onError(
              Status.ALREADY_EXISTS
                  .withDescription(
                      "An actor named '"
                          + req.getName()
                          + "' already exists in namespace '"
                          + req.getNamespace()
                          + "'; pick another name, kill the existing one, or find it with"
                          + " Manta.getActor(\""
                          + req.getName()
                          + "\")")
                  .asRuntimeException());
          return;
        }
        names.put(nk, k);
        nameTable.put(nk, k.getBytes(StandardCharsets.UTF_8));
      }
      actors.put(k, req);
      actorTable.put(k, req.toByteArray());
      storage.commit();
    }
    publish(Event.newBuilder().setActor(req).build());
    out.onNext(req);
    out.onCompleted();
  }

  @Override
  public void updateActor(ActorInfo req, StreamObserver<Empty> out) {
    String k = key(req.getPrefix(), req.getSequence());
    ActorInfo known = actors.get(k);
    String job =
        known != null
            ? known.getJobId()
            : req.getJobId().isEmpty() ? Principal.current().jobId() : req.getJobId();
    if (!allowed(job, "actor " + k, out)) {
      return;
    }
    if (req.hasCreation()) {
      // S6: kept apart, never published; only its owner's job may send it (checked above).
      if (req.getDetached() && req.getMaxRestarts() != 0 && req.getState() == ActorState.ALIVE) {
        synchronized (this) {
          ActorInfo now = actors.get(k);
          if (now != null && now.getState() != ActorState.DEAD) {
            specs.put(k, req.getCreation());
            specTable.put(k, req.getCreation().toByteArray());
          }
        }
      }
      req = req.toBuilder().clearCreation().build();
    }
    changeActor(req, out);
  }

  /** Applies an actor's update (S4); the caller, if any, was checked. */
  private void changeActor(ActorInfo req, StreamObserver<Empty> out) {
    String k = key(req.getPrefix(), req.getSequence());
    ActorInfo updated;
    synchronized (this) {
      ActorInfo old = actors.get(k);
      if (old != null && old.getState() == ActorState.DEAD) {
        updated = null; // DEAD is final
      } else if (stale(old, req)) {
        updated = null; // S4: an earlier incarnation's news
        LOG.debug("Dropped a stale update of actor {}: {}", k, req.getState());
      } else {
        ActorInfo.Builder b = old == null ? req.toBuilder() : old.toBuilder().mergeFrom(req);
        b.setState(req.getState());
        if (req.getState() == ActorState.ALIVE) {
          b.clearDeathReason(); // running again: the reason it restarted is history
        }
        updated = b.build();
        actors.put(k, updated);
        actorTable.put(k, updated.toByteArray());
        String nk = updated.getNamespace() + "/" + updated.getName();
        if (updated.getState() == ActorState.DEAD
            && !updated.getName().isEmpty()
            && names.remove(nk, k)) {
          nameTable.remove(nk);
        }
        if (updated.getState() == ActorState.DEAD && specs.remove(k) != null) {
          specTable.remove(k); // S6: it never runs again
        }
        storage.commit();
      }
    }
    if (updated != null) {
      publish(Event.newBuilder().setActor(updated).build());
    }
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  /**
   * S5: the owner of ALIVE actor {@code a} died ({@code why}). A detached actor lives on, marked
   * owner_gone (the head restarts it from now on, S6); any other is DEAD, and the head ends it
   * where it runs (its owner, which would, is gone): its worker is told to kill it and its lease
   * goes back.
   */
  private void ownerDied(ActorInfo a, String why) {
    if (a.getDetached()) {
      changeActor(a.toBuilder().setOwnerGone(true).build(), IGNORE);
      LOG.info(
          "Actor {} is detached: it outlives its owner ({})",
          key(a.getPrefix(), a.getSequence()),
          why);
      return;
    }
    markDead(a, "it was killed because " + why);
    endWhereItRuns(a);
  }

  /**
   * Tells the worker of actor {@code a} to kill it and its node's agent to return its lease. The
   * calls are sent outside the current gRPC context: this runs inside a server call (a worker's
   * death report), whose context gRPC cancels as soon as that call completes, and an outgoing call
   * that inherited it was then cancelled in flight; under load the lease never went back and the
   * node's CPUs stayed reserved for an actor that was dead (ClusterActorOwnerTest, issue 17).
   * Failures are logged: a lease that cannot go back is a leak to see.
   */
  private void endWhereItRuns(ActorInfo a) {
    Context.ROOT.run(() -> endWhereItRunsOutsideCall(a));
  }

  private void endWhereItRunsOutsideCall(ActorInfo a) {
    String k = key(a.getPrefix(), a.getSequence());
    ActorInfo id =
        ActorInfo.newBuilder().setPrefix(a.getPrefix()).setSequence(a.getSequence()).build();
    try {
      if (!a.getWorkerAddress().isEmpty()) {
        Rpc.deadline(
                dev.manta.cluster.proto.CoreWorkerGrpc.newStub(agents.get(a.getWorkerAddress())))
            .killActor(id, logFailure("Telling the worker of actor " + k + " to kill it"));
      }
      NodeInfo n = nodes.get(a.getNodeId());
      if (n != null && n.getAlive()) {
        Rpc.deadline(NodeAgentGrpc.newStub(agents.get(n.getAgentAddress())))
            .returnLease(
                dev.manta.cluster.proto.LeaseId.newBuilder()
                    .setActorPrefix(a.getPrefix())
                    .setActorSequence(a.getSequence())
                    .build(),
                logFailure("Returning the lease of actor " + k + " on node " + n.getNodeId()));
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not end actor {} where it runs: {}", k, e.toString());
    }
  }

  /** A reply observer that ignores the reply and logs a failure of {@code what}. */
  private static StreamObserver<Empty> logFailure(String what) {
    return new StreamObserver<>() {
      @Override
      public void onNext(Empty value) {}

      @Override
      public void onError(Throwable t) {
        LOG.warn("{} failed: {}", what, Status.fromThrowable(t));
      }

      @Override
      public void onCompleted() {}
    };
  }

  private void markDead(ActorInfo a, String reason) {
    changeActor(a.toBuilder().setState(ActorState.DEAD).setDeathReason(reason).build(), IGNORE);
  }

  private static final StreamObserver<Empty> IGNORE =
      new StreamObserver<>() {
        @Override
        public void onNext(Empty value) {}

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {}
      };

  /**
   * Whether update {@code req} is about an incarnation of the actor older than the record {@code
   * old} (S4): an ALIVE with a lower restart count, or the end notice of a worker ({@code
   * worker_address} set) that no longer hosts it. The record is keyed by the actor's id and restart
   * count, never by a worker's address, which a reused or restarted worker shares.
   */
  private static boolean stale(ActorInfo old, ActorInfo req) {
    if (old == null) {
      return false;
    }
    if (req.getState() == ActorState.ALIVE && req.getNumRestarts() < old.getNumRestarts()) {
      return true;
    }
    return req.getState() == ActorState.DEAD
        && !req.getWorkerAddress().isEmpty()
        && !old.getWorkerAddress().isEmpty()
        && !req.getWorkerAddress().equals(old.getWorkerAddress());
  }

  @Override
  public void getActor(ActorLookup req, StreamObserver<ActorInfo> out) {
    ActorInfo a = null;
    if (req.hasId()) {
      a = actors.get(key(req.getId().getPrefix(), req.getId().getSequence()));
    } else {
      String k = names.get(req.getNamespace() + "/" + req.getName());
      a = k == null ? null : actors.get(k);
    }
    if (a == null) {
      out.onError(Status.NOT_FOUND.withDescription("no such actor").asRuntimeException());
      return;
    }
    Principal caller = Principal.current();
    if (a.getDetached() && !caller.mayActFor(a.getJobId())) {
      // Named for what it is: a cluster token keeps each job's processes apart (S5).
      out.onError(
          Status.PERMISSION_DENIED
              .withDescription(
                  "Actor "
                      + (a.getName().isEmpty()
                          ? key(a.getPrefix(), a.getSequence())
                          : "'" + a.getName() + "'")
                      + " is a detached actor of job "
                      + a.getJobId()
                      + "; with a cluster token each job's processes reach only their own job's"
                      + " actors (its worker takes calls with job "
                      + a.getJobId()
                      + "'s credential only), so this process cannot call it. Sharing detached"
                      + " actors between jobs under a token is not built: use it from its own"
                      + " job's processes, or run a loopback cluster with --insecure-no-token")
              .asRuntimeException());
      return;
    }
    if (!allowed(
        a.getJobId(),
        req.hasId()
            ? "actor " + key(a.getPrefix(), a.getSequence())
            : "the actor named '" + req.getName() + "' in namespace '" + req.getNamespace() + "'",
        out)) {
      return;
    }
    out.onNext(a);
    out.onCompleted();
  }

  @Override
  public void kvPut(KvEntry req, StreamObserver<Empty> out) {
    if (!allowed(req.getJobId(), "the key-value entries", out)) {
      return;
    }
    try {
      synchronized (kvTable) { // the table's value is the store's, for each key
        kv.put(req.getJobId(), req.getKey(), req.getValue().toByteArray());
        kvTable.put(kvKey(req.getJobId(), req.getKey()), req.getValue().toByteArray());
      }
      storage.commit();
    } catch (KvStore.LimitException e) {
      out.onError(Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void kvGet(KvKey req, StreamObserver<KvEntry> out) {
    if (!allowed(req.getJobId(), "the key-value entries", out)) {
      return;
    }
    byte[] v = kv.get(req.getJobId(), req.getKey());
    KvEntry.Builder e = KvEntry.newBuilder().setJobId(req.getJobId()).setKey(req.getKey());
    if (v != null) {
      e.setValue(com.google.protobuf.ByteString.copyFrom(v)).setFound(true);
    }
    out.onNext(e.build());
    out.onCompleted();
  }

  @Override
  public void kvDelete(KvKey req, StreamObserver<Empty> out) {
    if (!allowed(req.getJobId(), "the key-value entries", out)) {
      return;
    }
    synchronized (kvTable) {
      kv.delete(req.getJobId(), req.getKey());
      kvTable.remove(kvKey(req.getJobId(), req.getKey()));
    }
    storage.commit();
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void subscribe(SubscribeRequest req, StreamObserver<Event> out) {
    Principal p = Principal.current();
    if (!p.seesAll() && !allowed(req.getJobId(), "the events of job " + req.getJobId(), out)) {
      return;
    }
    ServerCallStreamObserver<Event> s = (ServerCallStreamObserver<Event>) out;
    String job = req.getDriver() ? req.getJobId() : "";
    if (!job.isEmpty()) {
      jobEnds.driverStreamOpened(job);
    }
    s.setOnCancelHandler(
        () -> {
          subscribers.remove(s);
          if (!job.isEmpty()) {
            jobEnds.driverStreamClosed(job);
          }
        });
    subscribers.put(s, p.seesAll() ? "" : p.jobId());
  }

  @Override
  public void reportWorkerDeath(WorkerDeath req, StreamObserver<Empty> out) {
    // A worker that exited with code 0 ended normally (its driver asked it to, or went away).
    LOG.atLevel(req.getClean() ? Level.INFO : Level.WARN)
        .log(
            "Worker {} on node {} {}: {}",
            Long.toHexString(req.getPrefix()),
            req.getNodeId(),
            req.getClean() ? "exited" : "died",
            req.getReason());
    WorkerInfo w = workers.remove(req.getPrefix());
    if (w != null) {
      workerTable.remove(workerKey(req.getPrefix()));
      storage.commit();
    }
    publish(Event.newBuilder().setWorkerDied(req).build(), w == null ? null : w.getJobId());
    for (ActorInfo a : actors.values()) {
      if (w != null
          && a.getWorkerAddress().equals(w.getAddress())
          && a.getState() == ActorState.ALIVE) {
        if (a.getPrefix() == req.getPrefix()) {
          ownerDied(a, "its owner, worker process " + Long.toHexString(req.getPrefix()) + ", died");
          a = actors.get(key(a.getPrefix(), a.getSequence()));
        }
        processDied(a, "its worker process died: " + req.getReason());
      } else if (a.getPrefix() == req.getPrefix() && a.getState() == ActorState.ALIVE) {
        // S5: the process that created it died (a worker running a task or actor).
        ownerDied(
            a,
            "its owner, worker process "
                + Long.toHexString(req.getPrefix())
                + " on node "
                + req.getNodeId()
                + ", died: "
                + req.getReason());
      } else if (a.getPrefix() == req.getPrefix()
          && (a.getState() == ActorState.PENDING_CREATION
              || a.getState() == ActorState.RESTARTING)) {
        // Nobody else can place it; holders of its handle are waiting for ALIVE or DEAD.
        markDead(
            a,
            "its owner died before "
                + (a.getState() == ActorState.RESTARTING ? "restarting" : "placing")
                + " it: "
                + req.getReason());
      }
    }
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  private void publish(Event e) {
    publish(e, e.hasActor() ? e.getActor().getJobId() : null);
  }

  /**
   * Sends {@code e} to every subscriber that may see job {@code job}'s events: {@code job} null, an
   * event of the cluster's (a node's, an unknown worker's death), which all get; empty, of no job
   * (an actor or worker registered with the cluster or admin token and no job id), which only those
   * that see every job get, like every other job's.
   */
  private void publish(Event e, String job) {
    List<ServerCallStreamObserver<Event>> gone = new ArrayList<>();
    for (Map.Entry<ServerCallStreamObserver<Event>, String> sub : subscribers.entrySet()) {
      ServerCallStreamObserver<Event> s = sub.getKey();
      if (job != null && !sub.getValue().isEmpty() && !sub.getValue().equals(job)) {
        continue;
      }
      try {
        synchronized (s) {
          if (s.isCancelled()) {
            gone.add(s);
          } else {
            s.onNext(e);
          }
        }
      } catch (RuntimeException ex) {
        gone.add(s);
      }
    }
    gone.forEach(subscribers::remove);
  }
}
