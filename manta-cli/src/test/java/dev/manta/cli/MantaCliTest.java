package dev.manta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MantaCliTest {
  private static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 2, 3, 4, 5);

  @TempDir Path root;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void killStarted() {
    for (Process p : started) {
      p.destroyForcibly();
      p.onExit().join();
    }
  }

  private int run(String... args) {
    return run(Map.of(Sessions.ROOT_ENV, root.toString()), args);
  }

  private int run(Map<String, String> env, String... args) {
    return MantaCli.commandLine(env)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void noCommand_isUsageError() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing command: give one of start, stop, status");
  }

  @Test
  void unknownCommand_isUsageError() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument at index 0: 'frobnicate'");
  }

  @Test
  void start_withoutHeadOrAddress_isUsageError() {
    assertThat(run("start")).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "Missing required argument (specify one of these): (--head | --address=HOST:PORT)");
  }

  @Test
  void start_nodeWithoutAnyToken_failsBeforeStartingAnything_sayingWhereToGetIt() {
    assertThat(run("start", "--address", "127.0.0.1:6380")).isEqualTo(1);
    assertThat(err.toString())
        .contains("Joining the head at 127.0.0.1:6380 needs the cluster's token")
        .contains("--token-file")
        .contains("MANTA_TOKEN_FILE");
    assertThat(out.toString()).doesNotContain("Started");
  }

  @Test
  void start_withTokenFileAndNoToken_isUsageError() {
    assertThat(run("start", "--head", "--insecure-no-token", "--token-file", "/x")).isEqualTo(2);
    assertThat(err.toString()).contains("at most one of --token-file and --insecure-no-token");
  }

  @Test
  void start_withHeadAndAddress_isUsageError() {
    assertThat(run("start", "--head", "--address", "127.0.0.1:6380")).isEqualTo(2);
    assertThat(err.toString()).contains("are mutually exclusive (specify only one)");
  }

  @Test
  void start_addressWithPort_isUsageError() {
    assertThat(run("start", "--address", "127.0.0.1:6380", "--port", "7000")).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--port applies to the head only: a node joining with --address chooses its own"
                + " ports. Drop --port, or start a head with --head --port 7000");
  }

  @Test
  void start_storageOnANode_isUsageError() {
    assertThat(run("start", "--address", "127.0.0.1:6380", "--storage", "/tmp/x")).isEqualTo(2);
    assertThat(err.toString()).contains("--storage is for the head: use it with --head");
  }

  @Test
  void start_addressWithoutPort_isUsageError() {
    assertThat(run("start", "--address", "somehost")).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--address must be HOST:PORT with a port from 1 to 65535, such as 127.0.0.1:6380;"
                + " was 'somehost'");
  }

  @Test
  void start_portOutOfRange_isUsageError() {
    assertThat(run("start", "--head", "--port", "70000")).isEqualTo(2);
    assertThat(err.toString()).contains("--port must be between 0 and 65535, was 70000");
  }

  @Test
  void start_negativeCpus_isUsageError() {
    assertThat(run("start", "--head", "--num-cpus", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--num-cpus must be >= 0, was -1");
  }

  @Test
  void start_badSize_isUsageErrorNamingTheOption() {
    assertThat(run("start", "--head", "--object-store-memory", "12x")).isEqualTo(2);
    assertThat(err.toString())
        .contains("Invalid value for option '--object-store-memory': '12x' is not a size");
  }

  @Test
  void start_badResourcesJson_isUsageErrorNamingTheProblem() {
    assertThat(run("start", "--head", "--resources", "{\"GPU\":-1}")).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "Invalid value for option '--resources': invalid resources JSON at character 8: the"
                + " amount of \"GPU\" must be >= 0, was -1");
  }

  @Test
  void start_usageError_startsNoSession() {
    run("start", "--head", "--resources", "nope");
    assertThat(new Sessions(root, pid -> false).all()).isEmpty();
  }

  @Test
  void version_printsMantaVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("manta 0.1.0-SNAPSHOT").contains("JVM ");
  }

  @Test
  void help_listsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("start", "stop", "status");
    assertThat(run("start", "--help")).isZero();
    assertThat(out.toString())
        .contains("--head", "--address=HOST:PORT", "--object-store-memory=SIZE")
        .doesNotContain("--session-root");
  }

  @Test
  void stop_nothingRunning_exits0() {
    assertThat(run("stop")).isZero();
    assertThat(out.toString()).isEqualTo("No Manta processes running" + System.lineSeparator());
    assertThat(run("stop", "--all")).isZero();
  }

  @Test
  void stop_stopsOnlyTheCurrentSession_andAllStopsEverySession() throws Exception {
    Process older = startFake("block", NodeProcesses.NODE_MAIN);
    Path olderSession = new Sessions(root, pid -> false).createForHead(T0, 1);
    Sessions.recordPid(olderSession, older.pid());
    Process newer = startFake("block", NodeProcesses.NODE_MAIN);
    Path newerSession = new Sessions(root, pid -> false).createForHead(T0.plusSeconds(1), 2);
    new Sessions(root, pid -> false).makeLatest(newerSession);
    Sessions.recordPid(newerSession, newer.pid());

    assertThat(run("stop")).isZero();
    assertThat(newer.isAlive()).isFalse();
    assertThat(older.isAlive()).isTrue();
    assertThat(out.toString())
        .contains("Stopped node pid " + newer.pid())
        .contains("1 node of other sessions still runs: manta stop --all stops it too");

    assertThat(run("stop")).isZero();
    assertThat(out.toString())
        .contains("No Manta node of the current session " + newerSession.getFileName() + " runs");

    assertThat(run("stop", "--all")).isZero();
    assertThat(older.isAlive()).isFalse();
    assertThat(out.toString()).contains("Stopped node pid " + older.pid());
  }

  @Test
  void stop_terminatesRecordedNode_andSkipsOtherProcesses() throws Exception {
    Process node = startFake("block", NodeProcesses.NODE_MAIN);
    Process stranger = startFake("block");
    Path session = current(root);
    Sessions.recordPid(session, node.pid());
    Sessions.recordPid(session, stranger.pid());
    Sessions.recordPid(session, Long.MAX_VALUE - 1); // long gone

    assertThat(run("stop")).isZero();

    assertThat(out.toString())
        .isEqualTo(
            "Stopped node pid "
                + node.pid()
                + " ("
                + session.getFileName()
                + ")"
                + System.lineSeparator());
    assertThat(node.isAlive()).isFalse();
    assertThat(stranger.isAlive()).isTrue();
    assertThat(run("stop")).isZero();
    assertThat(out.toString()).endsWith("No Manta processes running" + System.lineSeparator());
  }

  @Test
  void stop_sessionRootOption_beatsEnv() {
    Process node = startFake("block", NodeProcesses.NODE_MAIN);
    Path other = root.resolve("other");
    Path session = current(other);
    Sessions.recordPid(session, node.pid());
    assertThat(run("stop")).isZero();
    assertThat(node.isAlive()).isTrue();
    assertThat(run("stop", "--session-root", other.toString())).isZero();
    assertThat(node.isAlive()).isFalse();
  }

  @Test
  void status_noAddressAnywhere_fails() {
    assertThat(run("status")).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            "Error: No cluster address: pass --address HOST:PORT, set MANTA_ADDRESS, or start a"
                + " head with 'manta start --head'");
  }

  @Test
  void status_addressSources_flagBeatsEnvBeatsLatestSession() {
    Path session = current(root);
    Sessions.recordHead(session, "127.0.0.1:3", 1);
    var env =
        Map.of(
            Sessions.ROOT_ENV, root.toString(), StatusCommand.ADDRESS_ENV, "manta://127.0.0.1:2");
    assertThat(address(env, "--address", "127.0.0.1:1")).isEqualTo("127.0.0.1:1");
    assertThat(address(env)).isEqualTo("127.0.0.1:2");
    assertThat(address(Map.of(Sessions.ROOT_ENV, root.toString()))).isEqualTo("127.0.0.1:3");
  }

  @Test
  void status_unreachableHead_failsWithMessage() {
    // Whether or not ClusterStatus is built yet, the failure is a one-line message and exit 1.
    assertThat(run("status", "--address", "127.0.0.1:1")).isEqualTo(1);
    assertThat(err.toString()).startsWith("Error: ").doesNotContain("\tat ");
  }

  private String address(Map<String, String> env, String... args) {
    var cli = MantaCli.commandLine(env);
    cli.parseArgs(concat("status", args));
    StatusCommand status = cli.getSubcommands().get("status").getCommand();
    return status.resolveAddress();
  }

  private static String[] concat(String first, String... rest) {
    var all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** A new session under {@code sessionRoot}, made the current one. */
  private static Path current(Path sessionRoot) {
    var sessions = new Sessions(sessionRoot, pid -> false);
    Path session = sessions.createForHead(T0, 1);
    sessions.makeLatest(session);
    return session;
  }

  private Process startFake(String... args) {
    try {
      Process p = new ProcessBuilder(FakeNode.command(args)).start();
      started.add(p);
      return p;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
