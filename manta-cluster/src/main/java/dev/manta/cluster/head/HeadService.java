package dev.manta.cluster.head;

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
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.RegisterNodeReply;
import dev.manta.cluster.proto.StoreInfoReply;
import dev.manta.cluster.proto.SubscribeRequest;
import dev.manta.cluster.proto.WorkerDeath;
import dev.manta.cluster.proto.WorkerInfo;
import dev.manta.cluster.proto.WorkerLookup;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>Job ends ({@link JobEnds}): a job ends when its driver shuts down or its driver's subscription
 * stays closed for {@link #failureTimeoutMs} (the longest a dead node stays alive in this view,
 * {@link ClusterConfig#nodeDeathBound()}); each heartbeat reply tells the node the jobs that ended
 * since its last, and the node frees what they left.
 */
public final class HeadService extends HeadGrpc.HeadImplBase {
  private static final Logger LOG = LoggerFactory.getLogger(HeadService.class);

  private final long heartbeatMs;
  private final long failureTimeoutMs;
  private final long healthCheckTimeoutMs;
  private final NodeHealth health;
  private final Rpc.Channels agents = new Rpc.Channels();

  private final String clusterId;
  private final Map<String, NodeInfo> nodes = new ConcurrentHashMap<>();
  private final Map<String, JobInfo> jobs = new ConcurrentHashMap<>();
  private final Map<Long, WorkerInfo> workers = new ConcurrentHashMap<>();
  private final Map<String, ActorInfo> actors = new ConcurrentHashMap<>(); // by "prefix:seq"
  private final Map<String, String> names = new ConcurrentHashMap<>(); // "ns/name" -> actor key
  private final KvStore kv;
  private final Set<ServerCallStreamObserver<Event>> subscribers = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService detector =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("manta-head-detector").unstarted(r));
  private final JobEnds jobEnds;

  /** A head for the cluster {@code clusterId} with {@code config}; starts its failure detector. */
  public HeadService(String clusterId, ClusterConfig config) {
    this.clusterId = clusterId;
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
    this.jobEnds = new JobEnds(detector, failureTimeoutMs, this::jobEnded);
    detector.scheduleWithFixedDelay(
        this::detectFailures, health.tickMillis(), health.tickMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops the failure detector and ends subscriptions. */
  public void close() {
    detector.shutdownNow();
    agents.close();
    for (ServerCallStreamObserver<Event> s : subscribers) {
      try {
        s.onCompleted();
      } catch (RuntimeException ignored) {
        // the subscriber is gone already
      }
    }
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

  @Override
  public void registerNode(NodeInfo req, StreamObserver<RegisterNodeReply> out) {
    NodeInfo n =
        req.toBuilder().setAlive(true).setLastHeartbeatMs(System.currentTimeMillis()).build();
    nodes.put(n.getNodeId(), n);
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
    NodeAgentGrpc.newStub(agents.get(n.getAgentAddress()))
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
    LOG.warn("Node {} at {} is dead: {}", n.getNodeId(), n.getAgentAddress(), reason);
    publish(Event.newBuilder().setNode(dead).build());
    for (ActorInfo a : actors.values()) {
      WorkerInfo owner = workers.get(a.getPrefix());
      boolean ownerLost =
          a.getState() == ActorState.PENDING
              && owner != null
              && owner.getNodeId().equals(n.getNodeId());
      if ((a.getNodeId().equals(n.getNodeId()) || ownerLost) && a.getState() != ActorState.DEAD) {
        markDead(
            a,
            (ownerLost ? "its owner's node " : "its node ") + n.getNodeId() + " died: " + reason);
      }
    }
  }

  @Override
  public void getClusterView(Empty req, StreamObserver<ClusterView> out) {
    out.onNext(
        ClusterView.newBuilder()
            .addAllNodes(nodes.values())
            .addAllActors(actors.values())
            .addAllJobs(jobs.values())
            .setFailureTimeoutMs(failureTimeoutMs)
            .build());
    out.onCompleted();
  }

  @Override
  public void registerJob(JobInfo req, StreamObserver<JobInfo> out) {
    JobInfo j = req.toBuilder().setStartedMs(System.currentTimeMillis()).build();
    jobs.put(j.getJobId(), j);
    LOG.info("Job {} started by driver {}", j.getJobId(), j.getDriverAddress());
    out.onNext(j);
    out.onCompleted();
  }

  @Override
  public void finishJob(JobInfo req, StreamObserver<Empty> out) {
    jobEnds.finish(req.getJobId(), "its driver shut down");
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  private void jobEnded(String job, String reason) {
    jobs.computeIfPresent(job, (k, j) -> j.toBuilder().setFinished(true).build());
    kv.dropJob(job);
    LOG.info("Job {} ended: {}; nodes free what it left", job, reason);
  }

  @Override
  public void registerWorker(WorkerInfo req, StreamObserver<Empty> out) {
    workers.put(req.getPrefix(), req);
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
    out.onNext(w);
    out.onCompleted();
  }

  @Override
  public void registerActor(ActorInfo req, StreamObserver<ActorInfo> out) {
    String k = key(req.getPrefix(), req.getSequence());
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
      }
      actors.put(k, req);
    }
    publish(Event.newBuilder().setActor(req).build());
    out.onNext(req);
    out.onCompleted();
  }

  @Override
  public void updateActor(ActorInfo req, StreamObserver<Empty> out) {
    String k = key(req.getPrefix(), req.getSequence());
    ActorInfo updated;
    synchronized (this) {
      ActorInfo old = actors.get(k);
      if (old != null && old.getState() == ActorState.DEAD) {
        updated = null; // DEAD is final
      } else {
        ActorInfo.Builder b = old == null ? req.toBuilder() : old.toBuilder().mergeFrom(req);
        b.setState(req.getState());
        updated = b.build();
        actors.put(k, updated);
        if (updated.getState() == ActorState.DEAD && !updated.getName().isEmpty()) {
          names.remove(updated.getNamespace() + "/" + updated.getName(), k);
        }
      }
    }
    if (updated != null) {
      publish(Event.newBuilder().setActor(updated).build());
    }
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  private void markDead(ActorInfo a, String reason) {
    updateActor(
        a.toBuilder().setState(ActorState.DEAD).setDeathReason(reason).build(),
        new StreamObserver<>() {
          @Override
          public void onNext(Empty value) {}

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onCompleted() {}
        });
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
    out.onNext(a);
    out.onCompleted();
  }

  @Override
  public void kvPut(KvEntry req, StreamObserver<Empty> out) {
    try {
      kv.put(req.getJobId(), req.getKey(), req.getValue().toByteArray());
    } catch (KvStore.LimitException e) {
      out.onError(Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void kvGet(KvKey req, StreamObserver<KvEntry> out) {
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
    kv.delete(req.getJobId(), req.getKey());
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void subscribe(SubscribeRequest req, StreamObserver<Event> out) {
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
    subscribers.add(s);
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
    publish(Event.newBuilder().setWorkerDied(req).build());
    for (ActorInfo a : actors.values()) {
      if (w != null
          && a.getWorkerAddress().equals(w.getAddress())
          && a.getState() != ActorState.DEAD) {
        markDead(a, "its worker process died: " + req.getReason());
      } else if (a.getPrefix() == req.getPrefix() && a.getState() == ActorState.PENDING) {
        // Nobody else can place it; holders of its handle are waiting for ALIVE or DEAD.
        markDead(a, "its owner died before placing it: " + req.getReason());
      }
    }
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  private void publish(Event e) {
    List<ServerCallStreamObserver<Event>> gone = new ArrayList<>();
    for (ServerCallStreamObserver<Event> s : subscribers) {
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
    subscribers.removeAll(gone);
  }
}
