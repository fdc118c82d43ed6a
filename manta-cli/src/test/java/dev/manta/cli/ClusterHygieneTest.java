package dev.manta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees of several clusters and failed starts on one machine, each {@code manta} a real
 * process against real NodeMain JVMs: {@code manta stop} stops the current session only, a failed
 * {@code manta start --head} leaves the running cluster current, two nodes share the machine's
 * default store size, a dead node's {@code /dev/shm} file is removed by the next start.
 */
class ClusterHygieneTest {
  private static final Path SHM = Path.of("/dev/shm");
  private static final Pattern CAPACITY = Pattern.compile("\\d+ MiB/(\\d+) MiB");

  @TempDir Path root;
  private final List<Path> planted = new ArrayList<>();

  @BeforeEach
  void needNodeMain() {
    boolean built;
    try {
      Class.forName(NodeProcesses.NODE_MAIN, false, getClass().getClassLoader());
      built = true;
    } catch (ClassNotFoundException e) {
      built = false;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(built, "NodeMain not built yet");
  }

  @AfterEach
  void stopEverything() throws IOException {
    MantaCli.commandLine(Map.of(Sessions.ROOT_ENV, root.toString()))
        .setOut(new PrintWriter(new StringWriter()))
        .execute("stop", "--all");
    for (Path p : planted) {
      Files.deleteIfExists(p);
    }
  }

  @Test
  void stopIsPerSession_failedHeadKeepsTheRunningCluster_storesShareTheMachine() throws Exception {
    // A dead node's store file, and one of a live process (this JVM), before any node starts.
    long deadPid = deadPid();
    Path dead = plant("manta-store-" + deadPid + "-hygienetest");
    Path live = plant("manta-store-" + ProcessHandle.current().pid() + "-hygienetest");

    Result first = manta("start", "--head", "--port", "0", "--num-cpus", "1");
    assertThat(first.exit()).as(first.output()).isZero();
    Path firstSession = root.resolve(Sessions.LATEST).toRealPath();
    String firstHead = Files.readString(firstSession.resolve("head_address")).strip();
    long firstPid = Sessions.pids(firstSession).get(0);
    if (dead != null) {
      assertThat(dead).as("a dead process's store file is removed").doesNotExist();
      assertThat(live).as("a live process's store file is kept").exists();
    }

    // A second node on this machine, without --object-store-memory: it takes what is left.
    Result join = manta("start", "--address", firstHead, "--num-cpus", "1");
    assertThat(join.exit()).as(join.output()).isZero();
    Result status = manta("status");
    assertThat(status.exit()).as(status.output()).isZero();
    List<Long> capacities = new ArrayList<>();
    Matcher m = CAPACITY.matcher(status.output());
    while (m.find()) {
      capacities.add(Long.parseLong(m.group(1)));
    }
    assertThat(capacities).as(status.output()).hasSize(2);
    long ramMib = physicalMemory() >> 20;
    assertThat(capacities.get(0) + capacities.get(1))
        .as("two nodes together hold at most the machine's default (30%%), plus one node's floor")
        .isLessThanOrEqualTo(ramMib * 3 / 10 + ramMib * 3 / 10 / 8 + 2);

    // A head on the port the first one has: it fails, and the first cluster stays current.
    String port = firstHead.substring(firstHead.lastIndexOf(':') + 1);
    Result clash = manta("start", "--head", "--port", port, "--num-cpus", "1");
    assertThat(clash.exit()).as(clash.output()).isEqualTo(1);
    assertThat(clash.output()).contains("Error: ").doesNotContain("\tat ");
    assertThat(root.resolve(Sessions.LATEST).toRealPath()).isEqualTo(firstSession);
    Result still = manta("status");
    assertThat(still.exit()).as(still.output()).isZero();
    assertThat(still.output()).contains("Manta cluster at " + firstHead, "2 node(s) alive");

    // A second cluster becomes current; manta stop stops it alone.
    Result second = manta("start", "--head", "--port", "0", "--num-cpus", "1");
    assertThat(second.exit()).as(second.output()).isZero();
    Path secondSession = root.resolve(Sessions.LATEST).toRealPath();
    assertThat(secondSession).isNotEqualTo(firstSession);
    long secondPid = Sessions.pids(secondSession).get(0);
    Result stop = manta("stop");
    assertThat(stop.exit()).as(stop.output()).isZero();
    assertThat(stop.output())
        .contains("Stopped node pid " + secondPid)
        .contains("2 nodes of other sessions still run: manta stop --all stops them too");
    assertThat(NodeProcesses.isLiveNode(secondPid)).isFalse();
    assertThat(NodeProcesses.isLiveNode(firstPid)).isTrue();

    Result all = manta("stop", "--all");
    assertThat(all.exit()).as(all.output()).isZero();
    assertThat(all.output()).contains("Stopped node pid " + firstPid);
    assertThat(NodeProcesses.isLiveNode(firstPid)).isFalse();
  }

  @Test
  void nonsenseSizesAndForeignBindAddresses_areRefusedBeforeAnythingStarts() throws Exception {
    Result tiny = manta("start", "--head", "--port", "0", "--object-store-memory", "1k");
    assertThat(tiny.exit()).isEqualTo(2);
    assertThat(tiny.output())
        .contains("--object-store-memory 1024 bytes is too small for an object store");
    Result huge = manta("start", "--head", "--port", "0", "--object-store-memory", "1000t");
    assertThat(huge.exit()).isEqualTo(2);
    assertThat(huge.output()).contains("is more than this machine's memory");
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): no machine has it.
    Result bind = manta("start", "--head", "--port", "0", "--bind", "192.0.2.1");
    assertThat(bind.exit()).isEqualTo(2);
    assertThat(bind.output())
        .contains("--bind 192.0.2.1: this machine has no network interface with the address");
    assertThat(new Sessions(root, pid -> false).all()).isEmpty();
  }

  /** A file in /dev/shm named like a node's store, removed after the test; null without shm. */
  private Path plant(String name) throws IOException {
    if (!Files.isDirectory(SHM) || !Files.isWritable(SHM)) return null;
    Path p = SHM.resolve(name);
    Files.write(p, new byte[4096]);
    planted.add(p);
    return p;
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder(NodeLauncher.currentJava(), "-version").start();
    p.getInputStream().close();
    p.getErrorStream().close();
    p.waitFor();
    return p.pid();
  }

  private static long physicalMemory() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
  }

  private record Result(int exit, String output) {}

  /** Runs {@code manta args} as a process, the way bin/manta does, and waits for it to exit. */
  private Result manta(String... args) throws IOException, InterruptedException {
    var cmd = new ArrayList<String>();
    cmd.add(NodeLauncher.currentJava());
    cmd.addAll(NodeLauncher.jvmFlags(Runtime.version().feature()));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(MantaCli.class.getName());
    cmd.addAll(List.of(args));
    var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put(Sessions.ROOT_ENV, root.toString());
    pb.environment().remove(StatusCommand.ADDRESS_ENV);
    pb.environment().remove("MANTA_TOKEN");
    pb.environment().remove("MANTA_TOKEN_FILE");
    pb.environment().remove("MANTA_OBJECT_STORE_BYTES");
    Path output = Files.createTempFile(root, "cli-", ".out");
    pb.redirectOutput(output.toFile());
    Process p = pb.start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(
          "manta " + String.join(" ", args) + " did not exit in 90 s: " + Files.readString(output));
    }
    return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }
}
