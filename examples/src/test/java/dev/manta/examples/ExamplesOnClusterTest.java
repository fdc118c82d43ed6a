package dev.manta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.cluster.JvmFlags;
import dev.manta.cluster.NodeMain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples as cluster drivers, as {@code bin/example NAME --cluster} runs them: one real local
 * cluster for the class (a head node JVM and a second node, each with its workers), each example's
 * {@code main} a driver JVM of its own with {@code MANTA_ADDRESS} and {@code MANTA_TOKEN_FILE} set.
 * Also checks that what a worker prints reaches the driver's console with the worker named, and
 * that workers ending with their drivers are not logged as deaths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesOnClusterTest {
  private static final String WORKER = "\\(pid=\\d+, node=[0-9a-f]{8}, ip=127\\.0\\.0\\.1\\) ";

  @TempDir static Path session;
  private final List<Process> nodes = new ArrayList<>();
  private String head;

  @BeforeAll
  void startCluster() throws Exception {
    head = startNode("head", List.of("--head", "--port", "0"));
    startNode("node2", List.of("--address", head));
  }

  @AfterAll
  void stopCluster() throws Exception {
    for (Process p : nodes) {
      p.destroy();
    }
    for (Process p : nodes) {
      if (!p.waitFor(15, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void wordCount() throws Exception {
    String out = driver(WordCount.class);
    assertThat(out)
        .containsPattern("Word count on a cluster, driver on node [0-9a-f]+, 4 CPUs")
        .containsPattern("[\\d,]+ words, [\\d,]+ distinct")
        .containsPattern("top 10: the=\\d+");
  }

  @Test
  void parameterSweep() throws Exception {
    String out = driver(ParameterSweep.class, "1000", "2");
    assertThat(out)
        .containsPattern("Parameter sweep on a cluster, driver on node [0-9a-f]+")
        .contains("10 degrees x 2 penalties = 20 tasks")
        .containsPattern("best: degree \\d+, lambda .*, validation MSE 0\\.0\\d+");
  }

  @Test
  void pipeline() throws Exception {
    String out = driver(Pipeline.class, "3", "100000");
    assertThat(out)
        .containsPattern("Pipeline on a cluster, driver on node [0-9a-f]+")
        .contains("rms of all 300,000 samples: ");
  }

  @Test
  void rayPrimes() throws Exception {
    String out = driver(RayPrimes.class, "1000000");
    assertThat(out).contains("Ray API on Manta, cluster mode").contains("78,498 primes below");
  }

  @Test
  void workerOutput_reachesTheDriverNamingTheWorker_andWorkerExitsAreNotDeaths() throws Exception {
    String out = driver("manta://" + head, PrintingTask.class); // the URL form works too
    assertThat(out)
        .containsPattern(WORKER + "hello from a task, n=21")
        .containsPattern(WORKER + "a warning from a task, n=21")
        .contains("result 42");
    // The driver ended and its workers with it: normal exits, not deaths, in every node's log.
    for (String name : List.of("head", "node2")) {
      assertThat(Files.readString(session.resolve(name + ".log")))
          .doesNotContainPattern("WARN .*(died|exited)");
    }
  }

  @Test
  void aDriverThatCannotJoin_failsWithOneParagraph_causeAndFix_noGrpcTrace() throws Exception {
    Process p = start("127.0.0.1:1", PrintingTask.class); // nothing listens on port 1
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
    assertThat(p.exitValue()).as(out).isNotZero();
    assertThat(out)
        .contains("Cannot join the Manta cluster at 127.0.0.1:1: Nothing answers as head")
        .contains("start one with `manta start --head`")
        .doesNotContain("Caused by", "io.grpc");
  }

  /** Runs {@code main} as a cluster driver; returns stdout and stderr once it exited with 0. */
  private String driver(Class<?> main, String... args) throws IOException, InterruptedException {
    return driver(head, main, args);
  }

  /** As above, with {@code MANTA_ADDRESS=address}. */
  private String driver(String address, Class<?> main, String... args)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile(session, main.getSimpleName() + "-", ".out");
    ProcessBuilder pb = builder(address, main, args);
    pb.redirectOutput(output.toFile());
    Process p = pb.start();
    boolean done = p.waitFor(180, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String out = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(done).as("finished in 180 s; output:%n%s", out).isTrue();
    assertThat(p.exitValue()).as("exit code; output:%n%s", out).isZero();
    // Quiet on a cluster too: no log line, SLF4J notice or JVM warning among the program's lines.
    assertThat(out).doesNotContain("WARN", "SLF4J", "ERROR");
    return out;
  }

  private Process start(String address, Class<?> main, String... args) throws IOException {
    return builder(address, main, args).start();
  }

  /**
   * Cheaper boots for the test's short-lived JVMs (nodes, their workers, drivers) on a 2-core
   * machine: C1 only, one compiler thread, the serial collector (as manta-cluster's
   * ClusterFixture).
   */
  private static final List<String> LEAN_JVM_FLAGS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:CICompilerCount=1",
          "-XX:+UseSerialGC",
          "-Dmanta.worker-jit=c1");

  /** A driver JVM running {@code main} with {@code MANTA_ADDRESS=address} and the test's token. */
  private ProcessBuilder builder(String address, Class<?> main, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(JvmFlags.forThisJdk());
    // A loaded build machine may take more than the default 5 s to answer a new driver.
    cmd.addAll(LEAN_JVM_FLAGS);
    cmd.addAll(
        List.of(
            "-Xmx512m",
            "-Dmanta.connect-timeout-ms=30000",
            "-cp",
            System.getProperty("java.class.path"),
            main.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("MANTA_ADDRESS", address);
    pb.environment().put("MANTA_TOKEN_FILE", session.resolve("token").toString());
    pb.environment().remove("MANTA_TOKEN");
    return pb;
  }

  /** Starts a NodeMain JVM with 2 CPUs and a 256 MiB store; returns the head's address. */
  private String startNode(String name, List<String> role) throws IOException {
    Path ready = session.resolve(name + ".ready");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(JvmFlags.forThisJdk());
    cmd.addAll(LEAN_JVM_FLAGS);
    cmd.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path")));
    cmd.add(NodeMain.class.getName());
    cmd.addAll(role);
    cmd.addAll(
        List.of(
            "--num-cpus",
            "2",
            "--object-store-memory",
            Long.toString(256L << 20),
            "--session-dir",
            session.toString(),
            "--ready-file",
            ready.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("MANTA_TOKEN");
    pb.environment().remove("MANTA_TOKEN_FILE");
    Path log = session.resolve(name + ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    nodes.add(p);
    Awaitility.await("node " + name + " ready (log: " + log + ")")
        .atMost(java.time.Duration.ofSeconds(90))
        .pollInterval(java.time.Duration.ofMillis(50))
        .until(() -> Files.exists(ready) || !p.isAlive());
    assertThat(ready).as("node %s ready; its log:%n%s", name, Files.readString(log)).exists();
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(ready)) {
      props.load(in);
    }
    return props.getProperty("head");
  }
}
