package dev.manta;

import dev.manta.spi.MantaRuntime;
import dev.manta.spi.MantaRuntimeProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Manta's entry points: start and stop the runtime, submit tasks, create actors, put and get
 * objects.
 *
 * <pre>{@code
 * Manta.init();
 * ObjectRef<Integer> sq = Manta.task(Fns::square, 7).remote();
 * ActorHandle<Counter> c = Manta.actor(Counter::new, 0).remote();
 * c.task(Counter::add, sq).remote();
 * System.out.println(Manta.get(c.task(Counter::value).remote()));
 * Manta.shutdown();
 * }</pre>
 *
 * <p>All methods are safe to call from any thread, including from inside tasks and actor methods.
 * Methods other than {@link #init}, {@link #isInitialized()} and {@link #shutdown()} throw {@link
 * IllegalStateException} when Manta is not initialized.
 */
@SuppressWarnings("overloads") // value and void overloads, as in Ray's Java API
public final class Manta {
  private static final Object[] NO_ARGS = {};
  private static final ReentrantLock LIFECYCLE = new ReentrantLock();
  private static volatile MantaRuntime current;

  private Manta() {}

  /**
   * Starts Manta with the configuration from system properties and environment: the embedded
   * runtime, unless {@code MANTA_ADDRESS} or {@code manta.address} names a cluster.
   *
   * @throws IllegalStateException if Manta is already initialized
   */
  public static void init() {
    init(MantaConfig.fromEnvironment());
  }

  /**
   * Joins the cluster at {@code address} ({@code host:port} or {@code manta://host:port}).
   *
   * @throws IllegalStateException if Manta is already initialized
   */
  public static void init(String address) {
    init(MantaConfig.builder().address(address).build());
  }

  /**
   * Starts Manta with {@code config}.
   *
   * @throws IllegalStateException if Manta is already initialized, or no runtime on the class path
   *     can serve {@code config}
   */
  public static void init(MantaConfig config) {
    Objects.requireNonNull(config, "config");
    LIFECYCLE.lock();
    try {
      if (current != null) {
        throw new IllegalStateException(
            "Manta is already initialized; call Manta.shutdown() before init() again");
      }
      current = findProvider(config).start(config);
    } finally {
      LIFECYCLE.unlock();
    }
  }

  /**
   * Starts Manta with the runtime that {@code provider} starts for {@code config}, without looking
   * for providers on the class path: for a process that builds its runtime itself and hands it to
   * the code it runs, as a cluster worker does with its core. Users call {@link
   * #init(MantaConfig)}.
   *
   * @throws IllegalStateException if Manta is already initialized
   */
  public static void init(MantaConfig config, MantaRuntimeProvider provider) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(provider, "provider");
    LIFECYCLE.lock();
    try {
      if (current != null) {
        throw new IllegalStateException(
            "Manta is already initialized; call Manta.shutdown() before init() again");
      }
      current = Objects.requireNonNull(provider.start(config), "the provider started no runtime");
    } finally {
      LIFECYCLE.unlock();
    }
  }

  /**
   * Stops the runtime: pending tasks and actor calls fail with {@link TaskCancelledException} or
   * {@link ActorDiedException}, running ones are interrupted, and every thread Manta started is
   * stopped before this returns. Refs from this runtime are unusable afterwards. Does nothing if
   * Manta is not initialized.
   */
  public static void shutdown() {
    LIFECYCLE.lock();
    try {
      MantaRuntime rt = current;
      current = null;
      if (rt != null) {
        rt.shutdown();
      }
    } finally {
      LIFECYCLE.unlock();
    }
  }

  /** Whether {@link #init} has been called and {@link #shutdown()} has not since. */
  public static boolean isInitialized() {
    return current != null;
  }

  /**
   * The runtime {@link #init} started, for an API layered over the SPI that must reach the runtime
   * its code runs on: the Ray API on a cluster worker, whose runtime the worker installed with
   * {@link #init(MantaConfig, MantaRuntimeProvider)}. Users call the static methods of this class
   * instead.
   *
   * @throws IllegalStateException if Manta is not initialized
   */
  public static MantaRuntime currentRuntime() {
    return runtime();
  }

  /**
   * Copies {@code value} into the object store and returns its ref. Later changes to {@code value}
   * do not change what {@code get} returns.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} cannot be serialized (names its class)
   * @throws ObjectStoreFullException if the store cannot make room for a large value
   * @throws NodeDiedException on a cluster, for a large value, if the node agent on this machine
   *     whose store holds this process's objects died (the message names it and what to do)
   */
  public static <T> ObjectRef<T> put(T value) {
    Objects.requireNonNull(value, "value: Manta stores no null values");
    return runtime().put(value);
  }

  /**
   * Returns the value of {@code ref}, waiting as long as it takes.
   *
   * <p>A task that waits here gives its CPU back while it waits, so nested tasks cannot starve the
   * scheduler. Memory effects: the producing task's actions happen-before this return. The result
   * is a private copy: changing it changes nothing elsewhere.
   *
   * @throws TaskException if the producing task threw; {@code getCause()} is its exception
   * @throws TaskCancelledException if the producing task was cancelled
   * @throws ActorDiedException if the producing actor died
   * @throws ObjectFreedException if the object was freed
   * @throws ObjectLostException if the object's only copy was lost with its node and cannot be
   *     rebuilt (cluster); one made by a task is rebuilt instead, and this waits for it
   * @throws OwnerDiedException if the process that owned the object died (cluster)
   */
  public static <T> T get(ObjectRef<T> ref) {
    Objects.requireNonNull(ref, "ref");
    return runtime().get(ref, -1);
  }

  /**
   * Returns the value of {@code ref}, waiting at most {@code timeout}.
   *
   * @throws GetTimeoutException if {@code timeout} elapses; {@code ref} stays valid
   * @see #get(ObjectRef)
   */
  public static <T> T get(ObjectRef<T> ref, Duration timeout) {
    Objects.requireNonNull(ref, "ref");
    return runtime().get(ref, nanos(timeout));
  }

  /**
   * Returns the value of {@code ref} as a {@code type}, checking the type at run time: a ref that
   * reached you through an unchecked cast fails here, naming both types, instead of with a {@link
   * ClassCastException} somewhere later.
   *
   * @throws ObjectTypeException if the value is not a {@code type}
   * @see #get(ObjectRef)
   */
  public static <T> T get(ObjectRef<?> ref, Class<T> type) {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(type, "type");
    Object v = runtime().get(ref, -1);
    if (v != null && !box(type).isInstance(v)) {
      throw new ObjectTypeException(
          "Object "
              + ref.id()
              + " holds a "
              + v.getClass().getName()
              + ", not a "
              + type.getName()
              + "; check the ObjectRef's type where it was created or cast");
    }
    @SuppressWarnings("unchecked")
    T t = (T) box(type).cast(v);
    return t;
  }

  private static Class<?> box(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    return java.lang.invoke.MethodType.methodType(c).wrap().returnType();
  }

  /**
   * Returns the values of all {@code refs}, in order, waiting as long as it takes.
   *
   * @throws MantaException the first failure among the refs, as {@link #get(ObjectRef)} would
   */
  public static <T> List<T> get(List<? extends ObjectRef<? extends T>> refs) {
    return runtime().getAll(checkRefs(refs), -1);
  }

  /**
   * Returns the values of all {@code refs}, in order, waiting at most {@code timeout} in all.
   *
   * @throws GetTimeoutException if {@code timeout} elapses first
   */
  public static <T> List<T> get(List<? extends ObjectRef<? extends T>> refs, Duration timeout) {
    return runtime().getAll(checkRefs(refs), nanos(timeout));
  }

  /**
   * Waits until {@code numReturns} of {@code refs} are ready (hold a value or an error) or {@code
   * timeout} elapses, and says which are. Never throws for a failed task: a failed object counts as
   * ready. A ref listed twice counts twice.
   *
   * @param numReturns how many ready refs to wait for, in {@code [0, refs.size()]}
   * @return at most {@code numReturns} ready refs, and all the others as unready, each list in the
   *     order of {@code refs}
   * @throws IllegalArgumentException if {@code numReturns} is out of range
   */
  public static <T> WaitResult<T> wait(
      List<? extends ObjectRef<T>> refs, int numReturns, Duration timeout) {
    checkRefs(refs);
    if (numReturns < 0 || numReturns > refs.size()) {
      throw new IllegalArgumentException(
          "numReturns must be in [0, " + refs.size() + "] (the number of refs), was " + numReturns);
    }
    return runtime().wait(refs, numReturns, nanos(timeout));
  }

  /** Waits, without a time limit, until {@code numReturns} of {@code refs} are ready. */
  public static <T> WaitResult<T> wait(List<? extends ObjectRef<T>> refs, int numReturns) {
    checkRefs(refs);
    if (numReturns < 0 || numReturns > refs.size()) {
      throw new IllegalArgumentException(
          "numReturns must be in [0, " + refs.size() + "] (the number of refs), was " + numReturns);
    }
    return runtime().wait(refs, numReturns, -1);
  }

  /** Waits, without a time limit, until all {@code refs} are ready. */
  public static <T> WaitResult<T> wait(List<? extends ObjectRef<T>> refs) {
    return wait(refs, refs.size());
  }

  /**
   * Cancels the task that produces {@code ref}: a queued task never runs, a running one is
   * interrupted, on whichever worker it runs. Its result becomes a {@link TaskCancelledException}
   * at once, and a cancelled task is never retried. Does nothing to a finished task, a {@code put}
   * object or an actor call.
   *
   * @return whether the task was still queued or running
   */
  public static boolean cancel(ObjectRef<?> ref) {
    Objects.requireNonNull(ref, "ref");
    return runtime().cancel(ref, false);
  }

  /**
   * As {@link #cancel(ObjectRef)}; with {@code force}, a task running on a cluster worker is ended
   * by killing that worker's process (for a task that ignores interrupts): the other work that
   * process ran is lost with it and retried or failed as for any dead worker. Embedded, where tasks
   * run in this JVM, {@code force} interrupts as {@code cancel(ref)} does.
   *
   * @return whether the task was still queued or running
   */
  public static boolean cancel(ObjectRef<?> ref, boolean force) {
    Objects.requireNonNull(ref, "ref");
    return runtime().cancel(ref, force);
  }

  /**
   * Frees the objects now, even if refs to them are still reachable: their memory and spill files
   * are released and a later {@code get} throws {@link ObjectFreedException}.
   */
  public static void free(List<? extends ObjectRef<?>> refs) {
    runtime().free(checkRefs(refs));
  }

  /**
   * Returns the live actor named {@code name}.
   *
   * @throws ActorNotFoundException if no live actor has that name
   */
  public static <A> ActorHandle<A> getActor(String name) {
    Objects.requireNonNull(name, "name");
    return runtime()
        .<A>findActor(name)
        .orElseThrow(
            () ->
                new ActorNotFoundException(
                    "No live actor is named '"
                        + name
                        + "'; create it with Manta.actor(...).name(\""
                        + name
                        + "\").remote(), or check it was not killed"));
  }

  /** Returns the live actor named {@code name}, or empty. */
  public static <A> java.util.Optional<ActorHandle<A>> findActor(String name) {
    Objects.requireNonNull(name, "name");
    return runtime().findActor(name);
  }

  /** Counters of the object store: capacity, used, pinned, spilled, restored, evicted. */
  public static ObjectStoreStats storeStats() {
    return runtime().storeStats();
  }

  /**
   * A report, like {@code ray memory}, of every live object: its size, owner, where it is and why
   * it is alive.
   */
  public static String memorySummary() {
    return runtime().memorySummary();
  }

  /**
   * The runtime's nodes, like {@code ray.nodes()}: the one node of the embedded runtime, or every
   * node a cluster has known (alive or declared dead), sorted by id. On a cluster the list is this
   * process's view of the head's table, which follows the head's changes within moments.
   */
  public static List<Node> nodes() {
    return runtime().nodes();
  }

  /** Describes where the calling code runs (task, actor, node). */
  public static RuntimeContext runtimeContext() {
    return runtime().runtimeContext();
  }

  /**
   * Ends the actor whose method is calling this: it dies as if killed once this call returns.
   * Queued and later calls fail with {@link ActorDiedException}; so does the current call's result.
   *
   * @throws IllegalStateException if not called from inside an actor method
   */
  public static void exitActor() {
    runtime().exitActor();
  }

  // BEGIN GENERATED CALLS (manta-api/src/test/java/dev/manta/gen/GenerateCalls.java)

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <R> TaskCall<R> task(Fn0<R> fn) {
    return runtime().newTask(fn, NO_ARGS, 0L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static TaskCall<Void> task(VoidFn0 fn) {
    return runtime().newTask(fn, NO_ARGS, 0L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A> ActorCreator<A> actor(Fn0<A> constructor) {
    return runtime().newActor(constructor, NO_ARGS, 0L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, R> TaskCall<R> task(Fn1<T0, R> fn, T0 a0) {
    return runtime().newTask(fn, new Object[] {a0}, 0L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0> TaskCall<Void> task(VoidFn1<T0> fn, T0 a0) {
    return runtime().newTask(fn, new Object[] {a0}, 0L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0> ActorCreator<A> actor(Fn1<T0, A> constructor, T0 a0) {
    return runtime().newActor(constructor, new Object[] {a0}, 0L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, R> TaskCall<R> task(Fn1<T0, R> fn, ObjectRef<T0> a0) {
    return runtime().newTask(fn, new Object[] {a0}, 1L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0> TaskCall<Void> task(VoidFn1<T0> fn, ObjectRef<T0> a0) {
    return runtime().newTask(fn, new Object[] {a0}, 1L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0> ActorCreator<A> actor(Fn1<T0, A> constructor, ObjectRef<T0> a0) {
    return runtime().newActor(constructor, new Object[] {a0}, 1L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, R> TaskCall<R> task(Fn2<T0, T1, R> fn, T0 a0, T1 a1) {
    return runtime().newTask(fn, new Object[] {a0, a1}, 0L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1> TaskCall<Void> task(VoidFn2<T0, T1> fn, T0 a0, T1 a1) {
    return runtime().newTask(fn, new Object[] {a0, a1}, 0L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1> ActorCreator<A> actor(Fn2<T0, T1, A> constructor, T0 a0, T1 a1) {
    return runtime().newActor(constructor, new Object[] {a0, a1}, 0L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, R> TaskCall<R> task(Fn2<T0, T1, R> fn, T0 a0, ObjectRef<T1> a1) {
    return runtime().newTask(fn, new Object[] {a0, a1}, 2L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1> TaskCall<Void> task(VoidFn2<T0, T1> fn, T0 a0, ObjectRef<T1> a1) {
    return runtime().newTask(fn, new Object[] {a0, a1}, 2L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1> ActorCreator<A> actor(
      Fn2<T0, T1, A> constructor, T0 a0, ObjectRef<T1> a1) {
    return runtime().newActor(constructor, new Object[] {a0, a1}, 2L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, R> TaskCall<R> task(Fn2<T0, T1, R> fn, ObjectRef<T0> a0, T1 a1) {
    return runtime().newTask(fn, new Object[] {a0, a1}, 1L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1> TaskCall<Void> task(VoidFn2<T0, T1> fn, ObjectRef<T0> a0, T1 a1) {
    return runtime().newTask(fn, new Object[] {a0, a1}, 1L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1> ActorCreator<A> actor(
      Fn2<T0, T1, A> constructor, ObjectRef<T0> a0, T1 a1) {
    return runtime().newActor(constructor, new Object[] {a0, a1}, 1L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, R> TaskCall<R> task(
      Fn2<T0, T1, R> fn, ObjectRef<T0> a0, ObjectRef<T1> a1) {
    return runtime().newTask(fn, new Object[] {a0, a1}, 3L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1> TaskCall<Void> task(
      VoidFn2<T0, T1> fn, ObjectRef<T0> a0, ObjectRef<T1> a1) {
    return runtime().newTask(fn, new Object[] {a0, a1}, 3L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1> ActorCreator<A> actor(
      Fn2<T0, T1, A> constructor, ObjectRef<T0> a0, ObjectRef<T1> a1) {
    return runtime().newActor(constructor, new Object[] {a0, a1}, 3L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, R> TaskCall<R> task(Fn3<T0, T1, T2, R> fn, T0 a0, T1 a1, T2 a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 0L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2> TaskCall<Void> task(VoidFn3<T0, T1, T2> fn, T0 a0, T1 a1, T2 a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 0L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2> ActorCreator<A> actor(
      Fn3<T0, T1, T2, A> constructor, T0 a0, T1 a1, T2 a2) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2}, 0L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, R> TaskCall<R> task(
      Fn3<T0, T1, T2, R> fn, T0 a0, T1 a1, ObjectRef<T2> a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 4L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2> TaskCall<Void> task(
      VoidFn3<T0, T1, T2> fn, T0 a0, T1 a1, ObjectRef<T2> a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 4L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2> ActorCreator<A> actor(
      Fn3<T0, T1, T2, A> constructor, T0 a0, T1 a1, ObjectRef<T2> a2) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2}, 4L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, R> TaskCall<R> task(
      Fn3<T0, T1, T2, R> fn, T0 a0, ObjectRef<T1> a1, T2 a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 2L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2> TaskCall<Void> task(
      VoidFn3<T0, T1, T2> fn, T0 a0, ObjectRef<T1> a1, T2 a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 2L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2> ActorCreator<A> actor(
      Fn3<T0, T1, T2, A> constructor, T0 a0, ObjectRef<T1> a1, T2 a2) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2}, 2L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, R> TaskCall<R> task(
      Fn3<T0, T1, T2, R> fn, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 6L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2> TaskCall<Void> task(
      VoidFn3<T0, T1, T2> fn, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 6L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2> ActorCreator<A> actor(
      Fn3<T0, T1, T2, A> constructor, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2}, 6L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, R> TaskCall<R> task(
      Fn3<T0, T1, T2, R> fn, ObjectRef<T0> a0, T1 a1, T2 a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 1L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2> TaskCall<Void> task(
      VoidFn3<T0, T1, T2> fn, ObjectRef<T0> a0, T1 a1, T2 a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 1L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2> ActorCreator<A> actor(
      Fn3<T0, T1, T2, A> constructor, ObjectRef<T0> a0, T1 a1, T2 a2) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2}, 1L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, R> TaskCall<R> task(
      Fn3<T0, T1, T2, R> fn, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 5L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2> TaskCall<Void> task(
      VoidFn3<T0, T1, T2> fn, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 5L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2> ActorCreator<A> actor(
      Fn3<T0, T1, T2, A> constructor, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2}, 5L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, R> TaskCall<R> task(
      Fn3<T0, T1, T2, R> fn, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 3L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2> TaskCall<Void> task(
      VoidFn3<T0, T1, T2> fn, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 3L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2> ActorCreator<A> actor(
      Fn3<T0, T1, T2, A> constructor, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2}, 3L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, R> TaskCall<R> task(
      Fn3<T0, T1, T2, R> fn, ObjectRef<T0> a0, ObjectRef<T1> a1, ObjectRef<T2> a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 7L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2> TaskCall<Void> task(
      VoidFn3<T0, T1, T2> fn, ObjectRef<T0> a0, ObjectRef<T1> a1, ObjectRef<T2> a2) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2}, 7L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2> ActorCreator<A> actor(
      Fn3<T0, T1, T2, A> constructor, ObjectRef<T0> a0, ObjectRef<T1> a1, ObjectRef<T2> a2) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2}, 7L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn, T0 a0, T1 a1, T2 a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 0L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn, T0 a0, T1 a1, T2 a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 0L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor, T0 a0, T1 a1, T2 a2, T3 a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 0L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 8L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 8L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 8L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 4L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 4L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 4L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn, T0 a0, T1 a1, ObjectRef<T2> a2, ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 12L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn, T0 a0, T1 a1, ObjectRef<T2> a2, ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 12L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor, T0 a0, T1 a1, ObjectRef<T2> a2, ObjectRef<T3> a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 12L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 2L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 2L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 2L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn, T0 a0, ObjectRef<T1> a1, T2 a2, ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 10L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn, T0 a0, ObjectRef<T1> a1, T2 a2, ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 10L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor, T0 a0, ObjectRef<T1> a1, T2 a2, ObjectRef<T3> a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 10L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 6L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 6L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2, T3 a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 6L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2, ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 14L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2, ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 14L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 14L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 1L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 1L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 1L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn, ObjectRef<T0> a0, T1 a1, T2 a2, ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 9L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn, ObjectRef<T0> a0, T1 a1, T2 a2, ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 9L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor, ObjectRef<T0> a0, T1 a1, T2 a2, ObjectRef<T3> a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 9L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 5L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 5L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2, T3 a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 5L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2, ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 13L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2, ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 13L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 13L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 3L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 3L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2, T3 a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 3L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2, ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 11L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2, ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 11L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 11L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn, ObjectRef<T0> a0, ObjectRef<T1> a1, ObjectRef<T2> a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 7L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn, ObjectRef<T0> a0, ObjectRef<T1> a1, ObjectRef<T2> a2, T3 a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 7L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 7L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, R> TaskCall<R> task(
      Fn4<T0, T1, T2, T3, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 15L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3> TaskCall<Void> task(
      VoidFn4<T0, T1, T2, T3> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3}, 15L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3> ActorCreator<A> actor(
      Fn4<T0, T1, T2, T3, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3}, 15L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 0L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 0L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 0L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, T0 a0, T1 a1, T2 a2, T3 a3, ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 16L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, T0 a0, T1 a1, T2 a2, T3 a3, ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 16L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor, T0 a0, T1 a1, T2 a2, T3 a3, ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 16L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 8L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 8L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3, T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 8L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3, ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 24L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3, ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 24L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 24L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 4L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 4L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3, T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 4L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3, ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 20L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3, ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 20L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 20L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, T0 a0, T1 a1, ObjectRef<T2> a2, ObjectRef<T3> a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 12L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, T0 a0, T1 a1, ObjectRef<T2> a2, ObjectRef<T3> a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 12L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 12L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 28L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 28L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 28L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 2L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 2L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3, T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 2L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3, ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 18L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3, ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 18L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 18L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, T0 a0, ObjectRef<T1> a1, T2 a2, ObjectRef<T3> a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 10L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, T0 a0, ObjectRef<T1> a1, T2 a2, ObjectRef<T3> a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 10L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 10L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 26L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 26L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 26L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2, T3 a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 6L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, T0 a0, ObjectRef<T1> a1, ObjectRef<T2> a2, T3 a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 6L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 6L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 22L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 22L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 22L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 14L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 14L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 14L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 30L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 30L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 30L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 1L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 1L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3, T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 1L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3, ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 17L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3, ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 17L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 17L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, ObjectRef<T0> a0, T1 a1, T2 a2, ObjectRef<T3> a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 9L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, ObjectRef<T0> a0, T1 a1, T2 a2, ObjectRef<T3> a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 9L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 9L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 25L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 25L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 25L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2, T3 a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 5L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, ObjectRef<T0> a0, T1 a1, ObjectRef<T2> a2, T3 a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 5L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 5L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 21L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 21L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 21L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 13L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 13L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 13L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 29L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 29L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 29L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2, T3 a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 3L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn, ObjectRef<T0> a0, ObjectRef<T1> a1, T2 a2, T3 a3, T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 3L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 3L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 19L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 19L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 19L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 11L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 11L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 11L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 27L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 27L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 27L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 7L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 7L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 7L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 23L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 23L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 23L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 15L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 15L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 15L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, R> TaskCall<R> task(
      Fn5<T0, T1, T2, T3, T4, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 31L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4> TaskCall<Void> task(
      VoidFn5<T0, T1, T2, T3, T4> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4}, 31L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4> ActorCreator<A> actor(
      Fn5<T0, T1, T2, T3, T4, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4}, 31L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 0L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 0L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 0L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4, ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 32L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4, ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 32L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      T1 a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 32L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn, T0 a0, T1 a1, T2 a2, T3 a3, ObjectRef<T4> a4, T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 16L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn, T0 a0, T1 a1, T2 a2, T3 a3, ObjectRef<T4> a4, T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 16L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 16L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 48L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 48L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 48L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3, T4 a4, T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 8L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn, T0 a0, T1 a1, T2 a2, ObjectRef<T3> a3, T4 a4, T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 8L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 8L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 40L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 40L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 40L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 24L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 24L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 24L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 56L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 56L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 56L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3, T4 a4, T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 4L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn, T0 a0, T1 a1, ObjectRef<T2> a2, T3 a3, T4 a4, T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 4L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 4L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 36L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 36L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 36L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 20L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 20L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 20L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 52L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 52L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 52L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 12L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 12L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 12L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 44L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 44L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 44L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 28L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 28L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 28L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 60L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 60L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 60L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3, T4 a4, T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 2L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn, T0 a0, ObjectRef<T1> a1, T2 a2, T3 a3, T4 a4, T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 2L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 2L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 34L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 34L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 34L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 18L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 18L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 18L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 50L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 50L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 50L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 10L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 10L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 10L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 42L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 42L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 42L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 26L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 26L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 26L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 58L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 58L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 58L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 6L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 6L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 6L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 38L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 38L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 38L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 22L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 22L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 22L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 54L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 54L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 54L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 14L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 14L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 14L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 46L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 46L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 46L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 30L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 30L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 30L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 62L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 62L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      T0 a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 62L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 1L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn, ObjectRef<T0> a0, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 1L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 1L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 33L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 33L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 33L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 17L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 17L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 17L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 49L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 49L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 49L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 9L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 9L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 9L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 41L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 41L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 41L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 25L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 25L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 25L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 57L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 57L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 57L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 5L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 5L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 5L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 37L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 37L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 37L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 21L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 21L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 21L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 53L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 53L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 53L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 13L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 13L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 13L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 45L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 45L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 45L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 29L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 29L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 29L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 61L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 61L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      T1 a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 61L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 3L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 3L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 3L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 35L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 35L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 35L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 19L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 19L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 19L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 51L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 51L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 51L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 11L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 11L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 11L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 43L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 43L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 43L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 27L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 27L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 27L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 59L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 59L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      T2 a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 59L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 7L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 7L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 7L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 39L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 39L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 39L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 23L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 23L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 23L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 55L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 55L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      T3 a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 55L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 15L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 15L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 15L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 47L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 47L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      T4 a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 47L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 31L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 31L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      T5 a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 31L);
  }

  /**
   * Prepares a call of the remote function {@code fn}; {@link TaskCall#remote()} submits it. Each
   * argument is a value (copied now) or an {@link ObjectRef} (resolved before the task runs).
   */
  public static <T0, T1, T2, T3, T4, T5, R> TaskCall<R> task(
      Fn6<T0, T1, T2, T3, T4, T5, R> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 63L);
  }

  /** Prepares a call of the remote function {@code fn} that returns nothing. */
  public static <T0, T1, T2, T3, T4, T5> TaskCall<Void> task(
      VoidFn6<T0, T1, T2, T3, T4, T5> fn,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newTask(fn, new Object[] {a0, a1, a2, a3, a4, a5}, 63L);
  }

  /**
   * Prepares an actor: {@code constructor} runs remotely with these arguments. The result is usable
   * as a handle at once; set options on it first, then call {@link ActorCreator#remote()}.
   */
  public static <A, T0, T1, T2, T3, T4, T5> ActorCreator<A> actor(
      Fn6<T0, T1, T2, T3, T4, T5, A> constructor,
      ObjectRef<T0> a0,
      ObjectRef<T1> a1,
      ObjectRef<T2> a2,
      ObjectRef<T3> a3,
      ObjectRef<T4> a4,
      ObjectRef<T5> a5) {
    return runtime().newActor(constructor, new Object[] {a0, a1, a2, a3, a4, a5}, 63L);
  }

  // END GENERATED CALLS

  private static MantaRuntime runtime() {
    MantaRuntime rt = current;
    if (rt == null) {
      throw new IllegalStateException(
          "Manta is not initialized (or was shut down): call Manta.init() first");
    }
    return rt;
  }

  private static <L extends List<?>> L checkRefs(L refs) {
    Objects.requireNonNull(refs, "refs");
    for (int i = 0; i < refs.size(); i++) {
      if (refs.get(i) == null) {
        throw new NullPointerException("refs[" + i + "] is null");
      }
    }
    return refs;
  }

  private static long nanos(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be >= 0, was " + timeout);
    }
    try {
      return timeout.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static MantaRuntimeProvider findProvider(MantaConfig config) {
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
          seen.isEmpty()
              ? "No Manta runtime on the class path: add the dependency dev.manta:manta-runtime"
                  + (config.address().isPresent() ? " and dev.manta:manta-cluster" : "")
              : "No Manta runtime on the class path can serve "
                  + config
                  + " (providers and priorities: "
                  + seen
                  + "); to join a cluster add dev.manta:manta-cluster");
    }
    return best;
  }
}
