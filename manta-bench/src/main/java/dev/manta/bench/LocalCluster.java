package dev.manta.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A one-node Manta cluster on loopback for {@code bin/bench --cluster}: a head node ({@code
 * dev.manta.cluster.NodeMain --head}) in its own JVM, started from this JVM's class path (the bench
 * jar, so the node's worker JVMs load the workloads from it), logging to {@code node.log} and its
 * workers' logs under the session directory. {@link #close()} stops the node and every process it
 * started, forcibly if it does not stop within 10 s.
 */
final class LocalCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path session;
  private final String head;

  private LocalCluster(Process process, Path session, String head) {
    this.process = process;
    this.session = session;
    this.head = head;
  }

  /**
   * Starts a head node with {@code cpus} CPUs and a store of {@code storeBytes}, its session
   * directory at {@code session} (emptied first), and waits until it serves.
   */
  static LocalCluster start(Path session, int cpus, long storeBytes) throws IOException {
    deleteTree(session);
    Files.createDirectories(session);
    Path ready = session.resolve("node.ready");
    Path log = session.resolve("node.log");
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    // The rule of dev.manta.cluster.JvmFlags (not on this module's compile path): a JDK 21 or 22
    // refuses --sun-misc-unsafe-memory-access.
    cmd.add("--enable-native-access=ALL-UNNAMED");
    if (Runtime.version().feature() >= 23) {
      cmd.add("--sun-misc-unsafe-memory-access=allow");
    }
    cmd.add("-Xmx1g");
    // Extra flags for the node JVM (e.g. -Dmanta.worker-jit=...), for experiments.
    String extra = System.getenv("MANTA_BENCH_NODE_OPTS");
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(List.of(extra.trim().split("\\s+")));
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.manta.cluster.NodeMain");
    cmd.addAll(
        List.of(
            "--head",
            "--port",
            "0",
            "--bind",
            "127.0.0.1",
            "--num-cpus",
            Integer.toString(cpus),
            "--object-store-memory",
            Long.toString(storeBytes),
            "--session-dir",
            session.toString(),
            "--ready-file",
            ready.toString()));
    // Extra NodeMain arguments, to measure the cluster's security settings against each other:
    // "--insecure-no-token" runs the cluster without a token. (TLS takes no argument: NodeMain
    // reads MANTA_TLS_CERT, MANTA_TLS_KEY and MANTA_TLS_CA from the environment it inherits from
    // this JVM, which reads the same three as the driver, and the node hands them to its workers.)
    String nodeArgs = System.getenv("MANTA_BENCH_NODE_ARGS");
    if (nodeArgs != null && !nodeArgs.isBlank()) {
      cmd.addAll(List.of(nodeArgs.trim().split("\\s+")));
    }
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    // If this JVM dies or is interrupted (Ctrl-C) before close(), still take the cluster down.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  p.descendants().forEach(ProcessHandle::destroyForcibly);
                  p.destroyForcibly();
                },
                "bench-cluster-reaper"));
    LocalCluster cluster = new LocalCluster(p, session, "");
    try {
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (!Files.exists(ready)) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "the head node exited with " + p.exitValue() + "; log: " + tail(log));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the head node did not start within " + START_TIMEOUT + "; log: " + tail(log));
        }
        Thread.sleep(20);
      }
      Properties props = new Properties();
      try (InputStream in = Files.newInputStream(ready)) {
        props.load(in);
      }
      String address = props.getProperty("head");
      if (address == null) {
        throw new IllegalStateException(ready + " names no head");
      }
      // The head made the cluster token in its session (unless $MANTA_TOKEN or $MANTA_TOKEN_FILE
      // named one, which this JVM, the driver, finds first anyway).
      // A head started with --insecure-no-token made none: then the driver needs none.
      Path token = session.resolve("token");
      if (Files.exists(token)) {
        System.setProperty("manta.token-file", token.toString());
      }
      return new LocalCluster(p, session, address);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cluster.close();
      throw new IllegalStateException("interrupted while starting the head node", e);
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The address a driver joins: {@code manta://host:port}. */
  String address() {
    return "manta://" + head;
  }

  /** The session directory (node and worker logs). */
  Path session() {
    return session;
  }

  /** Stops the node (SIGTERM), then kills whatever of its process tree is left after 10 s. */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    // Workers started after the snapshot, and any the node left behind.
    tree.addAll(process.descendants().toList());
    for (ProcessHandle h : tree) {
      h.destroyForcibly();
    }
  }

  private static String tail(Path log) {
    try {
      String s = Files.exists(log) ? Files.readString(log) : "(none)";
      return s.length() > 4000 ? "..." + s.substring(s.length() - 4000) : s;
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
