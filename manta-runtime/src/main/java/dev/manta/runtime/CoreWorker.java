package dev.manta.runtime;

import dev.manta.ActorCreator;
import dev.manta.ActorHandle;
import dev.manta.GetTimeoutException;
import dev.manta.MantaConfig;
import dev.manta.MantaFunction;
import dev.manta.ObjectFreedException;
import dev.manta.ObjectRef;
import dev.manta.ObjectStoreStats;
import dev.manta.RuntimeContext;
import dev.manta.TaskCall;
import dev.manta.TaskCancelledException;
import dev.manta.WaitResult;
import dev.manta.runtime.actor.ActorHandleImpl;
import dev.manta.runtime.actor.ActorSystem;
import dev.manta.runtime.exec.TaskExecutor;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.Ids;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.ownership.RefImpl;
import dev.manta.runtime.ownership.ReferenceTable;
import dev.manta.runtime.port.ClusterPorts;
import dev.manta.runtime.port.PortsFactory;
import dev.manta.runtime.serial.HandleCodec;
import dev.manta.runtime.serial.Serializer;
import dev.manta.runtime.serial.ValueCodec;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.NodeStore;
import dev.manta.runtime.store.ObjectStore;
import dev.manta.runtime.store.RemoteValue;
import dev.manta.runtime.store.StoreValue;
import dev.manta.runtime.store.StoredValue;
import dev.manta.runtime.task.Scheduler;
import dev.manta.runtime.task.Submitter;
import dev.manta.runtime.task.TaskRun;
import dev.manta.spi.MantaRuntime;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's core worker: wires ids, the reference table, the serializer, the scheduler, the
 * executor and the actor system, and implements the runtime API on top of them. It holds no policy
 * of its own beyond argument checks and the order of shutdown.
 */
public final class CoreWorker implements MantaRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(CoreWorker.class);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  private final MantaConfig config;
  private final dev.manta.runtime.task.Infeasibility infeasibility;
  private final Ids ids = new Ids();
  private final ClassLoader loader;
  private final ReferenceTable table;
  private final ObjectStore store;
  private final ClusterPorts ports;
  private final ValueCodec codec;
  private final TaskExecutor executor;
  private final Scheduler scheduler;
  private final Submitter submitter;
  private final ActorSystem actors;
  private final boolean keepLineage;
  private final Lineage lineage;
  private final String jobId;
  private volatile boolean closed;

  /**
   * Starts a core worker whose tasks, actors and objects go through the ports {@code factory}
   * opens: the embedded runtime's, which keep everything in this process, or a cluster's. Its
   * threads run until {@link #shutdown()}. Made through {@link Cores#start}.
   */
  CoreWorker(MantaConfig config, PortsFactory factory) {
    this.config = config;
    java.util.Objects.requireNonNull(factory, "ports");
    dev.manta.runtime.trace.Tracing.tracer(); // a bad tracing setting fails here, not later
    this.jobId = factory.jobId();
    this.loader = contextLoader();
    int lineageMaxTasks = factory.lineageMaxTasks(); // embedded: 0, it loses no objects
    this.keepLineage = lineageMaxTasks > 0;
    this.table = new ReferenceTable(this::release, this::decode, true);
    table.callbacks(factory.callbackExecutor());
    Serializer serializer =
        new Serializer(
            List.of(new RefCodec(), new ActorCodec()),
            loader,
            config.serializerCodegen(),
            factory.valueClassFilter().orElse(null));
    this.store = factory.openStore(config);
    store.reclaimer(table::reclaimUnreachable); // free dropped refs' objects before spilling
    this.codec = new ValueCodec(serializer, loader, store, config.inlineThresholdBytes());
    this.executor = new TaskExecutor(codec, table);
    this.scheduler =
        new Scheduler(
            ResourceSet.of(config.numCpus(), config.resources()), this::execute, "manta-task-");
    this.submitter = new Submitter(ids, table, codec, executor, lineageMaxTasks);
    CoreAccessImpl access =
        new CoreAccessImpl(
            ids.prefix(), loader, table, submitter, executor, scheduler, keepLineage);
    this.ports = factory.open(access);
    this.lineage =
        new Lineage(ids.prefix(), table, submitter, ports, this::dispatch, lineageMaxTasks);
    if (keepLineage) {
      submitter.lostArguments(lineage::rebuildIfLost); // Lineage, L4
      access.lineage(lineage); // Lineage, L5
    }
    this.infeasibility = new dev.manta.runtime.task.Infeasibility(config, ports);
    this.actors =
        new ActorSystem(
            ids, submitter, executor, scheduler, table, () -> closed, ports, infeasibility);
    access.actors(actors);
    ports.start();
    LOG.info("Manta runtime started ({}): {}", ports.describe(), config);
  }

  private static ClassLoader contextLoader() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return cl != null ? cl : CoreWorker.class.getClassLoader();
  }

  // --- tasks ---

  @Override
  public <R> TaskCall<R> newTask(MantaFunction fn, Object[] args, long refMask) {
    checkOpen();
    return new TaskCallImpl<>(fn, args, refMask);
  }

  private final class TaskCallImpl<R> extends TaskCall<R> {
    private final MantaFunction fn;
    private final Object[] args;
    private final long refMask;

    TaskCallImpl(MantaFunction fn, Object[] args, long refMask) {
      this.fn = fn;
      this.args = args;
      this.refMask = refMask;
    }

    @Override
    public ObjectRef<R> remote() {
      return submit(
          fn,
          args,
          refMask,
          ResourceSet.of(requestedCpus(), requestedResources())
              .withLabels(dev.manta.runtime.spec.LabelSelector.of(requestedLabelSelector())),
          nameOrNull(),
          requestedMaxRetries(config.taskMaxRetries()),
          requestedRetryExceptions(),
          requestedRetryExceptionTypes());
    }
  }

  private <R> ObjectRef<R> submit(
      MantaFunction fn,
      Object[] args,
      long refMask,
      ResourceSet resources,
      String name,
      int maxRetries,
      boolean retryExceptions,
      List<String> retryExceptionTypes) {
    checkOpen();
    boolean infeasible = !ports.feasible(resources);
    if (infeasible && infeasibility.failsAtSubmit()) {
      throw new IllegalArgumentException(
          infeasibility.refusal("Task " + (name != null ? name : fn), resources));
    }
    TaskRun t =
        submitter.build(
            TaskSpec.Kind.TASK,
            fn,
            args,
            refMask,
            resources,
            name,
            maxRetries,
            retryExceptions,
            null,
            retryExceptionTypes);
    RefImpl<R> ref = table.newRef(t.result, false);
    if (infeasible) {
      infeasibility.watch(
          "Task " + t.displayName() + " (" + t.id().hex() + ")",
          resources,
          () -> !t.result.value().isDone() && !closed);
    }
    submitter.resolve(t, this::dispatch);
    return ref;
  }

  private void dispatch(TaskRun t) {
    ports.runTask(t);
  }

  private void execute(TaskRun t) {
    executor.run(t);
    if (!keepLineage && t.state.get() != TaskRun.RUNNING) {
      t.result.clearProducer();
    }
  }

  // --- actors ---

  @Override
  public <A> ActorCreator<A> newActor(MantaFunction constructor, Object[] args, long refMask) {
    checkOpen();
    return actors.prepare(constructor, args, refMask);
  }

  @Override
  public <A> Optional<ActorHandle<A>> findActor(String name) {
    checkOpen();
    return actors.find(name);
  }

  // --- objects ---

  @Override
  public <T> ObjectRef<T> put(T value) {
    checkOpen();
    ObjectId id = ids.nextPut();
    ValueCodec.Encoded enc = codec.encode(id, value, false);
    OwnedObject o = table.create(id, null);
    RefImpl<T> ref = table.newRef(o, false);
    table.setContains(o, enc.contained());
    o.keepAlive(enc.keepAlive());
    table.complete(o, enc.value());
    return ref;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(ObjectRef<T> ref, long timeoutNanos) {
    RefImpl<T> r = own(ref);
    long deadline = timeoutNanos < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
    try {
      OwnedObject o = r.object();
      while (true) {
        StoredValue v = o.value().getNow(null);
        if (v == null) {
          v = await(o.value(), left(timeoutNanos, deadline), List.of(r));
        }
        try {
          return (T) codec.decode(o, v);
        } catch (ObjectFreedException e) {
          // The bytes could not be read from their node (another, or this one's store): if it
          // died, the object is rebuilt (or failed with why not) and read again; else the error
          // stands.
          String node =
              v instanceof RemoteValue rv
                  ? rv.nodeId()
                  : v instanceof StoreValue ? ports.nodeId() : null;
          if (node == null || !lineage.lost(o, v, node, left(timeoutNanos, deadline))) {
            throw e;
          }
        }
      }
    } finally {
      Reference.reachabilityFence(r);
    }
  }

  @Override
  public <T> List<T> getAll(List<? extends ObjectRef<? extends T>> refs, long timeoutNanos) {
    long deadline = timeoutNanos < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
    List<T> out = new ArrayList<>(refs.size());
    for (ObjectRef<? extends T> ref : refs) {
      long left = timeoutNanos < 0 ? -1 : Math.max(0, deadline - System.nanoTime());
      out.add(get(ref, left));
    }
    return out;
  }

  private static long left(long timeoutNanos, long deadline) {
    return timeoutNanos < 0 ? -1 : Math.max(0, deadline - System.nanoTime());
  }

  /** How long {@code get} spins before parking: results of short calls arrive sooner. */
  private static final long GET_SPIN_NANOS = 20_000;

  /** Spins that found nothing in a row before {@code get} parks at once (see spinMisses). */
  private static final int SPIN_MISS_LIMIT = 4;

  /** Gets that park without spinning, once spinning stopped paying, before one spins again. */
  private static final int SPIN_PROBE_EVERY = 64;

  /*
   * Adaptive spinning, as HotSpot's monitors do it: a spin pays when results come back within
   * GET_SPIN_NANOS (an embedded actor call: a few microseconds) and only burns a core when they
   * take longer (a call to another process: a loopback round trip and two wake-ups, ~100 us on
   * this 2-core VM, where the spin also takes CPU from the threads that would answer). After
   * SPIN_MISS_LIMIT fruitless spins in a row, gets park at once, and every SPIN_PROBE_EVERY-th
   * one spins again to see whether it pays now. A plain field on purpose: racy updates only make
   * the heuristic a little less exact, never a get wrong.
   */
  private int spinMisses;

  private StoredValue await(
      CompletableFuture<StoredValue> f, long timeoutNanos, List<? extends ObjectRef<?>> refs) {
    int misses = spinMisses;
    if (misses < SPIN_MISS_LIMIT) {
      // A negative timeout is "no timeout": spin for the whole GET_SPIN_NANOS then too.
      long spin = timeoutNanos < 0 ? GET_SPIN_NANOS : Math.min(GET_SPIN_NANOS, timeoutNanos);
      long spinUntil = System.nanoTime() + spin;
      while (System.nanoTime() < spinUntil) {
        StoredValue v = f.getNow(null);
        if (v != null) {
          if (misses != 0) {
            spinMisses = 0;
          }
          return v;
        }
        Thread.onSpinWait();
      }
      spinMisses = misses + 1;
    } else {
      spinMisses =
          misses + 1 >= SPIN_MISS_LIMIT + SPIN_PROBE_EVERY ? SPIN_MISS_LIMIT - 1 : misses + 1;
    }
    scheduler.beforeBlocking();
    try {
      return timeoutNanos < 0 ? f.get() : f.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new GetTimeoutException(
          "Timed out after "
              + Duration.ofNanos(timeoutNanos)
              + " waiting for "
              + describe(refs)
              + "; the objects stay valid, get them again later");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskCancelledException(
          "Interrupted while waiting for " + describe(refs) + " (the task was cancelled?)");
    } catch (ExecutionException e) {
      throw new IllegalStateException("object futures never fail", e);
    } finally {
      scheduler.afterBlocking();
    }
  }

  private static String describe(List<? extends ObjectRef<?>> refs) {
    if (refs.size() == 1) {
      return "object " + refs.get(0).id();
    }
    return refs.size() + " objects (first " + refs.get(0).id() + ")";
  }

  @Override
  public <T> WaitResult<T> wait(
      List<? extends ObjectRef<T>> refs, int numReturns, long timeoutNanos) {
    // One pass in list order: the first numReturns ready refs are the answer when there are that
    // many (Ray's loop of waits for one ref at a time takes this path almost always).
    int n = refs.size();
    List<ObjectRef<T>> readyOut = new ArrayList<>(Math.min(numReturns, n));
    List<ObjectRef<T>> unready = new ArrayList<>(n);
    partition(refs, numReturns, readyOut, unready);
    long deadline = timeoutNanos < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
    while (readyOut.size() < numReturns && timeoutNanos != 0) {
      // Count down once for every ref seen not ready, even if it completed since: the callback
      // then runs at once, so the count can never miss a completion. A completed future that a
      // rebuild replaced (a lost object reopened, Lineage L4) counts too: the loop looks again.
      CountDownLatch latch = new CountDownLatch(numReturns - readyOut.size());
      for (ObjectRef<T> ref : unready) {
        RefImpl<T> r = (RefImpl<T>) ref;
        if (!r.isReady()) {
          r.object().value().whenComplete((v, e) -> latch.countDown());
        } else {
          latch.countDown();
        }
      }
      scheduler.beforeBlocking();
      try {
        if (timeoutNanos < 0) {
          latch.await();
        } else {
          latch.await(left(timeoutNanos, deadline), TimeUnit.NANOSECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TaskCancelledException("Interrupted while waiting for " + describe(refs));
      } finally {
        scheduler.afterBlocking();
      }
      readyOut.clear();
      unready.clear();
      partition(refs, numReturns, readyOut, unready);
      if (timeoutNanos > 0 && System.nanoTime() - deadline >= 0) {
        break;
      }
    }
    return new WaitResult<>(readyOut, unready);
  }

  /**
   * Puts the first {@code numReturns} ready refs, in list order, in {@code ready} and the rest in
   * {@code unready}. A ready object whose only copy is on a node known dead is not ready: its
   * rebuild starts (or it fails with why it cannot be, and is ready with that failure).
   *
   * @throws IllegalArgumentException if a ref is not this runtime's
   */
  private <T> void partition(
      List<? extends ObjectRef<T>> refs,
      int numReturns,
      List<ObjectRef<T>> ready,
      List<ObjectRef<T>> unready) {
    for (ObjectRef<T> ref : refs) {
      RefImpl<T> r = own(ref);
      if (keepLineage && ready.size() < numReturns && r.isReady()) {
        lineage.rebuildIfLost(r.object()); // Lineage, L4: pending again while it is rebuilt
      }
      if (ready.size() < numReturns && r.isReady()) {
        ready.add(r);
      } else {
        unready.add(r);
      }
    }
  }

  @Override
  public boolean cancel(ObjectRef<?> ref, boolean force) {
    RefImpl<?> r = own(ref);
    if (!(r.object().producer() instanceof TaskRun t) || t.result != r.object()) {
      return false;
    }
    if (t.kind() == TaskSpec.Kind.TASK && t.state.get() == TaskRun.READY) {
      // On the wire to another process? Then the port completes it (its entry gone, it is never
      // retried) and has its worker interrupt it.
      Failure onWorker =
          Failure.cancelled(
              t.id().hex(),
              t.displayName(),
              "Task "
                  + t.displayName()
                  + " ("
                  + t.id().hex()
                  + ") was cancelled while it ran on a worker"
                  + (force ? ", whose process was killed (force)" : ", which was interrupted"));
      if (ports.cancelRemote(t, onWorker, force)) {
        return true;
      }
    }
    return cancelRun(t, executor, "");
  }

  /**
   * Cancels {@code t} in this process: a waiting or queued run never runs, a running one is
   * interrupted and its result becomes a cancellation; {@code by} says who asked (or is empty).
   * False if it already ended. Never blocks.
   */
  static boolean cancelRun(TaskRun t, TaskExecutor executor, String by) {
    while (true) {
      int s = t.state.get();
      if (s == TaskRun.WAITING || s == TaskRun.READY) {
        if (t.state.compareAndSet(s, TaskRun.CANCELLED)) {
          executor.abandon(
              t,
              Failure.cancelled(
                  t.id().hex(),
                  t.displayName(),
                  "Task "
                      + t.displayName()
                      + " ("
                      + t.id().hex()
                      + ") was cancelled"
                      + (by.isEmpty() ? "" : " " + by)
                      + " before it ran"));
          return true;
        }
      } else if (s == TaskRun.RUNNING) {
        if (t.result != null && t.result.value().isDone()) {
          return false; // its result is stored: it ran to the end, only its cleanup is left
        }
        if (t.state.compareAndSet(s, TaskRun.CANCELLED)) {
          Thread th = t.runner;
          if (th != null) {
            th.interrupt();
          }
          return true;
        }
      } else {
        return false;
      }
    }
  }

  @Override
  public void free(Collection<? extends ObjectRef<?>> refs) {
    for (ObjectRef<?> ref : refs) {
      table.free(own(ref).object());
    }
  }

  @Override
  public List<dev.manta.Node> nodes() {
    return ports.nodes();
  }

  @Override
  public ObjectStoreStats storeStats() {
    return store.stats();
  }

  @Override
  public String memorySummary() {
    List<OwnedObject> objs = new ArrayList<>(table.snapshot());
    objs.sort(Comparator.comparing(o -> o.id().hex()));
    List<ObjectId> inStoreIds = new ArrayList<>();
    for (OwnedObject o : objs) {
      if (o.value().getNow(null) instanceof StoreValue sv) {
        inStoreIds.add(sv.id());
      }
    }
    // One question to the store for all (in a cluster, the node's agent answers it).
    List<ObjectStore.Location> locations = store.locate(inStoreIds);
    StringBuilder rows = new StringBuilder();
    long inline = 0;
    long inStore = 0;
    int spilled = 0;
    int next = 0;
    for (OwnedObject o : objs) {
      StoredValue v = o.value().getNow(null);
      long size = v == null ? 0 : v.sizeBytes();
      String where = v == null ? "pending" : v.location();
      String pinned = "";
      if (v instanceof StoreValue) {
        ObjectStore.Location l = locations.get(next++);
        where = l.where();
        inStore += size;
        spilled += where.equals("spilled") ? 1 : 0;
        pinned = l.pinned() ? " pinned-by-reader" : "";
      } else {
        inline += size;
      }
      rows.append(
          String.format(
              "%-40s %12d %-8s %-9s %s%s%n",
              o.id().hex(), size, where, "this-worker", o.reasons(), pinned));
    }
    ObjectStoreStats st = store.stats();
    return String.format(
            "Manta memory summary (%s, job %s): %d objects; inline %d bytes; store %d bytes"
                + " (%d spilled); store used %d of %d bytes, %d pinned, %d spilled (%d bytes)%n",
            ports.describe(),
            jobId,
            objs.size(),
            inline,
            inStore,
            spilled,
            st.usedBytes(),
            st.capacityBytes(),
            st.pinnedBytes(),
            st.spilledCount(),
            st.spilledBytes())
        + String.format(
            "%-40s %12s %-8s %-9s %s%n", "OBJECT ID", "SIZE", "WHERE", "OWNER", "ALIVE BECAUSE")
        + rows;
  }

  // --- context ---

  @Override
  public RuntimeContext runtimeContext() {
    TaskRun t = executor.current();
    Optional<String> task = t == null ? Optional.empty() : Optional.of(t.id().hex());
    ActorId actorId = t == null ? null : t.actorId();
    Optional<String> actor = actorId == null ? Optional.empty() : Optional.of(actorId.hex());
    int restarts = actorId == null ? 0 : actors.restartCount(actorId);
    Map<String, Double> totals = new java.util.LinkedHashMap<>(ports.totalResources());
    Map<String, Double> frozen = java.util.Collections.unmodifiableMap(totals);
    return new RuntimeContext() {
      @Override
      public Optional<String> taskId() {
        return task;
      }

      @Override
      public Optional<String> actorId() {
        return actor;
      }

      @Override
      public String jobId() {
        return jobId;
      }

      @Override
      public String nodeId() {
        return ports.nodeId();
      }

      @Override
      public boolean isEmbedded() {
        return ports.inProcess();
      }

      @Override
      public Map<String, Double> totalResources() {
        return frozen;
      }

      @Override
      public int actorRestartCount() {
        return restarts;
      }

      @Override
      public <A> Optional<dev.manta.ActorHandle<A>> currentActor() {
        return actorId == null ? Optional.empty() : Optional.of(actors.handleFor(actorId));
      }

      /** For example {@code RuntimeContext(embedded, job 1a2b3c4d, node embedded, task 00…)}. */
      @Override
      public String toString() {
        StringBuilder sb =
            new StringBuilder("RuntimeContext(")
                .append(isEmbedded() ? "embedded" : "cluster")
                .append(", job ")
                .append(jobId)
                .append(", node ")
                .append(nodeId());
        task.ifPresent(id -> sb.append(", task ").append(id));
        actor.ifPresent(id -> sb.append(", actor ").append(id));
        return sb.append(", resources ").append(frozen).append(')').toString();
      }
    };
  }

  @Override
  public void exitActor() {
    TaskRun t = executor.current();
    if (t == null || t.actorId() == null) {
      throw new IllegalStateException(
          "Manta.exitActor() must be called from inside an actor method or constructor");
    }
    actors.exit(t.actorId());
  }

  // --- lifecycle ---

  @Override
  public void shutdown() {
    if (closed) {
      return;
    }
    closed = true;
    executor.close();
    try {
      actors.shutdown(SHUTDOWN_GRACE);
      for (TaskRun t : scheduler.shutdown(SHUTDOWN_GRACE)) {
        if (t.state.compareAndSet(TaskRun.READY, TaskRun.CANCELLED)) {
          executor.abandon(t, shutdownCancel(t));
        }
      }
      for (OwnedObject o : table.snapshot()) {
        if (!o.value().isDone() && o.producer() instanceof TaskRun t) {
          if (t.state.compareAndSet(TaskRun.WAITING, TaskRun.CANCELLED)
              || t.state.compareAndSet(TaskRun.READY, TaskRun.CANCELLED)) {
            executor.abandon(t, shutdownCancel(t));
          }
        }
        if (!o.value().isDone()) {
          table.complete(
              o,
              Failure.cancelled(
                  o.id().hex(),
                  "",
                  "Object " + o.id().hex() + " was never produced: Manta shut down"));
        }
      }
      table.close();
      store.close();
      ports.shutdown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("Interrupted during shutdown; some Manta threads may still be ending");
    }
    int left = scheduler.liveWorkers() + actors.liveThreads();
    if (left > 0) {
      LOG.warn(
          "{} task or actor threads did not end within {} of shutdown (user code ignoring"
              + " interrupts?)",
          left,
          SHUTDOWN_GRACE);
    }
    LOG.info("Manta runtime stopped ({})", ports.describe());
  }

  /** Threads this runtime still runs (0 after shutdown unless user code ignores interrupts). */
  public int liveThreads() {
    return scheduler.liveWorkers() + actors.liveThreads();
  }

  /** The counters of the task runs this core ended (its metrics). */
  public dev.manta.runtime.metrics.CoreMetrics metrics() {
    return executor.metrics();
  }

  /** Number of tasks running now, for tests and metrics. */
  public int runningTasks() {
    return scheduler.runningCount();
  }

  /** The reference table, for tests and leak checks. */
  public ReferenceTable table() {
    return table;
  }

  /** Number of live actors, for tests and metrics. */
  public int liveActors() {
    return actors.liveCount();
  }

  /** Number of objects in the reference table, for tests and leak checks. */
  public int liveObjects() {
    return table.size();
  }

  /** The scheduler's resource totals. */
  public Map<String, Double> totals() {
    return Map.of("CPU", config.numCpus());
  }

  static Failure shutdownCancel(TaskRun t) {
    return Failure.cancelled(
        t.id().hex(),
        t.displayName(),
        "Task " + t.displayName() + " (" + t.id().hex() + ") was cancelled: Manta shut down");
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(
          "Manta was shut down: call Manta.init() again before submitting work");
    }
  }

  private <T> RefImpl<T> own(ObjectRef<T> ref) {
    if (ref instanceof RefImpl<T> r && r.table() == table) {
      return r;
    }
    throw new IllegalArgumentException(
        ref
            + " was not created by this Manta runtime: refs do not survive Manta.shutdown(),"
            + " and ObjectRef cannot be implemented by user classes");
  }

  private Object decode(OwnedObject o, StoredValue v) {
    return codec.decode(o, v);
  }

  private void release(OwnedObject o, StoredValue v) {
    ports.released(o.id(), v);
  }

  /** The node store, for tests and statistics (embedded only). */
  public NodeStore store() {
    return (NodeStore) store;
  }

  // --- handle codecs ---

  private final class RefCodec implements HandleCodec<RefImpl<?>> {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<RefImpl<?>> type() {
      return (Class) RefImpl.class;
    }

    @Override
    public int typeId() {
      return 1;
    }

    @Override
    public void write(RefImpl<?> ref, long[] out) {
      if (ref.table() != table) {
        throw new IllegalArgumentException(
            ref + " comes from a runtime that was shut down; it cannot be stored or passed on");
      }
      ObjectId id = ref.object().id();
      out[0] = id.task().prefix();
      out[1] = id.task().sequence();
      out[2] = id.index();
    }

    @Override
    public RefImpl<?> read(long[] in) {
      ObjectId id = new ObjectId(new TaskId(in[0], in[1]), (int) in[2]);
      boolean borrowed = executor.current() != null;
      boolean foreign = in[0] != ids.prefix();
      while (true) {
        OwnedObject o = table.lookup(id);
        boolean standIn = false;
        if (o == null && foreign && ports.canBorrow()) {
          // Owned by another process: a stand-in, registered with the owner, whose value is
          // fetched once a ref holds it. (Embedded: an id of another runtime, gone.)
          try {
            o = table.create(id, null);
          } catch (IllegalStateException raced) {
            continue; // another borrow of it made one just now: use that
          }
          standIn = true;
          ports.borrowed(id);
        }
        if (o == null) {
          return table.freedRef(id);
        }
        RefImpl<?> ref = table.newRefIfLive(o, borrowed);
        if (ref == null) {
          // Freed since the lookup: a copy this process held for another's task (its result,
          // an argument) went just now. Look again; a foreign object is then borrowed.
          Thread.onSpinWait();
          continue;
        }
        if (standIn && !o.value().isDone()) {
          ports.fetchBorrowed(id);
        }
        return ref;
      }
    }
  }

  private final class ActorCodec implements HandleCodec<ActorHandleImpl<?>> {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<ActorHandleImpl<?>> type() {
      return (Class) ActorHandleImpl.class;
    }

    @Override
    public int typeId() {
      return 2;
    }

    @Override
    public void write(ActorHandleImpl<?> handle, long[] out) {
      if (handle.system() != actors) {
        throw new IllegalArgumentException(
            handle + " comes from a runtime that was shut down; it cannot be passed on");
      }
      ActorId id = handle.actorId();
      out[0] = id.prefix();
      out[1] = id.sequence();
      out[2] = 0;
    }

    @Override
    public ActorHandleImpl<?> read(long[] in) {
      return actors.handleFor(new ActorId(in[0], in[1]));
    }
  }
}
