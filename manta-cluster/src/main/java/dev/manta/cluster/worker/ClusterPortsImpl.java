package dev.manta.cluster.worker;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
   * Implementation notes (actor handles)
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
  private final Map<ActorId, ActorPlace> actorPlaces = new ConcurrentHashMap<>();
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
  private volatile InflightTable inflight;
  private volatile OwnerLinks links;
  private volatile TaskPlacement placement;
  private volatile Server server;
  private volatile String address;
  private volatile boolean closed;

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
    this.inflight = new InflightTable(core, view, offload, this::created);
    this.links =
        new OwnerLinks(
            core,
            channels,
            view,
            inflight,
            jobId,
            agentAddress,
            directLinks,
            offload,
            this::address,
            () -> closed,
            this::failWorker);
    this.placement = new TaskPlacement(core, view, leases, inflight, links, offload, this::address);
    // Handlers never block (they queue work or complete futures): run them on the transport's
    // threads. FetchCode reads a file, which is short.
    this.server = Rpc.serve(bind, 0, List.of(new CoreWorkerService(this, code)), true);
    if (directLinks && !driver) { // owners push work to workers only
      links.startLinkServer(bind, this::acceptAll);
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
    return inflight.creating(id);
  }

  private ActorInstance proxyOrNull(ActorId id) {
    ActorInstance p = inflight.proxyOf(id);
    return p != null ? p : knownProxies.get(id);
  }

  private final Map<ActorId, ActorInstance> knownProxies = new ConcurrentHashMap<>();

  private void nodeDied(NodeInfo n) {
    leases.nodeDied(n.getNodeId());
    String where = "node " + n.getNodeId() + " at " + n.getAgentAddress();
    failWhere(
        f -> f.nodeId().equals(n.getNodeId()),
        p -> p.nodeId.equals(n.getNodeId()),
        "its node died: " + where + " (" + n.getDeathReason() + ")",
        (f, msg) -> Failure.nodeDied(f.spec().id.hex(), n.getNodeId(), msg));
  }

  /**
   * Fails every task in flight that {@code lost} selects (tasks with {@code taskFailure}, actor
   * calls with the actor's death) and kills the proxies of actors {@code gone} selects, saying
   * {@code why}.
   */
  private void failWhere(
      java.util.function.Predicate<InflightTable.Entry> lost,
      java.util.function.Predicate<ActorPlace> gone,
      String why,
      java.util.function.BiFunction<InflightTable.Entry, String, Failure> taskFailure) {
    inflight.failWhere(lost, why, taskFailure);
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
    links.workerDied(addr);
    failWhere(
        f -> f.worker().equals(addr),
        p -> p.worker.equals(addr),
        "its worker process " + addr + " died (" + reason + ")",
        (f, msg) ->
            Failure.workerDied(f.spec().id.hex(), f.nodeId(), msg + " on node " + f.nodeId()));
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

  @Override
  public void runTask(TaskSpec t) {
    placement.runTask(t);
  }

  /** A creation's constructor succeeded: the actor is ALIVE where it runs, its calls may leave. */
  private void created(InflightTable.Entry f) {
    registerActor(f.actor(), ActorState.ALIVE, f.worker(), f.nodeId());
    core.actorPlaced(f.actor());
  }

  /** Where work leaves transport threads for; see {@link InflightTable}, I3. */
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
      LeaseGrant g = placement.leaseForActor(creation); // registered PENDING by registerActor
      String agent = view.agentOf(g.getNodeId());
      actorPlaces.put(
          proxy.id(), new ActorPlace(g.getWorkerAddress(), g.getNodeId(), g.getLeaseId(), agent));
      inflight.add(
          new InflightTable.Entry(creation, g.getWorkerAddress(), g.getNodeId(), 0, proxy));
      links.push(g.getWorkerAddress(), new Outgoing(creation, proxy.name(), maxConcurrency(proxy)));
    } catch (RuntimeException e) {
      core.complete(
          creation,
          Failure.ofThrowable(
              creation.id.hex(),
              creation.displayName(),
              new IllegalStateException(
                  "Actor " + proxy.id().hex() + " could not be placed: " + Rpc.rootMessage(e), e)));
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
    inflight.add(new InflightTable.Entry(call, p.worker, p.nodeId, 0, proxy));
    links.push(p.worker, new Outgoing(call, null, 0));
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
      if (why != null) {
        inflight.failCalls(actor, why);
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
                                + Rpc.rootMessage(e)))));
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
    OwnerLinks l = links;
    if (l != null) {
      l.close();
    }
    channels.close();
  }

  /** Waits up to {@code millis} until every result has reached its owner. */
  void flushReports(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < deadline) {
      if (unreported.get() == 0 && links.reportsIdle()) {
        return;
      }
      Thread.sleep(1); // exiting: a short poll is simpler than a completion signal here
    }
  }

  /** Blocks until this process's server ends. */
  void awaitServer() throws InterruptedException {
    server.awaitTermination();
  }

  private void acceptAll(TaskBatch req) {
    for (TaskMsg m : req.getTasksList()) {
      try {
        accept(req, m);
      } catch (RuntimeException e) {
        LOG.error(
            "Could not accept task {} from {}", m.getTaskSequence(), req.getOwnerAddress(), e);
        TaskId id = new TaskId(m.getTaskPrefix(), m.getTaskSequence());
        links.report(req.getOwnerAddress(), id, Failure.ofThrowable(id.hex(), m.getName(), e));
      }
    }
  }

  // --- what other processes ask of this one (see CoreWorkerService) ---

  /** The receiving side of an owner's {@code Submit} stream; results go back on {@code out}. */
  StreamObserver<TaskBatch> acceptStream(StreamObserver<ResultBatch> responses) {
    return links.acceptStream(responses, this::acceptAll);
  }

  /** The port of this process's direct-link server, or 0 if it takes none. */
  int linkPort() {
    return links.linkPort();
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
        links.report(
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
              links.report(owner, id, v);
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
}
