package dev.manta.cluster.worker;

import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.metrics.MetricsExport;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.GetObjectRequest;
import dev.manta.cluster.proto.ObjectIdMsg;
import dev.manta.cluster.rpc.ClusterToken;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.micrometer.MantaMetrics;
import dev.manta.runtime.Cores;
import dev.manta.runtime.port.ActorProxy;
import dev.manta.runtime.trace.Tracing;
import dev.manta.spi.MantaRuntime;
import dev.manta.spi.MantaRuntimeProvider;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker JVM, started by a node agent. It boots, says so, waits for a job on stdin, loads the
 * job's code, serves tasks and actor calls until its driver goes away or it is asked to exit. An
 * isolated actor's worker whose actor died says {@code IDLE} and may host the same job's next
 * actor; a job's actor host (role {@code actors}) serves its job's shared actors until the job
 * ends. See the agent's {@code WorkerPool} for the line protocol.
 */
public final class WorkerMain {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);

  private WorkerMain() {}

  /**
   * Set once the agent wrote {@code DETACHED}: this worker hosts a detached actor, which outlives
   * its driver, so the driver's going away or asking it to exit no longer ends it; the agent stops
   * it once the actor ended (or when the agent goes away).
   */
  private static volatile boolean hostsDetached;

  /**
   * Entry point: {@code --head H --agent A --node N --bind B --num-cpus C --token-from job|none}.
   * With {@code job} the agent writes the job's credential in the {@code JOB} line: the worker,
   * which runs the job's code, never holds the cluster token.
   */
  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      args.put(argv[i], argv[i + 1]);
    }
    // This worker's settings, read once: the agent passed its node's on (ClusterConfig).
    ClusterConfig cluster = ClusterConfig.fromSystemProperties();
    Rpc.useSettings(cluster);
    // Spans of this worker's runs name its node (read when the tracer is made, at the first run).
    if (args.containsKey("--node")) {
      System.setProperty(Tracing.NODE, args.get("--node"));
    }
    boolean tokens = !args.getOrDefault("--token-from", "job").equals("none");
    // No credential until the agent names the job: the warm-up call is refused by a cluster with
    // tokens, which warms the same paths.
    Rpc.useToken(null);
    warmUp(args.get("--agent"));
    System.out.println("MANTA-WORKER BOOTED");
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null || !line.startsWith("JOB ")) {
      return; // the agent went away, or stopped an idle worker
    }
    long jobStart = System.nanoTime();
    String[] job = line.split(" ", 8);
    String jobId = job[1];
    String driver = job[2];
    String namespace = java.net.URLDecoder.decode(job[3], StandardCharsets.UTF_8);
    boolean actorHost = job[4].equals("actors"); // hosts the job's shared actors on this node
    boolean sharedActors = job[5].equals("shared"); // the job's manta.actor-hosting
    Rpc.useToken(tokens ? credential(job[6], jobId) : null);
    List<URL> urls = new ArrayList<>();
    if (!job[7].equals("-")) {
      for (String p : job[7].split(File.pathSeparator)) {
        urls.add(Path.of(p).toUri().toURL());
      }
    }
    ClassLoader jobLoader =
        new URLClassLoader(
            "manta-job-" + jobId, urls.toArray(URL[]::new), WorkerMain.class.getClassLoader());
    Thread.currentThread().setContextClassLoader(jobLoader);
    // The worker's scheduler enforces the node's resources, custom ones included.
    MantaConfig.Builder cb =
        MantaConfig.builder().numCpus(Double.parseDouble(args.getOrDefault("--num-cpus", "1")));
    String custom = args.getOrDefault("--resources", "-");
    if (!custom.equals("-")) {
      for (String kv : custom.split(",")) {
        int eq = kv.indexOf('=');
        cb.resource(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
      }
    }
    MantaConfig config = cb.build();
    ClusterPortsImpl ports =
        new ClusterPortsImpl(
            args.get("--head"),
            jobId,
            namespace, // named actors a task looks up are the job's
            args.get("--agent"),
            args.getOrDefault("--bind", "127.0.0.1"),
            false,
            null,
            cluster.directLinks(),
            cluster,
            sharedActors);
    MantaRuntime core = Cores.start(config, ports);
    // User code in tasks calls Manta: it gets this worker's core, handed over here.
    Manta.init(config, hosted(core));
    Runnable exit =
        () -> {
          try {
            ports.flushReports(5_000); // the last results (a constructor's failure) must arrive
            Manta.shutdown();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            System.exit(0);
          }
        };
    ports.onExit(
        () -> {
          if (hostsDetached) {
            LOG.info("Asked to exit, but this worker hosts a detached actor: it lives on");
            return;
          }
          exit.run();
        });
    if (!actorHost) {
      ports.onHostedActorEnded(a -> Thread.ofVirtual().start(() -> actorEnded(a, exit)));
    } // an actor host serves its job's other actors on: one actor's end is no reason to exit
    System.out.println("MANTA-WORKER READY " + ports.address() + " " + ports.prefix());
    System.out.flush();
    LOG.info(
        "Worker {} serving job {} for driver {}; job set up in {} ms",
        ports.address(),
        jobId,
        driver,
        (System.nanoTime() - jobStart) / 1_000_000);
    if (cluster.workerMetrics() && args.containsKey("--metrics-dir")) {
      // After READY: the endpoint's start (Micrometer's classes) must not delay the first task.
      Thread.ofVirtual()
          .name("manta-worker-metrics")
          .start(
              () ->
                  exportMetrics(
                      core,
                      args.getOrDefault("--bind", "127.0.0.1"),
                      Path.of(args.get("--metrics-dir")),
                      Map.of("node", args.getOrDefault("--node", ""), "job", jobId)));
    }
    Thread.ofPlatform().daemon().name("manta-worker-stdin").start(() -> exitOnEof(in, exit));
    watchDriver(driver, exit);
    ports.awaitServer(); // a detached actor's host serves on until the agent stops it
  }

  /**
   * Serves this worker's metrics on a free port and lists it in {@code dir}; a failure is logged,
   * not fatal (the worker's work does not depend on it). The JVM's exit removes the entry.
   */
  private static void exportMetrics(
      MantaRuntime core, String bind, Path dir, Map<String, String> labels) {
    try {
      MetricsExport export =
          MetricsExport.start(bind, 0, dir, "worker", labels, List.of(new MantaMetrics(core)));
      Runtime.getRuntime().addShutdownHook(new Thread(export::close));
    } catch (RuntimeException e) {
      LOG.warn("This worker serves no metrics: {}", e.getMessage());
    }
  }

  /** The provider that hands {@code core}, made by this worker, to {@code Manta.init}. */
  private static MantaRuntimeProvider hosted(MantaRuntime core) {
    return new MantaRuntimeProvider() {
      @Override
      public int priority(MantaConfig config) {
        return 1;
      }

      @Override
      public MantaRuntime start(MantaConfig config) {
        return core;
      }
    };
  }

  /**
   * The credential of job {@code jobId} the agent gave this worker on its control pipe: {@code
   * credential,clusterDigest,adminDigest} (see the agent's {@code WorkerPool}).
   */
  private static ClusterToken credential(String field, String jobId) {
    String[] parts = field.split(",", -1);
    if (parts.length != 3) {
      throw new IllegalStateException(
          "This worker's agent sent no credential for job "
              + jobId
              + "; workers are started by a node agent of the same Manta version");
    }
    ClusterToken t =
        ClusterToken.jobCredential(
            parts[0], parts[1], parts[2], "the node agent (job " + jobId + ")");
    if (!t.jobId().equals(jobId)) {
      throw new IllegalStateException("The node agent sent another job's credential");
    }
    return t;
  }

  /**
   * After this worker's actor died: once none of its calls still runs, says {@code IDLE} so that
   * the agent may give this warm JVM (its job's code loaded, its hot paths compiled) to the job's
   * next actor; a call that does not end within a grace period makes the worker exit instead.
   */
  private static void actorEnded(ActorProxy a, Runnable exit) {
    try {
      if (a.awaitThreadsEnded(Duration.ofSeconds(2))) {
        System.out.println("MANTA-WORKER IDLE " + a.id().hex());
        System.out.flush();
        return;
      }
      LOG.info("A call of ended actor {} is still running; worker exits", a.id().hex());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exit.run();
  }

  private static void exitOnEof(BufferedReader in, Runnable exit) {
    try {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals("DETACHED")) {
          hostsDetached = true; // the only line sent after JOB
        }
      }
    } catch (java.io.IOException e) {
      // same as EOF
    }
    LOG.info("The node agent went away; exiting");
    exit.run();
  }

  /** Exits once the driver has not answered three pings in a row. */
  private static void watchDriver(String driver, Runnable exit) throws InterruptedException {
    var ch = Rpc.channel(driver);
    var stub = CoreWorkerGrpc.newBlockingStub(ch);
    int misses = 0;
    GetObjectRequest ping =
        GetObjectRequest.newBuilder().setId(ObjectIdMsg.newBuilder().setIndex(1)).build();
    while (misses < 3) {
      Thread.sleep(1_000);
      try {
        Rpc.deadline(stub, 2_000).getObject(ping);
        misses = 0;
      } catch (RuntimeException e) {
        misses++;
      }
    }
    if (hostsDetached) {
      LOG.info("Driver {} is gone; this worker hosts a detached actor and lives on", driver);
      return;
    }
    LOG.info("Driver {} is gone; worker exits", driver);
    exit.run();
  }

  /**
   * Exercises what every job needs (gRPC client and server, the serializer) before saying BOOTED,
   * so that a prestarted worker takes a job without paying for class loading and the first JIT.
   */
  private static void warmUp(String agent) {
    dev.manta.runtime.serial.Serializer.warmUp(); // Fory's first build, beside the gRPC warm-up
    io.grpc.Server s = Rpc.serve("127.0.0.1", 0, List.of());
    var ch = Rpc.channel(agent);
    try {
      Rpc.deadline(dev.manta.cluster.proto.NodeAgentGrpc.newBlockingStub(ch))
          .storeInfo(dev.manta.cluster.proto.Empty.getDefaultInstance());
    } catch (RuntimeException e) {
      LOG.debug("warm-up call to the agent failed: {}", e.toString());
    } finally {
      ch.shutdownNow();
      s.shutdownNow();
    }
    var ser = new dev.manta.runtime.serial.Serializer(List.of(), WorkerMain.class.getClassLoader());
    for (int i = 0; i < 200; i++) {
      ser.deserialize(ser.serialize(List.of(i, "warm-up", Map.of("k", (long) i)), h -> {}));
    }
  }
}
