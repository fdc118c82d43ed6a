package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.rpc.TlsInit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hosts for real: a head in one Linux network namespace and a node agent in another, joined by
 * a veth pair, so the nodes reach each other only through their own addresses ({@code 10.77.0.1}
 * and {@code 10.77.0.2}) and never through a shared loopback. A driver ({@link NetnsDriver}) runs
 * in host A's namespace and sends tasks to host B and a 1 MiB object from host B to host A. Every
 * process speaks TLS (required off loopback), with a certificate from {@link TlsInit}.
 *
 * <p>Needs root and iproute2 ({@code ip netns}, {@code veth}); elsewhere it is skipped (aborted
 * with the reason), never passed.
 */
class TwoHostNetnsTest {
  private static final String HOST_A = "10.77.0.1";
  private static final String HOST_B = "10.77.0.2";
  private static final Duration NODE_READY = Duration.ofSeconds(60);
  private static final Duration DRIVER_TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path dir;

  private String nsA;
  private String nsB;
  private String vethA;
  private String vethB;
  private final List<String> namespaces = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();

  /** A finished command: exit status and its stdout and stderr together. */
  private record Result(int exit, String output) {}

  @BeforeEach
  void buildHosts() throws Exception {
    String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    nsA = "manta-a-" + suffix;
    nsB = "manta-b-" + suffix;
    vethA = "mva" + suffix; // interface names are at most 15 characters
    vethB = "mvb" + suffix;

    Result uid = tryRun("id", "-u");
    Assumptions.assumeTrue(
        uid != null && uid.exit() == 0,
        () -> "needs root and iproute2 network namespaces: cannot run 'id -u'");
    Assumptions.assumeTrue(
        uid.output().strip().equals("0"),
        () ->
            "needs root and iproute2 network namespaces: running as uid "
                + uid.output().strip()
                + ", not root");
    Result add = tryRun("ip", "netns", "add", nsA);
    if (add == null || add.exit() != 0) {
      Assumptions.abort(
          "needs root and iproute2 network namespaces: 'ip netns add' failed: "
              + (add == null ? "ip not found" : add.output().strip()));
    }
    namespaces.add(nsA);
    mustRun("ip", "netns", "add", nsB);
    namespaces.add(nsB);
    Result veth = tryRun("ip", "link", "add", vethA, "type", "veth", "peer", "name", vethB);
    if (veth == null || veth.exit() != 0) {
      Assumptions.abort(
          "needs veth interfaces to join the namespaces: 'ip link add ... type veth' failed: "
              + (veth == null ? "ip not found" : veth.output().strip()));
    }
    mustRun("ip", "link", "set", vethA, "netns", nsA);
    mustRun("ip", "link", "set", vethB, "netns", nsB);
    mustRun("ip", "-n", nsA, "addr", "add", HOST_A + "/24", "dev", vethA);
    mustRun("ip", "-n", nsB, "addr", "add", HOST_B + "/24", "dev", vethB);
    for (String[] nsIf : new String[][] {{nsA, vethA}, {nsB, vethB}}) {
      mustRun("ip", "-n", nsIf[0], "link", "set", "lo", "up");
      mustRun("ip", "-n", nsIf[0], "link", "set", nsIf[1], "up");
    }
    // The link is usable once host A reaches host B.
    Result ping = tryRun("ip", "netns", "exec", nsA, "ping", "-c", "1", "-W", "5", HOST_B);
    if (ping != null && ping.exit() != 0 && ping.output().contains("packet loss")) {
      throw new IllegalStateException("host A cannot ping host B: " + ping.output());
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
      }
    }
    for (String ns : namespaces) {
      tryRun("ip", "netns", "del", ns);
    }
    // If setup stopped before the ends moved into the namespaces, the pair is still here.
    if (vethA != null) {
      Result link = tryRun("ip", "link", "show", vethA);
      if (link != null && link.exit() == 0) {
        tryRun("ip", "link", "del", vethA);
      }
    }
  }

  @Test
  void driverOnHostARunsWorkOnHostB() throws Exception {
    Properties head =
        startNode(
            nsA, "head", "--head", "--port", "0", "--bind", HOST_A, "--resources", "{\"hostA\":1}");
    String headAddress = head.getProperty("head");
    assertThat(headAddress).startsWith(HOST_A + ":");
    Properties nodeB =
        startNode(
            nsB,
            "nodeB",
            "--address",
            headAddress,
            "--bind",
            HOST_B,
            "--resources",
            "{\"hostB\":1}");
    assertThat(nodeB.getProperty("agent")).startsWith(HOST_B + ":");
    assertThat(nodeB.getProperty("node")).isNotEqualTo(head.getProperty("node"));

    Path out = dir.resolve("driver.log");
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", nsA));
    cmd.addAll(javaCommand());
    cmd.addAll(
        List.of(
            NetnsDriver.class.getName(),
            "manta://" + headAddress,
            head.getProperty("node"),
            nodeB.getProperty("node")));
    Process driver =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    processes.add(driver);
    boolean exited = driver.waitFor(DRIVER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!exited) {
      driver.descendants().forEach(ProcessHandle::destroyForcibly);
      driver.destroyForcibly();
      driver.waitFor(5, TimeUnit.SECONDS);
    }
    String output = Files.readString(out);
    String why =
        (exited
                ? "driver exited " + driver.exitValue()
                : "driver timed out after " + DRIVER_TIMEOUT)
            + "\n--- driver output ---\n"
            + output
            + logTails();
    assertThat(exited).as(why).isTrue();
    assertThat(driver.exitValue()).as(why).isZero();
    assertThat(output).as(why).contains("NETNS-OK");
  }

  /** Starts {@link NodeMain} in namespace {@code ns}; returns its ready file. */
  private Properties startNode(String ns, String name, String... flags) throws IOException {
    Path session = dir.resolve(name);
    Files.createDirectories(session);
    Path ready = dir.resolve(name + ".ready");
    Path log = dir.resolve(name + ".log");
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    cmd.addAll(javaCommand());
    cmd.add(NodeMain.class.getName());
    cmd.addAll(List.of(flags));
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
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    processes.add(p);
    try {
      Awaitility.await("node " + name + " ready in " + ns)
          .atMost(NODE_READY)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> Files.exists(ready) || !p.isAlive());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("node " + name + " not ready within " + NODE_READY + logTails(), e);
    }
    if (!Files.exists(ready)) {
      throw new AssertionError(
          "node " + name + " exited " + p.exitValue() + " before it was ready" + logTails());
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(ready)) {
      props.load(in);
    }
    return props;
  }

  /**
   * This JVM's java with the flags and classpath the cluster's JVMs need, and TLS: nodes on
   * addresses other than loopback need it, so every process gets the certificate that {@code manta
   * tls init} makes, naming both hosts.
   */
  private List<String> javaCommand() throws IOException {
    Path tls = dir.resolve("tls");
    if (!Files.exists(tls)) {
      TlsInit.init(tls, List.of(HOST_A, HOST_B));
    }
    return ClusterFixture.javaCommand(
        List.of(
            "-D" + ClusterConfig.TLS_CERT + "=" + tls.resolve(TlsInit.NODE_CERT),
            "-D" + ClusterConfig.TLS_KEY + "=" + tls.resolve(TlsInit.NODE_KEY),
            "-D" + ClusterConfig.TLS_CA + "=" + tls.resolve(TlsInit.CA_CERT)));
  }

  /** The last lines of every log under the test directory (nodes, workers), for failures. */
  private String logTails() {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f :
          files
              .filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().matches(".*\\.(log|out|err)"))
              .filter(f -> !f.getFileName().toString().equals("driver.log"))
              .sorted()
              .toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        sb.append("\n--- ")
            .append(dir.relativize(f))
            .append(" (last ")
            .append(Math.min(40, lines.size()))
            .append(" of ")
            .append(lines.size())
            .append(" lines) ---\n");
        lines
            .subList(Math.max(0, lines.size() - 40), lines.size())
            .forEach(l -> sb.append(l).append('\n'));
      }
    } catch (IOException | RuntimeException e) {
      sb.append("\n(cannot read logs: ").append(e).append(")\n");
    }
    return sb.toString();
  }

  private static void mustRun(String... cmd) throws Exception {
    Result r = tryRun(cmd);
    if (r == null || r.exit() != 0) {
      throw new IllegalStateException(
          String.join(" ", cmd) + " failed: " + (r == null ? "not found" : r.output()));
    }
  }

  /** Runs a command to completion; null if it cannot start (not installed). */
  private static Result tryRun(String... cmd) throws InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      return null;
    }
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      out = e.toString();
    }
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, out + " (timed out)");
    }
    return new Result(p.exitValue(), out);
  }
}
