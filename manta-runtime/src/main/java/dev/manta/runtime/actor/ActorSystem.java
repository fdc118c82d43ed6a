package dev.manta.runtime.actor;

import dev.manta.ActorHandle;
import dev.manta.MantaFunction;
import dev.manta.ObjectRef;
import dev.manta.runtime.exec.TaskExecutor;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.Ids;
import dev.manta.runtime.ownership.ReferenceTable;
import dev.manta.runtime.port.ClusterPorts;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.task.Infeasibility;
import dev.manta.runtime.task.Scheduler;
import dev.manta.runtime.task.Submitter;
import dev.manta.runtime.task.TaskRun;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;

/**
 * The directory of this worker's actors, by id and by name, and the operations on them: create,
 * call, kill. Thread-safe.
 */
public final class ActorSystem {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ActorSystem.class);
  private final Ids ids;
  private final Submitter submitter;
  private final TaskExecutor executor;
  private final Scheduler scheduler;
  private final ReferenceTable table;
  private final BooleanSupplier closed;
  private final ClusterPorts ports;
  private final Infeasibility infeasibility;
  private final ThreadFactory threads = Thread.ofVirtual().name("manta-actor-", 1).factory();
  private final ActorInstance.Env env;
  private final ConcurrentHashMap<ActorId, ActorInstance> byId = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ActorInstance> byName = new ConcurrentHashMap<>();

  /**
   * An actor system whose actors are placed by {@code ports} (in this process, or elsewhere);
   * {@code closed} says whether the runtime shut down, {@code infeasibility} what an actor whose
   * resources no node has does.
   */
  public ActorSystem(
      Ids ids,
      Submitter submitter,
      TaskExecutor executor,
      Scheduler scheduler,
      ReferenceTable table,
      BooleanSupplier closed,
      ClusterPorts ports,
      Infeasibility infeasibility) {
    this.ports = ports;
    this.infeasibility = infeasibility;
    this.ids = ids;
    this.submitter = submitter;
    this.executor = executor;
    this.scheduler = scheduler;
    this.table = table;
    this.closed = closed;
    this.env = new ActorInstance.Env(executor, threads, this::forget, table);
  }

  /** A not-yet-created actor whose constructor is {@code ctor}. */
  public <A> ActorHandleImpl<A> prepare(MantaFunction ctor, Object[] args, long refMask) {
    return new ActorHandleImpl<>(this, ctor, args, refMask);
  }

  /** Creates an actor with the options in {@code opts}; called once per creator. */
  ActorInstance create(
      MantaFunction ctor, Object[] args, long refMask, ActorHandleImpl.Options opts) {
    checkOpen();
    boolean infeasible = !ports.feasible(opts.resources);
    if (infeasible && infeasibility.failsAtSubmit()) {
      throw new IllegalArgumentException(infeasibility.refusal("Actor", opts.resources));
    }
    ActorId id = ids.nextActor();
    String className = dev.manta.runtime.spec.FunctionInfo.of(ctor).implClass();
    String simpleName = className.substring(className.lastIndexOf('.') + 1);
    ActorInstance a =
        ports.inProcess()
            ? ActorInstance.local(
                id,
                opts.name,
                simpleName,
                opts.maxConcurrency,
                opts.maxPendingCalls,
                opts.maxRestarts,
                opts.resources,
                env)
            : proxy(
                id,
                opts.name,
                simpleName,
                opts.maxConcurrency,
                opts.maxPendingCalls,
                opts.maxRestarts,
                opts.maxTaskRetries,
                opts.resources,
                true,
                opts.hosting);
    a.detached(opts.lifetime == dev.manta.ActorLifetime.DETACHED);
    if (!opts.jvmOptions.isEmpty()) {
      if (ports.inProcess()) {
        LOG.warn(
            "Ignoring jvmOptions {} of actor {}: embedded, actors run inside this JVM",
            opts.jvmOptions,
            simpleName);
      } else {
        a.jvmOptions(opts.jvmOptions);
      }
    }
    if (opts.name != null && byName.putIfAbsent(opts.name, a) != null) {
      throw new IllegalArgumentException(
          "An actor named '"
              + opts.name
              + "' already exists; pick another name, kill the existing one, or find it with"
              + " Manta.getActor(\""
              + opts.name
              + "\")");
    }
    TaskRun creation;
    try {
      creation =
          submitter.build(
              TaskSpec.Kind.ACTOR_CREATION, ctor, args, refMask, opts.resources, null, 0, false, a);
    } catch (RuntimeException e) {
      if (opts.name != null) {
        byName.remove(opts.name, a);
      }
      throw e;
    }
    // Known to the cluster before the handle exists: a process that receives the handle looks
    // the actor up at the head, and must not find it missing (issue 15).
    try {
      ports.registerActor(a);
    } catch (RuntimeException e) {
      if (opts.name != null) {
        byName.remove(opts.name, a);
      }
      executor.abandon(
          creation, Failure.ofThrowable(creation.id().hex(), creation.displayName(), e));
      throw e;
    }
    byId.put(id, a);
    // Registered before the constructor can run, so it sees the real outcome (a failed
    // argument, cancellation or shutdown; a throwing constructor already killed the actor).
    creation
        .result
        .value()
        .thenAcceptAsync(
            v -> {
              if (v instanceof Failure f) {
                a.die(
                    Failure.actorDied(
                        id.hex(),
                        a.className,
                        "Actor "
                            + a.describe()
                            + (f.kind() == Failure.Kind.TASK_FAILED
                                ? " died: its constructor threw " + f.exceptionClass()
                                : " died before it was constructed: " + f.message()),
                        f));
              }
            },
            table.callbacks());
    if (infeasible) {
      infeasibility.watch(
          "Actor " + a.describe(),
          opts.resources,
          () -> a.publicState() == dev.manta.ActorState.PENDING_CREATION && !closed.getAsBoolean());
    }
    submitter.resolve(creation, t -> ports.createActor(t, a));
    return a;
  }

  /**
   * Runs the READY construction {@code t} of the in-process actor {@code a} here: on the actor's
   * own thread, or through the scheduler when it needs resources. For ports that keep actors in
   * this process.
   */
  public void startHere(TaskRun t, ActorInstance a) {
    if (t.resources().isEmpty()) {
      a.startThread(() -> executor.run(t));
    } else if (!scheduler.submit(t) && t.state.compareAndSet(TaskRun.READY, TaskRun.CANCELLED)) {
      executor.abandon(t, shutdownFailure(a));
    }
  }

  /** Submits a method call to actor {@code a}. */
  <R> ObjectRef<R> call(ActorInstance a, MantaFunction method, Object[] args, long refMask) {
    checkOpen();
    Failure dead = a.deathOrNull();
    a.reserveCall();
    TaskRun call;
    try {
      call =
          submitter.build(
              TaskSpec.Kind.ACTOR_CALL,
              method,
              args,
              refMask,
              ResourceSet.EMPTY,
              null,
              0,
              false,
              a);
    } catch (RuntimeException e) {
      a.unreserveCall();
      throw e;
    }
    ObjectRef<R> ref = table.newRef(call.result, false);
    if (dead != null) {
      call.state.set(TaskRun.DONE);
      executor.abandon(call, dead);
      return ref;
    }
    a.submit(call, submitter);
    return ref;
  }

  /** Kills {@code a}; calls fail with {@link dev.manta.ActorDiedException}. */
  void kill(ActorInstance a, String why) {
    if (!a.isDead()) {
      a.killedByHandle(true);
    }
    a.die(Failure.actorDied(a.id.hex(), a.className, "Actor " + a.describe() + " " + why, null));
  }

  /** Ends actor {@code id} (local or hosted here) from inside one of its calls. */
  public void exit(ActorId id) {
    ActorInstance a = byId.get(id);
    if (a == null) {
      return; // ended meanwhile
    }
    a.die(
        Failure.actorDied(
            a.id.hex(), a.className, "Actor " + a.describe() + " exited (Manta.exitActor)", null));
  }

  /** The live actor named {@code name}. */
  public <A> Optional<ActorHandle<A>> find(String name) {
    ActorInstance a = byName.get(name);
    if (a == null || a.isDead()) {
      a = ports.findActor(name).map(this::proxyFor).orElse(null);
    }
    return a == null || a.isDead() ? Optional.empty() : Optional.of(new ActorHandleImpl<>(this, a));
  }

  private ActorInstance proxy(
      ActorId id,
      String name,
      String className,
      int maxConcurrency,
      int maxPendingCalls,
      int maxRestarts,
      int maxTaskRetries,
      ResourceSet resources,
      boolean owner,
      dev.manta.runtime.port.ActorProxy.Hosting hosting) {
    ActorInstance[] self = new ActorInstance[1];
    self[0] =
        ActorInstance.proxy(
            id,
            name,
            className,
            maxConcurrency,
            maxPendingCalls,
            maxRestarts,
            maxTaskRetries,
            resources,
            env,
            call -> ports.sendActorCall(call, self[0]),
            owner,
            hosting);
    return self[0];
  }

  /** A proxy for an actor that lives elsewhere and was created by another process. */
  private ActorInstance proxyFor(ClusterPorts.RemoteActor info) {
    ActorInstance fresh =
        proxy(
            info.id(),
            info.name(),
            info.className(),
            0, // not known here: the actor's own process applies it
            info.maxPendingCalls(), // this process's calls count against it, as in Ray
            0, // restarts are the owner's; the head tells this process when they happen
            0,
            ResourceSet.EMPTY,
            false,
            dev.manta.runtime.port.ActorProxy.Hosting.JOB_DEFAULT);
    ActorInstance a = byId.putIfAbsent(info.id(), fresh);
    if (a == null) {
      if (info.placed()) {
        fresh.constructed(null);
      } else {
        ports.awaitPlaced(fresh); // calls queue in the proxy until the actor runs somewhere
      }
      a = fresh;
    }
    return a;
  }

  // --- actors hosted here for owners in other processes (cluster workers) ---

  /**
   * A new actor hosted in this process for an owner elsewhere; start it with {@link #startHosted}.
   */
  public ActorInstance newHosted(
      ActorId id, String name, String className, int maxConcurrency, int restart) {
    ActorInstance a = ActorInstance.hosted(id, name, className, maxConcurrency, env);
    a.restartCount = restart; // before the actor is published (byId, startHosted)
    return a;
  }

  /** Runs the READY construction {@code creation} of hosted actor {@code a}. */
  public void startHosted(ActorInstance a, TaskRun creation) {
    byId.put(a.id, a);
    a.startThread(() -> executor.run(creation));
  }

  /**
   * How often the actor with this id was restarted before its current instance: its owner's count
   * for an actor hosted here, 0 for one that lives in its owner's process or is unknown.
   */
  public int restartCount(ActorId id) {
    ActorInstance a = byId.get(id);
    return a == null ? 0 : a.restartCount;
  }

  /** The hosted actor with this id, or null. */
  public ActorInstance hosted(ActorId id) {
    ActorInstance a = byId.get(id);
    return a == null || a.isProxy() ? null : a;
  }

  /** Queues a READY call that arrived for hosted actor {@code a}. */
  public void enqueueHosted(ActorInstance a, TaskRun call) {
    a.reserveUnbounded();
    a.enqueue(call);
  }

  /** The actor with this id, or null if unknown here. */
  ActorInstance lookup(ActorId id) {
    return byId.get(id);
  }

  /** A handle for a deserialized actor id. */
  public <A> ActorHandleImpl<A> handleFor(ActorId id) {
    ActorInstance a = byId.get(id);
    if (a == null) {
      a = ports.findActor(id).map(this::proxyFor).orElse(null);
    }
    if (a == null) {
      throw new IllegalStateException(
          "Actor "
              + id.hex()
              + " is unknown to this runtime: it died (it was killed, or every handle to it was"
              + " dropped), or the handle comes from another Manta runtime. Keep a handle to an"
              + " actor, or name it, for as long as others may use it");
    }
    return new ActorHandleImpl<>(this, a);
  }

  /** Number of live actors. */
  public int liveCount() {
    return byId.size();
  }

  private void forget(ActorInstance a) {
    byId.remove(a.id, a);
    if (a.name != null) {
      byName.remove(a.name, a);
    }
    if (!a.isProxy() && a.holdsResources()) {
      scheduler.release(a.resources);
    }
    ports.actorKilled(a);
  }

  private static Failure shutdownFailure(ActorInstance a) {
    return Failure.actorDied(
        a.id.hex(), a.className, "Actor " + a.describe() + " died: Manta shut down", null);
  }

  /** Kills every actor and waits up to {@code grace} for their threads. */
  public void shutdown(Duration grace) throws InterruptedException {
    List<ActorInstance> all = List.copyOf(byId.values());
    for (ActorInstance a : all) {
      if (!a.isDead()) {
        a.endedByShutdown(true); // a detached actor's port leaves it running elsewhere
      }
      a.die(shutdownFailure(a));
    }
    for (ActorInstance a : all) {
      a.awaitThreads(grace);
    }
  }

  /** Threads of actors still alive (0 after a clean shutdown). */
  public int liveThreads() {
    int n = 0;
    for (ActorInstance a : byId.values()) {
      n += a.liveThreads();
    }
    return n;
  }

  private void checkOpen() {
    if (closed.getAsBoolean()) {
      throw new IllegalStateException(
          "Manta was shut down: call Manta.init() again before creating or calling actors");
    }
  }
}
