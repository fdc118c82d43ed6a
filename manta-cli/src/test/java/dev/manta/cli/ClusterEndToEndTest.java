package dev.manta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code manta start --head --port 0}, {@code manta status}, {@code manta stop}, each a real {@code
 * manta} process against a real NodeMain, with a temporary MANTA_SESSION_ROOT.
 */
class ClusterEndToEndTest {
  @TempDir Path root;

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
  void stopEverything() {
    // In-process, so a failed assertion above still leaves no node running.
    MantaCli.commandLine(Map.of(Sessions.ROOT_ENV, root.toString()))
        .setOut(new PrintWriter(new StringWriter()))
        .execute("stop", "--all");
  }

  @Test
  void startJoinStatusStop_headOnAnyPortAndOneNode() throws Exception {
    Result start = manta("start", "--head", "--port", "0", "--num-cpus", "2");
    assertThat(start.exit()).as(start.output()).isZero();
    assertThat(start.output()).contains("Started head node ", "Connect with Manta.init(\"manta://");

    Path session = root.resolve(Sessions.LATEST).toRealPath();
    Path token = session.resolve("token");
    assertThat(start.output()).contains("Cluster token: " + token);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(token)).matches("[0-9a-f]{64}\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(session)))
        .isEqualTo("rwx------");
    String head = Files.readString(session.resolve("head_address")).strip();
    assertThat(head).matches("[^:]+:\\d+").doesNotEndWith(":0");
    List<Long> pids = Sessions.pids(session);
    assertThat(pids).hasSize(1);
    assertThat(NodeProcesses.isLiveNode(pids.get(0))).isTrue();

    Result join = manta("start", "--address", head, "--num-cpus", "1");
    assertThat(join.exit()).as(join.output()).isZero();
    assertThat(join.output()).contains("Started node ", "joined the head at " + head);
    assertThat(root.resolve(Sessions.LATEST).toRealPath()).isEqualTo(session);
    pids = Sessions.pids(session);
    assertThat(pids).hasSize(2).allMatch(NodeProcesses::isLiveNode);

    Result status = manta("status");
    assertThat(status.exit()).as(status.output()).isZero();
    assertThat(status.output()).contains("2 node(s) alive");
    assertThat(status.output() + join.output() + start.output())
        .doesNotContain(Files.readString(token).strip());

    Result stop = manta("stop");
    assertThat(stop.exit()).as(stop.output()).isZero();
    for (long pid : pids) {
      assertThat(stop.output()).contains("Stopped node pid " + pid);
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    Result statusAfter = manta("status");
    assertThat(statusAfter.exit()).isEqualTo(1);
    assertThat(statusAfter.output()).startsWith("Error: ");
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
    Path output = root.resolve("cli-" + System.nanoTime() + ".out");
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
