package dev.manta.cluster.worker;

import dev.manta.MantaConfig;
import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.WorkerInfo;
import dev.manta.cluster.rpc.DirectLink;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.port.ActorProxy;
import dev.manta.runtime.port.ClusterPorts;
import dev.manta.runtime.port.CoreAccess;
import dev.manta.runtime.port.PortsFactory;
import dev.manta.runtime.port.TaskHandle;
import dev.manta.runtime.serial.filter.ValueClassFilter;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.ObjectStore;
import dev.manta.runtime.store.StoredValue;
import io.grpc.Server;
import io.grpc.netty.shaded.io.netty.util.concurrent.FastThreadLocalThread;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
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
 * <p>This class only assembles the parts and routes to them: {@link ClusterView} (membership and
 * the head's events), {@link Leases} and {@link TaskPlacement}, {@link OwnerLinks}, {@link
 * InflightTable} (where remote results complete), {@link ReportLinks}, {@link RemoteActors} with
 * {@link ActorDirectory}, {@link Borrowing}, {@link TaskIntake}, and {@link CoreWorkerService}.
 * They reach the core only through {@link CoreAccess}.
 *
 * <p>Thread-safety: every method may be called from any thread.
 */
public final class ClusterPortsImpl implements PortsFactory, ClusterPorts {
  /*
   * Implementation notes
   *  C1  The view and the leases are made at construction (the core asks for the job, the node
   *      and the store before open); the parts that need the core are made by open(), which
   *      publishes them in `parts` (volatile); start() then starts the server and registers, so
   *      no port call or message that uses them can come before. Hooks given to parts that read
   *      `parts` run only after that.
   *  C2  A death is applied in one order, on the subscription's thread: a worker's address is
   *      forgotten, the borrows it held are released, its leases dropped, its link closed, the
   *      actors placed on it that may restart begin restarting (their work leaves the in-flight
   *      table), the other specs fail, then the proxies of the other actors placed on it are
   *      killed. A node's death drops its task lease and does the same for the work and actors
   *      on it.
   *  C3  `closed` is set first by shutdown(); every part reads it before it sends a notice, so
   *      none leaves once shutdown began.
   *  C4  `deaths` holds one future per node someone asked about (awaitNodeDeath) or that died;
   *      nodeDied completes it with the reason before anything else, on the subscription's thread.
   *      A waiter reads the view first, so a death applied before its future existed is seen.
   */
  private static final Logger LOG = LoggerFactory.getLogger(ClusterPortsImpl.class);

  private final String jobId;
  private final String namespace;
  private final String agentAddress;
  private final String bind;
  private final boolean driver;
  private final CodeShipper code;
  private final Rpc.Channels channels = new Rpc.Channels();
  private final ClusterView view;
  private final Leases leases;

  /**
   * Whether this process takes direct links and opens them to workers that do ({@code
   * manta.direct-links}, {@link dev.manta.cluster.config.ClusterConfig#directLinks()}; false: every
   * push goes over gRPC {@code Submit} streams).
   */
  private final boolean directLinks;

  /** How many tasks deep this process keeps lineage ({@link ClusterConfig#lineageMaxTasks}). */
  private final int lineageMaxTasks;

  /** The classes values may be of ({@link ClusterConfig#valueClassFilter}). */
  private final ValueClassFilter valueClassFilter;

  /**
   * The longest to wait to hear of a silent node's death ({@link ClusterConfig#nodeDeathBound}).
   */
  private final java.time.Duration nodeDeathBound;

  /**
   * The job's {@code manta.actor-hosting} ({@link ClusterConfig#sharedActors()}): the driver's
   * setting, which it registers with the job and the agents hand to the job's workers.
   */
  private final boolean sharedActors;

  /** The driver's {@link ClusterConfig#jobJvmOptions()}, registered with its job; empty else. */
  private final List<String> jobJvmOptions;

  private final Map<String, CompletableFuture<String>> deaths = new ConcurrentHashMap<>(); // C4

  /** Where work leaves transport threads for; see {@link InflightTable}, I3. */
  private final ExecutorService offload =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("manta-callback-", 1).factory());

  private volatile Parts parts; // C1
  private volatile ObjectStore store; // the node's store, as openStore made it
  private volatile Server server;
  private volatile String address;
  private volatile boolean closed; // C3
  private final WorkerOutputPrinter workerOutput; // drivers only
  private volatile Runnable exitHook;
  private volatile Consumer<ActorProxy> hostedActorEnded;

  /** The parts that need the core, made by open (C1). */
  private record Parts(
      CoreAccess core,
      InflightTable inflight,
      OwnerLinks links,
      ReportLinks reports,
      TaskPlacement placement,
      RemoteActors actors,
      Borrowing borrowing,
      TaskIntake intake) {}

  /**
   * Ports for a process of job {@code jobId} joining the head at {@code headAddress}; {@code
   * agentAddress} is this node's agent (for a driver: the agent found on this machine); {@code
   * directLinks} says whether it takes and opens direct links; {@code cluster} gives the lineage
   * depth and how long to wait to hear of a node's death.
   */
  ClusterPortsImpl(
      String headAddress,
      String jobId,
      String namespace,
      String agentAddress,
      String bind,
      boolean driver,
      CodeShipper code,
      boolean directLinks,
      ClusterConfig cluster,
      boolean sharedActors) {
    this.directLinks = directLinks;
    this.sharedActors = sharedActors;
    this.jobJvmOptions = driver ? cluster.jobJvmOptions() : List.of();
    this.lineageMaxTasks = cluster.lineageMaxTasks();
    this.valueClassFilter = cluster.valueClassFilter();
    this.nodeDeathBound = cluster.nodeDeathBound();
    this.jobId = jobId;
    this.namespace = namespace;
    this.agentAddress = agentAddress;
    this.bind = bind;
    this.driver = driver;
    this.code = code;
    this.view = ClusterView.join(channels, headAddress, jobId, agentAddress, driver, () -> closed);
    this.leases = new Leases(channels, jobId, view);
    // A driver prints what its job's workers print, as each live node reports it.
    this.workerOutput =
        driver
            ? WorkerOutputPrinter.start(
                channels,
                jobId,
                view.nodes().stream()
                    .filter(n -> n.info.getAlive())
                    .map(n -> n.info.getAgentAddress())
                    .toList())
            : null;
  }

  /** This process's server address. */
  String address() {
    return address;
  }

  /** This process's id prefix (known once the core opened the ports). */
  long prefix() {
    return parts.core().prefix();
  }

  // --- ClusterPorts: setup ---

  /** manta.infeasible of this process's core: wait for a node (the default) or fail. */
  private volatile boolean waitInfeasible = true;

  @Override
  public ObjectStore openStore(MantaConfig config) {
    // The core opens its store before its ports, so placement knows the policy from the start.
    this.waitInfeasible =
        config.infeasible().orElse(MantaConfig.Infeasible.WAIT) == MantaConfig.Infeasible.WAIT;
    SharedStoreClient s =
        new SharedStoreClient(
            channels.get(agentAddress),
            jobId,
            new SharedStoreClient.AgentDown() {
              @Override
              public String check(io.grpc.StatusRuntimeException e, boolean wait) {
                return agentDown(e, wait);
              }

              @Override
              public String nodeId() {
                return view.nodeId();
              }
            });
    this.store = s;
    return s;
  }

  /**
   * Why a call to this process's agent failed with {@code e}, if the agent's node died (waiting, if
   * {@code wait}, at most twice the health checks' bound to hear of it): the store the process maps
   * is gone with it, so a large put or read cannot work here any more, whatever room other nodes
   * have. Null if the call failed otherwise (the node lives, or the error is not one of reaching
   * it).
   */
  private String agentDown(io.grpc.StatusRuntimeException e, boolean wait) {
    io.grpc.Status.Code code = e.getStatus().getCode();
    if (code != io.grpc.Status.Code.UNAVAILABLE && code != io.grpc.Status.Code.DEADLINE_EXCEEDED) {
      return null;
    }
    String death = awaitNodeDeath(view.nodeId(), wait ? Long.MAX_VALUE : 0);
    if (death == null) {
      return null;
    }
    return "The node agent at "
        + agentAddress
        + " on this machine, whose object store holds this "
        + (driver ? "driver" : "worker")
        + "'s large objects, is gone: "
        + death
        + ". Large objects cannot be stored or read by this process any more (small ones, kept"
        + " in its memory, still work)"
        + (driver
            ? ". Start a node on this machine again (manta start --address HEAD), then restart"
                + " this driver (Manta.shutdown(), Manta.init()); with several agents on this"
                + " machine, -D"
                + ClusterConfig.DRIVER_AGENT
                + "=HOST:PORT picks a live one"
            : "");
  }

  @Override
  public int lineageMaxTasks() {
    return lineageMaxTasks;
  }

  @Override
  public Optional<ValueClassFilter> valueClassFilter() {
    return valueClassFilter.allowsEverything() ? Optional.empty() : Optional.of(valueClassFilter);
  }

  @Override
  public ClusterPorts open(CoreAccess core) {
    InflightTable inflight =
        new InflightTable(core, view, offload, creation -> parts.actors().created(creation));
    OwnerLinks links =
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
    TaskPlacement placement =
        new TaskPlacement(
            core, view, leases, inflight, links, offload, this::address, () -> waitInfeasible);
    inflight.onRetry(placement::runTask); // a task lost with its worker or node runs again
    RemoteActors actors =
        new RemoteActors(
            core,
            ActorDirectory.ofHead(view),
            view,
            channels,
            inflight,
            links,
            placement,
            namespace,
            jobId,
            () -> closed,
            this::hostedActorEnded,
            this::address,
            sharedActors);
    inflight.onRestarted(actors::restarted); // a restarted actor's constructor answered
    Borrowing borrowing = new Borrowing(core, view, channels, agentAddress, () -> closed);
    inflight.onNested(borrowing); // refs lent with results
    ReportLinks reports = new ReportLinks(view, agentAddress, offload);
    TaskIntake intake =
        new TaskIntake(core, reports::report, borrowing::lend, view.nodeId(), this::address);
    this.parts = new Parts(core, inflight, links, reports, placement, actors, borrowing, intake);
    return this;
  }

  @Override
  public void start() {
    Parts p = parts;
    CoreAccess core = p.core();
    ReportLinks reports = p.reports();
    TaskIntake intake = p.intake();
    RemoteActors actors = p.actors();
    Borrowing borrowing = p.borrowing();
    // Handlers never block (they queue work or complete futures): run them on the transport's
    // threads. FetchCode reads a file, which is short.
    this.server =
        Rpc.serve(
            bind,
            0,
            List.of(
                new CoreWorkerService(
                    reports,
                    intake,
                    borrowing,
                    actors,
                    code,
                    this::exitRequested,
                    this::cancelHere),
                new ProcessStateService(
                    () -> parts.core(),
                    () -> parts.borrowing(),
                    () -> store,
                    view.nodeId(),
                    offload)),
            true);
    if (directLinks && !driver) { // owners push work to workers only
      reports.startLinkServer(bind, intake::acceptAll);
    }
    this.address = bind + ":" + server.getPort();
    registerWithHead(core.prefix());
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
            actors.onEvent(a);
          }

          @Override
          public void resubscribed() {
            // The head may have restarted; one without durable storage knows this process and
            // its job again only from here (registering again is idempotent).
            try {
              registerWithHead(core.prefix());
            } catch (RuntimeException e) {
              LOG.warn("Could not register again with the head: {}", e.toString());
            }
            actors.recheckAwaiting(); // events between the old stream and the new one are lost
          }
        });
  }

  /**
   * Tells the head where this process serves and, for a driver, its job and code. Waits for a
   * restarting head ({@link Rpc#headDeadline}).
   */
  private void registerWithHead(long prefix) {
    WorkerInfo me =
        WorkerInfo.newBuilder()
            .setPrefix(prefix)
            .setAddress(address)
            .setNodeId(view.nodeId())
            .setJobId(jobId)
            .setPid(ProcessHandle.current().pid())
            .build();
    dev.manta.cluster.rpc.Backoff.onHead(
        "Registering this process", ms -> Rpc.headDeadline(view.head(), ms).registerWorker(me));
    if (code != null) {
      dev.manta.cluster.proto.JobInfo job =
          dev.manta.cluster.proto.JobInfo.newBuilder()
              .setJobId(jobId)
              .setDriverAddress(address)
              .setNamespace(namespace)
              .setSharedActors(sharedActors)
              .addAllJvmOptions(jobJvmOptions)
              .addAllCode(code.entries())
              .build();
      dev.manta.cluster.rpc.Backoff.onHead(
          "Registering job " + jobId, ms -> Rpc.headDeadline(view.head(), ms).registerJob(job));
    }
  }

  // --- deaths (C2) ---

  private void nodeDied(NodeInfo n) {
    String where = "node " + n.getNodeId() + " at " + n.getAgentAddress();
    death(n.getNodeId()).complete(where + " died (" + n.getDeathReason() + ")"); // C4
    leases.nodeDied(n.getNodeId());
    failWhere(
        f -> f.nodeId().equals(n.getNodeId()),
        p -> p.nodeId().equals(n.getNodeId()),
        "its node died: " + where + " (" + n.getDeathReason() + ")",
        (f, msg) -> Failure.nodeDied(f.spec().id().hex(), n.getNodeId(), msg));
  }

  private void workerDied(long prefix, String reason) {
    String addr = view.forgetWorker(prefix);
    parts.borrowing().borrowerDied(prefix);
    if (addr == null) {
      return;
    }
    leases.workerDied(addr);
    failWorker(addr, reason);
  }

  private void failWorker(String addr, String reason) {
    parts.links().workerDied(addr);
    failWhere(
        f -> f.worker().equals(addr),
        p -> p.worker().equals(addr),
        "its worker process " + addr + " died (" + reason + ")",
        (f, msg) ->
            Failure.workerDied(f.spec().id().hex(), f.nodeId(), msg + " on node " + f.nodeId()));
  }

  /**
   * Fails every spec in flight that {@code lost} selects (tasks with {@code taskFailure}, actor
   * work with the actor's death) and kills the proxies of actors {@code gone} selects, saying
   * {@code why}.
   */
  private void failWhere(
      Predicate<InflightTable.Entry> lost,
      Predicate<RemoteActors.Place> gone,
      String why,
      BiFunction<InflightTable.Entry, String, Failure> taskFailure) {
    Parts p = parts;
    p.actors().restartWhere(gone, why); // takes their work off the wire first (RemoteActors, R1)
    p.inflight().failWhere(lost, why, taskFailure);
    p.actors().diedWhere(gone, why);
  }

  private void hostedActorEnded(ActorProxy actor) {
    Consumer<ActorProxy> ended = hostedActorEnded;
    if (ended != null) {
      ended.accept(actor);
    }
  }

  /**
   * An owner cancelled task {@code id} it sent here: it is interrupted (or dropped if queued); with
   * {@code force} this worker exits at once, as Ray's {@code cancel(force=True)} kills the worker:
   * its agent reports the death, and the owners of its other work retry or fail it. A forced cancel
   * of a task this process does not run (ended, or never sent here) is ignored, and a driver
   * ignores every cancel (it runs no task sent by an owner).
   */
  private void cancelHere(dev.manta.runtime.id.TaskId id, boolean force) {
    if (driver) {
      // A driver runs no task sent by an owner: nothing to cancel, and never a peer's to end.
      LOG.info("A cancel of task {} sent to this driver was ignored", id.hex());
      return;
    }
    boolean found = parts.core().cancelHere(id);
    if (!force) {
      return;
    }
    if (!found) {
      // A task that ended already (or never came) takes nothing down with it: a late or forged
      // forced cancel must not kill this worker and the other work it runs.
      LOG.info("A forced cancel of task {} was ignored: it does not run here", id.hex());
      return;
    }
    LOG.warn("Task {} was cancelled with force by its owner: this worker exits now", id.hex());
    Runtime.getRuntime().halt(CANCELLED_EXIT_CODE);
  }

  /** The exit code of a worker killed by a forced cancel. */
  static final int CANCELLED_EXIT_CODE = 130;

  /** Runs the exit hook, if any, on a thread of its own. */
  private void exitRequested() {
    Runnable r = exitHook;
    if (r != null) {
      Thread.ofVirtual().start(r);
    }
  }

  // --- ClusterPorts: resources ---

  @Override
  public boolean inProcess() {
    return false;
  }

  @Override
  public String describe() {
    return "cluster, node " + nodeId();
  }

  @Override
  public boolean feasible(ResourceSet demand) {
    return view.feasible(demand);
  }

  @Override
  public Map<String, Double> totalResources() {
    return view.totalResources();
  }

  @Override
  public List<dev.manta.Node> nodes() {
    return view.publicNodes();
  }

  @Override
  public String jobId() {
    return jobId;
  }

  @Override
  public String nodeId() {
    return view.nodeId();
  }

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

  // --- ClusterPorts: tasks and actors ---

  @Override
  public void runTask(TaskHandle t) {
    parts.placement().runTask(t);
  }

  @Override
  public boolean cancelRemote(TaskHandle t, Failure why, boolean force) {
    InflightTable.Entry e = parts.inflight().cancel(t, why);
    if (e == null) {
      return false;
    }
    io.grpc.Context.ROOT.run(
        () ->
            Rpc.deadline(CoreWorkerGrpc.newStub(channels.get(e.worker())))
                .cancelTask(
                    dev.manta.cluster.proto.CancelTaskRequest.newBuilder()
                        .setTaskPrefix(t.id().prefix())
                        .setTaskSequence(t.id().sequence())
                        .setForce(force)
                        .build(),
                    Callbacks.ignore()));
    return true;
  }

  @Override
  public void registerActor(ActorProxy proxy) {
    parts.actors().register(proxy);
  }

  @Override
  public void createActor(TaskHandle creation, ActorProxy proxy) {
    parts.actors().create(creation, proxy);
  }

  @Override
  public void sendActorCall(TaskHandle call, ActorProxy proxy) {
    parts.actors().send(call, proxy);
  }

  @Override
  public void actorKilled(ActorProxy actor) {
    parts.actors().killed(actor);
  }

  @Override
  public Optional<RemoteActor> findActor(String name) {
    return parts.actors().find(name);
  }

  @Override
  public Optional<RemoteActor> findActor(ActorId id) {
    return parts.actors().find(id);
  }

  @Override
  public void awaitPlaced(ActorProxy proxy) {
    parts.actors().awaitPlaced(proxy);
  }

  // --- ClusterPorts: objects ---

  private CompletableFuture<String> death(String nodeId) {
    return deaths.computeIfAbsent(nodeId, k -> new CompletableFuture<>());
  }

  @Override
  public String awaitNodeDeath(String nodeId, long timeoutNanos) {
    NodeView v = view.node(nodeId);
    if (v != null && !v.info.getAlive()) { // C4: the view first
      return "node "
          + nodeId
          + " at "
          + v.info.getAgentAddress()
          + " died ("
          + v.info.getDeathReason()
          + ")";
    }
    CompletableFuture<String> f = death(nodeId);
    long wait = Math.min(Math.max(0, timeoutNanos), 2 * nodeDeathBound.toNanos());
    try {
      return wait == 0 ? f.getNow(null) : f.get(wait, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return null; // alive all along: the read failed for another reason
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("death futures never fail", e);
    }
  }

  @Override
  public boolean canBorrow() {
    return true;
  }

  @Override
  public void borrowed(ObjectId id) {
    parts.borrowing().borrowed(id);
  }

  @Override
  public void fetchBorrowed(ObjectId id) {
    parts.borrowing().fetch(id);
  }

  @Override
  public void released(ObjectId id, StoredValue value) {
    parts.borrowing().released(id, value);
  }

  // --- lifecycle ---

  @Override
  public void shutdown() {
    closed = true;
    if (driver) {
      boolean hadWorkers = !view.workerAddresses().isEmpty();
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
      if (hadWorkers) { // their last lines: the agents end the streams once the job ended there
        workerOutput.awaitEnd(java.time.Duration.ofSeconds(2));
      }
    }
    view.close();
    Server srv = server;
    if (srv != null) {
      srv.shutdownNow();
    }
    Parts p = parts;
    if (p != null) {
      p.reports().close();
      p.links().close();
    }
    channels.close();
    if (driver) {
      Rpc.forgetToken(); // the job's credential ends with it; the next Manta.init gets its own
    }
  }

  /** Waits up to {@code millis} until every result has reached its owner. */
  void flushReports(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < deadline) {
      if (parts.intake().unreported() == 0 && parts.reports().reportsIdle()) {
        return;
      }
      Thread.sleep(1); // exiting: a short poll is simpler than a completion signal here
    }
  }

  /** Blocks until this process's server ends. */
  void awaitServer() throws InterruptedException {
    server.awaitTermination();
  }

  /** Runs {@code r} when an owner asks this process to exit (workers). */
  void onExit(Runnable r) {
    this.exitHook = r;
  }

  /**
   * Runs {@code r} with an actor hosted here once it died (the actor's worker then offers itself
   * for the job's next actor, or exits).
   */
  void onHostedActorEnded(Consumer<ActorProxy> r) {
    this.hostedActorEnded = r;
  }
}
