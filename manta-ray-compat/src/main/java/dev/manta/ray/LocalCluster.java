package dev.manta.ray;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Manta cluster {@code Ray.init()} starts in Ray's default run mode when no address is
 * given, as Ray's {@code Ray.init()} starts a local Ray cluster: one head node (head and node
 * agent) in a child JVM ({@link LocalNodeMain}), on loopback, with this JVM's class path, whose
 * worker JVMs run the program's tasks and actors. A task or actor that calls {@code System.exit} or
 * whose process dies then fails with {@code RayWorkerException} or {@code RayActorException}, and
 * the driver lives on.
 *
 * <p>Lifetime: {@link #close()} ({@code Ray.shutdown()}) ends the node's standard input, on which
 * the node ends and stops its workers; whatever of its process tree is left after {@link
 * #STOP_WAIT_S} s is killed. The same end of input comes when this JVM dies in any way, since the
 * pipe's other end is this process; a shutdown hook also kills the tree when this JVM exits without
 * {@code Ray.shutdown()}. The node's log and its workers' logs are in a temporary session
 * directory, removed on close; that of a killed driver is removed by the next local cluster's
 * start, once its node is gone.
 *
 * <p>Thread-safety: {@link #start} and {@link #close} are called by {@code Ray.init()} and {@code
 * Ray.shutdown()}, which {@code io.ray.api.Ray} serializes; {@link #close} may run twice (the hook
 * and {@code Ray.shutdown()}) and is idempotent.
 */
final class LocalCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);

  /** The node's main class, in {@code manta-cluster}. */
  static final String NODE_MAIN = "dev.manta.cluster.NodeMain";

  private static final String JVM_FLAGS = "dev.manta.cluster.JvmFlags";
  private static final String TOKEN_FILE_PROPERTY = "manta.token-file";
  private static final long START_TIMEOUT_S = 60;
  private static final String SESSION_PREFIX = "manta-ray-local";
  static final long STOP_WAIT_S = 10;

  private final Process process;
  private final Writer stdin; // closing it ends the node
  private final Path session;
  private final String address;
  private final Thread reaper;

  private LocalCluster(Process process, Path session, String address, Thread reaper) {
    this.process = process;
    this.stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.session = session;
    this.address = address;
    this.reaper = reaper;
  }

  /** Whether {@code manta-cluster} is on the class path of {@code loader}. */
  static boolean available(ClassLoader loader) {
    try {
      Class.forName(NODE_MAIN, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Starts the head node with {@code nodeFlags} ({@code --num-cpus}, {@code --resources}, ...) in a
   * JVM with {@code jvmOptions} too, and waits until it serves.
   *
   * @throws IllegalStateException if it exits or does not serve within {@value #START_TIMEOUT_S} s,
   *     with the end of its log
   */
  static LocalCluster start(List<String> nodeFlags, List<String> jvmOptions, ClassLoader loader) {
    removeDeadSessions();
    Path session;
    try {
      session = Files.createTempDirectory(SESSION_PREFIX);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make the local cluster's session directory", e);
    }
    Path ready = session.resolve("node.ready");
    Path log = session.resolve("node.log");
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(jvmFlags(loader));
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(LocalNodeMain.class.getName());
    cmd.addAll(List.of("--head", "--port", "0", "--bind", "127.0.0.1"));
    cmd.addAll(List.of("--session-dir", session.toString(), "--ready-file", ready.toString()));
    String tokenFile = System.getProperty(TOKEN_FILE_PROPERTY);
    if (tokenFile != null && !tokenFile.isBlank() && !tokenInEnvironment()) {
      cmd.addAll(List.of("--token-file", tokenFile.strip())); // the driver's token is the node's
    }
    cmd.addAll(nodeFlags);
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the local cluster's node: " + cmd, e);
    }
    CompletableFuture<Void> served = pump(p.getInputStream(), log);
    Thread reaper = new Thread(() -> kill(p, p.descendants().toList()), "ray-local-cluster-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
    LocalCluster started = null;
    try {
      served.get(START_TIMEOUT_S, TimeUnit.SECONDS);
      Properties props = new Properties();
      try (InputStream in = Files.newInputStream(ready)) {
        props.load(in);
      }
      started = new LocalCluster(p, session, "manta://" + props.getProperty("head"), reaper);
      LOG.info(
          "Started a local Manta cluster at {} (node process {}, logs in {}) for Ray.init();"
              + " ray.run-mode=LOCAL runs in this JVM instead",
          started.address,
          p.pid(),
          session);
      return started;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the local cluster", e);
    } catch (ExecutionException | TimeoutException | IOException e) {
      throw new IllegalStateException(
          "The local Manta cluster Ray.init() starts did not come up within "
              + START_TIMEOUT_S
              + " s ("
              + (p.isAlive() ? "still starting" : "its node exited with " + p.exitValue())
              + "); set ray.run-mode=LOCAL to run in this JVM, or ray.address to join a cluster."
              + " Node log "
              + log
              + ": "
              + tail(log),
          e);
    } finally {
      if (started == null) {
        kill(p, p.descendants().toList());
        Runtime.getRuntime().removeShutdownHook(reaper);
      }
    }
  }

  /** The address a driver joins: {@code manta://127.0.0.1:port}. */
  String address() {
    return address;
  }

  /**
   * Runs {@code connect} (the driver's join) with the node's token where the driver has none of its
   * own: the node made it in its session directory, and {@code -Dmanta.token-file} names it for the
   * join only (a driver reads its token when it joins, then uses its job's credential).
   */
  <T> T withToken(Supplier<T> connect) {
    Path token = session.resolve("token");
    String before = System.getProperty(TOKEN_FILE_PROPERTY);
    if (before != null || tokenInEnvironment() || !Files.exists(token)) {
      return connect.get();
    }
    System.setProperty(TOKEN_FILE_PROPERTY, token.toString());
    try {
      return connect.get();
    } finally {
      System.clearProperty(TOKEN_FILE_PROPERTY);
    }
  }

  /** Stops the node and its workers; kills what is left after {@value #STOP_WAIT_S} s. */
  @Override
  public void close() {
    List<ProcessHandle> tree = process.descendants().toList(); // workers outlive a dead parent
    try {
      stdin.close();
    } catch (IOException e) {
      // the node is gone already
    }
    try {
      if (!process.waitFor(STOP_WAIT_S, TimeUnit.SECONDS)) {
        LOG.warn("The local cluster's node did not stop within {} s: killing it", STOP_WAIT_S);
      }
      for (ProcessHandle h : tree) {
        h.onExit().get(STOP_WAIT_S, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("A worker of the local cluster did not stop within {} s: killing it", STOP_WAIT_S);
    }
    kill(process, tree);
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // this JVM is shutting down: the hook runs anyway, harmlessly
    }
    deleteTree(session);
  }

  /**
   * Removes the session directories of local clusters whose node is gone without its driver's
   * {@code close()} (the driver was killed): those whose ready file names a process that no longer
   * runs. A directory without a ready file may be a node still starting, and is left.
   */
  private static void removeDeadSessions() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> dirs = Files.list(tmp)) {
      dirs.filter(d -> d.getFileName().toString().startsWith(SESSION_PREFIX))
          .filter(d -> Files.isRegularFile(d.resolve("node.ready")))
          .filter(d -> !nodeAlive(d.resolve("node.ready")))
          .forEach(
              d -> {
                LOG.info("Removing {}: the session of a local cluster whose node is gone", d);
                deleteTree(d);
              });
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("Could not look for old local cluster sessions in {}: {}", tmp, e.toString());
    }
  }

  private static boolean nodeAlive(Path ready) {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(ready)) {
      props.load(in);
      long pid = Long.parseLong(props.getProperty("pid", "").strip());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return true; // unreadable: not ours to judge
    }
  }

  private static void kill(Process p, List<ProcessHandle> tree) {
    List<ProcessHandle> all = new ArrayList<>(tree);
    all.addAll(p.descendants().toList());
    p.destroyForcibly();
    all.forEach(ProcessHandle::destroyForcibly);
  }

  /**
   * Copies the node's output to {@code log}; the future completes when the node says it serves, and
   * fails if its output ends first (it exited).
   */
  private static CompletableFuture<Void> pump(InputStream out, Path log) {
    CompletableFuture<Void> served = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                      new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8));
                  Writer w = Files.newBufferedWriter(log)) {
                String line;
                while ((line = r.readLine()) != null) {
                  w.write(line);
                  w.write('\n');
                  w.flush();
                  if (line.startsWith("Manta node ") && line.contains(" ready: head ")) {
                    served.complete(null);
                  }
                }
              } catch (IOException e) {
                served.completeExceptionally(e);
              }
              served.completeExceptionally(new IllegalStateException("the node exited"));
            },
            "ray-local-cluster-log");
    t.setDaemon(true);
    t.start();
    return served;
  }

  private static boolean tokenInEnvironment() {
    return notBlank(System.getenv("MANTA_TOKEN")) || notBlank(System.getenv("MANTA_TOKEN_FILE"));
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  /** The flags a Manta JVM of this JDK needs, from {@code manta-cluster}'s own rule. */
  @SuppressWarnings("unchecked")
  private static List<String> jvmFlags(ClassLoader loader) {
    try {
      return (List<String>)
          Class.forName(JVM_FLAGS, true, loader).getMethod("forThisJdk").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("manta-cluster's " + JVM_FLAGS + " cannot be used", e);
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

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("Could not remove {}: {}", dir, e.toString());
    }
  }
}
