package dev.manta.ray;

import dev.manta.spi.AdaptedFunction;
import io.ray.api.Ray;
import io.ray.api.exception.RayIntentionalSystemExitException;
import io.ray.api.function.*;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * A Ray {@link RayFunc} presented to Manta. Manta names it and checks it for captured state by its
 * {@link #target()} (the user's method reference) and runs it through {@link #invoke}.
 *
 * <p>It also implements Manta's {@code FnN} of every Ray actor method's arity ({@link
 * ActorCalls.MethodShapes}) so that it can go through the public {@link dev.manta.ActorHandle#task}
 * overloads, the only public way to call an actor method with a chosen set of ref arguments (see
 * {@link ActorCalls}). Manta's invoker dispatches {@link AdaptedFunction} first, so those {@code
 * apply} methods only delegate to {@link #invoke}.
 *
 * <p>A value: what it does depends only on its fields, all of them plain serializable data (the
 * target, the role, the actor's {@link ActorSpec} for a constructor, the concurrency group's name
 * for a method, the job's Ray namespace), and {@link #equals} says which functions do the same.
 * That is {@link AdaptedFunction}'s contract: on a cluster an owner ships each distinct function to
 * a worker once and the worker reuses it for every equal one, and every Ray function shares this
 * one class. Its behaviour must never depend on state of the JVM that made it (the driver's {@link
 * ActorRecord}): where the actor lives, the constructor builds a {@link HostedActor} that holds the
 * instance and its groups' permits, and each method call finds them there.
 *
 * <p>Immutable and thread-safe.
 */
final class RayFunction implements ActorCalls.MethodShapes {
  private static final long serialVersionUID = 4L;

  /** The actor whose constructor or method this thread runs, for {@code RuntimeContext}. */
  private static final InheritableThreadLocal<Executing> EXECUTING = new InheritableThreadLocal<>();

  /**
   * What a thread of a Ray actor knows about it: its spec, and Manta's context of the call that
   * built it (null where no global Manta runtime runs), whose {@code currentActor()} is a handle to
   * the Manta actor that embodies it. One per actor instance, so a call sets no new object.
   */
  record Executing(ActorSpec spec, dev.manta.RuntimeContext manta) {}

  /** Set on a single-threaded actor's own thread while it runs a call. */
  private static final ThreadLocal<Boolean> ON_ACTOR_THREAD = new ThreadLocal<>();

  /** What the function is to Manta. */
  private enum Role {
    TASK,
    CONSTRUCTOR,
    METHOD
  }

  private final RayFunc target;
  private final int arity;
  private final Returns returns;
  private final Role role;
  private final ActorSpec actor; // CONSTRUCTOR only
  private final String group; // METHOD only: "" the default group, null no groups
  private final String namespace; // the job's Ray namespace, for a Ray runtime where it runs
  private final double gpus; // TASK, CONSTRUCTOR: GPUs whose ids it holds (embedded; GpuIds)
  // The job's ray.job.default-actor-lifetime is DETACHED, for a Ray runtime where it runs
  private final boolean detachedByDefault;

  private RayFunction(RayFunc target, Role role, ActorSpec actor, String group, String namespace) {
    this(target, role, actor, group, namespace, 0, false);
  }

  private RayFunction(
      RayFunc target,
      Role role,
      ActorSpec actor,
      String group,
      String namespace,
      double gpus,
      boolean detachedByDefault) {
    this.gpus = gpus;
    this.detachedByDefault = detachedByDefault;
    this.target = Objects.requireNonNull(target, "func");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.arity = arityOf(target);
    this.returns = target instanceof io.ray.api.function.RayFuncVoid ? Returns.VOID : Returns.VALUE;
    this.role = role;
    this.actor = actor;
    this.group = group;
  }

  /** A task of a job whose Ray namespace is {@code namespace}. */
  static RayFunction task(RayFunc func, String namespace) {
    return new RayFunction(func, Role.TASK, null, null, namespace);
  }

  /**
   * A task that holds ids of {@code gpus} of the embedded node's GPUs while it runs, of a job whose
   * actors are detached unless they say otherwise ({@code ray.job.default-actor-lifetime}) when
   * {@code detachedByDefault}.
   */
  static RayFunction task(RayFunc func, String namespace, double gpus, boolean detachedByDefault) {
    return new RayFunction(func, Role.TASK, null, null, namespace, gpus, detachedByDefault);
  }

  /**
   * A constructor whose actor holds ids of {@code gpus} of the embedded node's GPUs, of a job whose
   * actors are detached by default when {@code detachedByDefault}.
   */
  static RayFunction constructor(
      RayFunc func, ActorSpec spec, String namespace, double gpus, boolean detachedByDefault) {
    return new RayFunction(
        func,
        Role.CONSTRUCTOR,
        Objects.requireNonNull(spec, "spec"),
        null,
        namespace,
        gpus,
        detachedByDefault);
  }

  /** The constructor of the actor {@code spec} describes; its call yields a {@link HostedActor}. */
  static RayFunction constructor(RayFunc func, ActorSpec spec, String namespace) {
    return new RayFunction(
        func, Role.CONSTRUCTOR, Objects.requireNonNull(spec, "spec"), null, namespace);
  }

  /**
   * A method of an actor; {@code group} is its concurrency group's name ({@code ""} the default
   * group), or null when the actor has no concurrency groups.
   */
  static RayFunction method(RayFunc func, String group, String namespace) {
    return method(func, group, namespace, false);
  }

  /** As {@link #method(RayFunc, String, String)}, of a job detached by default. */
  static RayFunction method(
      RayFunc func, String group, String namespace, boolean detachedByDefault) {
    return new RayFunction(func, Role.METHOD, null, group, namespace, 0, detachedByDefault);
  }

  /** The actor whose constructor or method the calling thread runs, or null. */
  static ActorSpec executingActor() {
    Executing e = EXECUTING.get();
    return e == null ? null : e.spec();
  }

  /**
   * Manta's context of the construction of the actor the calling thread runs, or null (not in an
   * actor, or no global Manta runtime).
   */
  static dev.manta.RuntimeContext executingMantaContext() {
    Executing e = EXECUTING.get();
    return e == null ? null : e.manta();
  }

  /** Whether the calling thread is a single-threaded actor's own thread. */
  static boolean onActorThread() {
    return ON_ACTOR_THREAD.get() != null;
  }

  @Override
  public Object target() {
    return target;
  }

  @Override
  public int arity() {
    return arity;
  }

  @Override
  public Returns returns() {
    return returns;
  }

  @Override
  public Object invoke(Object[] args) throws Exception {
    // On a cluster worker nothing called Ray.init(): the user's code finds a Ray runtime over the
    // worker's Manta runtime, installed by the first Ray function the worker runs.
    MantaRayRuntime.ensureHosted(namespace, detachedByDefault);
    for (int i = 0; i < args.length; i++) {
      if (args[i] == RayNull.INSTANCE) {
        args[i] = null;
      }
    }
    return switch (role) {
      case TASK -> GpuIds.runTask(gpus, () -> call(target, args));
      case CONSTRUCTOR -> construct(args);
      case METHOD -> callMethod(args);
    };
  }

  private HostedActor construct(Object[] args) throws Exception {
    // The spec's number counts the restarts this Ray layer made (Ray.kill without noRestart);
    // Manta's own restarts after the actor's process died (on a cluster) come on top.
    // (Embedded, Manta never restarts an actor, and a Ray runtime may run without Manta's global.)
    dev.manta.RuntimeContext manta =
        dev.manta.Manta.isInitialized() ? dev.manta.Manta.runtimeContext() : null;
    int byCore = manta == null ? 0 : manta.actorRestartCount();
    ActorSpec actor =
        byCore == 0 ? this.actor : this.actor.restarted(this.actor.restart() + byCore);
    Executing executing = new Executing(actor, manta);
    Executing previous = EXECUTING.get();
    EXECUTING.set(executing);
    GpuIds g = gpus > 0 ? GpuIds.current() : null;
    if (g != null) {
      g.takeForActor(actor.rayId(), gpus); // given back when the actor dies (ActorRecord)
    }
    try {
      return new HostedActor(call(target, args), executing);
    } catch (Exception | Error e) {
      if (g != null) {
        g.releaseActor(actor.rayId());
      }
      throw e;
    } finally {
      EXECUTING.set(previous);
    }
  }

  private Object callMethod(Object[] args) throws Exception {
    if (!(args[0] instanceof HostedActor hosted)) {
      throw new IllegalStateException(
          "Ray actor method "
              + target.getClass().getName()
              + " was called on "
              + (args[0] == null ? "null" : args[0].getClass().getName())
              + ", not on an actor created through the Ray API; create the actor with"
              + " Ray.actor(...)");
    }
    args[0] = hosted.instance;
    ExecutorService own = hosted.thread(group);
    if (own != null) {
      return onActorThread(own, hosted.executing, args);
    }
    Semaphore permits = hosted.permits(group);
    Executing previous = EXECUTING.get();
    EXECUTING.set(hosted.executing);
    try {
      if (permits == null) {
        return call(target, args);
      }
      permits.acquire();
      try {
        return call(target, args);
      } finally {
        permits.release();
      }
    } finally {
      EXECUTING.set(previous);
    }
  }

  /**
   * Runs the call on the one thread of a single-threaded actor or of a group of concurrency 1; this
   * drainer thread waits for it.
   */
  private Object onActorThread(ExecutorService own, Executing executing, Object[] args)
      throws Exception {
    Future<Object> f =
        own.submit(
            () -> {
              EXECUTING.set(executing);
              ON_ACTOR_THREAD.set(Boolean.TRUE);
              try {
                return call(target, args);
              } finally {
                EXECUTING.remove();
                ON_ACTOR_THREAD.remove();
              }
            });
    try {
      return f.get();
    } catch (InterruptedException e) {
      f.cancel(true); // the call was cancelled or the actor killed: stop the user's code too
      throw e;
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RayIntentionalSystemExitException) {
        // Ray.exitActor() on the actor's thread: Manta's exit must be called on this thread,
        // the one Manta runs the call on (see MantaRayRuntime.exitActor)
        ((MantaRayRuntime) Ray.internal()).manta().exitActor();
      }
      if (c instanceof Exception ex) {
        throw ex;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /**
   * Same target (non-capturing, so its class says what it runs), role, actor and group: the two
   * functions behave the same wherever they run.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof RayFunction f
        && f.target.getClass() == target.getClass()
        && f.role == role
        && Objects.equals(f.actor, actor)
        && Objects.equals(f.group, group)
        && f.namespace.equals(namespace)
        && f.gpus == gpus
        && f.detachedByDefault == detachedByDefault;
  }

  @Override
  public int hashCode() {
    return Objects.hash(target.getClass(), role, actor, group, namespace, gpus, detachedByDefault);
  }

  // BEGIN GENERATED RAY FUNCTIONS (manta-api/src/test/java/dev/manta/gen/GenerateCalls.java)
  /** The most parameters of a Ray function: Ray's API has {@code RayFunc0..RayFunc6}. */
  static final int MAX_RAY_ARITY = 6;

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object call(RayFunc f, Object[] a) throws Exception {
    switch (f) {
      case RayFunc0 g -> {
        return g.apply();
      }
      case RayFunc1 g -> {
        return g.apply(a[0]);
      }
      case RayFunc2 g -> {
        return g.apply(a[0], a[1]);
      }
      case RayFunc3 g -> {
        return g.apply(a[0], a[1], a[2]);
      }
      case RayFunc4 g -> {
        return g.apply(a[0], a[1], a[2], a[3]);
      }
      case RayFunc5 g -> {
        return g.apply(a[0], a[1], a[2], a[3], a[4]);
      }
      case RayFunc6 g -> {
        return g.apply(a[0], a[1], a[2], a[3], a[4], a[5]);
      }
      case RayFuncVoid0 g -> g.apply();
      case RayFuncVoid1 g -> g.apply(a[0]);
      case RayFuncVoid2 g -> g.apply(a[0], a[1]);
      case RayFuncVoid3 g -> g.apply(a[0], a[1], a[2]);
      case RayFuncVoid4 g -> g.apply(a[0], a[1], a[2], a[3]);
      case RayFuncVoid5 g -> g.apply(a[0], a[1], a[2], a[3], a[4]);
      case RayFuncVoid6 g -> g.apply(a[0], a[1], a[2], a[3], a[4], a[5]);
      default -> throw new IllegalArgumentException(notRayFunc(f));
    }
    return null;
  }

  private static int arityOf(RayFunc f) {
    return switch (f) {
      case RayFunc0<?> g -> 0;
      case RayFuncVoid0 g -> 0;
      case RayFunc1<?, ?> g -> 1;
      case RayFuncVoid1<?> g -> 1;
      case RayFunc2<?, ?, ?> g -> 2;
      case RayFuncVoid2<?, ?> g -> 2;
      case RayFunc3<?, ?, ?, ?> g -> 3;
      case RayFuncVoid3<?, ?, ?> g -> 3;
      case RayFunc4<?, ?, ?, ?, ?> g -> 4;
      case RayFuncVoid4<?, ?, ?, ?> g -> 4;
      case RayFunc5<?, ?, ?, ?, ?, ?> g -> 5;
      case RayFuncVoid5<?, ?, ?, ?, ?> g -> 5;
      case RayFunc6<?, ?, ?, ?, ?, ?, ?> g -> 6;
      case RayFuncVoid6<?, ?, ?, ?, ?, ?> g -> 6;
      default -> throw new IllegalArgumentException(notRayFunc(f));
    };
  }

  // END GENERATED RAY FUNCTIONS

  private static String notRayFunc(RayFunc f) {
    return f.getClass().getName()
        + " is not one of Ray's RayFunc0..RayFunc"
        + MAX_RAY_ARITY
        + " or RayFuncVoid0..RayFuncVoid"
        + MAX_RAY_ARITY
        + "; pass a method reference such as"
        + " MyTasks::compute";
  }

  @Override
  public String toString() {
    return "RayFunction(" + role + " " + target.getClass().getName() + ")";
  }
}
