package dev.manta.ray;

import dev.manta.ActorCreator;
import dev.manta.ActorHandle;
import dev.manta.spi.MantaRuntime;
import io.ray.api.concurrencygroup.ConcurrencyGroup;
import io.ray.api.function.RayFunc;
import io.ray.api.id.ActorId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One Ray actor, across its restarts: how to construct it, its options, and the Manta actor that
 * currently embodies it. Ray handles hold only {@link #rayId}; calls read {@link #current}.
 */
final class ActorRecord {
  /*
   * Implementation notes
   *  I1  `current` changes only under `lock`, in restart(): the old Manta actor is killed (which
   *      frees its name) before the new one is created under the same name.
   *  I2  restarts <= maxRestarts unless maxRestarts == -1 (unlimited).
   *  I3  once `dead`, never alive again: no restart, getActor finds nothing.
   *  A call that reads `current` just before a restart goes to the old actor and fails with
   *  RayActorException, as a call in flight during a Ray actor restart does.
   *  This record lives in the JVM that created the actor (the driver); the actor itself may live
   *  in another (a cluster worker). So nothing here is shipped: each Manta actor is made from an
   *  ActorSpec (plain data: id, restart number, groups) and the constructor; the group permits
   *  live with the instance (HostedActor). Here, groupFor only names a call's group.
   *  I4  maxPendingCalls counts per caller, as in Ray (each Ray worker process counts its own
   *      calls). On a cluster Manta does that: each process's proxy counts its own calls. Embedded,
   *      every caller is in this JVM and Manta's actor would count them together, so this record
   *      counts instead (countsCallers; Manta's limit is then unbounded): pendingByCaller maps a
   *      caller (the driver, a task, an actor; see MantaRayRuntime.caller) to the results of its
   *      calls not known to be complete. A call is pending while its result is not ready
   *      (ObjectRef.isReady, which is true before any get of it returns, so a caller that got a
   *      result may call again at once). submit() prunes the caller's ready results, refuses at
   *      the limit, submits and records the result, all inside ConcurrentHashMap.compute on the
   *      caller's key, so one caller's check-then-submit is atomic and callers do not wait for
   *      each other's (beyond a shared hash bin for the length of a submit, which does not block).
   *      A caller's list is dropped once empty; with more than SWEEP_AT callers every submit also
   *      prunes the others (computeIfPresent, under their keys), so ended tasks leave nothing and
   *      results are held here at most until their caller's next call or the next sweep.
   */
  final ActorId rayId;
  final String name;
  final String namespace;
  final String mantaName;
  final int maxRestarts;

  /** Ray's {@code setLifetime(ActorLifetime.DETACHED)}: Manta's {@code lifetime(DETACHED)}. */
  private final boolean detached;

  final int maxTaskRetries;
  private final RayFunc ctor;
  private final Object[] args;
  private final long refMask;
  private final int maxConcurrency;
  private final int maxPendingCalls;
  private final Map<String, Double> resources;
  private final ActorSpec spec; // of the first instance; restarts differ only in the number
  private final Map<String, Integer> groups = new LinkedHashMap<>(); // name -> maxConcurrency
  private final Map<ConcurrencyGroups.MethodKey, String> methodGroups = new ConcurrentHashMap<>();
  private final ClassLoader loader;
  private final String jobNamespace; // the Ray namespace of the job, for its functions
  private final boolean borrowed; // made from a handle in a JVM that did not create the actor
  private final ReentrantLock lock = new ReentrantLock();
  private volatile ActorHandle<Object> current; // written under lock (I1)
  private final AtomicInteger restarts = new AtomicInteger(); // incremented under lock
  private volatile boolean dead;
  private final boolean countsCallers; // I4
  private final boolean embedded; // GPU ids are this JVM's (GpuIds)
  private final ConcurrentHashMap<String, List<dev.manta.ObjectRef<Object>>> pendingByCaller =
      new ConcurrentHashMap<>();
  private static final int SWEEP_AT = 8;

  /** Ray's setJvmOptions of the actor; set once, before {@link #start}. */
  private volatile List<String> jvmOptions = List.of();

  /** The job's {@code ray.job.default-actor-lifetime} is DETACHED; set once, before start. */
  private volatile boolean jobDetachedByDefault;

  /** Sets whether the job's actors are detached by default, before the actor is started. */
  void jobDetachedByDefault(boolean detached) {
    this.jobDetachedByDefault = detached;
  }

  /** Sets the actor's JVM options (Ray's {@code setJvmOptions}), before it is started. */
  void jvmOptions(List<String> options) {
    this.jvmOptions = List.copyOf(options);
  }

  ActorRecord(
      ActorId rayId,
      String name,
      String namespace,
      RayFunc ctor,
      Object[] args,
      long refMask,
      int maxRestarts,
      int maxTaskRetries,
      int maxConcurrency,
      int maxPendingCalls,
      Map<String, Double> resources,
      List<ConcurrencyGroup> concurrencyGroups,
      ClassLoader loader,
      String jobNamespace,
      boolean detached,
      boolean embedded) {
    this.rayId = rayId;
    this.detached = detached;
    this.jobNamespace = jobNamespace;
    this.borrowed = false;
    this.name = name;
    this.namespace = namespace;
    this.mantaName = name == null ? null : namespace + "/" + name;
    this.ctor = ctor;
    this.args = args;
    this.refMask = refMask;
    this.maxRestarts = maxRestarts;
    this.maxTaskRetries = maxTaskRetries;
    this.maxPendingCalls = maxPendingCalls <= 0 ? Integer.MAX_VALUE : maxPendingCalls;
    this.countsCallers = embedded && maxPendingCalls > 0;
    this.embedded = embedded;
    this.resources = Map.copyOf(resources);
    this.loader = loader;
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
    }
    if (maxRestarts < -1) {
      throw new IllegalArgumentException(
          "maxRestarts must be >= 0, or -1 for unlimited; was " + maxRestarts);
    }
    int total = maxConcurrency;
    for (ConcurrencyGroup g : concurrencyGroups) {
      if (!(g instanceof ConcurrencyGroups.Group group)) {
        throw new IllegalArgumentException(
            g + " was not made by ConcurrencyGroupBuilder or @DefConcurrencyGroup");
      }
      if (groups.put(group.name(), group.maxConcurrency()) != null) {
        throw new IllegalArgumentException(
            "Two concurrency groups are named '" + group.name() + "'; names must be unique");
      }
      for (ConcurrencyGroups.MethodKey m : group.methods()) {
        methodGroups.put(m, group.name());
      }
      total = Math.addExact(total, group.maxConcurrency());
    }
    this.maxConcurrency = total;
    this.spec =
        new ActorSpec(
            rayId,
            name,
            0,
            groups.isEmpty() ? 0 : maxConcurrency,
            groups,
            groups.isEmpty() && maxConcurrency == 1);
  }

  /**
   * The record of an actor created elsewhere, in the JVM that received {@code handle} (a cluster
   * worker running a task the handle was passed to): calls go to the Manta actor the handle
   * carries; it cannot be restarted from here, and a restart made by the creating JVM after the
   * handle was sent is not seen (calls then fail with {@code RayActorException}).
   */
  ActorRecord(RayActor<?> handle, ClassLoader loader, String jobNamespace) {
    ActorSpec s = handle.spec();
    this.rayId = handle.getId();
    this.name = s.name();
    this.namespace = jobNamespace;
    this.mantaName = null;
    this.ctor = null;
    this.args = new Object[0];
    this.refMask = 0;
    this.maxRestarts = 0;
    this.detached = false;
    this.maxTaskRetries = 0;
    this.maxPendingCalls = Integer.MAX_VALUE;
    this.countsCallers = false; // on a cluster: Manta's proxy in this process counts (I4)
    this.embedded = false;
    this.resources = Map.of();
    this.loader = loader;
    this.jobNamespace = jobNamespace;
    this.borrowed = true;
    this.groups.putAll(s.groups());
    this.maxConcurrency = 1;
    this.spec = s;
    this.restarts.set(s.restart());
    this.current = handle.manta();
  }

  /** What the actor's first instance was made from (restarts differ only in their number). */
  ActorSpec spec() {
    return spec.restarted(restarts.get());
  }

  /** Creates the first Manta actor. */
  void start(MantaRuntime rt) {
    lock.lock();
    try {
      current = create(rt);
    } finally {
      lock.unlock();
    }
  }

  private ActorHandle<Object> create(MantaRuntime rt) {
    RayFunction f =
        RayFunction.constructor(
            ctor,
            spec.restarted(restarts.get()),
            jobNamespace,
            embedded ? resources.getOrDefault("GPU", 0.0) : 0,
            jobDetachedByDefault);
    ActorCreator<Object> c = rt.newActor(f, args.clone(), refMask);
    if (mantaName != null) {
      c.name(mantaName);
    }
    c.maxConcurrency(maxConcurrency)
        .maxPendingCalls(countsCallers ? Integer.MAX_VALUE : maxPendingCalls); // I4
    // On a cluster, Manta restarts the actor when its process dies (embedded: no effect); the
    // restarts this record made after Ray.kill count against the same budget.
    c.maxRestarts(maxRestarts == -1 ? -1 : Math.max(0, maxRestarts - restarts.get()))
        .maxTaskRetries(maxTaskRetries);
    resources.forEach(c::resource);
    if (detached) {
      c.lifetime(dev.manta.ActorLifetime.DETACHED);
    }
    if (!jvmOptions.isEmpty()) {
      c.jvmOptions(jvmOptions); // checked; on a cluster the actor's JVM starts with them
    }
    return c.remote();
  }

  /** Whether this record counts each caller's pending calls (I4). */
  boolean countsCallers() {
    return countsCallers;
  }

  /**
   * Submits a call of {@code caller} unless it has maxPendingCalls pending (I4).
   *
   * @throws io.ray.api.exception.PendingCallsLimitExceededException if it has
   */
  dev.manta.ObjectRef<Object> submit(
      String caller, java.util.function.Supplier<dev.manta.ObjectRef<Object>> call) {
    if (pendingByCaller.size() > SWEEP_AT) {
      for (String other : pendingByCaller.keySet()) {
        pendingByCaller.computeIfPresent(other, (k, refs) -> pruned(refs));
      }
    }
    java.util.concurrent.atomic.AtomicReference<dev.manta.ObjectRef<Object>> made =
        new java.util.concurrent.atomic.AtomicReference<>();
    pendingByCaller.compute(
        caller,
        (k, refs) -> {
          List<dev.manta.ObjectRef<Object>> l = refs == null ? new java.util.ArrayList<>() : refs;
          l.removeIf(dev.manta.ObjectRef::isReady);
          if (l.size() >= maxPendingCalls) {
            throw new io.ray.api.exception.PendingCallsLimitExceededException(
                "Actor "
                    + describe()
                    + " has "
                    + l.size()
                    + " pending calls from "
                    + caller
                    + " (its maxPendingCalls; each caller counts its own, as in Ray); await"
                    + " earlier results or raise maxPendingCalls when creating the actor");
          }
          dev.manta.ObjectRef<Object> ref = call.get();
          made.set(ref);
          l.add(ref);
          return l;
        });
    return made.get();
  }

  private static List<dev.manta.ObjectRef<Object>> pruned(List<dev.manta.ObjectRef<Object>> refs) {
    refs.removeIf(dev.manta.ObjectRef::isReady);
    return refs.isEmpty() ? null : refs;
  }

  /** The Manta actor calls go to now. */
  ActorHandle<Object> current() {
    return current;
  }

  int restarts() {
    return restarts.get();
  }

  /**
   * Ray's state of this actor: DEAD once dead for good; else its current Manta actor's state, a
   * pending creation counting as RESTARTING when it is a restart this record made (after {@code
   * Ray.kill} with restarts left).
   */
  io.ray.api.runtimecontext.ActorState rayState() {
    if (dead) {
      return io.ray.api.runtimecontext.ActorState.DEAD;
    }
    return switch (current.state()) {
      case PENDING_CREATION ->
          restarts.get() > 0
              ? io.ray.api.runtimecontext.ActorState.RESTARTING
              : io.ray.api.runtimecontext.ActorState.PENDING_CREATION;
      case ALIVE -> io.ray.api.runtimecontext.ActorState.ALIVE;
      case RESTARTING -> io.ray.api.runtimecontext.ActorState.RESTARTING;
      case DEAD -> io.ray.api.runtimecontext.ActorState.DEAD;
    };
  }

  boolean isDead() {
    return dead;
  }

  /**
   * Kills the current Manta actor and, if {@code mayRestart} and restarts are left, starts a new
   * one from the same constructor and arguments. Returns the new Manta actor, or null if the actor
   * is now dead for good.
   */
  ActorHandle<Object> kill(MantaRuntime rt, boolean mayRestart) {
    lock.lock();
    try {
      if (dead) {
        return null;
      }
      current.kill();
      releaseGpus();
      if (mayRestart && !borrowed && (maxRestarts == -1 || restarts.get() < maxRestarts)) {
        restarts.incrementAndGet();
        current = create(rt);
        return current;
      }
      dead = true;
      return null;
    } finally {
      lock.unlock();
    }
  }

  /** Marks the actor dead for good (it exited, or its Manta actor died without restart). */
  void markDead() {
    dead = true;
    releaseGpus();
  }

  /** Gives back the GPU ids the actor held (embedded: its instance is gone). */
  private void releaseGpus() {
    GpuIds g = embedded ? GpuIds.current() : null;
    if (g != null) {
      g.releaseActor(rayId);
    }
  }

  /**
   * The concurrency group a call runs in: {@code explicitGroup} (a call's {@code
   * setConcurrencyGroup}), or else the method's group, {@code ""} for the default group; null when
   * the actor has no concurrency groups. Where the actor lives, {@link HostedActor#permits} turns
   * the name into permits.
   *
   * @throws IllegalArgumentException if a named group does not exist
   */
  String groupFor(String explicitGroup, RayFunc method) {
    if (groups.isEmpty()) {
      if (explicitGroup != null && !explicitGroup.isEmpty()) {
        throw unknownGroup(explicitGroup);
      }
      return null;
    }
    String g = explicitGroup;
    if (g == null || g.isEmpty()) {
      ConcurrencyGroups.MethodKey key = ConcurrencyGroups.keyOf(method);
      g =
          methodGroups.computeIfAbsent(
              key,
              k -> {
                String a = ConcurrencyGroups.annotatedGroup(k, loader);
                return a == null ? "" : a;
              });
    }
    if (!g.isEmpty() && !groups.containsKey(g)) {
      throw unknownGroup(g);
    }
    return g;
  }

  private IllegalArgumentException unknownGroup(String g) {
    return new IllegalArgumentException(
        "Actor "
            + describe()
            + " has no concurrency group '"
            + g
            + "' (it has "
            + groups.keySet()
            + "); declare it with ConcurrencyGroupBuilder and setConcurrencyGroups, or"
            + " @DefConcurrencyGroup");
  }

  String describe() {
    return spec.describe();
  }
}
