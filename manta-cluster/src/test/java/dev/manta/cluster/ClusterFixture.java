package dev.manta.cluster;

import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.rpc.ClusterToken;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A real cluster for tests: a head (with its node agent) and further node agents, each a separate
 * JVM started with {@link NodeMain} on loopback, logs under a temporary session directory.
 *
 * <p>Every cluster of one test JVM shares one cluster token, made when this class loads ({@link
 * #TOKEN_FILE}): the JVMs of {@link #javaCommand} get {@code -Dmanta.token-file} naming it, and so
 * does this JVM, so drivers and the tests' own channels present it.
 */
public final class ClusterFixture implements AutoCloseable {
  /** The token file of this test JVM's clusters (mode 0600, in an owner-only folder). */
  public static final Path TOKEN_FILE = makeToken();

  /**
   * The cluster token of this test JVM's clusters, for a test's own calls that must act as a node
   * (a driver's process token is its job's credential once it joined).
   */
  public static final ClusterToken TOKEN = ClusterToken.read(TOKEN_FILE);

  /** The admin token of this test JVM's clusters (the CLI's: sees every job). */
  public static final ClusterToken ADMIN = TOKEN.admin();

  /** The client token of this test JVM's clusters (may only start a job). */
  public static final ClusterToken CLIENT = TOKEN.client();

  private static Path makeToken() {
    try {
      Path dir = Files.createTempDirectory("manta-test-token"); // 0700
      Path file = dir.resolve(ClusterToken.FILE_NAME);
      ClusterToken.generate(file);
      file.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      System.setProperty(ClusterToken.TOKEN_FILE_PROPERTY, file.toString());
      return file;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot make the test clusters' token", e);
    }
  }

  /** One node process. */
  public record Node(Process process, String head, String agent, String nodeId) {}

  private final Path session;
  private final List<Node> nodes = new ArrayList<>();
  private final List<String> extraJvmFlags;

  /** A fixture whose node JVMs also get {@code extraJvmFlags}. */
  public ClusterFixture(Path session, String... extraJvmFlags) {
    this.session = session;
    this.extraJvmFlags = List.of(extraJvmFlags);
  }

  /** Starts the head node with {@code cpus} CPUs and the given extra flags. */
  public Node startHead(int cpus, String... flags) throws IOException {
    List<String> f = new ArrayList<>(List.of("--head", "--port", "0"));
    f.addAll(List.of(flags));
    return start("head", cpus, f);
  }

  /**
   * Starts the head again after it was killed ({@link #kill}): on its old port, with {@code flags};
   * it becomes {@link #head()}.
   */
  public Node restartHead(String... flags) throws IOException, InterruptedException {
    Node old = head();
    old.process().waitFor(); // its port is free once it is gone
    String port = old.head().substring(old.head().lastIndexOf(':') + 1);
    List<String> f = new ArrayList<>(List.of("--head", "--port", port));
    f.addAll(List.of(flags));
    Node n = start("head-" + nodes.size(), 0, f);
    nodes.remove(nodes.size() - 1);
    nodes.set(0, n);
    nodes.add(old);
    return n;
  }

  /** Starts a node joining the head. */
  public Node startNode(String name, int cpus, String... flags) throws IOException {
    List<String> f = new ArrayList<>(List.of("--address", head().head()));
    f.addAll(List.of(flags));
    return start(name, cpus, f);
  }

  /**
   * Starts a node that reaches the head at {@code headAddress} ({@code host:port}) rather than at
   * the head's own address: through a proxy ({@code DelayProxy}).
   */
  public Node startNodeVia(String headAddress, String name, int cpus, String... flags)
      throws IOException {
    List<String> f = new ArrayList<>(List.of("--address", headAddress));
    f.addAll(List.of(flags));
    return start(name, cpus, f);
  }

  /** Stops the cluster when the test JVM ends (for suites that share one cluster). */
  public void closeOnExit() {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    close();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
  }

  /** The head node. */
  public Node head() {
    return nodes.get(0);
  }

  /** The address drivers use. */
  public String address() {
    return "manta://" + head().head();
  }

  /** The session directory (logs). */
  public Path session() {
    return session;
  }

  private Node start(String name, int cpus, List<String> flags) throws IOException {
    Path ready = session.resolve(name + ".ready");
    Files.deleteIfExists(ready);
    List<String> cmd = javaCommand(extraJvmFlags);
    Path training = NodeArchive.trainingFile(); // null once the archive is there
    if (training != null) {
      cmd.add(cmd.size() - 2, "-XX:ArchiveClassesAtExit=" + training); // before "-cp"
    }
    cmd.add(NodeMain.class.getName());
    cmd.addAll(flags);
    cmd.addAll(
        List.of(
            "--num-cpus",
            Integer.toString(cpus),
            "--object-store-memory",
            Long.toString(512L << 20),
            "--session-dir",
            session.toString(),
            "--ready-file",
            ready.toString()));
    Files.createDirectories(session);
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(session.resolve(name + ".log").toFile())
            .start();
    if (training != null) {
      NodeArchive.training(p, training);
    }
    try {
      Awaitility.await("node " + name + " ready (log: " + session.resolve(name + ".log") + ")")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> Files.exists(ready) || !p.isAlive());
    } catch (RuntimeException notReady) { // not in the fixture's list yet: close() would miss it
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw notReady;
    }
    if (!Files.exists(ready)) {
      throw new IllegalStateException(
          "node " + name + " exited: " + Files.readString(session.resolve(name + ".log")));
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(ready)) {
      props.load(in);
    }
    Node n =
        new Node(
            p, props.getProperty("head"), props.getProperty("agent"), props.getProperty("node"));
    nodes.add(n);
    return n;
  }

  /**
   * Flags that make the suite's many short-lived JVMs (heads, nodes, their workers, drivers)
   * cheaper to boot on a 2-core machine: C1 only (the C2 compiler threads of dozens of JVMs are
   * most of their boot's CPU, for code that runs a few seconds), one compiler thread, the serial
   * collector. {@code -Dmanta.test.full-jit=true} on the test JVM turns them off.
   */
  public static final List<String> LEAN_JVM_FLAGS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:CICompilerCount=1",
          "-XX:+UseSerialGC",
          "-Dmanta.worker-jit=c1");

  /** This JVM's java with the flags and class path a cluster JVM needs, plus {@code extra}. */
  static List<String> javaCommand(List<String> extra) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(JvmFlags.forThisJdk());
    cmd.add("-Xmx512m");
    if (!Boolean.getBoolean("manta.test.full-jit")) {
      cmd.addAll(LEAN_JVM_FLAGS);
    }
    cmd.add("-D" + ClusterToken.TOKEN_FILE_PROPERTY + "=" + TOKEN_FILE);
    cmd.add("-D" + ClusterConfig.CODE_CACHE + "=" + JarredClassPath.CODE_CACHE);
    cmd.addAll(NodeArchive.flags());
    cmd.addAll(extra);
    cmd.add("-cp");
    cmd.add(JarredClassPath.CLASS_PATH);
    return cmd;
  }

  /**
   * This JVM's class path with each folder (the build's {@code target/classes} and {@code
   * target/test-classes}) packed into a jar once, for the cluster JVMs: a node agent makes a class
   * data sharing archive of its workers' classes only from a class path of jars ({@code
   * WorkerArchive}), and with one a worker JVM boots in about half the time, which is most of this
   * module's test time. The code cache (and the archive cache beside it) is this JVM's own, so the
   * first agent trains the archive and every later one of this JVM maps it.
   */
  private static final class JarredClassPath {
    static final Path DIR = tempDir();
    static final String CODE_CACHE = DIR.resolve("code").toString();
    static final String CLASS_PATH = jar(System.getProperty("java.class.path"));

    private static Path tempDir() {
      try {
        Path d = Files.createTempDirectory("manta-test-cp");
        Runtime.getRuntime()
            .addShutdownHook(new Thread(() -> deleteTree(d), "manta-test-cp-cleanup"));
        return d;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("Cannot make the test class path's folder", e);
      }
    }

    private static String jar(String classPath) {
      List<String> out = new ArrayList<>();
      int n = 0;
      for (String e : classPath.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
        Path p = Path.of(e);
        if (e.isEmpty() || !Files.isDirectory(p)) {
          out.add(e);
          continue;
        }
        Path jar = DIR.resolve("cp-" + n++ + "-" + p.getParent().getFileName() + ".jar");
        try (java.util.jar.JarOutputStream j =
                new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
            Stream<Path> files = Files.walk(p)) {
          j.setLevel(java.util.zip.Deflater.BEST_SPEED);
          for (Path f : files.sorted().toList()) {
            String name = p.relativize(f).toString().replace(File.separatorChar, '/');
            if (name.isEmpty()) {
              continue;
            }
            if (Files.isDirectory(f)) {
              j.putNextEntry(new java.util.jar.JarEntry(name + "/"));
            } else {
              j.putNextEntry(new java.util.jar.JarEntry(name));
              Files.copy(f, j);
            }
            j.closeEntry();
          }
        } catch (IOException x) {
          throw new java.io.UncheckedIOException("Cannot pack " + p + " into " + jar, x);
        }
        out.add(jar.toString());
      }
      return String.join(File.pathSeparator, out);
    }

    private static void deleteTree(Path d) {
      try (Stream<Path> all = Files.walk(d)) {
        all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException | RuntimeException e) {
        // a temp folder left behind: nothing else to do at exit
      }
    }
  }

  /**
   * A class data sharing archive of a node JVM's classes, for this test JVM's node and driver JVMs
   * (with it a node is ready in about 1.0 s instead of 2.0 s on 2 cores, and this module starts a
   * few hundred): while there is none, every node JVM started by a fixture trains one ({@code
   * -XX:ArchiveClassesAtExit}, a file of its own, written when it exits); the first file of a
   * trainer that exited normally (0, or 143 for the SIGTERM of {@link #close}; a {@code kill -9}
   * mid-write leaves 137) is moved into place, atomically, and from then on every cluster JVM of
   * this test JVM maps it read-only. A JVM that cannot map it (another flag) runs without, silently
   * ({@code -Xshare:auto}, CDS logging off); the agents' worker archive ({@code WorkerArchive}) is
   * separate.
   *
   * <p>Thread-safety: every method holds the class's lock; trainers are reaped by the fixtures that
   * started them.
   */
  private static final class NodeArchive {
    private static final Path FILE = JarredClassPath.DIR.resolve("nodes.jsa");
    private static final List<String> LOG_OFF = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    private static final List<Map.Entry<Process, Path>> TRAINERS = new ArrayList<>();

    private NodeArchive() {}

    /** The flags of a cluster JVM: the archive to map once there is one, always CDS logging off. */
    static synchronized List<String> flags() {
      return ready()
          ? List.of("-XX:SharedArchiveFile=" + FILE, LOG_OFF.get(0), LOG_OFF.get(1))
          : LOG_OFF;
    }

    /** A file for a new node JVM to write the archive to, or null when the archive is there. */
    static synchronized Path trainingFile() {
      return ready() ? null : JarredClassPath.DIR.resolve("nodes-" + TRAINERS.size() + ".jsa");
    }

    /** Records that {@code p} writes the archive to {@code file} when it exits. */
    static synchronized void training(Process p, Path file) {
      TRAINERS.add(Map.entry(p, file));
    }

    private static boolean ready() {
      if (Files.isRegularFile(FILE)) {
        return true;
      }
      for (Map.Entry<Process, Path> t : TRAINERS) {
        Process p = t.getKey();
        Path file = t.getValue();
        try {
          if (!p.isAlive()
              && (p.exitValue() == 0 || p.exitValue() == 143)
              && Files.isRegularFile(file)
              && Files.size(file) > 0) {
            Files.move(file, FILE, StandardCopyOption.ATOMIC_MOVE);
            return true;
          }
        } catch (IOException e) {
          // this trainer's file is unusable; another may do
        }
      }
      return false;
    }
  }

  /** Kills a node's process at once (SIGKILL), with its workers left to notice. */
  public void kill(Node n) {
    n.process().descendants().forEach(ProcessHandle::destroyForcibly);
    n.process().destroyForcibly();
  }

  @Override
  public void close() throws InterruptedException {
    for (Node n : nodes) {
      n.process().destroy();
    }
    for (Node n : nodes) {
      if (!n.process().waitFor(10, TimeUnit.SECONDS)) {
        n.process().destroyForcibly();
      }
    }
  }
}
