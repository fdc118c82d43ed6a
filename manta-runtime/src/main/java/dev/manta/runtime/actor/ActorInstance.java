package dev.manta.runtime.actor;

import dev.manta.PendingCallsLimitException;
import dev.manta.runtime.exec.TaskExecutor;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.ownership.ReferenceTable;
import dev.manta.runtime.port.ActorProxy;
import dev.manta.runtime.spec.FunctionInfo;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.task.ActorTarget;
import dev.manta.runtime.task.TaskRun;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One actor: its state, its instance, and its mailbox of calls in submission order.
 *
 * <p>Calls start in the order they were submitted (one global FIFO, which implies per-caller
 * order); at most {@code maxConcurrency} run at once. A call whose arguments are not ready yet
 * holds back the calls behind it, so order holds even when arguments resolve out of order.
 */
public final class ActorInstance implements ActorTarget, ActorProxy {
  /*
   * Implementation notes
   *  I1  pending = calls accepted whose result is not stored yet (queued, waiting for arguments,
   *      or running); a call is refused at submit when pending would exceed maxPendingCalls.
   *      Reserved with a CAS loop before the call is built, released by callEnding() (once per
   *      call, before its result is stored: a caller whose get returned may call again at once)
   *      or unreserveCall(); callFinished(), after the result is stored, retires an orphan.
   *  I2  drainers = threads currently taking calls from `queue`; 0 <= drainers <= drainLimit
   *      (maxConcurrency; unbounded for a PROXY, which only forwards and never runs user code).
   *      A drainer exits when the head is missing, not READY (still WAITING), or the actor is not
   *      ALIVE; whoever makes progress possible again (enqueue, argument resolved, constructed)
   *      starts one if drainers < drainLimit.
   *  I4  The role is fixed: LOCAL runs calls here; PROXY sends them through `remote` (non-null
   *      exactly for a PROXY) in queue order; HOSTED runs here for an owner elsewhere, with no
   *      pending-call limit and no retirement of its own (the owner decides).
   *  I3  Asynchronous methods (CompletionStage) free their drainer when the method returns;
   *      their pending count is released when the stage completes. A helper drainer starts only
   *      when none is idle and the next call may block (not an AsyncFn); at most one drainer
   *      lingers (spins ~20 us) for the next call before its thread ends.
   *  I5  A PROXY's state may go back from ALIVE to CREATING (restarting(): its remote actor lost
   *      its process and its port restarts it); calls then queue as before the first placement,
   *      and placed() moves it to ALIVE again. DEAD stays final. LOCAL and HOSTED never go back.
   *  Locks: `lock` guards state, queue and drainers; never held while running user code.
   */
  enum State {
    CREATING,
    ALIVE,
    DEAD
  }

  final ActorId id;
  final String name;
  final String className;
  final int maxConcurrency;

  /**
   * Calls that may run (or, for a proxy, be in flight) at once: maxConcurrency; unbounded for a
   * proxy, whose remote actor applies the limit.
   */
  private final int drainLimit;

  final int maxPendingCalls;
  final int maxRestarts;
  final int maxTaskRetries;
  final ResourceSet resources;
  private final Hosting hosting;

  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<TaskRun> queue = new ArrayDeque<>(); // guarded by lock
  private State state = State.CREATING; // guarded by lock
  private boolean wasAlive; // guarded by lock: state was ALIVE once, so CREATING is a restart
  private int drainers; // guarded by lock
  private int idleDrainers; // drainers spinning for the next call; at most 1; guarded by lock
  private volatile Failure death;
  private volatile boolean detached; // set once by ActorSystem.create, before the actor is used
  private volatile List<String> jvmOptions = List.of(); // likewise
  private volatile boolean killedByHandle; // set by ActorSystem.kill before the death
  private volatile boolean endedByShutdown; // set by ActorSystem.shutdown before the death
  private volatile Object instance;

  /**
   * HOSTED: how often the owner restarted this actor before this instance (its creation's attempt
   * number); 0 for the other roles. Written once by ActorSystem.newHosted before publication.
   */
  volatile int restartCount;

  private volatile boolean holdsResources;
  private final AtomicInteger pending = new AtomicInteger();
  private volatile long enqueues; // bumped on every enqueue, read lock-free by lingering drainers
  private static final long LINGER_NANOS = 20_000;
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final TaskExecutor executor;
  private final ThreadFactory threadFactory;
  private final Consumer<ActorInstance> onDeath;
  private final ReferenceTable table;
  private java.lang.ref.WeakReference<Object> lease; // guarded by lock
  private int leases; // live lease generations; guarded by lock
  private boolean orphaned; // guarded by lock: all handles gone, stop when idle
  private final Consumer<TaskRun> remote; // the sender of a PROXY; null for the other roles
  private final boolean retireWhenOrphaned;

  /** What an instance stands for; fixed when it is made. */
  public enum Role {
    /** An actor of this process for owners in this process (the embedded runtime): runs here. */
    LOCAL,
    /**
     * The stand-in, in an owner or a borrower, for an actor in another process: calls leave in
     * submission order through a sender instead of running here.
     */
    PROXY,
    /** An actor running in this worker process for an owner in another process. */
    HOSTED
  }

  /** What every instance of one actor system shares. */
  record Env(
      TaskExecutor executor,
      ThreadFactory threadFactory,
      Consumer<ActorInstance> onDeath,
      ReferenceTable table) {}

  private final Role role;

  /** An actor of this process, run here, retired when its handles are gone (unless named). */
  static ActorInstance local(
      ActorId id,
      String name,
      String className,
      int maxConcurrency,
      int maxPendingCalls,
      int maxRestarts,
      ResourceSet resources,
      Env env) {
    return new ActorInstance(
        Role.LOCAL,
        id,
        name,
        className,
        maxConcurrency,
        maxPendingCalls,
        maxRestarts,
        0,
        resources,
        env,
        null,
        true,
        Hosting.JOB_DEFAULT);
  }

  /**
   * A stand-in for an actor in another process: calls leave through {@code sender}, in order, as
   * fast as they are ready (the remote actor applies its own {@code maxConcurrency}, which is
   * recorded here when this process created the actor, else 0). When its handles are gone it stops
   * the actor only if {@code owner}: a borrower's stand-in just goes.
   */
  static ActorInstance proxy(
      ActorId id,
      String name,
      String className,
      int maxConcurrency,
      int maxPendingCalls,
      int maxRestarts,
      int maxTaskRetries,
      ResourceSet resources,
      Env env,
      Consumer<TaskRun> sender,
      boolean owner,
      Hosting hosting) {
    return new ActorInstance(
        Role.PROXY,
        id,
        name,
        className,
        maxConcurrency,
        maxPendingCalls,
        maxRestarts,
        maxTaskRetries,
        resources,
        env,
        java.util.Objects.requireNonNull(sender, "sender"),
        owner,
        hosting);
  }

  /**
   * An actor this worker runs for an owner elsewhere: the owner counts pending calls and decides
   * when it ends, so here it has no limit on pending calls and never retires by itself.
   */
  static ActorInstance hosted(
      ActorId id, String name, String className, int maxConcurrency, Env env) {
    return new ActorInstance(
        Role.HOSTED,
        id,
        name,
        className,
        maxConcurrency,
        Integer.MAX_VALUE,
        0,
        0,
        ResourceSet.EMPTY,
        env,
        null,
        false,
        Hosting.JOB_DEFAULT);
  }

  private ActorInstance(
      Role role,
      ActorId id,
      String name,
      String className,
      int maxConcurrency,
      int maxPendingCalls,
      int maxRestarts,
      int maxTaskRetries,
      ResourceSet resources,
      Env env,
      Consumer<TaskRun> remote,
      boolean retireWhenOrphaned,
      Hosting hosting) {
    this.role = role;
    this.hosting = hosting;
    this.remote = remote;
    this.retireWhenOrphaned = retireWhenOrphaned;
    this.id = id;
    this.name = name;
    this.className = className;
    this.maxConcurrency = maxConcurrency;
    this.drainLimit = role == Role.PROXY ? Integer.MAX_VALUE : maxConcurrency;
    this.maxPendingCalls = maxPendingCalls;
    this.maxRestarts = maxRestarts;
    this.maxTaskRetries = maxTaskRetries;
    this.resources = resources;
    this.executor = env.executor();
    this.threadFactory = env.threadFactory();
    this.onDeath = env.onDeath();
    this.table = env.table();
  }

  /**
   * The lease every handle to this actor holds: while one is reachable (in a handle, or kept by a
   * value or task that contains a handle), the actor lives. When none is, an unnamed actor stops
   * once its pending calls are done; a named one lives until killed.
   */
  Object lease() {
    lock.lock();
    try {
      Object l = lease == null ? null : lease.get();
      if (l == null) {
        l = new Object();
        lease = new java.lang.ref.WeakReference<>(l);
        leases++;
        orphaned = false;
        table.track(l, this::leaseCollected);
      }
      return l;
    } finally {
      lock.unlock();
    }
  }

  private void leaseCollected() {
    boolean stop;
    lock.lock();
    try {
      // A detached actor, like a named one, is not stopped when its handles are gone.
      stop =
          --leases == 0 && name == null && !detached && retireWhenOrphaned && state != State.DEAD;
      if (stop) {
        orphaned = true;
        stop = pending.get() == 0;
      }
    } finally {
      lock.unlock();
    }
    if (stop) {
      retire();
    }
  }

  private void retire() {
    die(
        Failure.actorDied(
            id.hex(),
            className,
            "Actor " + describe() + " stopped: every handle to it was dropped",
            null));
  }

  /** Reserves a pending-call slot (I1) or throws the backpressure exception. */
  void reserveCall() {
    int p;
    do {
      p = pending.get();
      if (p >= maxPendingCalls) {
        throw new PendingCallsLimitException(
            "Actor "
                + describe()
                + " has "
                + p
                + " pending calls (its maxPendingCalls); await earlier results or raise"
                + " maxPendingCalls when creating the actor");
      }
    } while (!pending.compareAndSet(p, p + 1));
  }

  /** Counts a call without the limit (calls arriving at a hosted actor: the caller checked it). */
  void reserveUnbounded() {
    pending.incrementAndGet();
  }

  /** Releases a slot reserved for a call that was never enqueued. */
  void unreserveCall() {
    pending.decrementAndGet();
  }

  /** Adds a call (state WAITING or READY) in submission order. */
  @SuppressWarnings("NonAtomicVolatileUpdate") // `enqueues` is only written under `lock`
  void enqueue(TaskRun call) {
    Failure dead;
    lock.lock();
    try {
      dead = death;
      if (dead == null) {
        if (remote != null
            && state == State.ALIVE
            && queue.isEmpty()
            && call.state.compareAndSet(TaskRun.READY, TaskRun.RUNNING)) {
          // A proxy with nothing queued sends at once, under the lock so order holds: no
          // hand-off to a drainer thread on the synchronous path.
          remote.accept(call);
          return;
        }
        queue.add(call);
        enqueues++;
        maybeStartDrainer();
        return;
      }
    } finally {
      lock.unlock();
    }
    if (call.state.compareAndSet(TaskRun.WAITING, TaskRun.DONE)
        || call.state.compareAndSet(TaskRun.READY, TaskRun.DONE)) {
      executor.abandon(call, dead);
    }
  }

  /**
   * Queues a call just built for this actor, its pending slot reserved: resolves its arguments
   * through {@code submitter} and keeps submission order. A call whose arguments are ready is
   * resolved first and enqueued READY (the mailbox is locked once per call); one that waits is
   * enqueued WAITING, holding back later calls, and the mailbox moves on when it resolves or when
   * it ends without running (a failed argument: the submitter abandons it).
   */
  void submit(TaskRun call, dev.manta.runtime.task.Submitter submitter) {
    if (submitter.dependenciesReady(call)) {
      submitter.resolve(call, t -> {});
      if (call.state.get() == TaskRun.READY) {
        enqueue(call);
      }
      return;
    }
    enqueue(call);
    submitter.resolve(call, t -> kick());
    call.result.value().thenRun(this::kick); // ended without running: move past it
    if (call.state.get() == TaskRun.DONE) {
      kick(); // a failed argument finished the call: let the mailbox move past it
    }
  }

  /** A queued call's arguments resolved, or a call was cancelled: let a drainer look again. */
  void kick() {
    lock.lock();
    try {
      maybeStartDrainer();
    } finally {
      lock.unlock();
    }
  }

  /** Whether this is a proxy for an actor in another process. */
  @Override
  public boolean isProxy() {
    return role == Role.PROXY;
  }

  /** What this instance stands for. */
  public Role role() {
    return role;
  }

  /**
   * The number of calls the actor runs at once, as requested when it was created; 0 for a proxy in
   * a process that did not create the actor (the actor's own process knows it).
   */
  @Override
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /** The actor's id. */
  @Override
  public ActorId id() {
    return id;
  }

  /** The actor's name, or null. */
  @Override
  public String name() {
    return name;
  }

  /** The simple name of the actor's class. */
  @Override
  public String className() {
    return className;
  }

  /** Kills the actor here with {@code why} (for example: its remote process died). */
  @Override
  public boolean kill(Failure why) {
    return die(why);
  }

  /** A proxy's actor runs now elsewhere: the calls queued here leave for it. */
  @Override
  public void placed() {
    constructed(null);
  }

  @Override
  public int maxRestarts() {
    return maxRestarts;
  }

  @Override
  public int maxTaskRetries() {
    return maxTaskRetries;
  }

  @Override
  public int maxPendingCalls() {
    return maxPendingCalls;
  }

  @Override
  public boolean detached() {
    return detached;
  }

  @Override
  public List<String> jvmOptions() {
    return jvmOptions;
  }

  /** Sets the actor's JVM options (ActorSystem.create, before its creation is submitted). */
  void jvmOptions(List<String> options) {
    this.jvmOptions = List.copyOf(options);
  }

  /** Marks the actor detached (ActorSystem.create, before its creation is submitted). */
  void detached(boolean d) {
    this.detached = d;
  }

  @Override
  public boolean endedByShutdown() {
    return endedByShutdown;
  }

  /** Marks that this process's shutdown ends the actor here (ActorSystem.shutdown). */
  void endedByShutdown(boolean e) {
    this.endedByShutdown = e;
  }

  @Override
  public boolean killedByHandle() {
    return killedByHandle;
  }

  /** Marks that a handle of this process killed the actor (ActorSystem.kill, before it dies). */
  void killedByHandle(boolean k) {
    this.killedByHandle = k;
  }

  @Override
  public Hosting hosting() {
    return hosting;
  }

  /**
   * A proxy's actor lost its process and restarts: back to CREATING, so calls queue here (drainers
   * stop at their next look, I2) until {@link #placed()}. False once dead.
   */
  @Override
  public boolean restarting() {
    if (remote == null) {
      return false; // only a proxy's actor restarts elsewhere
    }
    lock.lock();
    try {
      if (state == State.DEAD) {
        return false;
      }
      state = State.CREATING;
      return true;
    } finally {
      lock.unlock();
    }
  }

  int pendingCalls() {
    return pending.get();
  }

  boolean isDead() {
    return death != null;
  }

  /** The state {@code ActorHandle.state()} reports: CREATING is a restart once it was ALIVE. */
  dev.manta.ActorState publicState() {
    lock.lock();
    try {
      return switch (state) {
        case CREATING ->
            wasAlive ? dev.manta.ActorState.RESTARTING : dev.manta.ActorState.PENDING_CREATION;
        case ALIVE -> dev.manta.ActorState.ALIVE;
        case DEAD -> dev.manta.ActorState.DEAD;
      };
    } finally {
      lock.unlock();
    }
  }

  String describe() {
    return (name != null ? "'" + name + "' " : "") + className + " (" + id.hex() + ")";
  }

  /** Runs {@code r} on a new tracked thread of this actor (the constructor, when it needs none). */
  void startThread(Runnable r) {
    Thread t =
        threadFactory.newThread(
            () -> {
              try {
                r.run();
              } finally {
                threads.remove(Thread.currentThread());
              }
            });
    threads.add(t);
    t.start();
  }

  boolean holdsResources() {
    return holdsResources;
  }

  // guarded by lock
  private void maybeStartDrainer() {
    if (state != State.ALIVE || drainers >= drainLimit) {
      return;
    }
    TaskRun head = queue.peek();
    if (head == null || head.state.get() == TaskRun.WAITING) {
      return;
    }
    if (drainers > 0) {
      // A helper only when no drainer is idle and the head may block its thread: asynchronous
      // methods return at once, so one drainer keeps up with them (I3).
      if (idleDrainers > 0 || remote != null || head.info().kind() == FunctionInfo.Kind.ASYNC) {
        return;
      }
    }
    drainers++;
    Thread t = threadFactory.newThread(this::drain);
    threads.add(t);
    t.start();
  }

  private void drain() {
    try {
      boolean lingered = false;
      while (true) {
        TaskRun next;
        boolean linger = false;
        long seen = enqueues;
        lock.lock();
        try {
          if (lingered) {
            idleDrainers--;
          }
          next = state == State.ALIVE ? queue.peek() : null;
          if (next == null && !lingered && state == State.ALIVE && idleDrainers == 0) {
            idleDrainers++; // look again after a short spin, still counted as a drainer
            linger = true;
          } else if (next == null || next.state.get() == TaskRun.WAITING) {
            drainers--;
            return;
          } else {
            queue.poll();
            maybeStartDrainer(); // more ready calls and room for concurrency: let a helper in
          }
        } finally {
          lock.unlock();
        }
        if (linger) {
          // A caller waiting on the call that just finished usually sends the next one within
          // microseconds: spinning briefly saves a thread start and a wake-up per call.
          long until = System.nanoTime() + LINGER_NANOS;
          while (enqueues == seen && System.nanoTime() < until) {
            Thread.onSpinWait();
          }
          lingered = true;
          continue;
        }
        lingered = false;
        if (remote == null) {
          executor.run(next); // skips specs already finished (cancelled or failed arguments)
        } else if (next.state.compareAndSet(TaskRun.READY, TaskRun.RUNNING)) {
          remote.accept(next); // non-blocking: the remote actor runs it, in this order
        }
      }
    } finally {
      threads.remove(Thread.currentThread());
    }
  }

  // --- ActorTarget ---

  @Override
  public Object instance() {
    return instance;
  }

  @Override
  public boolean constructed(Object newInstance) {
    lock.lock();
    try {
      if (state != State.CREATING) {
        return false; // killed while constructing
      }
      holdsResources = !resources.isEmpty();
      instance = newInstance;
      state = State.ALIVE;
      wasAlive = true;
      maybeStartDrainer();
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void constructionFailed(Failure failure) {
    die(
        Failure.actorDied(
            id.hex(),
            className,
            "Actor " + describe() + " died: its constructor threw " + failure.exceptionClass(),
            failure));
  }

  @Override
  public Failure deathOrNull() {
    return death;
  }

  @Override
  public void callEnding(TaskRun call) {
    pending.decrementAndGet();
  }

  @Override
  public void callFinished(TaskRun call) {
    if (pending.get() == 0) {
      boolean stop;
      lock.lock();
      try {
        stop = orphaned && pending.get() == 0 && state != State.DEAD;
      } finally {
        lock.unlock();
      }
      if (stop) {
        retire();
      }
    }
  }

  /**
   * Kills the actor: fails queued calls with {@code why}, interrupts running ones. Returns false if
   * it was already dead.
   */
  boolean die(Failure why) {
    List<TaskRun> dropped;
    lock.lock();
    try {
      if (state == State.DEAD) {
        return false;
      }
      state = State.DEAD;
      death = why;
      instance = null;
      dropped = new ArrayList<>(queue);
      queue.clear();
    } finally {
      lock.unlock();
    }
    for (TaskRun c : dropped) {
      if (c.state.compareAndSet(TaskRun.WAITING, TaskRun.DONE)
          || c.state.compareAndSet(TaskRun.READY, TaskRun.DONE)) {
        executor.abandon(c, why);
      }
    }
    for (Thread t : List.copyOf(threads)) {
      if (t != Thread.currentThread()) { // exitActor() lets its own call return normally
        t.interrupt();
      }
    }
    onDeath.accept(this);
    return true;
  }

  /** Waits up to {@code grace} for this actor's threads to end (after {@link #die}). */
  void awaitThreads(Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    for (Thread t : List.copyOf(threads)) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        t.join(Duration.ofNanos(left));
      }
    }
  }

  /**
   * After this actor died, waits up to {@code grace} for its threads to end; returns whether none
   * is left (no call of it still runs user code), so that its process may host another actor.
   */
  @Override
  public boolean awaitThreadsEnded(Duration grace) throws InterruptedException {
    awaitThreads(grace);
    return threads.isEmpty();
  }

  int liveThreads() {
    return threads.size();
  }
}
