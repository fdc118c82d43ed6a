package dev.manta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeLauncherTest {
  @TempDir Path dir;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void killStarted() {
    for (Process p : started) {
      p.destroyForcibly();
      p.onExit().join();
    }
  }

  @Test
  void command_head_passesEveryFlagInTheContractOrder() {
    var spec =
        new NodeLauncher.NodeSpec(
            true,
            null,
            0,
            "0.0.0.0",
            8,
            CustomResources.parse("{\"GPU\":1}"),
            536870912L,
            "zone=a");
    List<String> cmd =
        NodeLauncher.command("/jdk/bin/java", "a.jar:b.jar", 25, spec, dir, dir.resolve("r"));
    assertThat(cmd)
        .containsExactly(
            "/jdk/bin/java",
            "-Ddev.manta.cli.node=true",
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow",
            "-cp",
            "a.jar:b.jar",
            "dev.manta.cluster.NodeMain",
            "--head",
            "--port",
            "0",
            "--bind",
            "0.0.0.0",
            "--num-cpus",
            "8",
            "--resources",
            "{\"GPU\":1}",
            "--labels",
            "zone=a",
            "--object-store-memory",
            "536870912",
            "--session-dir",
            dir.toString(),
            "--ready-file",
            dir.resolve("r").toString());
  }

  @Test
  void command_nodeOnJdk21_hasNoUnsafeFlagNorPort_andOmitsUnsetOptions() {
    var spec = new NodeLauncher.NodeSpec(false, "10.0.0.1:6380", null, "127.0.0.1", 2, null, null);
    List<String> cmd = NodeLauncher.command("java", "cp", 21, spec, dir, dir.resolve("r"));
    assertThat(cmd)
        .containsExactly(
            "java",
            "-Ddev.manta.cli.node=true",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            "cp",
            "dev.manta.cluster.NodeMain",
            "--address",
            "10.0.0.1:6380",
            "--bind",
            "127.0.0.1",
            "--num-cpus",
            "2",
            "--session-dir",
            dir.toString(),
            "--ready-file",
            dir.resolve("r").toString());
  }

  @Test
  void awaitReady_nodeWritesReadyFile_returnsItsProperties() {
    Path ready = dir.resolve("head.ready");
    Process p = start(FakeNode.command("ready", ready.toString()));
    NodeLauncher.Ready r =
        NodeLauncher.awaitReady(p, ready, dir.resolve("head.log"), Duration.ofSeconds(60), "head");
    assertThat(r)
        .isEqualTo(
            new NodeLauncher.Ready("127.0.0.1:7001", "127.0.0.1:7002", "node-fake", p.pid()));
    assertThat(Sessions.pids(dir)).containsExactly(p.pid());
  }

  @Test
  void awaitReady_nodeExitsFirst_failsWithExitCodeAndLast30LogLines() {
    Path ready = dir.resolve("head.ready");
    Path log = dir.resolve("head.log");
    Process p = start(FakeNode.command("fail", "40"));
    assertThatThrownBy(
            () -> NodeLauncher.awaitReady(p, ready, log, Duration.ofSeconds(60), "head node"))
        .isInstanceOf(CliFailure.class)
        .hasMessageStartingWith(
            "The head node (pid "
                + p.pid()
                + ") exited with code 3 before it was ready. Last 30"
                + " lines of "
                + log
                + ":")
        .hasMessageContaining("line 11" + System.lineSeparator() + "line 12")
        .hasMessageEndingWith("line 40")
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContain("line 10" + System.lineSeparator()));
  }

  @Test
  void awaitReady_slowNode_reportsProgressWithItsLogsLastLine_untilReady() throws Exception {
    Path ready = dir.resolve("slow.ready");
    Path log = dir.resolve("slow.log");
    Process p = start(FakeNode.command("block"));
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    var result = new java.util.concurrent.CompletableFuture<NodeLauncher.Ready>();
    Thread waiter =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    result.complete(
                        NodeLauncher.awaitReady(
                            p,
                            ready,
                            log,
                            Duration.ofSeconds(60),
                            "head node",
                            Duration.ofMillis(20),
                            line -> {
                              lines.add(line);
                              try {
                                if (lines.size() == 1) { // the node logs, then gets ready
                                  Files.writeString(log, "INFO booting\n\nINFO agent listening\n");
                                } else if (lines.size() == 2) {
                                  Properties props = new Properties();
                                  props.setProperty("head", "127.0.0.1:7001");
                                  props.setProperty("agent", "127.0.0.1:7002");
                                  props.setProperty("node", "node-slow");
                                  props.setProperty("pid", String.valueOf(p.pid()));
                                  Path tmp = dir.resolve("slow.ready.tmp");
                                  try (var out = Files.newOutputStream(tmp)) {
                                    props.store(out, null);
                                  }
                                  Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE);
                                }
                              } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                              }
                            }));
                  } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                  }
                });
    NodeLauncher.Ready r = result.get(60, TimeUnit.SECONDS);
    waiter.join();
    assertThat(r.node()).isEqualTo("node-slow");
    assertThat(lines.get(0))
        .startsWith("Waiting for the head node (pid " + p.pid() + ") to start: ")
        .endsWith(" s so far (its log is empty)");
    assertThat(lines.get(1)).endsWith("; its log's last line: INFO agent listening");
    p.destroyForcibly();
  }

  @Test
  void awaitReady_timeout_stopsTheNodeAndFails() {
    Path ready = dir.resolve("head.ready");
    Path log = dir.resolve("head.log");
    Process p = start(FakeNode.command("block"));
    assertThatThrownBy(() -> NodeLauncher.awaitReady(p, ready, log, Duration.ofSeconds(1), "node"))
        .isInstanceOf(CliFailure.class)
        .hasMessage(
            "The node (pid "
                + p.pid()
                + ") was not ready after 1 s, so it was stopped. Its log "
                + log
                + " is empty.");
    assertThat(p.isAlive()).isFalse();
  }

  @Test
  void tail_missingLog_saysSo() {
    assertThat(NodeLauncher.tail(dir.resolve("nope.log")))
        .startsWith("Its log " + dir.resolve("nope.log") + " cannot be read");
  }

  private Process start(List<String> command) {
    Process p = NodeLauncher.start(command, dir, dir.resolve("head.log"));
    started.add(p);
    return p;
  }
}
