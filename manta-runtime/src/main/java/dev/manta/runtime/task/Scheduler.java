package dev.manta.runtime.task;

import dev.manta.runtime.spec.ResourceSet;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Dispatches ready tasks onto virtual threads under their resource demands.
 *
 * <p>A task runs only while the resources it asks for are free; tasks that ask for the same
 * resources start in submission order. A task blocked in {@code get} or {@code wait} gives its
 * resources back ({@link #beforeBlocking()}) and takes them again when it wakes ({@link
 * #afterBlocking()}), even if that briefly oversubscribes: so 2 CPUs run a tree of a thousand
 * nested tasks without deadlock. Thread-safe.
 */
public final class Scheduler {
  /*
   * Implementation notes
   *  I1  available = total - sum(demand of RUNNING tasks holding resources) - actor holdings.
   *      It may go negative only through afterBlocking() (a woken task re-taking its share);
   *      nothing new is dispatched until it is positive again.
   *  I2  A queued task is dispatched by whichever thread frees resources: a worker that
   *      finishes runs the next fitting task itself (no thread handoff), extra fitting tasks get
   *      new virtual threads.
   *  I3  Cancelled specs may stay in the queues; dispatch skips any spec whose CAS
   *      READY -> RUNNING fails.
   *  I4  While idleWorkers > 0, submit() only queues; a lingering worker leaves idleWorkers
   *      and polls the queues under the same lock, so no queued task is left behind with its
   *      resources free.
   *  Locks: `lock` guards the ledger and the queues; threads are started after releasing it.
   */
  private final ReentrantLock lock = new ReentrantLock();
  private final ResourceSet total;
  private long availableCpu; // guarded by lock
  private final Map<String, Long> availableCustom; // guarded by lock
  private final Map<ResourceSet, ArrayDeque<TaskRun>> queues = new LinkedHashMap<>(); // lock
  private int queued; // guarded by lock
  private boolean closed; // guarded by lock
  private int idleWorkers; // lingering workers; guarded by lock
  private volatile long submissions; // bumped (under lock) when work is queued for lingerers
  private static final long LINGER_NANOS = 20_000;

  private final Consumer<TaskRun> executor;

  @SuppressWarnings("ThreadLocalUsage") // per scheduler: several runtimes may share a JVM
  private final ThreadLocal<TaskRun> current = new ThreadLocal<>();

  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
  private final ThreadFactory threads;
  private final AtomicInteger running = new AtomicInteger();

  /**
   * Creates a scheduler over {@code total} resources.
   *
   * @param executor runs one spec to completion, storing its result; must not throw
   * @param threadPrefix prefix of worker thread names, e.g. {@code manta-task-}
   */
  public Scheduler(ResourceSet total, Consumer<TaskRun> executor, String threadPrefix) {
    this.total = total;
    this.availableCpu = total.cpu();
    this.availableCustom = total.customCopy();
    this.executor = executor;
    this.threads = Thread.ofVirtual().name(threadPrefix, 1).factory();
  }

  /** The resources this scheduler hands out. */
  public ResourceSet total() {
    return total;
  }

  /**
   * Queues {@code task} (its dependencies resolved, state READY) and starts it if its resources are
   * free.
   *
   * @return false if the scheduler is closed (the caller fails the task)
   */
  @SuppressWarnings("NonAtomicVolatileUpdate") // `submissions` is only written under `lock`
  public boolean submit(TaskRun task) {
    List<TaskRun> start = null;
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      ArrayDeque<TaskRun> q = queues.get(task.resources());
      if (idleWorkers > 0) {
        // A worker is lingering for work: hand it this task through the queue (I4).
        queues.computeIfAbsent(task.resources(), k -> new ArrayDeque<>()).add(task);
        queued++;
        submissions++;
      } else if ((q == null || q.isEmpty()) && fits(task.resources())) {
        acquire(task.resources());
        start = List.of(task);
      } else {
        queues.computeIfAbsent(task.resources(), k -> new ArrayDeque<>()).add(task);
        queued++;
      }
    } finally {
      lock.unlock();
    }
    if (start != null) {
      startWorker(start.get(0));
    }
    return true;
  }

  /** Gives back resources that an actor held for its life. */
  public void release(ResourceSet resources) {
    List<TaskRun> start;
    lock.lock();
    try {
      give(resources);
      start = pollAllFitting();
    } finally {
      lock.unlock();
    }
    start.forEach(this::startWorker);
  }

  /** The task this thread is running for this scheduler, or null. */
  public TaskRun currentTask() {
    return current.get();
  }

  /** Called before a task thread blocks: gives the task's resources to queued work. */
  public void beforeBlocking() {
    TaskRun t = current.get();
    if (t == null || !t.holdsResources || t.resourcesReleased || t.resources().isEmpty()) {
      return;
    }
    List<TaskRun> start;
    lock.lock();
    try {
      give(t.resources());
      t.resourcesReleased = true;
      start = pollAllFitting();
    } finally {
      lock.unlock();
    }
    start.forEach(this::startWorker);
  }

  /** Called when a blocked task thread wakes: takes its resources back (I1). */
  public void afterBlocking() {
    TaskRun t = current.get();
    if (t == null || !t.resourcesReleased) {
      return;
    }
    lock.lock();
    try {
      acquire(t.resources());
      t.resourcesReleased = false;
    } finally {
      lock.unlock();
    }
  }

  /** Number of tasks queued for resources. */
  public int queuedCount() {
    lock.lock();
    try {
      return queued;
    } finally {
      lock.unlock();
    }
  }

  /** Number of tasks running now. */
  public int runningCount() {
    return running.get();
  }

  /**
   * Closes the scheduler: returns the tasks still queued (the caller fails them), interrupts
   * running tasks and waits up to {@code grace} for their threads to end.
   */
  public List<TaskRun> shutdown(Duration grace) throws InterruptedException {
    List<TaskRun> dropped = new ArrayList<>();
    lock.lock();
    try {
      closed = true;
      for (ArrayDeque<TaskRun> q : queues.values()) {
        dropped.addAll(q);
      }
      queues.clear();
      queued = 0;
    } finally {
      lock.unlock();
    }
    long deadline = System.nanoTime() + grace.toNanos();
    for (Thread t : List.copyOf(workers)) {
      t.interrupt();
    }
    for (Thread t : List.copyOf(workers)) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        t.join(Duration.ofNanos(left));
      }
    }
    return dropped;
  }

  /** Worker threads still alive (0 after a clean shutdown). */
  public int liveWorkers() {
    return workers.size();
  }

  private void startWorker(TaskRun first) {
    Thread th = threads.newThread(() -> loop(first));
    workers.add(th);
    th.start();
  }

  private void loop(TaskRun first) {
    try {
      TaskRun t = first;
      while (true) {
        if (t == null) {
          t = linger();
          if (t == null) {
            return;
          }
        }
        t.holdsResources = true;
        current.set(t);
        running.incrementAndGet();
        try {
          executor.accept(t);
        } finally {
          running.decrementAndGet();
          current.remove();
          t.holdsResources = false;
        }
        t = finishAndNext(t);
      }
    } finally {
      workers.remove(Thread.currentThread());
    }
  }

  /**
   * Waits briefly for a new submission instead of ending the thread: a caller that waits for each
   * task before submitting the next one then costs no thread start and no carrier wake-up. Returns
   * a task to run (its resources acquired), or null to end the thread.
   */
  private TaskRun linger() {
    long seen;
    lock.lock();
    try {
      if (closed) {
        return null;
      }
      idleWorkers++;
      seen = submissions;
    } finally {
      lock.unlock();
    }
    long until = System.nanoTime() + LINGER_NANOS;
    while (submissions == seen && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    List<TaskRun> start;
    lock.lock();
    try {
      idleWorkers--;
      start = closed ? List.of() : pollAllFitting();
    } finally {
      lock.unlock();
    }
    for (int i = 1; i < start.size(); i++) {
      startWorker(start.get(i));
    }
    return start.isEmpty() ? null : start.get(0);
  }

  private TaskRun finishAndNext(TaskRun done) {
    List<TaskRun> start;
    TaskRun next;
    lock.lock();
    try {
      if (!done.keepResources && !done.resourcesReleased) {
        give(done.resources());
      }
      done.resourcesReleased = false;
      if (closed) {
        return null;
      }
      start = pollAllFitting();
    } finally {
      lock.unlock();
    }
    next = start.isEmpty() ? null : start.get(0);
    for (int i = 1; i < start.size(); i++) {
      startWorker(start.get(i));
    }
    return next;
  }

  // --- ledger, all under lock ---

  private boolean fits(ResourceSet r) {
    return r.fitsIn(availableCpu, availableCustom);
  }

  private void acquire(ResourceSet r) {
    availableCpu -= r.cpu();
    r.custom().forEach((k, v) -> availableCustom.merge(k, -v, Long::sum));
  }

  private void give(ResourceSet r) {
    availableCpu += r.cpu();
    r.custom().forEach((k, v) -> availableCustom.merge(k, v, Long::sum));
  }

  private List<TaskRun> pollAllFitting() {
    if (queued == 0) {
      return List.of();
    }
    List<TaskRun> out = new ArrayList<>();
    boolean progress = true;
    while (progress && queued > 0) {
      progress = false;
      Iterator<ArrayDeque<TaskRun>> it = queues.values().iterator();
      while (it.hasNext()) {
        ArrayDeque<TaskRun> q = it.next();
        TaskRun head;
        while ((head = q.peek()) != null && head.state.get() == TaskRun.CANCELLED) {
          q.poll();
          queued--;
        }
        if (head == null) {
          it.remove();
          continue;
        }
        if (fits(head.resources())) {
          q.poll();
          queued--;
          acquire(head.resources());
          out.add(head);
          progress = true;
        }
      }
    }
    return out;
  }
}
