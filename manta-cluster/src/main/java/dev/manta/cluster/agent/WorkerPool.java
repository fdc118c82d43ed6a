package dev.manta.cluster.agent;

import dev.manta.cluster.config.ClusterConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's worker JVMs: prestarted idle ones wait for a job, then load its code and serve it.
 * Each job has one task worker per node (running the job's tasks under the node's CPUs), one worker
 * per live isolated actor, and at most one actor host: the worker its shared actors run in, each on
 * virtual threads of its own, which lives until its job ends or it dies. An ended isolated actor's
 * worker may host the job's next isolated actor. Idle workers beyond the prestart target are
 * stopped; a worker whose job ended exits by itself. Thread-safe.
 *
 * <p>Control between agent and worker is a line protocol on the worker's stdin and stdout: the
 * worker prints {@code MANTA-WORKER BOOTED} when its JVM is up, the agent writes {@code JOB <id>
 * <driver> <namespace, URL-encoded> <role: tasks, actor or actors> <the job's actor hosting:
 * isolated or shared> <credential> <classpath>} (the credential: the job's, its cluster-token and
 * admin-token digests, comma-separated, or {@code -} without tokens; a worker never holds the
 * cluster token, since it runs the job's code), the worker prints {@code MANTA-WORKER READY
 * <address> <prefix>}; an actor's worker prints {@code MANTA-WORKER IDLE <actor>} when its actor
 * ended and none of its calls still runs, and is then parked for the job's next actor once its
 * lease is back. Every other line of output, stdout and stderr, goes to the worker's log file, and
 * once the worker serves a job to {@link WorkerOutput} for the job's driver (not the worker's own
 * log lines below WARN).
 *
 * <pre>
 * Invariants:
 *   I1  a live worker is in at most one of: idle (booting or booted, no job), taskWorkers (its
 *       job's task worker), actorHosts (its job's actor host), parked (an actor worker between
 *       actors, its actorEnded complete); in none while it serves an isolated actor or stops.
 *       An actor host is never parked: it serves its job's shared actors until the job ends.
 *   I2  a parked worker serves the job it is parked under and leaves parked only to host that
 *       job's next actor (unpark, with a fresh actorEnded) or to be stopped.
 *   I3  an exited worker is in none of the collections (exited() removes it).
 *   I4  a worker holds a BootGate permit from its launch until it booted or exited (or, stuck,
 *       for BOOT_PERMIT_MAX_MS), and gives it back once (holdsPermit).
 *   I6  a worker launched with an actor's own JVM options (ownOptions) serves that actor alone:
 *       it never comes from idle or parked and never enters idle, parked, taskWorkers or
 *       actorHosts; it is stopped when the actor's lease is returned.
 *   I7  a worker of a job with JVM options of its own (the driver's manta.job.jvm-options) is
 *       launched for that job with them (an isolated actor's own options after them): it never
 *       comes from idle and never enters idle, so no other job's work runs with them.
 * The collections are concurrent; a job's lock (jobLocks) guards the get-or-assign of its task
 * worker and of its actor host, so a launch that waits for its turn at the gate holds up only
 * its own job's leases. Launches wait at the gate on the leasing thread (a gRPC handler) or on a
 * virtual thread refilling the idle workers (refillLock keeps one refill at a time, so they do
 * not overshoot the prestart target), never on a worker's output pump, which frees permits.
 * </pre>
 */
final class WorkerPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

  /** One worker process. */
  static final class Worker {
    final Process process;
    final long startNanos = System.nanoTime();
    final CompletableFuture<Void> booted = new CompletableFuture<>();

    /** Completed when both output pumps reached the end of the worker's stdout and stderr. */
    final CompletableFuture<Void> drained = new CompletableFuture<>();

    final CompletableFuture<Worker> ready = new CompletableFuture<>();
    final PrintWriter control;
    volatile String address;
    volatile long prefix;
    volatile String jobId;
    volatile boolean forActor;
    volatile boolean actorHost; // hosts its job's shared actors
    volatile boolean stopping;

    /**
     * Hosts a detached actor (its lease says so): its job's end does not stop it; it ends when the
     * actor's lease is returned (the actor was killed) or its process dies.
     */
    volatile boolean detached;

    /** Launched with its actor's own JVM options: serves that actor alone, never reused (I6). */
    volatile boolean ownOptions;

    /** The JVM options it was launched with (its job's, I7; its actor's, I6), for errors. */
    volatile List<String> jvmOptions = List.of();

    /** The last lines of its stderr (at most 5), for the error of a JVM that did not boot. */
    final java.util.concurrent.ConcurrentLinkedDeque<String> lastErr =
        new java.util.concurrent.ConcurrentLinkedDeque<>();

    volatile String stopReason = ""; // why the agent stopped it, for the log
    volatile long bootMicros;

    /** Whether it still holds its {@link BootGate} permit (I4). */
    final java.util.concurrent.atomic.AtomicBoolean holdsPermit =
        new java.util.concurrent.atomic.AtomicBoolean(true);

    /** Completed when the worker says its actor ended and none of its calls still runs. */
    volatile CompletableFuture<Void> actorEnded = new CompletableFuture<>();

    volatile long parkedNanos;

    /** The process's CPU time at the last {@link WorkerPool#busyCpus} sample (its thread only). */
    long cpuNanosSeen;

    Worker(Process process) {
      this.process = process;
      this.control =
          new PrintWriter(
              new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
    }

    long pid() {
      return process.pid();
    }
  }

  private final List<String> command;
  private final java.util.function.Consumer<java.util.Map<String, String>> environment;
  private final java.util.function.Function<String, String> credentials; // job -> JOB line field
  private final Path logDir;
  private final int prestart;
  private final BiConsumer<Worker, Integer> onUnexpectedExit;
  private final WorkerOutput output;
  private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
  private final Map<String, Worker> taskWorkers = new ConcurrentHashMap<>(); // by job
  private final Map<String, Worker> actorHosts = new ConcurrentHashMap<>(); // by job
  private final Map<Long, Worker> all = new ConcurrentHashMap<>(); // by pid
  // Warm actor workers whose actor ended, waiting for the same job's next actor; by job.
  private final Map<String, ConcurrentLinkedDeque<Worker>> parked = new ConcurrentHashMap<>();
  private final List<Long> bootMicros = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final BootGate gate;
  private final Map<String, Object> jobLocks = new ConcurrentHashMap<>(); // by role and job
  private final Object refillLock = new Object();
  private volatile boolean closed;

  /**
   * Jobs that ended here ({@link #stopJob}): a detached actor's worker stops once its actor ends.
   */
  private final java.util.Set<String> endedJobs = ConcurrentHashMap.newKeySet();

  /** Whether an ended actor's worker may host the same job's next actor. */
  private final boolean reuseActorWorkers;

  /** How long a parked actor worker waits for the job's next actor before it is stopped. */
  private final long parkedIdleMs;

  private static final int MAX_PARKED_PER_JOB = 8;
  private static final long ACTOR_END_WAIT_MS = 5_000;

  /** A JVM not booted this long after its launch gives its boot permit back anyway. */
  private static final long BOOT_PERMIT_MAX_MS = 30_000;

  /** How long a prestart launch waits for its turn before it tries again. */
  private static final long PRESTART_WAIT_MS = 600_000;

  /**
   * A pool launching {@code command} (a java command line) per worker, its environment this
   * process's changed by {@code environment} (the cluster token goes there, never on the command
   * line, which every user can read); logs go to {@code logDir}; {@code config} says how many idle
   * workers are kept ready and whether and how long ended actors' workers are kept; {@code
   * credentials} gives the credential field of a job's {@code JOB} line (see the class comment).
   */
  WorkerPool(
      List<String> command,
      java.util.function.Consumer<java.util.Map<String, String>> environment,
      Path logDir,
      ClusterConfig config,
      BiConsumer<Worker, Integer> onUnexpectedExit,
      WorkerOutput output,
      java.util.function.Function<String, String> credentials) {
    this.output = output;
    this.credentials = credentials;
    this.command = niced(command, config.workerNice());
    this.gate = new BootGate(config.maxBootingWorkers());
    this.environment = environment;
    this.logDir = logDir;
    this.prestart = config.prestartWorkers();
    this.reuseActorWorkers = config.reuseActorWorkers();
    this.parkedIdleMs = config.idleWorker().toMillis();
    this.onUnexpectedExit = onUnexpectedExit;
  }

  /**
   * {@code command} run under {@code nice -n NICE} when {@code nice} is above 0 and the machine has
   * the command ({@code nice} execs the JVM, so the process's pid is the JVM's).
   */
  static List<String> niced(List<String> command, int nice) {
    if (nice <= 0) {
      return command;
    }
    for (String dir : List.of("/usr/bin/nice", "/bin/nice")) {
      if (Files.isExecutable(Path.of(dir))) {
        List<String> niced = new ArrayList<>(List.of(dir, "-n", Integer.toString(nice)));
        niced.addAll(command);
        return List.copyOf(niced);
      }
    }
    LOG.warn(
        "{}={} is set but this machine has no nice command (/usr/bin/nice, /bin/nice): worker"
            + " JVMs start at the agent's priority",
        ClusterConfig.WORKER_NICE,
        nice);
    return command;
  }

  /** Starts idle workers until {@code prestart} are idle or booting. */
  void refill() {
    synchronized (refillLock) {
      while (!closed && idle.size() < prestart) {
        try {
          idle.add(
              launch(
                  false,
                  System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PRESTART_WAIT_MS),
                  PRESTART_WAIT_MS));
        } catch (IllegalStateException e) {
          LOG.debug("prestart: {}", e.getMessage()); // a lease's launch will try again
          return;
        }
      }
    }
  }

  /**
   * Launches a worker JVM once the {@link BootGate} gives it its turn ({@code urgent}: a job's task
   * worker or actor host); waits for the turn until {@code deadlineNanos}.
   */
  private Worker launch(boolean urgent, long deadlineNanos, long timeoutMs) {
    return launch(urgent, deadlineNanos, timeoutMs, List.of());
  }

  /**
   * As {@link #launch(boolean, long, long)}, with {@code jvmOptions} added to the command after the
   * node's worker flags, before the class path (so they win where both set the same thing).
   */
  private Worker launch(
      boolean urgent, long deadlineNanos, long timeoutMs, List<String> jvmOptions) {
    List<String> command = this.command;
    if (!jvmOptions.isEmpty()) {
      List<String> with = new ArrayList<>(command);
      with.addAll(command.indexOf("-cp"), jvmOptions);
      command = List.copyOf(with);
    }
    try {
      gate.enter(urgent, deadlineNanos);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(
          "No worker JVM could start within "
              + timeoutMs
              + " ms: other worker JVMs of this node were booting ("
              + gate.describe()
              + "; "
              + ClusterConfig.MAX_BOOTING_WORKERS
              + " bounds how many boot at once)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to start a worker JVM", e);
    }
    Process p;
    try {
      Files.createDirectories(logDir);
      ProcessBuilder pb = new ProcessBuilder(command);
      environment.accept(pb.environment());
      p = pb.start();
    } catch (IOException e) {
      gate.leave();
      throw new UncheckedIOException("Cannot start a worker JVM: " + command, e);
    }
    Worker w = new Worker(p);
    // I4: booted completes (exceptionally, too) when the JVM booted or exited.
    w.booted.whenComplete((v, e) -> givePermitBack(w));
    CompletableFuture.delayedExecutor(BOOT_PERMIT_MAX_MS, TimeUnit.MILLISECONDS)
        .execute(() -> givePermitBack(w));
    all.put(p.pid(), w);
    Path log = logDir.resolve("worker-" + p.pid() + ".log");
    CompletableFuture<Void> out = new CompletableFuture<>();
    CompletableFuture<Void> err = new CompletableFuture<>();
    CompletableFuture.allOf(out, err).whenComplete((v, e) -> w.drained.complete(null));
    Thread.ofPlatform().daemon().name("manta-worker-out-" + p.pid()).start(() -> pump(w, log, out));
    Thread.ofPlatform()
        .daemon()
        .name("manta-worker-err-" + p.pid())
        .start(() -> pumpErr(w, log, err));
    p.onExit().thenRun(() -> exited(w));
    return w;
  }

  private void givePermitBack(Worker w) {
    if (w.holdsPermit.compareAndSet(true, false)) {
      gate.leave();
    }
  }

  /** Copies the worker's stderr to its log and, once it serves a job, to the job's driver. */
  private void pumpErr(Worker w, Path log, CompletableFuture<Void> done) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(w.process.getErrorStream(), StandardCharsets.UTF_8));
        Writer out = appender(log)) {
      String line;
      while ((line = in.readLine()) != null) {
        writeLine(out, line);
        w.lastErr.addLast(line);
        if (w.lastErr.size() > 5) {
          w.lastErr.pollFirst();
        }
        forward(w, true, line);
      }
    } catch (IOException e) {
      LOG.debug("worker {} stderr ended: {}", w.pid(), e.toString());
    } finally {
      done.complete(null);
    }
  }

  private void forward(Worker w, boolean stderr, String line) {
    String job = w.jobId;
    if (output != null && job != null && WorkerOutput.forDriver(stderr, line)) {
      output.line(job, w.pid(), stderr, line);
    }
  }

  private static Writer appender(Path log) throws IOException {
    return Files.newBufferedWriter(
        log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** One write per line (O_APPEND), so the two pumps' lines do not mix within a line. */
  private static void writeLine(Writer out, String line) throws IOException {
    out.write(line + "\n");
    out.flush();
  }

  private void pump(Worker w, Path log, CompletableFuture<Void> done) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(w.process.getInputStream(), StandardCharsets.UTF_8));
        Writer out =
            Files.newBufferedWriter(
                log,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("MANTA-WORKER BOOTED")) {
          w.bootMicros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - w.startNanos);
          bootMicros.add(w.bootMicros);
          w.booted.complete(null);
        } else if (line.startsWith("MANTA-WORKER IDLE")) {
          w.actorEnded.complete(null);
        } else if (line.startsWith("MANTA-WORKER READY ")) {
          String[] parts = line.split(" ");
          w.address = parts[2];
          w.prefix = Long.parseLong(parts[3]);
          w.ready.complete(w);
        } else {
          writeLine(out, line);
          forward(w, false, line);
        }
      }
    } catch (IOException e) {
      LOG.debug("worker {} output ended: {}", w.pid(), e.toString());
    } finally {
      done.complete(null);
    }
  }

  private void exited(Worker w) {
    all.remove(w.pid());
    idle.remove(w);
    parked.values().forEach(d -> d.remove(w));
    if (w.jobId != null && !w.forActor) {
      taskWorkers.remove(w.jobId, w);
    }
    if (w.jobId != null && w.actorHost) {
      actorHosts.remove(w.jobId, w);
    }
    int code = w.process.exitValue();
    String why = "worker JVM " + w.pid() + " exited with code " + code + " before it was ready";
    w.booted.completeExceptionally(new IllegalStateException(why));
    if (!w.jvmOptions.isEmpty() && !w.ready.isDone()) {
      // Started with the job's or the actor's JVM options, which the JDK may have refused: say so,
      // with the JVM's own last words (once its stderr is read to the end).
      w.drained
          .orTimeout(2, TimeUnit.SECONDS)
          .whenComplete(
              (v, e) ->
                  w.ready.completeExceptionally(
                      new IllegalStateException(
                          why
                              + (w.ownOptions
                                  ? ", started with the actor's JVM options "
                                  : ", started with its job's JVM options ("
                                      + ClusterConfig.JOB_JVM_OPTIONS
                                      + ") ")
                              + w.jvmOptions
                              + ": "
                              + String.join(" | ", w.lastErr)
                              + "; see "
                              + logDir)));
    } else {
      w.ready.completeExceptionally(new IllegalStateException(why + "; see " + logDir));
    }
    if (w.stopping) {
      if (!closed && w.jobId != null) {
        // Stopped on purpose (its job or actor ended): a normal exit, not a death.
        LOG.info(
            "Worker {} of job {} stopped ({}), exit code {}", w.pid(), w.jobId, w.stopReason, code);
      }
    } else if (!closed && (code != 0 || w.jobId != null)) {
      // Even a clean exit is reported once the worker served a job: owners fail what was still
      // in flight there instead of waiting for results that will never come.
      onUnexpectedExit.accept(w, code);
    }
  }

  /** What a lease asks the pool for: the job's task worker, an actor's own worker, or the host. */
  enum Role {
    TASKS("tasks"),
    ACTOR("actor"),
    ACTORS("actors");

    final String word; // on the JOB line

    Role(String word) {
      this.word = word;
    }
  }

  /**
   * A worker serving {@code jobId} in {@code role}: the job's task worker on this node, a new
   * worker of its own for an actor, or the job's actor host on this node (started by the first
   * shared actor). {@code sharedActors} is the job's default for the actors its workers create.
   * Blocks until a new JVM's turn to boot comes (at most {@code turnTimeoutMs}, see {@link
   * BootGate}), then until the worker is ready (at most {@code timeoutMs} more, and not past the
   * turn's bound). An isolated actor's new worker that is not ready in time is parked for the job's
   * next actor lease (its owner asks again), not lost. {@code jobOptions} are the job's JVM options
   * (I7), {@code jvmOptions} the actor's own (I6).
   */
  Worker acquire(
      String jobId,
      String driver,
      String namespace,
      List<Path> code,
      Role role,
      boolean sharedActors,
      long timeoutMs,
      long turnTimeoutMs,
      List<String> jobOptions,
      List<String> jvmOptions)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(turnTimeoutMs);
    Supplier<Worker> fresh = // an idle worker, or one launched for the job
        () ->
            assign(
                jobId,
                driver,
                namespace,
                code,
                role,
                sharedActors,
                deadline,
                turnTimeoutMs,
                jobOptions);
    Worker w;
    switch (role) {
      case TASKS -> {
        synchronized (jobLocks.computeIfAbsent("tasks " + jobId, k -> new Object())) {
          w = taskWorkers.get(jobId);
          if (w == null) {
            w = fresh.get();
            taskWorkers.put(jobId, w);
          }
        }
      }
      case ACTORS -> {
        synchronized (jobLocks.computeIfAbsent("actors " + jobId, k -> new Object())) {
          w = actorHosts.get(jobId);
          if (w == null || w.stopping || !w.process.isAlive()) {
            w = fresh.get();
            actorHosts.put(jobId, w);
          }
        }
      }
      default -> {
        if (!jvmOptions.isEmpty()) { // I6: a JVM of its own options, launched for it alone
          List<String> options = new ArrayList<>(jobOptions); // I7: the job's first, its own win
          options.addAll(jvmOptions);
          w = launch(false, deadline, turnTimeoutMs, options);
          w.ownOptions = true;
          w.jvmOptions = List.copyOf(options);
          w = assign(w, jobId, driver, namespace, code, role, sharedActors);
        } else {
          w = unpark(jobId); // I2: parked workers of this job were launched for it (I7)
          if (w == null) {
            w = fresh.get();
          }
        }
      }
    }
    long readyMs =
        Math.max(
            1, Math.min(timeoutMs, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    try {
      return w.ready.get(readyMs, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      if (role == Role.ACTOR && w.process.isAlive() && !w.stopping && !closed) {
        // I1/I2: it serves this job and no actor yet, as a parked worker does.
        w.parkedNanos = System.nanoTime();
        parked.computeIfAbsent(jobId, j -> new ConcurrentLinkedDeque<>()).addLast(w);
      }
      throw new IllegalStateException(
          "Worker JVM "
              + w.pid()
              + " was not ready within "
              + readyMs
              + " ms (this node: "
              + gate.describe()
              + ")",
          e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }

  private Worker assign(
      String jobId,
      String driver,
      String namespace,
      List<Path> code,
      Role role,
      boolean sharedActors,
      long deadlineNanos,
      long timeoutMs,
      List<String> jobOptions) {
    Worker w;
    if (!jobOptions.isEmpty()) { // I7: launched for this job, with its options
      w = launch(role != Role.ACTOR, deadlineNanos, timeoutMs, jobOptions);
      w.jvmOptions = List.copyOf(jobOptions);
      return assign(w, jobId, driver, namespace, code, role, sharedActors);
    }
    w = idle.poll();
    if (w == null) {
      // A job's task worker or actor host first: all of its job's tasks or shared actors wait.
      w = launch(role != Role.ACTOR, deadlineNanos, timeoutMs);
    }
    Thread.ofVirtual().start(this::refill);
    return assign(w, jobId, driver, namespace, code, role, sharedActors);
  }

  /** Gives the launched or idle worker {@code w} to job {@code jobId} in {@code role}. */
  private Worker assign(
      Worker w,
      String jobId,
      String driver,
      String namespace,
      List<Path> code,
      Role role,
      boolean sharedActors) {
    w.jobId = jobId;
    w.forActor = role != Role.TASKS;
    w.actorHost = role == Role.ACTORS;
    StringBuilder cp = new StringBuilder();
    for (Path p : code) {
      if (cp.length() > 0) {
        cp.append(java.io.File.pathSeparatorChar);
      }
      cp.append(p);
    }
    Worker target = w;
    String credential = credentials.apply(jobId);
    w.booted.thenRun(
        () ->
            target.control.println(
                "JOB "
                    + jobId
                    + " "
                    + driver
                    + " "
                    + java.net.URLEncoder.encode(namespace, java.nio.charset.StandardCharsets.UTF_8)
                    + " "
                    + role.word
                    + " "
                    + (sharedActors ? "shared" : "isolated")
                    + " "
                    + credential
                    + " "
                    + (cp.length() == 0 ? "-" : cp)));
    return w;
  }

  /**
   * A parked actor worker of {@code jobId}, taken out of the pool; null if none. The oldest JVM
   * goes first: it has most likely compiled the most of the per-call path.
   */
  private Worker unpark(String jobId) {
    ConcurrentLinkedDeque<Worker> d = parked.get(jobId);
    while (d != null && !d.isEmpty()) {
      Worker oldest = null;
      for (Worker w : d) {
        if (oldest == null || w.startNanos < oldest.startNanos) {
          oldest = w;
        }
      }
      if (oldest != null && d.remove(oldest) && oldest.process.isAlive() && !oldest.stopping) {
        oldest.actorEnded = new CompletableFuture<>();
        return oldest;
      }
    }
    return null;
  }

  /**
   * The lease of actor worker {@code w} was returned: once the worker says its actor ended, park it
   * for the job's next actor (a JVM that is warm, its job's code loaded, starts an actor in
   * milliseconds where a new one needs seconds to boot and to compile its hot paths); stop it if
   * reuse is off, the pool is full, or the actor's calls do not end.
   */
  void actorLeaseReturned(Worker w) {
    if (w.detached) {
      w.detached = false;
      if (endedJobs.contains(w.jobId)) {
        stop(w, "its detached actor ended after its job had ended");
        return;
      }
    }
    if (!reuseActorWorkers || closed || endedJobs.contains(w.jobId) || w.ownOptions) {
      stop(w, "its actor ended");
      return;
    }
    w.actorEnded
        .orTimeout(ACTOR_END_WAIT_MS, TimeUnit.MILLISECONDS)
        .whenComplete(
            (v, e) -> {
              if (e != null || closed || w.stopping || !w.process.isAlive()) {
                stop(
                    w,
                    e != null
                        ? "its actor ended and it did not report idle within "
                            + ACTOR_END_WAIT_MS
                            + " ms"
                        : "its actor ended");
                return;
              }
              ConcurrentLinkedDeque<Worker> d =
                  parked.computeIfAbsent(w.jobId, j -> new ConcurrentLinkedDeque<>());
              w.parkedNanos = System.nanoTime();
              d.addLast(w);
              while (d.size() > MAX_PARKED_PER_JOB) {
                Worker extra = d.pollLast();
                if (extra != null) {
                  stop(
                      extra,
                      "its actor ended and "
                          + MAX_PARKED_PER_JOB
                          + " of its job are parked already");
                }
              }
              long parkedAt = w.parkedNanos;
              CompletableFuture.delayedExecutor(parkedIdleMs, TimeUnit.MILLISECONDS)
                  .execute(
                      () -> {
                        // Still parked since then: an idle worker is stopped.
                        if (w.parkedNanos == parkedAt && d.remove(w)) {
                          stop(w, "parked " + parkedIdleMs + " ms without a next actor");
                        }
                      });
            });
  }

  /** Stops worker {@code w} (its actor or job ended) on purpose; {@code why} goes to the log. */
  /**
   * Marks {@code w} as the host of a detached actor (see {@link Worker#detached}) and tells its
   * process ({@code DETACHED} on its stdin), which then no longer exits when its driver goes away.
   */
  void hostsDetached(Worker w) {
    w.detached = true;
    synchronized (w.control) {
      w.control.println("DETACHED");
    }
  }

  void stop(Worker w, String why) {
    w.stopReason = why;
    w.stopping = true;
    w.process.destroy();
  }

  /**
   * Stops every worker of job {@code jobId} (the job ended); returns a future completed when the
   * output of each of the job's workers is drained (at most 5 s later), and how many it stopped.
   */
  Stopped stopJob(String jobId) {
    endedJobs.add(jobId);
    jobLocks.remove("tasks " + jobId);
    jobLocks.remove("actors " + jobId);
    int n = 0;
    List<CompletableFuture<Void>> drained = new ArrayList<>();
    for (Worker w : all.values()) {
      if (jobId.equals(w.jobId) && w.detached) {
        LOG.info("Worker {} of ended job {} hosts a detached actor: it lives on", w.pid(), jobId);
      } else if (jobId.equals(w.jobId)) {
        drained.add(w.drained);
        if (!w.stopping) {
          stop(w, "its job ended");
          n++;
        }
      }
    }
    CompletableFuture<Void> all =
        CompletableFuture.allOf(drained.toArray(CompletableFuture[]::new))
            .completeOnTimeout(null, 5, TimeUnit.SECONDS);
    return new Stopped(n, all);
  }

  /** What {@link #stopJob} did: {@code workers} stopped, {@code drained} their output read. */
  record Stopped(int workers, CompletableFuture<Void> drained) {}

  private long lastSampleNanos = System.nanoTime(); // busyCpus' thread only

  /**
   * The CPUs the live workers kept busy since the last call (CPU time used / time passed), as the
   * OS counts their processes' CPU time. Called from one thread (the heartbeat's).
   */
  double busyCpus() {
    long now = System.nanoTime();
    long used = 0;
    for (Worker w : all.values()) {
      long cpu =
          w.process
              .toHandle()
              .info()
              .totalCpuDuration()
              .map(java.time.Duration::toNanos)
              .orElse(0L);
      if (cpu > w.cpuNanosSeen) {
        used += cpu - w.cpuNanosSeen;
        w.cpuNanosSeen = cpu;
      }
    }
    long elapsed = now - lastSampleNanos;
    lastSampleNanos = now;
    return elapsed <= 0 ? 0 : (double) used / elapsed;
  }

  /** Number of live workers, and of idle ones. */
  int size() {
    return all.size();
  }

  int idleCount() {
    return idle.size();
  }

  /** The worker with this id prefix, or null. */
  Worker byPrefix(long prefix) {
    for (Worker w : all.values()) {
      if (w.prefix == prefix && w.ready.isDone()) {
        return w;
      }
    }
    return null;
  }

  /** JVM start times measured so far, in microseconds (launch to {@code BOOTED}). */
  List<Long> bootMicros() {
    return new ArrayList<>(bootMicros);
  }

  @Override
  public void close() {
    closed = true;
    List<Worker> ws = new ArrayList<>(all.values());
    for (Worker w : ws) {
      w.stopping = true;
      w.process.destroy();
    }
    for (Worker w : ws) {
      try {
        if (!w.process.waitFor(5, TimeUnit.SECONDS)) {
          w.process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        w.process.destroyForcibly();
      }
    }
  }
}
