package dev.manta.ray;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.MantaException;
import dev.manta.TaskCall;
import dev.manta.spi.MantaRuntime;
import dev.manta.spi.MantaRuntimeProvider;
import io.ray.api.BaseActorHandle;
import io.ray.api.CppActorHandle;
import io.ray.api.ObjectRef;
import io.ray.api.PyActorHandle;
import io.ray.api.Ray;
import io.ray.api.WaitResult;
import io.ray.api.concurrencygroup.ConcurrencyGroup;
import io.ray.api.exception.RayException;
import io.ray.api.exception.RayIntentionalSystemExitException;
import io.ray.api.function.CppActorClass;
import io.ray.api.function.CppActorMethod;
import io.ray.api.function.CppFunction;
import io.ray.api.function.PyActorClass;
import io.ray.api.function.PyActorMethod;
import io.ray.api.function.PyFunction;
import io.ray.api.function.RayFunc;
import io.ray.api.function.RayFuncR;
import io.ray.api.id.ActorId;
import io.ray.api.id.PlacementGroupId;
import io.ray.api.id.UniqueId;
import io.ray.api.options.ActorCreationOptions;
import io.ray.api.options.CallOptions;
import io.ray.api.options.PlacementGroupCreationOptions;
import io.ray.api.parallelactor.ParallelActorContext;
import io.ray.api.placementgroup.PlacementGroup;
import io.ray.api.runtime.RayRuntime;
import io.ray.api.runtimecontext.ResourceValue;
import io.ray.api.runtimecontext.RuntimeContext;
import io.ray.api.runtimeenv.RuntimeEnv;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ray's runtime interface on Manta: what {@code io.ray.api.Ray} delegates to once {@code
 * Ray.init()} has found {@code io.ray.runtime.DefaultRayRuntimeFactory}. Each Ray call becomes the
 * Manta call of the same meaning on one {@link MantaRuntime}, started here; Manta's exceptions
 * become Ray's (see {@link RayErrors}).
 *
 * <p>Not supported, each with an {@link UnsupportedOperationException} naming the feature:
 * cross-language calls (Manta runs JVM code only), placement groups, runtime environments and
 * parallel actors. See the module README for the full list and the approximations.
 *
 * <p>Thread-safe: every method may be called from any thread, including from inside tasks and actor
 * methods. Memory effects are Manta's: a task's actions happen-before a {@code get} of its result
 * returns.
 */
public final class MantaRayRuntime implements RayRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(MantaRayRuntime.class);

  private final MantaRuntime rt;
  private final RaySettings settings;
  private final ClassLoader loader;
  private final ConcurrentHashMap<ActorId, ActorRecord> actors = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ActorRecord> byMantaId = new ConcurrentHashMap<>();
  private final String jobId;
  private final boolean hosted; // over a runtime this layer did not start (a cluster worker's)
  private final LocalCluster localCluster; // the one Ray.init() started, or null

  /**
   * The hosted runtime {@link #ensureHosted} hands to {@code Ray.init()}: written under HOSTING,
   * read by the same thread inside {@code Ray.init()} (which holds {@code Ray}'s lock, so taking
   * HOSTING there could deadlock with a thread in ensureHosted).
   */
  private static volatile MantaRayRuntime handoff;

  private static final Object HOSTING = new Object();

  private MantaRayRuntime(MantaRuntime rt, RaySettings settings, boolean hosted) {
    this(rt, settings, hosted, null);
  }

  private MantaRayRuntime(
      MantaRuntime rt, RaySettings settings, boolean hosted, LocalCluster localCluster) {
    this.rt = rt;
    this.localCluster = localCluster;
    this.settings = settings;
    this.hosted = hosted;
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    this.loader = cl != null ? cl : MantaRayRuntime.class.getClassLoader();
    this.jobId = rt.runtimeContext().jobId();
  }

  /** Starts Manta with the {@code ray.*} system properties (see {@link RaySettings}). */
  public static MantaRayRuntime startFromSystemProperties() {
    MantaRayRuntime h = handoff; // set only by ensureHosted, whose Ray.init() calls this
    if (h != null) {
      handoff = null;
      return h;
    }
    return start(RaySettings.fromSystemProperties());
  }

  static MantaRayRuntime start(RaySettings settings) {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = cl != null ? cl : MantaRayRuntime.class.getClassLoader();
    if (settings.localCluster() && !LocalCluster.available(loader)) {
      if (settings.explicitCluster()) {
        throw new IllegalStateException(
            "ray.run-mode=CLUSTER without ray.address starts a local Manta cluster, which needs"
                + " dev.manta:manta-cluster on the class path: add it, set ray.address to join a"
                + " running cluster, or set ray.run-mode=LOCAL to run in this JVM");
      }
      LOG.info(
          "Ray.init() runs Manta embedded, in this JVM: manta-cluster is not on the class path,"
              + " so no local cluster of worker processes can start (ray.run-mode=LOCAL says"
              + " embedded explicitly)");
      settings = settings.embedded();
    }
    if (settings.localCluster()) {
      LocalCluster lc = LocalCluster.start(settings.nodeFlags(), settings.nodeJvmOptions(), loader);
      try {
        MantaConfig c = settings.configAt(lc.address());
        RaySettings s = settings;
        MantaRuntime rt = lc.withToken(() -> withJobJvmOptions(s, () -> provider(c).start(c)));
        LOG.info(
            "Ray API on Manta started on a local cluster at {}, namespace '{}'",
            lc.address(),
            settings.namespace());
        return new MantaRayRuntime(rt, settings, false, lc);
      } catch (RuntimeException | Error e) {
        lc.close();
        throw e;
      }
    }
    RaySettings s = settings;
    if (s.config().address().isEmpty() && !s.jobJvmOptions().isEmpty()) {
      LOG.warn(
          "Ignoring ray.job.jvm-options {}: the embedded runtime runs tasks and actors in this JVM,"
              + " so there is no worker JVM to start with them",
          s.jobJvmOptions());
    }
    MantaRuntime rt =
        s.config().address().isEmpty()
            ? provider(s.config()).start(s.config())
            : withJobJvmOptions(s, () -> provider(s.config()).start(s.config()));
    if (rt.runtimeContext().isEmbedded()) {
      GpuIds.install(rt.runtimeContext().totalResources().getOrDefault("GPU", 0.0));
    }
    LOG.info("Ray API on Manta started, namespace '{}'", settings.namespace());
    return new MantaRayRuntime(rt, settings, false);
  }

  /**
   * Makes sure {@code io.ray.api.Ray} has a runtime in this JVM before a Ray function runs. Where
   * the program called {@code Ray.init()} (the driver, or anything embedded) it has one. A cluster
   * worker runs the job's code without it: there the first Ray function installs, through {@code
   * Ray.init()}, a Ray runtime over the worker's Manta runtime (the one the worker gave {@code
   * Manta.init}), in the job's namespace. That runtime never stops the worker's Manta runtime:
   * {@code Ray.shutdown()} on a worker (its JVM's shutdown hook) only forgets it.
   */
  static void ensureHosted(String namespace, boolean detachedByDefault) {
    if (Ray.isInitialized()) {
      return;
    }
    synchronized (HOSTING) {
      if (Ray.isInitialized() || !Manta.isInitialized()) {
        return; // without a Manta runtime the user's Ray call fails with Ray's own message
      }
      RaySettings s =
          new RaySettings(MantaConfig.builder().build(), namespace, List.of(), detachedByDefault);
      handoff = new MantaRayRuntime(Manta.currentRuntime(), s, true);
      try {
        Ray.init();
      } finally {
        handoff = null;
      }
      LOG.info("Ray API on Manta hosted on this worker, namespace '{}'", namespace);
    }
  }

  /** Manta's setting of a driver's job JVM options (the cluster module's JOB_JVM_OPTIONS). */
  static final String JOB_JVM_OPTIONS = "manta.job.jvm-options";

  private static final Object JOB_OPTIONS_LOCK = new Object();

  /**
   * Runs {@code start} (a cluster driver's start, which reads Manta's settings from the system
   * properties once) with {@code ray.job.jvm-options} given to it as {@value #JOB_JVM_OPTIONS}, and
   * restores that property after. Starts run one at a time under a lock, so two Ray drivers of one
   * JVM do not see each other's options.
   *
   * @throws IllegalArgumentException if {@value #JOB_JVM_OPTIONS} is set to other options too
   */
  private static MantaRuntime withJobJvmOptions(
      RaySettings settings, java.util.function.Supplier<MantaRuntime> start) {
    List<String> options = settings.jobJvmOptions();
    if (options.isEmpty()) {
      return start.get();
    }
    String joined = String.join(" ", options);
    synchronized (JOB_OPTIONS_LOCK) {
      String old = System.getProperty(JOB_JVM_OPTIONS);
      if (old != null && !old.isBlank() && !old.strip().equals(joined)) {
        throw new IllegalArgumentException(
            "ray.job.jvm-options ("
                + joined
                + ") and "
                + JOB_JVM_OPTIONS
                + " ("
                + old
                + ") are both set: give the job's JVM options one way");
      }
      System.setProperty(JOB_JVM_OPTIONS, joined);
      try {
        return start.get();
      } finally {
        if (old == null) {
          System.clearProperty(JOB_JVM_OPTIONS);
        } else {
          System.setProperty(JOB_JVM_OPTIONS, old);
        }
      }
    }
  }

  /** The embedded node's labels from {@code ray.head-args} ({@code --labels}). */
  Map<String, String> headLabels() {
    return settings.labels();
  }

  /** The Manta runtime underneath, for programs that mix the two APIs. */
  public MantaRuntime manta() {
    return rt;
  }

  private static MantaRuntimeProvider provider(MantaConfig config) {
    MantaRuntimeProvider best = null;
    int bestPriority = 0;
    List<String> seen = new ArrayList<>();
    for (MantaRuntimeProvider p : ServiceLoader.load(MantaRuntimeProvider.class)) {
      int prio = p.priority(config);
      seen.add(p.getClass().getName() + "=" + prio);
      if (prio > bestPriority) {
        best = p;
        bestPriority = prio;
      }
    }
    if (best == null) {
      throw new IllegalStateException(
          "No Manta runtime on the class path can serve "
              + config
              + " (providers and priorities: "
              + seen
              + "). For ray.address add dev.manta:manta-cluster, or unset ray.address (or set"
              + " ray.run-mode=LOCAL) to run embedded");
    }
    return best;
  }

  // --- lifecycle ---

  @Override
  public void shutdown() {
    if (!hosted) {
      try {
        rt.shutdown();
      } finally {
        if (localCluster != null) {
          localCluster.close();
        }
        GpuIds.uninstall();
      }
    }
    actors.clear();
    byMantaId.clear();
    LOG.info("Ray API on Manta stopped");
  }

  // --- objects ---

  @Override
  public <T> ObjectRef<T> put(T obj) {
    // Manta's facade refuses null, its runtime stores one (as a void task's result), so that a
    // ref to it resolves to a null argument of any type
    return translate(() -> new RayRef<>(rt.put(obj)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Manta has no ownership transfer: the object is owned by the caller, as with {@link
   * #put(Object)}. It lives as long as refs to it do, whatever happens to {@code owner}.
   */
  @Override
  public <T> ObjectRef<T> put(T obj, BaseActorHandle owner) {
    actor(owner);
    return put(obj);
  }

  @Override
  public <T> T get(ObjectRef<T> ref) {
    return get(ref, -1L);
  }

  @Override
  public <T> List<T> get(List<ObjectRef<T>> refs) {
    return get(refs, -1L);
  }

  @Override
  public <T> T get(ObjectRef<T> ref, long timeoutMs) {
    dev.manta.ObjectRef<T> m = manta(ref);
    return value(translateGet(List.of(m), () -> rt.get(m, nanos(timeoutMs))));
  }

  @Override
  public <T> List<T> get(List<ObjectRef<T>> refs, long timeoutMs) {
    List<dev.manta.ObjectRef<T>> m = mantaRefs(refs);
    return values(translateGet(m, () -> rt.getAll(m, nanos(timeoutMs))));
  }

  /**
   * As {@link #translate}, and as Ray: a task that failed because the task making one of its
   * arguments failed raises its own {@link io.ray.api.exception.RayTaskException}, whose cause is
   * the upstream task's. Manta stores the upstream failure itself as the dependent's result.
   */
  private <R> R translateGet(List<? extends dev.manta.ObjectRef<?>> refs, Supplier<R> action) {
    try {
      return action.get();
    } catch (dev.manta.TaskException te) {
      RuntimeException upstream = RayErrors.toRay(te, this::rayActorId);
      for (dev.manta.ObjectRef<?> r : refs) {
        if (r.id().startsWith(te.taskId())) {
          throw upstream; // the task of a ref read here threw it itself
        }
      }
      throw new io.ray.api.exception.RayTaskException(
          RayErrors.PID,
          RayErrors.IP,
          (refs.size() == 1 ? "The task of object " + refs.get(0).id() : "A task of these objects")
              + " did not run: an argument's task "
              + te.taskId()
              + " failed: "
              + upstream.getMessage(),
          upstream);
    } catch (MantaException e) {
      throw RayErrors.toRay(e, this::rayActorId);
    }
  }

  /**
   * What Ray's {@code get} gives for a stored value: null for {@link RayNull}; a stored {@link
   * RayException} (a {@code Ray.put} of one, as Ray's object store treats it) is thrown.
   */
  private static <T> T value(T v) {
    if (v == RayNull.INSTANCE) {
      return null;
    }
    if (v instanceof RayException e) {
      throw e;
    }
    return v;
  }

  private static <T> List<T> values(List<T> vs) {
    List<T> out = new ArrayList<>(vs.size());
    for (T v : vs) {
      out.add(value(v));
    }
    return out;
  }

  /** {@inheritDoc} {@code fetchLocal} has no meaning on one node. */
  @Override
  public <T> WaitResult<T> wait(
      List<ObjectRef<T>> refs, int numReturns, int timeoutMs, boolean fetchLocal) {
    if (numReturns < 0 || numReturns > refs.size()) {
      throw new IllegalArgumentException(
          "numReturns must be in [0, " + refs.size() + "] (the number of refs), was " + numReturns);
    }
    IdentityHashMap<dev.manta.ObjectRef<?>, ObjectRef<T>> back = new IdentityHashMap<>();
    List<dev.manta.ObjectRef<T>> m = new ArrayList<>(refs.size());
    for (ObjectRef<T> r : refs) {
      dev.manta.ObjectRef<T> mr = manta(r);
      m.add(mr);
      back.put(mr, r);
    }
    dev.manta.WaitResult<T> w = translate(() -> rt.wait(m, numReturns, nanos(timeoutMs)));
    return new WaitResult<>(ray(w.ready(), back), ray(w.unready(), back));
  }

  private static <T> List<ObjectRef<T>> ray(
      List<dev.manta.ObjectRef<T>> refs, Map<dev.manta.ObjectRef<?>, ObjectRef<T>> back) {
    List<ObjectRef<T>> out = new ArrayList<>(refs.size());
    for (dev.manta.ObjectRef<T> r : refs) {
      ObjectRef<T> original = back.get(r);
      out.add(original != null ? original : new RayRef<>(r));
    }
    return out;
  }

  /** {@inheritDoc} {@code localOnly} has no meaning on one node. */
  @Override
  public void free(List<ObjectRef<?>> refs, boolean localOnly) {
    List<dev.manta.ObjectRef<?>> m = new ArrayList<>(refs.size());
    for (ObjectRef<?> r : refs) {
      m.add(manta(r));
    }
    translate(
        () -> {
          rt.free(m);
          return null;
        });
  }

  // --- tasks ---

  @Override
  public ObjectRef<?> call(RayFunc func, Object[] args, CallOptions options) {
    double gpus =
        options != null && rt.runtimeContext().isEmbedded()
            ? options.resources.getOrDefault("GPU", 0.0)
            : 0;
    RayFunction fn =
        RayFunction.task(func, settings.namespace(), gpus, settings.detachedByDefault());
    Args a = Args.of(args);
    return translate(
        () -> {
          TaskCall<Object> call = rt.newTask(fn, a.values, a.refMask);
          if (options != null) {
            checkNoPlacementGroup(options.group);
            if (options.name != null && !options.name.isEmpty()) {
              call.name(options.name);
            }
            options.resources.forEach(call::resource);
          }
          return new RayRef<>(call.remote());
        });
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ObjectRef<?> call(PyFunction pyFunction, Object[] args, CallOptions options) {
    throw crossLanguage("Python function " + pyFunction.moduleName + "." + pyFunction.functionName);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ObjectRef<?> call(CppFunction cppFunction, Object[] args, CallOptions options) {
    throw crossLanguage("C++ function " + cppFunction.functionName);
  }

  // --- actors ---

  @Override
  public <T> io.ray.api.ActorHandle<T> createActor(
      RayFunc actorFactoryFunc, Object[] args, ActorCreationOptions options) {
    ActorCreationOptions o = options != null ? options : new ActorCreationOptions.Builder().build();
    checkNoPlacementGroup(o.group);
    if (o.serializedRuntimeEnv != null && !o.serializedRuntimeEnv.isEmpty()) {
      throw unsupported("Runtime environments (setRuntimeEnv)", "");
    }
    String ns = o.namespace != null && !o.namespace.isEmpty() ? o.namespace : settings.namespace();
    String name = o.name != null && !o.name.isEmpty() ? o.name : null;
    Args a = Args.of(args);
    ActorRecord record =
        new ActorRecord(
            ActorId.fromRandom(),
            name,
            ns,
            actorFactoryFunc,
            a.values,
            a.refMask,
            o.maxRestarts,
            o.maxTaskRetries,
            o.maxConcurrency,
            o.maxPendingCalls,
            o.resources,
            o.concurrencyGroups,
            loader,
            settings.namespace(),
            o.lifetime != null
                ? o.lifetime == io.ray.api.options.ActorLifetime.DETACHED
                : settings.detachedByDefault(),
            rt.runtimeContext().isEmbedded());
    record.jobDetachedByDefault(settings.detachedByDefault()); // for the functions it ships
    // On a cluster the actor's worker JVM starts with them; embedded they are ignored, with a
    // warning (the actor runs in this JVM). Options that would break the worker are refused.
    record.jvmOptions(o.jvmOptions);
    translate(
        () -> {
          record.start(rt);
          return null;
        });
    actors.put(record.rayId, record);
    byMantaId.put(record.current().id(), record);
    return RayActor.of(record);
  }

  @Override
  public PyActorHandle createActor(
      PyActorClass pyActorClass, Object[] args, ActorCreationOptions options) {
    throw crossLanguage("Python actor " + pyActorClass.moduleName + "." + pyActorClass.className);
  }

  @Override
  public CppActorHandle createActor(
      CppActorClass cppActorClass, Object[] args, ActorCreationOptions options) {
    throw crossLanguage("C++ actor " + cppActorClass.className);
  }

  @Override
  public ObjectRef<?> callActor(
      io.ray.api.ActorHandle<?> actor, RayFunc func, Object[] args, CallOptions options) {
    ActorRecord record = actor(actor);
    String group = null;
    if (options != null) {
      checkNoPlacementGroup(options.group);
      group = options.concurrencyGroupName;
    }
    RayFunction fn =
        RayFunction.method(
            func, record.groupFor(group, func), settings.namespace(), settings.detachedByDefault());
    Args a = Args.of(args);
    if (record.maxTaskRetries == 0
        && record.rayState() == io.ray.api.runtimecontext.ActorState.RESTARTING) {
      // As in Ray: without task retries, a call to a restarting actor fails at once, rather than
      // waiting for the restart (which may never end, e.g. a constructor that blocks).
      return put(
          new io.ray.api.exception.RayActorException(
              RayErrors.PID,
              RayErrors.IP,
              record.rayId,
              new IllegalStateException(
                  "Actor "
                      + record.rayId
                      + " is restarting and its maxTaskRetries is 0, so the call fails at once"
                      + " (as in Ray); setMaxTaskRetries(n) makes calls wait for the restart")));
    }
    ActorHandle<Object> target = record.current();
    if (!record.countsCallers()) {
      return translate(
          () -> new RayRef<>(ActorCalls.prepare(target, fn, a.values, a.refMask).remote()));
    }
    return new RayRef<>(
        record.submit(
            caller(),
            () -> translate(() -> ActorCalls.prepare(target, fn, a.values, a.refMask).remote())));
  }

  /**
   * Who is calling, for {@code maxPendingCalls} (which counts per caller, as Ray's worker processes
   * each count their own): the actor whose method runs on this thread, else the task, else the
   * driver.
   */
  private String caller() {
    dev.manta.RuntimeContext c = rt.runtimeContext();
    return c.actorId()
        .map(id -> "actor " + id)
        .orElseGet(() -> c.taskId().map(id -> "task " + id).orElse("the driver"));
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ObjectRef<?> callActor(PyActorHandle pyActor, PyActorMethod pyActorMethod, Object[] args) {
    throw crossLanguage("Python actor method " + pyActorMethod.methodName);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public ObjectRef<?> callActor(
      CppActorHandle cppActor, CppActorMethod cppActorMethod, Object[] args) {
    throw crossLanguage("C++ actor method " + cppActorMethod.methodName);
  }

  @Override
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // Ray's signature
  public <T extends BaseActorHandle> T getActorHandle(ActorId actorId) {
    ActorRecord r = actors.get(actorId);
    if (r == null) {
      throw new IllegalArgumentException(
          "No actor " + actorId + " was created by this Ray runtime (or it shut down since)");
    }
    return (T) RayActor.of(r);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends BaseActorHandle> Optional<T> getActor(String name, String namespace) {
    String ns = namespace != null && !namespace.isEmpty() ? namespace : settings.namespace();
    Optional<ActorHandle<Object>> m = rt.findActor(ns + "/" + name);
    if (m.isEmpty()) {
      return Optional.empty();
    }
    ActorRecord r = byMantaId.get(m.get().id());
    if (r == null) {
      // Created by another Ray runtime: this JVM is a cluster worker looking up its driver's actor,
      // or a driver looking up another job's detached one. The Manta actor says what it embodies.
      ActorSpec spec = describe(m.get());
      if (spec == null) {
        return Optional.empty(); // a Manta actor, not a Ray one
      }
      r = actor(new RayActor<>(spec.rayId(), m.get(), spec));
    }
    return r.isDead() ? Optional.empty() : Optional.of((T) RayActor.of(r));
  }

  /**
   * The {@link ActorSpec} of the Ray actor that the Manta actor {@code h} embodies, asked of the
   * actor itself (a call that waits its turn in the actor's mailbox), or null when {@code h} is a
   * plain Manta actor.
   */
  private ActorSpec describe(ActorHandle<Object> h) {
    dev.manta.Fn1<Object, ActorSpec> what = a -> a instanceof HostedActor ha ? ha.spec : null;
    return translate(() -> rt.get(h.task(what).remote(), nanos(-1)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>With {@code noRestart == false} and restarts left ({@code setMaxRestarts}), the actor is
   * constructed again from its original arguments; calls in flight fail with {@code
   * RayActorException}, later calls go to the new instance.
   */
  @Override
  public void killActor(BaseActorHandle actor, boolean noRestart) {
    ActorRecord r = actor(actor);
    ActorHandle<Object> restarted = translate(() -> r.kill(rt, !noRestart));
    if (restarted != null) {
      byMantaId.put(restarted.id(), r);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Ends the calling actor for good, as in Ray: throws {@link RayIntentionalSystemExitException}
   * so that the rest of the method does not run; the call's result and every later call fail with
   * {@code RayActorException}.
   *
   * @throws IllegalStateException if not called from an actor method
   */
  @Override
  public void exitActor() {
    ActorSpec a = RayFunction.executingActor();
    if (a == null) {
      throw new IllegalStateException("Ray.exitActor() must be called from inside an actor method");
    }
    ActorRecord r = actors.get(a.rayId());
    if (r != null) {
      r.markDead();
    }
    if (!RayFunction.onActorThread()) {
      rt.exitActor(); // else the Manta call's thread does, when this exception reaches it
    }
    throw new RayIntentionalSystemExitException(
        "Actor " + a.describe() + " exited (Ray.exitActor)");
  }

  // --- context ---

  @Override
  public RuntimeContext getRuntimeContext() {
    return new RayContext(this, rt.runtimeContext(), RayFunction.executingActor());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Embedded: the ids of the node's GPUs ({@code --num-gpus}) the calling task or actor holds,
   * with the share of each ({@code GPU} only); on a cluster, and without GPUs, empty.
   */
  @Override
  public Map<String, List<ResourceValue>> getAvailableResourceIds() {
    return GpuIds.asResourceIds(GpuIds.ofCaller(RayFunction.executingActor()));
  }

  @Override
  public String getNamespace() {
    return settings.namespace();
  }

  @Override
  public UniqueId getCurrentNodeId() {
    return RayIds.EMBEDDED_NODE;
  }

  // --- placement groups: not supported by Manta's scheduler ---

  @Override
  public PlacementGroup createPlacementGroup(PlacementGroupCreationOptions creationOptions) {
    throw placementGroups();
  }

  /** {@inheritDoc} None can exist on Manta: always null. */
  @Override
  public PlacementGroup getPlacementGroup(PlacementGroupId id) {
    return null;
  }

  /** {@inheritDoc} None can exist on Manta: always null. */
  @Override
  public PlacementGroup getPlacementGroup(String name, String namespace) {
    return null;
  }

  /** {@inheritDoc} None can exist on Manta: always empty. */
  @Override
  public List<PlacementGroup> getAllPlacementGroups() {
    return List.of();
  }

  @Override
  public void removePlacementGroup(PlacementGroupId id) {
    throw placementGroups();
  }

  @Override
  public boolean waitPlacementGroupReady(PlacementGroupId id, int timeoutSeconds) {
    throw placementGroups();
  }

  // --- concurrency groups ---

  @Override
  public ConcurrencyGroup createConcurrencyGroup(
      String name, int maxConcurrency, List<RayFunc> funcs) {
    List<ConcurrencyGroups.MethodKey> keys = new ArrayList<>(funcs.size());
    for (RayFunc f : funcs) {
      keys.add(ConcurrencyGroups.keyOf(f));
    }
    return new ConcurrencyGroups.Group(name, maxConcurrency, keys);
  }

  @Override
  public List<ConcurrencyGroup> extractConcurrencyGroups(RayFuncR<?> actorConstructorLambda) {
    return ConcurrencyGroups.declaredBy(actorConstructorLambda, loader);
  }

  // --- not supported ---

  @Override
  public RuntimeEnv createRuntimeEnv() {
    throw unsupported(
        "Runtime environments (RuntimeEnv)",
        " Manta runs tasks in this JVM with its class path and environment; set them when"
            + " launching the program.");
  }

  @Override
  public RuntimeEnv deserializeRuntimeEnv(String serializedRuntimeEnv) {
    throw unsupported("Runtime environments (RuntimeEnv)", "");
  }

  @Override
  public ParallelActorContext getParallelActorContext() {
    throw unsupported(
        "Parallel actors (io.ray.api.parallelactor)",
        " Use an actor with setMaxConcurrency(n) or concurrency groups instead.");
  }

  // --- internals ---

  /** The record of a Ray actor of this runtime. */
  ActorRecord actor(BaseActorHandle handle) {
    if (handle == null) {
      throw new NullPointerException("actor handle is null");
    }
    if (handle instanceof PyActorHandle || handle instanceof CppActorHandle) {
      throw crossLanguage("actor " + handle);
    }
    ActorRecord r = actors.get(handle.getId());
    if (r == null && handle instanceof RayActor<?> ra && ra.manta() != null) {
      // made where the actor was created, received here (a task on a cluster worker)
      r =
          actors.computeIfAbsent(
              ra.getId(),
              id -> {
                ActorRecord b = new ActorRecord(ra, loader, settings.namespace());
                byMantaId.put(ra.manta().id(), b);
                return b;
              });
    }
    if (r == null) {
      throw new IllegalArgumentException(
          handle + " was not created by this Ray runtime: handles do not survive Ray.shutdown()");
    }
    return r;
  }

  /** The record of the actor {@code id} if this runtime knows it, or null. */
  ActorRecord knownActor(ActorId id) {
    return actors.get(id);
  }

  /** All actors of this runtime, for {@link RayContext}. */
  List<ActorRecord> actors() {
    return List.copyOf(actors.values());
  }

  String jobId() {
    return jobId;
  }

  ActorId rayActorId(String mantaActorId) {
    ActorRecord r = byMantaId.get(mantaActorId);
    return r == null ? null : r.rayId;
  }

  private <R> R translate(Supplier<R> action) {
    try {
      return action.get();
    } catch (MantaException e) {
      throw RayErrors.toRay(e, this::rayActorId);
    }
  }

  private static <T> dev.manta.ObjectRef<T> manta(ObjectRef<T> ref) {
    if (ref instanceof RayRef<T> r) {
      return r.manta();
    }
    throw new IllegalArgumentException(
        ref == null
            ? "ref is null"
            : ref + " (" + ref.getClass().getName() + ") was not made by the Ray API on Manta");
  }

  private static <T> List<dev.manta.ObjectRef<T>> mantaRefs(List<ObjectRef<T>> refs) {
    List<dev.manta.ObjectRef<T>> out = new ArrayList<>(refs.size());
    for (ObjectRef<T> r : refs) {
      out.add(manta(r));
    }
    return out;
  }

  private static long nanos(long timeoutMs) {
    if (timeoutMs < 0) {
      return -1;
    }
    return timeoutMs >= Long.MAX_VALUE / 1_000_000 ? -1 : TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }

  private static void checkNoPlacementGroup(PlacementGroup group) {
    if (group != null) {
      throw placementGroups();
    }
  }

  private static UnsupportedOperationException placementGroups() {
    return unsupported(
        "Placement groups",
        " Manta's scheduler runs on one node and reserves no resource bundles; request resources"
            + " per task or actor with setResource instead.");
  }

  private static UnsupportedOperationException crossLanguage(String what) {
    return unsupported(
        "Cross-language calls (" + what + ")",
        " Manta runs JVM code only: call a Java method reference instead.");
  }

  private static UnsupportedOperationException unsupported(String feature, String advice) {
    return new UnsupportedOperationException(
        feature + " are not supported by the Ray API on Manta." + advice);
  }

  /** Ray call arguments as Manta wants them: refs unwrapped and flagged, nulls replaced. */
  private static final class Args {
    final Object[] values;
    final long refMask;

    private Args(Object[] values, long refMask) {
      this.values = values;
      this.refMask = refMask;
    }

    static Args of(Object[] args) {
      Object[] v = args == null ? new Object[0] : args.clone();
      long mask = 0;
      for (int i = 0; i < v.length; i++) {
        if (v[i] instanceof RayRef<?> r) {
          v[i] = r.manta();
          mask |= 1L << i;
        } else if (v[i] == null) {
          v[i] = RayNull.INSTANCE;
        } else if (v[i] instanceof ObjectRef<?> other) {
          throw new IllegalArgumentException(
              "Argument "
                  + (i + 1)
                  + " is an ObjectRef not made by the Ray API on Manta: "
                  + other);
        }
      }
      return new Args(v, mask);
    }
  }
}
