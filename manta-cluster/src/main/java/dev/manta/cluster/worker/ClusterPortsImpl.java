package dev.manta.cluster.worker;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.manta.MantaConfig;
import dev.manta.MantaFunction;
import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorLookup;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.BorrowBatch;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.FreeRequest;
import dev.manta.cluster.proto.GetObjectRequest;
import dev.manta.cluster.proto.LeaseGrant;
import dev.manta.cluster.proto.LeaseId;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.ObjectIdMsg;
import dev.manta.cluster.proto.ResultBatch;
import dev.manta.cluster.proto.ResultMsg;
import dev.manta.cluster.proto.TaskBatch;
import dev.manta.cluster.proto.TaskMsg;
import dev.manta.cluster.proto.ValueMsg;
import dev.manta.cluster.proto.WorkerInfo;
import dev.manta.cluster.rpc.DirectLink;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.cluster.rpc.TaskMessages;
import dev.manta.cluster.rpc.TaskMessages.Outgoing;
import dev.manta.cluster.rpc.Wire;
import dev.manta.runtime.CoreWorker;
import dev.manta.runtime.actor.ActorInstance;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.port.ClusterPorts;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.ObjectStore;
import dev.manta.runtime.store.RemoteValue;
import dev.manta.runtime.store.StoreValue;
import dev.manta.runtime.store.StoredValue;
import dev.manta.runtime.task.ResourceSet;
import dev.manta.runtime.task.TaskSpec;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.netty.util.concurrent.FastThreadLocalThread;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster implementation of the core worker's ports, used by drivers and workers alike: tasks
 * go to the job's task worker on a node picked by resources and load (a lease from that node's
 * agent), actors to a worker of their own, objects to the node's shared store, and owners serve the
 * values of their objects to borrowers. Every process runs a {@code CoreWorker} gRPC server
 * (borrows, objects, kills), and every worker a {@link DirectLink} server: owners push tasks to it
 * and read their results back on the same link (or on a gRPC {@code Submit} stream where links are
 * off).
 *
 * <p>Thread-safety: all state is in concurrent maps; per-peer sends go through {@link Batcher}s.
 */
public final class ClusterPortsImpl implements ClusterPorts {
  /*
   * Implementation notes (task order, actor handles)
   *  T1  Tasks sent under one task lease leave in submission order: while the lease is pending
   *      they queue in leaseWaiters, drained in order once it completes; a task that finds no
   *      queue and the lease done goes at once.
   *  A1  An actor owned here is registered PENDING at the head before remote() returns
   *      (registerActor): no handle reaches another process before the head knows its actor.
   *  A2  A proxy of another owner's actor is in awaitingPlacement iff it was made while the
   *      actor was PENDING and no ALIVE or DEAD has been seen for it since. It leaves on the
   *      first of: the head's ALIVE or DEAD event, the recheck after awaitPlaced or after a
   *      resubscription, its death here. placed() and placementFailed() remove it before they
   *      act, so exactly one of them settles it.
   */
  private static final Logger LOG = LoggerFactory.getLogger(ClusterPortsImpl.class);
  private static final long GET_OBJECT_DEADLINE_MS = 600_000;

  private final String jobId;
  private final String namespace;
  private final String bind;
  private final boolean driver;
  private final Rpc.Channels channels = new Rpc.Channels();
  private final ClusterView view;
  private final Leases leases;
  private final String agentAddress;
  private final String nodeId;
  private final Map<TaskId, Inflight> inflight = new ConcurrentHashMap<>();
  private final Map<ActorId, ActorPlace> actorPlaces = new ConcurrentHashMap<>();
  private final Map<String, Batcher<Outgoing>> pushLinks = new ConcurrentHashMap<>();
  private final Map<String, Batcher<ResultMsg>> reportLinks = new ConcurrentHashMap<>();
  private final Map<ObjectId, Long> borrowed = new ConcurrentHashMap<>(); // stand-in -> owner
  private final Map<Long, List<OwnedObject>> borrowers = new ConcurrentHashMap<>();
  private final Map<String, MantaFunction> functions = new ConcurrentHashMap<>();
  private final CodeShipper code;

  /**
   * Whether this process takes direct links and opens them to workers that do ({@code
   * -Dmanta.direct-links=false}, read when the process joins: every push goes over gRPC {@code
   * Submit} streams).
   */
  private final boolean directLinks =
      Boolean.parseBoolean(System.getProperty("manta.direct-links", "true"));

  private volatile CoreGate core;
  private volatile Server server;
  private volatile DirectLink.Server linkServer;
  private final Map<String, DirectLink> outLinks = new ConcurrentHashMap<>(); // by worker
  private volatile String address;
  private volatile boolean closed;

  private record Inflight(
      TaskSpec spec, String worker, String nodeId, long cpu, ActorInstance actor) {}

  private record ActorPlace(String worker, String nodeId, long leaseId, String agent) {}

  /**
   * Ports for a process of job {@code jobId} joining the head at {@code headAddress}; {@code
   * agentAddress} is this node's agent (for a driver: the agent found on this machine).
   */
  ClusterPortsImpl(
      String headAddress,
      String jobId,
      String namespace,
      String agentAddress,
      String bind,
      boolean driver,
      CodeShipper code) {
    this.jobId = jobId;
    this.namespace = namespace;
    this.agentAddress = agentAddress;
    this.bind = bind;
    this.driver = driver;
    this.code = code;
    this.view = ClusterView.join(channels, headAddress, jobId, agentAddress, driver, () -> closed);
    this.nodeId = view.nodeId();
    this.leases = new Leases(channels, jobId, view);
  }

  /** This process's server address. */
  String address() {
    return address;
  }

  // --- ClusterPorts: setup ---

  @Override
  public ObjectStore openStore(MantaConfig config) {
    return new SharedStoreClient(channels.get(agentAddress), jobId);
  }

  @Override
  public void attach(CoreWorker worker) {
    this.core = CoreGate.of(worker);
    // Handlers never block (they queue work or complete futures): run them on the transport's
    // threads. FetchCode reads a file, which is short.
    this.server = Rpc.serve(bind, 0, List.of(new CoreWorkerService(this, code)), true);
    if (directLinks && !driver) { // owners push work to workers only
      this.linkServer = DirectLink.Server.start(bind, this::acceptLink);
    }
    this.address = bind + ":" + server.getPort();
    Rpc.deadline(view.head())
        .registerWorker(
            WorkerInfo.newBuilder()
                .setPrefix(core.prefix())
                .setAddress(address)
                .setNodeId(nodeId)
                .setJobId(jobId)
                .build());
    if (code != null) {
      Rpc.deadline(view.head())
          .registerJob(
              dev.manta.cluster.proto.JobInfo.newBuilder()
                  .setJobId(jobId)
                  .setDriverAddress(address)
                  .setNamespace(namespace)
                  .addAllCode(code.entries())
                  .build());
    }
    view.subscribe(
        address,
        new ClusterView.Listener() {
          @Override
          public void nodeDied(NodeInfo n) {
            ClusterPortsImpl.this.nodeDied(n);
          }

          @Override
          public void workerDied(long prefix, String reason) {
            ClusterPortsImpl.this.workerDied(prefix, reason);
          }

          @Override
          public void actorChanged(ActorInfo a) {
            onActor(a);
          }

          @Override
          public void resubscribed() {
            // Events between the old stream and the new one are lost: ask about what waits on
            // them.
            for (ActorId id : List.copyOf(awaitingPlacement.keySet())) {
              recheckPlacement(id);
            }
          }
        });
  }

  private void onActor(ActorInfo a) {
    if (a.getState() == ActorState.ALIVE) {
      placed(new ActorId(a.getPrefix(), a.getSequence()), a);
    }
    if (a.getState() == ActorState.DEAD) {
      ActorId id = new ActorId(a.getPrefix(), a.getSequence());
      if (creating(id)) {
        return; // its creation's own result says why, with the constructor's error
      }
      actorPlaces.remove(id);
      placementFailed(id, a.getDeathReason());
      ActorInstance proxy = proxyOrNull(id);
      if (proxy != null) {
        core.actorDied(
            proxy,
            Failure.actorDied(
                id.hex(),
                proxy.className(),
                "Actor " + id.hex() + " died: " + a.getDeathReason(),
                null));
      }
    }
  }

  private boolean creating(ActorId id) {
    for (Inflight f : inflight.values()) {
      if (f.spec.kind == TaskSpec.Kind.ACTOR_CREATION && f.actor.id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private ActorInstance proxyOrNull(ActorId id) {
    CoreGate c = core;
    if (c == null) {
      return null;
    }
    for (Inflight f : inflight.values()) {
      if (f.actor != null && f.actor.id().equals(id)) {
        return f.actor;
      }
    }
    return knownProxies.get(id);
  }

  private final Map<ActorId, ActorInstance> knownProxies = new ConcurrentHashMap<>();

  private void nodeDied(NodeInfo n) {
    leases.nodeDied(n.getNodeId());
    String where = "node " + n.getNodeId() + " at " + n.getAgentAddress();
    failWhere(
        f -> f.nodeId.equals(n.getNodeId()),
        p -> p.nodeId.equals(n.getNodeId()),
        "its node died: " + where + " (" + n.getDeathReason() + ")",
        (f, msg) -> Failure.nodeDied(f.spec.id.hex(), n.getNodeId(), msg));
  }

  /**
   * Fails every task in flight that {@code lost} selects (tasks with {@code taskFailure}, actor
   * calls with the actor's death) and kills the proxies of actors {@code gone} selects, saying
   * {@code why}.
   */
  private void failWhere(
      java.util.function.Predicate<Inflight> lost,
      java.util.function.Predicate<ActorPlace> gone,
      String why,
      java.util.function.BiFunction<Inflight, String, Failure> taskFailure) {
    for (Inflight f : List.copyOf(inflight.values())) {
      if (lost.test(f)) {
        fail(
            f,
            f.actor != null
                ? Failure.actorDied(
                    f.actor.id().hex(),
                    f.actor.className(),
                    "Actor "
                        + f.actor.id().hex()
                        + " died, "
                        + why
                        + "; call "
                        + f.spec.displayName()
                        + " was lost",
                    null)
                : taskFailure.apply(
                    f,
                    "Task "
                        + f.spec.displayName()
                        + " ("
                        + f.spec.id.hex()
                        + ") was lost, "
                        + why));
      }
    }
    for (Map.Entry<ActorId, ActorPlace> e : actorPlaces.entrySet()) {
      if (gone.test(e.getValue())) {
        ActorInstance p = knownProxies.get(e.getKey());
        if (p != null) {
          core.actorDied(
              p,
              Failure.actorDied(
                  e.getKey().hex(),
                  p.className(),
                  "Actor " + e.getKey().hex() + " died, " + why,
                  null));
        }
      }
    }
  }

  private void workerDied(long prefix, String reason) {
    String addr = view.forgetWorker(prefix);
    List<OwnedObject> lent = borrowers.remove(prefix);
    if (lent != null) {
      for (OwnedObject o : lent) {
        core.borrowerReleased(o);
      }
    }
    if (addr == null) {
      return;
    }
    leases.workerDied(addr);
    failWorker(addr, reason);
  }

  private void failWorker(String addr, String reason) {
    DirectLink link = outLinks.remove(addr);
    if (link != null) {
      link.close(); // a dead machine sends no FIN: do not leave the reader waiting for one
    }
    failWhere(
        f -> f.worker.equals(addr),
        p -> p.worker.equals(addr),
        "its worker process " + addr + " died (" + reason + ")",
        (f, msg) -> Failure.workerDied(f.spec.id.hex(), f.nodeId, msg + " on node " + f.nodeId));
  }

  private void fail(Inflight f, Failure failure) {
    if (inflight.remove(f.spec.id, f)) {
      release(f);
      core.complete(f.spec, failure);
    }
  }

  private void release(Inflight f) {
    if (f.cpu != 0) {
      NodeView v = view.node(f.nodeId);
      if (v != null) {
        v.inflightCpu.addAndGet(-f.cpu);
      }
    }
  }

  // --- ClusterPorts: resources ---

  @Override
  public boolean feasible(ResourceSet demand) {
    return view.feasible(demand);
  }

  @Override
  public Map<String, Double> totalResources() {
    return view.totalResources();
  }

  @Override
  public String jobId() {
    return jobId;
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  // --- tasks ---

  /**
   * The node for a demand: feasible, not in {@code tried}, least loaded by this owner's in-flight
   * CPU, this one on ties; a node whose lease failed lately only when no other is left.
   */
  private NodeView pick(ResourceSet demand, Set<String> tried) {
    NodeView n = pick(demand, tried, true);
    return n != null ? n : pick(demand, tried, false);
  }

  private NodeView pick(ResourceSet demand, Set<String> tried, boolean skipAvoided) {
    NodeView best = null;
    double bestLoad = Double.MAX_VALUE;
    double cpu = demand.toMap().getOrDefault("CPU", 0.0);
    long now = System.nanoTime();
    for (NodeView v : view.nodes()) {
      if (!v.info.getAlive()
          || !demand.feasibleIn(Wire.resources(v.info.getTotal()))
          || tried.contains(v.info.getNodeId())
          || (skipAvoided && v.avoided(now))) {
        continue;
      }
      double total = Math.max(v.totalCpu(), 1e-9);
      double load = (v.inflightCpu.get() / 10_000.0 + cpu) / total;
      boolean local = v.info.getNodeId().equals(nodeId);
      if (load < bestLoad - 1e-9 || (Math.abs(load - bestLoad) <= 1e-9 && local)) {
        best = v;
        bestLoad = load;
      }
    }
    return best;
  }

  @Override
  public void runTask(TaskSpec t) {
    runTask(t, Set.of(), "");
  }

  /**
   * Places {@code t} on a node not in {@code tried} (the nodes whose lease already failed for it,
   * {@code failures} saying why); fails it once no feasible node is left.
   */
  private void runTask(TaskSpec t, Set<String> tried, String failures) {
    NodeView n = pick(t.resources, tried);
    if (n == null && !tried.isEmpty()) {
      core.complete(
          t,
          Failure.workerDied(
              t.id.hex(),
              String.join(",", tried),
              "Task "
                  + t.displayName()
                  + " could not get a worker on any node that has "
                  + t.resources
                  + ":"
                  + failures));
      return;
    }
    if (n == null) {
      core.complete(
          t,
          Failure.nodeDied(
              t.id.hex(),
              "",
              "Task "
                  + t.displayName()
                  + " needs "
                  + t.resources
                  + " but no live node has that much; cluster: "
                  + totalResources()));
      return;
    }
    long cpu = NodeView.fixed(t.resources.toMap().getOrDefault("CPU", 0.0));
    n.inflightCpu.addAndGet(cpu);
    leases.whenGranted(leases.taskLease(n), (g, e) -> dispatch(t, n, cpu, g, e, tried, failures));
  }

  private void dispatch(
      TaskSpec t,
      NodeView n,
      long cpu,
      LeaseGrant g,
      Throwable e,
      Set<String> tried,
      String failures) {
    String node = n.info.getNodeId();
    if (e != null) {
      n.inflightCpu.addAndGet(-cpu);
      n.leaseFailed();
      LOG.warn(
          "Task {} could not get a worker on node {} ({}); placing it elsewhere",
          t.id.hex(),
          node,
          rootMessage(e));
      Set<String> now = new HashSet<>(tried);
      now.add(node);
      String why = failures + " node " + node + ": " + rootMessage(e) + ";";
      offload.execute(() -> runTask(t, Set.copyOf(now), why));
      return;
    }
    if (g.getWorkerAddress().equals(address)) {
      // This process is the job's task worker here: run it on the local scheduler.
      core.resultOf(t).whenComplete((v, x) -> n.inflightCpu.addAndGet(-cpu));
      core.runLocally(t);
      return;
    }
    Inflight f = new Inflight(t, g.getWorkerAddress(), g.getNodeId(), cpu, null);
    inflight.put(t.id, f);
    push(g.getWorkerAddress()).send(new Outgoing(t, null, 0));
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private Batcher<Outgoing> push(String worker) {
    return pushLinks.computeIfAbsent(worker, this::newPushLink);
  }

  /** How long a submit stream may live; liveness comes from heartbeats and death events. */
  private static final long STREAM_DEADLINE_MS = TimeUnit.DAYS.toMillis(30);

  /**
   * The sending side of a stream of {@code M}: a direct link ({@link DirectLink}) or a gRPC stream.
   * Not thread-safe: only a {@link Batcher}'s sender calls it.
   */
  private interface Channel<M> {
    void send(M message) throws IOException;
  }

  private Batcher<Outgoing> newPushLink(String worker) {
    TaskMessages.FunctionIds fnIds = new TaskMessages.FunctionIds(); // only the batcher's sender
    AtomicBoolean gone = new AtomicBoolean();
    Runnable lost =
        () -> {
          if (gone.compareAndSet(false, true) && !closed) {
            pushLinks.remove(worker);
            // The death report (worker exit from its agent, or node death from the head) says
            // why; it comes within the failure timeout. Only if none does, fail what is left.
            CompletableFuture.delayedExecutor(
                    view.failureTimeoutMs() + 3_000, TimeUnit.MILLISECONDS)
                .execute(
                    () -> {
                      if (!closed) {
                        failWorker(
                            worker,
                            "its connection ended and no death was reported within "
                                + (view.failureTimeoutMs() + 3_000)
                                + " ms");
                      }
                    });
          }
        };
    List<Channel<TaskBatch>> channel = new ArrayList<>(1); // only touched by the batcher's sender
    return new Batcher<>(
        (batch, done, failed) -> {
          TaskBatch.Builder b =
              TaskBatch.newBuilder()
                  .setOwnerPrefix(core.prefix())
                  .setOwnerAddress(address)
                  .setJobId(jobId);
          for (Outgoing o : batch) {
            b.addTasks(
                TaskMessages.encode(
                    o, fnIds, ref -> core.valueOf(ref).join(), nodeId, agentAddress));
          }
          TaskBatch message = b.build();
          if (!channel.isEmpty()) {
            sendOn(channel.get(0), message, done, failed);
            return;
          }
          // The first batch opens the channel, which asks the worker over gRPC: not on this
          // thread, which may be a transport thread.
          offload.execute(
              () -> {
                try {
                  channel.add(openPush(worker, lost));
                } catch (RuntimeException e) {
                  failed.accept(e);
                  return;
                }
                sendOn(channel.get(0), message, done, failed);
              });
        },
        (batch, e) -> {
          LOG.warn("Sending to worker {} failed: {}", worker, e.toString());
          lost.run();
        });
  }

  /**
   * Sends one batch for a {@link Batcher}: calls exactly one of {@code done} and {@code failed}.
   */
  private static <M> void sendOn(
      Channel<M> c, M message, Runnable done, Consumer<Throwable> failed) {
    try {
      c.send(message);
    } catch (IOException | RuntimeException e) {
      failed.accept(e);
      return;
    }
    done.run();
  }

  /**
   * Opens the channel to {@code worker}: a direct link if it takes them (results are completed on
   * the link's reader thread), else a gRPC stream (results completed on its event loop). {@code
   * lost} runs when the channel ends.
   */
  private Channel<TaskBatch> openPush(String worker, Runnable lost) {
    int port = 0;
    if (directLinks) {
      try {
        port =
            Rpc.deadline(CoreWorkerGrpc.newBlockingStub(channels.get(worker)))
                .openLink(Empty.getDefaultInstance())
                .getPort();
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
          throw new IllegalStateException(Rpc.explain(e, "worker", worker), e);
        }
        // a worker of an earlier build, without links: Submit serves it
      }
    }
    if (port != 0) {
      String host = worker.substring(0, worker.lastIndexOf(':'));
      try {
        DirectLink link =
            DirectLink.connect(
                host,
                port,
                l ->
                    new DirectLink.Receiver() {
                      @Override
                      public void onFrame(byte[] frame) {
                        try {
                          completeAll(ResultBatch.parseFrom(frame));
                        } catch (InvalidProtocolBufferException e) {
                          LOG.warn("Bad result batch from worker {}: {}", worker, e.toString());
                          l.close();
                        }
                      }

                      @Override
                      public void onClosed(Throwable cause) {
                        outLinks.remove(worker, l);
                        if (cause != null) {
                          LOG.debug("link to {} ended: {}", worker, cause.toString());
                        }
                        lost.run();
                      }
                    });
        DirectLink stale = outLinks.put(worker, link);
        if (stale != null) {
          stale.close(); // its stream was declared lost already
        }
        if (closed) {
          link.close();
        }
        return link::send;
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot open a link to worker " + worker + ": " + e.getMessage(), e);
      }
    }
    // Results arrive on the transport's event loop (no hand-off to another thread): completeAll
    // completes there only what cannot block, see there.
    CoreWorkerGrpc.CoreWorkerStub stub =
        Rpc.deadline(CoreWorkerGrpc.newStub(channels.get(worker)), STREAM_DEADLINE_MS)
            .withExecutor(Runnable::run);
    StreamObserver<ResultBatch> results =
        new StreamObserver<>() {
          @Override
          public void onNext(ResultBatch b) {
            io.grpc.Context.ROOT.run(() -> completeAll(b));
          }

          @Override
          public void onError(Throwable t) {
            LOG.debug("submit stream to {} ended: {}", worker, t.toString());
            lost.run();
          }

          @Override
          public void onCompleted() {
            lost.run();
          }
        };
    StreamObserver<TaskBatch> tasks = submitStream(stub, results);
    return tasks::onNext;
  }

  /** Opens a submit stream outside any caller's RPC context, so it outlives that RPC. */
  private static StreamObserver<TaskBatch> submitStream(
      CoreWorkerGrpc.CoreWorkerStub stub, StreamObserver<ResultBatch> results) {
    io.grpc.Context previous = io.grpc.Context.ROOT.attach();
    try {
      return stub.submit(results);
    } finally {
      io.grpc.Context.ROOT.detach(previous);
    }
  }

  /**
   * Completes the specs whose results arrived, on the transport thread that read them.
   *
   * <p>A transport thread must never block: its stall would stop every stream of its connections
   * and every deadline timer, and a blocking call that waits for a reply on the same thread never
   * returns. So only a plain value of a task or actor call without ref arguments completes here:
   * that wakes the threads waiting in {@code get} and sends an actor's next queued call, neither of
   * which blocks, and everything else registered on the object runs on {@link #callbackExecutor()},
   * which moves off transport threads. Creations (which tell the head), failures (which may end an
   * actor, and tell the head) and specs holding refs (whose release may free objects) complete on
   * another thread.
   */
  private void completeAll(ResultBatch req) {
    for (ResultMsg r : req.getResultsList()) {
      TaskId id = TaskMessages.taskId(r);
      Inflight f = inflight.get(id);
      if (f == null) {
        continue; // already failed (worker declared dead) or cancelled
      }
      StoredValue v = TaskMessages.value(r, nodeId);
      if (f.spec.kind == TaskSpec.Kind.ACTOR_CREATION) {
        // Stays in flight until completed: the head's news of the actor's death must not win
        // over the creation's own result, which carries the constructor's error (see onEvent).
        offload.execute(() -> completeCreation(f, v));
      } else if (inflight.remove(id, f)) {
        release(f);
        if (!(v instanceof Failure) && f.spec.argRefs.isEmpty()) {
          core.complete(f.spec, v);
        } else {
          offload.execute(() -> core.complete(f.spec, v));
        }
      }
    }
  }

  private void completeCreation(Inflight f, StoredValue v) {
    if (inflight.get(f.spec.id) != f) {
      return; // failed meanwhile (its worker or node died)
    }
    if (!(v instanceof Failure)) {
      registerActor(f.actor, ActorState.ALIVE, f.worker, f.nodeId);
      core.actorPlaced(f.actor);
    }
    core.complete(f.spec, v);
    if (inflight.remove(f.spec.id, f)) {
      release(f);
    }
  }

  /** Where work leaves transport threads for; see {@link #completeAll}. */
  private final ExecutorService offload =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("manta-callback-", 1).factory());

  @Override
  public Executor callbackExecutor() {
    return r -> {
      if (Thread.currentThread() instanceof FastThreadLocalThread || DirectLink.onReaderThread()) {
        offload.execute(r);
      } else {
        r.run();
      }
    };
  }

  // --- actors ---

  @Override
  public void createActor(TaskSpec creation, ActorInstance proxy, int maxConcurrency) {
    knownProxies.put(proxy.id(), proxy);
    concurrency.put(proxy.id(), maxConcurrency);
    Thread.ofVirtual().start(() -> placeActor(creation, proxy));
  }

  private void placeActor(TaskSpec creation, ActorInstance proxy) {
    try {
      LeaseGrant g = leaseForActor(creation); // registered PENDING by registerActor
      String agent = view.agentOf(g.getNodeId());
      actorPlaces.put(
          proxy.id(), new ActorPlace(g.getWorkerAddress(), g.getNodeId(), g.getLeaseId(), agent));
      Inflight f = new Inflight(creation, g.getWorkerAddress(), g.getNodeId(), 0, proxy);
      inflight.put(creation.id, f);
      push(g.getWorkerAddress()).send(new Outgoing(creation, proxy.name(), maxConcurrency(proxy)));
    } catch (RuntimeException e) {
      core.complete(
          creation,
          Failure.ofThrowable(
              creation.id.hex(),
              creation.displayName(),
              new IllegalStateException(
                  "Actor " + proxy.id().hex() + " could not be placed: " + rootMessage(e), e)));
    }
  }

  @Override
  public void registerActor(ActorInstance proxy) {
    registerActor(proxy, ActorState.PENDING, "", "");
  }

  private final Map<ActorId, Integer> concurrency = new ConcurrentHashMap<>();

  /** Remembers the requested concurrency of an actor created here (see ActorSystem). */
  private int maxConcurrency(ActorInstance proxy) {
    return concurrency.getOrDefault(proxy.id(), 1);
  }

  /**
   * Leases a worker for an actor's creation, trying another feasible node when a node's agent does
   * not answer (see {@link NodeView#UNREACHABLE_AVOID_NANOS}). Blocks.
   */
  private LeaseGrant leaseForActor(TaskSpec creation) {
    Set<String> tried = new HashSet<>();
    StringBuilder failures = new StringBuilder();
    while (true) {
      NodeView n = pickForActor(creation.resources, tried);
      if (n == null) {
        throw new IllegalStateException(
            "no node that has " + creation.resources + " answered:" + failures);
      }
      try {
        return leases.lease(n.info.getAgentAddress(), creation.resources, true);
      } catch (IllegalStateException e) { // the agent did not answer; refusals propagate
        n.leaseFailed();
        tried.add(n.info.getNodeId());
        failures.append(" node ").append(n.info.getNodeId()).append(": ");
        failures.append(rootMessage(e)).append(';');
        LOG.warn(
            "Actor {} could not get a worker on node {} ({}); placing it elsewhere",
            creation.id.hex(),
            n.info.getNodeId(),
            rootMessage(e));
      }
    }
  }

  /** The local node if feasible (its agent spills back if it has no room now), else a pick. */
  private NodeView pickForActor(ResourceSet demand, Set<String> tried) {
    NodeView local = view.node(nodeId);
    if (local != null
        && local.info.getAlive()
        && !tried.contains(nodeId)
        && !local.avoided(System.nanoTime())
        && demand.feasibleIn(Wire.resources(local.info.getTotal()))) {
      return local;
    }
    NodeView n = pick(demand, tried);
    if (n == null && tried.isEmpty()) {
      throw new IllegalArgumentException("no live node has " + demand);
    }
    return n;
  }

  private void registerActor(ActorInstance a, ActorState state, String worker, String node) {
    ActorInfo.Builder b =
        ActorInfo.newBuilder()
            .setPrefix(a.id().prefix())
            .setSequence(a.id().sequence())
            .setNamespace(namespace)
            .setClassName(a.className())
            .setState(state)
            .setWorkerAddress(worker)
            .setNodeId(node)
            .setJobId(jobId);
    if (a.name() != null) {
      b.setName(a.name());
    }
    try {
      if (state == ActorState.PENDING) {
        Rpc.deadline(view.head()).registerActor(b.build());
      } else {
        Rpc.deadline(view.headAsync()).updateActor(b.build(), Callbacks.ignore());
      }
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        throw new IllegalArgumentException(e.getStatus().getDescription(), e);
      }
      throw new IllegalStateException(Rpc.explain(e, "head", view.headAddress()), e);
    }
  }

  @Override
  public void sendActorCall(TaskSpec call, ActorInstance proxy) {
    ActorPlace p = actorPlaces.get(proxy.id());
    if (p == null) {
      core.complete(
          call,
          Failure.actorDied(
              proxy.id().hex(),
              proxy.className(),
              "Actor " + proxy.id().hex() + " has no known location (it died?)",
              null));
      return;
    }
    knownProxies.putIfAbsent(proxy.id(), proxy);
    inflight.put(call.id, new Inflight(call, p.worker, p.nodeId, 0, proxy));
    push(p.worker).send(new Outgoing(call, null, 0));
  }

  @Override
  public void actorKilled(ActorInstance actor) {
    // Its notices (kill, lease return, head update) must outlive a server call it may run in.
    io.grpc.Context.ROOT.run(() -> actorKilledDetached(actor));
  }

  private void actorKilledDetached(ActorInstance actor) {
    if (core.isProxy(actor)) {
      knownProxies.remove(actor.id(), actor);
      awaitingPlacement.remove(actor.id(), actor);
      ActorPlace p = actorPlaces.remove(actor.id());
      // In-flight calls fail with the death too.
      Failure why = core.deathOf(actor);
      for (Inflight f : List.copyOf(inflight.values())) {
        if (f.actor == actor && f.spec.kind == TaskSpec.Kind.ACTOR_CALL && why != null) {
          fail(f, why);
        }
      }
      boolean owner = actor.id().prefix() == core.prefix();
      if (owner && !closed) {
        // Synchronously, so a lookup by name right after kill() no longer finds it.
        try {
          Rpc.deadline(view.head())
              .updateActor(
                  ActorInfo.newBuilder()
                      .setPrefix(actor.id().prefix())
                      .setSequence(actor.id().sequence())
                      .setState(ActorState.DEAD)
                      .setDeathReason(why == null ? "killed" : why.message())
                      .build());
        } catch (StatusRuntimeException e) {
          LOG.warn("Could not mark actor {} dead at the head: {}", actor.id().hex(), e.toString());
        }
      }
      if (p != null && owner) {
        CoreWorkerGrpc.CoreWorkerStub w = CoreWorkerGrpc.newStub(channels.get(p.worker));
        Rpc.deadline(w)
            .killActor(
                ActorInfo.newBuilder()
                    .setPrefix(actor.id().prefix())
                    .setSequence(actor.id().sequence())
                    .build(),
                Callbacks.ignore());
        if (p.leaseId != 0 && !p.agent.isEmpty()) {
          Rpc.deadline(NodeAgentGrpc.newStub(channels.get(p.agent)))
              .returnLease(LeaseId.newBuilder().setLeaseId(p.leaseId).build(), Callbacks.ignore());
        }
      }
      return;
    }
    // Hosted here: the head marks it dead and tells every holder of a handle.
    Failure why = core.deathOf(actor);
    if (!closed) {
      Rpc.deadline(view.headAsync())
          .updateActor(
              ActorInfo.newBuilder()
                  .setPrefix(actor.id().prefix())
                  .setSequence(actor.id().sequence())
                  .setState(ActorState.DEAD)
                  .setDeathReason(why == null ? "it ended" : why.message())
                  .build(),
              Callbacks.ignore());
    }
    Consumer<ActorInstance> ended = hostedActorEnded;
    if (ended != null) {
      ended.accept(actor);
    }
  }

  private volatile Consumer<ActorInstance> hostedActorEnded;

  /**
   * Runs {@code r} with an actor hosted here once it died (the actor's worker then offers itself
   * for the job's next actor, or exits).
   */
  void onHostedActorEnded(Consumer<ActorInstance> r) {
    this.hostedActorEnded = r;
  }

  @Override
  public Optional<RemoteActor> findActor(String name) {
    return lookup(ActorLookup.newBuilder().setName(name).setNamespace(namespace).build());
  }

  @Override
  public Optional<RemoteActor> findActor(ActorId id) {
    return lookup(
        ActorLookup.newBuilder()
            .setId(ActorInfo.newBuilder().setPrefix(id.prefix()).setSequence(id.sequence()))
            .build());
  }

  private Optional<RemoteActor> lookup(ActorLookup q) {
    ActorInfo a = headActor(q);
    if (a == null || a.getState() == ActorState.DEAD) {
      return Optional.empty();
    }
    ActorId id = new ActorId(a.getPrefix(), a.getSequence());
    boolean placed = a.getState() == ActorState.ALIVE;
    if (placed) {
      actorPlaces.putIfAbsent(id, placeOf(a));
    }
    return Optional.of(
        new RemoteActor(id, a.getName().isEmpty() ? null : a.getName(), a.getClassName(), placed));
  }

  /** What the head knows of an actor, or null if it knows nothing. */
  private ActorInfo headActor(ActorLookup q) {
    try {
      return Rpc.deadline(view.head()).getActor(q);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return null;
      }
      throw new IllegalStateException(Rpc.explain(e, "head", view.headAddress()), e);
    }
  }

  private ActorPlace placeOf(ActorInfo a) {
    return new ActorPlace(a.getWorkerAddress(), a.getNodeId(), 0, view.agentOf(a.getNodeId()));
  }

  /**
   * Proxies of actors other processes own that were still being placed when their handle arrived
   * here: their calls queue until the head publishes the actor ALIVE (onEvent), or fail when it
   * publishes it DEAD. Also in knownProxies.
   */
  private final Map<ActorId, ActorInstance> awaitingPlacement = new ConcurrentHashMap<>();

  private static final java.util.concurrent.ThreadFactory AWAIT_THREADS =
      Thread.ofVirtual().name("manta-actor-await-", 1).factory();

  @Override
  public void awaitPlaced(ActorInstance proxy) {
    knownProxies.putIfAbsent(proxy.id(), proxy);
    awaitingPlacement.put(proxy.id(), proxy);
    // The ALIVE event may have come between the lookup and now: ask once more.
    AWAIT_THREADS.newThread(() -> recheckPlacement(proxy.id())).start();
  }

  /** Settles a proxy awaiting placement from what the head says now, if it says more. */
  private void recheckPlacement(ActorId id) {
    if (!awaitingPlacement.containsKey(id) || closed) {
      return;
    }
    ActorInfo a;
    try {
      a =
          headActor(
              ActorLookup.newBuilder()
                  .setId(ActorInfo.newBuilder().setPrefix(id.prefix()).setSequence(id.sequence()))
                  .build());
    } catch (IllegalStateException e) {
      LOG.debug("Could not ask the head about actor {}: {}", id.hex(), e.toString());
      return; // the subscription still brings its fate; resubscribing asks again
    }
    if (a == null) {
      placementFailed(id, "the head no longer knows it");
    } else if (a.getState() == ActorState.ALIVE) {
      placed(id, a);
    } else if (a.getState() == ActorState.DEAD) {
      placementFailed(id, a.getDeathReason());
    }
  }

  private void placed(ActorId id, ActorInfo a) {
    ActorInstance proxy = awaitingPlacement.remove(id);
    if (proxy != null) {
      actorPlaces.putIfAbsent(id, placeOf(a));
      core.actorPlaced(proxy);
    }
  }

  private void placementFailed(ActorId id, String reason) {
    ActorInstance proxy = awaitingPlacement.remove(id);
    if (proxy != null) {
      core.actorDied(
          proxy,
          Failure.actorDied(
              id.hex(),
              proxy.className(),
              "Actor " + id.hex() + " died before it was placed: " + reason,
              null));
    }
  }

  // --- objects ---

  @Override
  public OwnedObject borrow(ObjectId id) {
    OwnedObject o = core.newStandIn(id);
    if (o == null) {
      return core.lookupObject(id); // raced with another borrow of it
    }
    long owner = id.task().prefix();
    borrowed.put(id, owner);
    String ownerAddress = view.workerAddress(owner);
    try {
      Rpc.deadline(CoreWorkerGrpc.newBlockingStub(channels.get(ownerAddress)))
          .addBorrows(
              BorrowBatch.newBuilder()
                  .setBorrowerPrefix(core.prefix())
                  .addIds(Wire.id(id))
                  .build());
    } catch (StatusRuntimeException e) {
      LOG.warn("Could not register a borrow of {} with its owner: {}", id.hex(), e.toString());
    }
    return o;
  }

  @Override
  public void fetchBorrowed(OwnedObject o) {
    if (core.valueOf(o).isDone()) {
      return;
    }
    ObjectId id = o.id();
    String ownerAddress = view.workerAddress(id.task().prefix());
    Rpc.deadline(CoreWorkerGrpc.newStub(channels.get(ownerAddress)), GET_OBJECT_DEADLINE_MS)
        .getObject(
            GetObjectRequest.newBuilder()
                .setId(Wire.id(id))
                .setBorrowerPrefix(core.prefix())
                .build(),
            Callbacks.of(
                v -> core.completeObject(o, Wire.value(v, nodeId)),
                e ->
                    core.completeObject(
                        o,
                        Failure.freed(
                            id.hex(),
                            "Object "
                                + id.hex()
                                + " could not be fetched from its owner at "
                                + ownerAddress
                                + ": "
                                + rootMessage(e)))));
  }

  @Override
  public void released(OwnedObject o, StoredValue value) {
    // Often called inside a server call (the ReleaseBorrows or Submit handler that dropped the last
    // count): a call started in that call's gRPC context is cancelled when the handler returns,
    // and a cancelled free left the object in every store. So the notices leave in the root one.
    io.grpc.Context.ROOT.run(() -> releasedDetached(o, value));
  }

  private void releasedDetached(OwnedObject o, StoredValue value) {
    ObjectId id = o.id();
    Long owner = borrowed.remove(id);
    if (owner != null) {
      if (!closed) {
        String ownerAddress = view.knownWorker(owner);
        if (ownerAddress != null) {
          Rpc.deadline(CoreWorkerGrpc.newStub(channels.get(ownerAddress)))
              .releaseBorrows(
                  BorrowBatch.newBuilder()
                      .setBorrowerPrefix(core.prefix())
                      .addIds(Wire.id(id))
                      .build(),
                  Callbacks.ignore());
        }
      }
      return;
    }
    if (id.task().prefix() != core.prefix() || closed) {
      return; // an argument copy or a result kept for its owner: not ours to free
    }
    if (value instanceof StoreValue || value instanceof RemoteValue) {
      // Free the primary copy and any copies other nodes pulled.
      FreeRequest req = FreeRequest.newBuilder().addIds(Wire.id(id)).build();
      for (NodeView v : view.nodes()) {
        if (v.info.getAlive()) {
          Rpc.deadline(NodeAgentGrpc.newStub(channels.get(v.info.getAgentAddress())))
              .freeObjects(req, Callbacks.ignore());
        }
      }
    }
  }

  // --- lifecycle ---

  @Override
  public void shutdown() {
    closed = true;
    if (driver) {
      for (String w : view.workerAddresses()) {
        try {
          Rpc.deadline(CoreWorkerGrpc.newBlockingStub(channels.get(w)), 2_000)
              .exit(Empty.getDefaultInstance());
        } catch (RuntimeException e) {
          LOG.debug("worker {} did not take exit: {}", w, e.toString());
        }
      }
      try { // the nodes then free every object the job left in their stores
        Rpc.deadline(view.head(), 5_000)
            .finishJob(dev.manta.cluster.proto.JobInfo.newBuilder().setJobId(jobId).build());
      } catch (RuntimeException e) {
        LOG.warn(
            "Could not tell the head that job {} ended ({}); it ends it when this driver's"
                + " connection closes",
            jobId,
            e.toString());
      }
    }
    view.close();
    Server srv = server;
    if (srv != null) {
      srv.shutdownNow();
    }
    DirectLink.Server links = linkServer;
    if (links != null) {
      links.close();
    }
    for (DirectLink l : outLinks.values()) {
      l.close();
    }
    channels.close();
  }

  /** Waits up to {@code millis} until every result has reached its owner. */
  void flushReports(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < deadline) {
      boolean idle = unreported.get() == 0;
      for (Batcher<ResultMsg> b : reportLinks.values()) {
        idle &= b.idle();
      }
      if (idle) {
        return;
      }
      Thread.sleep(1); // exiting: a short poll is simpler than a completion signal here
    }
  }

  /** Blocks until this process's server ends. */
  void awaitServer() throws InterruptedException {
    server.awaitTermination();
  }

  /**
   * The receiving side of one owner's stream (a gRPC {@code Submit} stream or a direct link): its
   * tasks are accepted in order, and the results of every task of that owner leave on it (the
   * latest stream wins). Its methods run on the stream's transport or reader thread.
   */
  private final class Incoming {
    private final Batcher<ResultMsg> back;
    private String owner; // only touched by the stream's thread

    Incoming(Batcher.Sink<ResultMsg> sink) {
      this.back =
          new Batcher<>(
              sink,
              (batch, e) ->
                  LOG.warn("Could not return {} results: {}", batch.size(), e.toString()));
    }

    void onBatch(TaskBatch req) {
      if (owner == null) {
        owner = req.getOwnerAddress();
        view.workerAtIfAbsent(req.getOwnerPrefix(), owner);
        reportLinks.put(owner, back);
      }
      // Calls made from here (results, nested work) must outlive this RPC's context.
      io.grpc.Context.ROOT.run(() -> acceptAll(req));
    }

    void onEnd() {
      if (owner != null) {
        reportLinks.remove(owner, back);
      }
    }
  }

  /**
   * Takes a direct link from an owner. Results are written by the thread that completes them,
   * except on a link's reader thread, which must never wait on a write (see {@link DirectLink}).
   */
  private DirectLink.Receiver acceptLink(DirectLink link) {
    Incoming in =
        new Incoming(
            (batch, done, failed) -> {
              ResultBatch b = ResultBatch.newBuilder().addAllResults(batch).build();
              if (DirectLink.onReaderThread()) {
                offload.execute(() -> sendOn(link::send, b, done, failed));
              } else {
                sendOn(link::send, b, done, failed);
              }
            });
    return new DirectLink.Receiver() {
      @Override
      public void onFrame(byte[] frame) {
        TaskBatch req;
        try {
          req = TaskBatch.parseFrom(frame);
        } catch (InvalidProtocolBufferException e) {
          LOG.warn("Bad task batch on the link from {}: {}", link.peer(), e.toString());
          link.close();
          return;
        }
        in.onBatch(req);
      }

      @Override
      public void onClosed(Throwable cause) {
        in.onEnd();
      }
    };
  }

  private void acceptAll(TaskBatch req) {
    for (TaskMsg m : req.getTasksList()) {
      try {
        accept(req, m);
      } catch (RuntimeException e) {
        LOG.error(
            "Could not accept task {} from {}", m.getTaskSequence(), req.getOwnerAddress(), e);
        TaskId id = new TaskId(m.getTaskPrefix(), m.getTaskSequence());
        reportResult(req.getOwnerAddress(), id, Failure.ofThrowable(id.hex(), m.getName(), e));
      }
    }
  }

  // --- what other processes ask of this one (see CoreWorkerService) ---

  /** The receiving side of an owner's {@code Submit} stream; results go back on {@code out}. */
  StreamObserver<TaskBatch> acceptStream(StreamObserver<ResultBatch> responses) {
    Incoming in =
        new Incoming(
            (batch, done, failed) -> {
              responses.onNext(ResultBatch.newBuilder().addAllResults(batch).build());
              done.run();
            });
    return new StreamObserver<>() {
      @Override
      public void onNext(TaskBatch req) {
        in.onBatch(req);
      }

      @Override
      public void onError(Throwable t) {
        in.onEnd();
      }

      @Override
      public void onCompleted() {
        in.onEnd();
        responses.onCompleted();
      }
    };
  }

  /** The port of this process's direct-link server, or 0 if it takes none. */
  int linkPort() {
    DirectLink.Server links = linkServer;
    return links == null ? 0 : links.port();
  }

  /** Sends the value of an object owned here to a borrower, once it is ready. */
  void serveObject(GetObjectRequest req, StreamObserver<ValueMsg> out) {
    ObjectId id = Wire.id(req.getId());
    OwnedObject o = core.lookupObject(id);
    if (o == null) {
      out.onNext(
          Wire.value(
              Failure.freed(id.hex(), "Object " + id.hex() + " was freed by its owner"),
              nodeId,
              agentAddress));
      out.onCompleted();
      return;
    }
    core.valueOf(o)
        .whenComplete(
            (v, e) -> {
              try {
                out.onNext(Wire.value(v, nodeId, agentAddress));
                out.onCompleted();
              } catch (RuntimeException ex) {
                LOG.debug("borrower went away: {}", ex.toString());
              }
            });
  }

  void addBorrows(BorrowBatch req) {
    for (ObjectIdMsg m : req.getIdsList()) {
      OwnedObject o = core.lookupObject(Wire.id(m));
      if (o != null) {
        core.borrowerAdded(o);
        borrowers
            .computeIfAbsent(
                req.getBorrowerPrefix(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
            .add(o);
      }
    }
  }

  void releaseBorrows(BorrowBatch req) {
    List<OwnedObject> lent = borrowers.get(req.getBorrowerPrefix());
    for (ObjectIdMsg m : req.getIdsList()) {
      ObjectId id = Wire.id(m);
      if (lent != null) {
        for (OwnedObject o : lent) {
          if (o.id().equals(id) && lent.remove(o)) {
            core.borrowerReleased(o);
            break;
          }
        }
      }
    }
  }

  void killHosted(ActorInfo req) {
    ActorInstance a = core.hostedActor(new ActorId(req.getPrefix(), req.getSequence()));
    if (a != null) {
      core.actorDied(
          a,
          Failure.actorDied(
              a.id().hex(), a.className(), "Actor " + a.id().hex() + " was killed", null));
    }
  }

  /** Runs the exit hook, if any, on a thread of its own. */
  void exitRequested() {
    Runnable r = exitHook;
    if (r != null) {
      Thread.ofVirtual().start(r);
    }
  }

  private volatile Runnable exitHook;
  private final java.util.concurrent.atomic.AtomicInteger unreported =
      new java.util.concurrent.atomic.AtomicInteger(); // accepted, result not yet queued

  /** Runs {@code r} when an owner asks this process to exit (workers). */
  void onExit(Runnable r) {
    this.exitHook = r;
  }

  // --- incoming work (workers) ---

  private void accept(TaskBatch batch, TaskMsg msg) {
    String owner = batch.getOwnerAddress();
    TaskMessages.Incoming m = TaskMessages.decode(msg);
    String fnKey = batch.getOwnerPrefix() + ":" + m.functionId();
    MantaFunction fn = functions.get(fnKey);
    if (fn == null) {
      fn = core.loadFunction(m.function().toByteArray());
      functions.put(fnKey, fn);
    }
    TaskId id = m.id();
    Object[] args = new Object[m.args().size()];
    List<OwnedObject> refs = new ArrayList<>(0);
    List<CoreGate.HeldArgument> held = new ArrayList<>(0);
    for (int i = 0; i < args.length; i++) {
      switch (m.args().get(i)) {
        case TaskMessages.RefArg r -> {
          CoreGate.HeldArgument h = core.holdArgument(r.id(), () -> r.value(nodeId));
          held.add(h);
          args[i] = h.object();
          refs.add(h.object());
        }
        case TaskMessages.ValueArg v -> args[i] = v.bytes();
      }
    }
    TaskSpec.Kind kind = m.kind();
    ActorId actorId = m.actor();
    ActorInstance actor = null;
    if (kind == TaskSpec.Kind.ACTOR_CREATION) {
      actor = core.newHostedActor(actorId, m.actorName(), fn, Math.max(1, m.maxConcurrency()));
    } else if (kind == TaskSpec.Kind.ACTOR_CALL) {
      actor = core.hostedActor(actorId);
      if (actor == null) {
        settle(held);
        reportResult(
            owner,
            id,
            Failure.actorDied(
                actorId.hex(),
                "",
                "Actor " + actorId.hex() + " is not alive on worker " + address,
                null));
        return;
      }
    }
    TaskSpec t =
        core.accept(
            new CoreGate.IncomingTask(
                id,
                kind,
                fn,
                args,
                refs,
                m.demand(),
                m.name(),
                m.maxRetries(),
                m.retryExceptions(),
                actor));
    settle(held); // the spec counts its own references now
    unreported.incrementAndGet();
    core.resultOf(t)
        .thenAccept(
            v -> {
              reportResult(owner, id, v);
              unreported.decrementAndGet();
            });
    switch (kind) {
      case TASK -> core.runLocally(t);
      case ACTOR_CREATION -> core.startHostedActor(actor, t);
      case ACTOR_CALL -> core.enqueueHostedCall(actor, t);
    }
  }

  /** Completes the new argument objects, then drops the holds on all of them. */
  private void settle(List<CoreGate.HeldArgument> held) {
    for (CoreGate.HeldArgument h : held) {
      core.fillArgument(h);
    }
    for (CoreGate.HeldArgument h : held) {
      core.releaseArgument(h);
    }
  }

  private void reportResult(String owner, TaskId id, StoredValue v) {
    ResultMsg r = TaskMessages.result(id, v, nodeId, agentAddress);
    Batcher<ResultMsg> back = reportLinks.get(owner);
    if (back == null) {
      LOG.warn("Result of task {} dropped: its owner {} is gone", id.hex(), owner);
      return;
    }
    back.send(r);
  }
}
