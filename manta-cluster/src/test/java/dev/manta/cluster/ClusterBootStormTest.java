package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.cluster.state.ActorRow;
import dev.manta.cluster.state.ClusterState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storm of isolated actors on a real one-node cluster (a worker JVM each; 20 by default, the
 * issue's 50 with {@code -Dmanta.storm.actors=50}) must not starve the control plane: while the
 * storm's JVMs still boot (the node lets {@code manta.max-booting-workers} boot at once, a job's
 * task worker before the storm's queued actors), a second driver process joins and gets a task's
 * answer, {@code manta status} answers, and the state API lists the storm with actors not yet
 * ALIVE; at the end every actor answers from a JVM of its own.
 *
 * <p>It prints what it measured (a line starting {@code BOOT-STORM}): the second driver's join and
 * first call, the status query, the storm's time, and the agent's worker JVM start times. {@code
 * -Dmanta.storm.actors=N} sets the storm's size, {@code -Dmanta.storm.worker-nice=N} the node's
 * {@code manta.worker-nice} (docs/cluster.md, Boot storms).
 */
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "manta.storm", matches = "true")
class ClusterBootStormTest {
  private static final int STORM = Integer.getInteger("manta.storm.actors", 20);
  private static final Duration BOUND = Duration.ofSeconds(600);

  @TempDir static Path dir;
  static ClusterFixture cluster;

  @BeforeAll
  static void start() throws Exception {
    // -Dmanta.storm.worker-nice=N measures it with the node's workers under nice -n N, and
    // -Dmanta.storm.max-booting=N with N JVMs booting at once (default: the node's default).
    String maxBooting = System.getProperty("manta.storm.max-booting");
    cluster =
        maxBooting == null
            ? new ClusterFixture(
                dir, "-Dmanta.worker-nice=" + Integer.getInteger("manta.storm.worker-nice", 0))
            : new ClusterFixture(
                dir,
                "-Dmanta.worker-nice=" + Integer.getInteger("manta.storm.worker-nice", 0),
                "-Dmanta.max-booting-workers=" + maxBooting);
    cluster.startHead(2);
    Manta.init(cluster.address());
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  /** A storm actor: answers with its JVM's pid. */
  public static final class Booting {
    public long pid() {
      return ProcessHandle.current().pid();
    }
  }

  /** The second driver: joins, runs one task, prints how long each took, leaves. */
  public static final class LateDriver {
    static int one() {
      return 1;
    }

    public static void main(String[] args) {
      long t0 = System.nanoTime();
      Manta.init(args[0]);
      long joined = System.nanoTime();
      int one = Manta.get(Manta.task(LateDriver::one).remote(), Duration.ofMinutes(5));
      long called = System.nanoTime();
      System.out.println(
          "LATE-DRIVER "
              + one
              + " "
              + TimeUnit.NANOSECONDS.toMillis(joined - t0)
              + " "
              + TimeUnit.NANOSECONDS.toMillis(called - joined));
      System.out.flush();
      Manta.shutdown();
      System.exit(0);
    }
  }

  @Test
  void aNewDriverJoinsAndCalls_andStatusAnswers_whileTheStormStillBoots() throws Exception {
    String[] quiet = lateDriver(); // the same without a storm, for comparison
    long t0 = System.nanoTime();
    List<ActorHandle<Booting>> storm = new ArrayList<>();
    List<ObjectRef<Long>> pids = new ArrayList<>();
    for (int i = 0; i < STORM; i++) {
      ActorHandle<Booting> a = Manta.actor(Booting::new).isolated(true).remote();
      storm.add(a);
      pids.add(a.task(Booting::pid).remote());
    }

    // A second driver joins and gets its first task's answer.
    String[] late3 = lateDriver();

    // `manta status` answers, naming the node alive and its agent reachable.
    long s0 = System.nanoTime();
    String status = ClusterStatus.render(cluster.head().head(), Duration.ofSeconds(10));
    long statusMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - s0);
    assertThat(status).contains("ALIVE").doesNotContain("agent unreachable");

    // All of that happened while the storm still booted: the head lists actors of it not ALIVE.
    long q0 = System.nanoTime();
    List<ActorRow> rows;
    try (ClusterState state = ClusterState.connect(cluster.head().head())) {
      rows = state.actors().rows();
    }
    long stateMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - q0);
    // The storm's are the cluster's only actors (the second driver made none).
    assertThat(rows).hasSize(STORM);
    long booting = rows.stream().filter(r -> !r.state().equals("ALIVE")).count();
    assertThat(booting)
        .as(
            "storm actors not yet ALIVE after the second driver's call and the status query: %s",
            rows.stream().map(ActorRow::state).toList())
        .isPositive();

    // Then every actor answers, each from a JVM of its own.
    Set<Long> jvms = new HashSet<>();
    for (ObjectRef<Long> p : pids) {
      jvms.add(Manta.get(p, BOUND));
    }
    long stormMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertThat(jvms).hasSize(STORM);
    String after = ClusterStatus.render(cluster.head().head(), Duration.ofSeconds(10));
    String starts =
        after
            .lines()
            .filter(l -> l.startsWith("Worker JVM start"))
            .findFirst()
            .orElse("no worker JVM start figures");
    System.out.printf(
        "BOOT-STORM %d isolated actors: second driver join %s ms, first call %s ms (without a"
            + " storm: %s ms, %s ms); status %d ms,"
            + " state query %d ms (%d actors still booting then); all answered after %d ms; %s;"
            + " worker nice %d; max booting %s; load %s%n",
        STORM,
        late3[2],
        late3[3],
        quiet[2],
        quiet[3],
        statusMs,
        stateMs,
        booting,
        stormMs,
        starts,
        Integer.getInteger("manta.storm.worker-nice", 0),
        System.getProperty("manta.storm.max-booting", "default"),
        loadAverage());
    for (ActorHandle<Booting> a : storm) {
      a.kill();
    }
  }

  /**
   * Runs {@link LateDriver} to its end; its {@code LATE-DRIVER} line's fields (answer, join ms,
   * first call ms).
   */
  private static String[] lateDriver() throws Exception {
    List<String> cmd = ClusterFixture.javaCommand(List.of());
    cmd.add(LateDriver.class.getName());
    cmd.add(cluster.address());
    Process late = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String verdict = null;
    StringBuilder seen = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(late.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        seen.append(line).append('\n');
        if (line.startsWith("LATE-DRIVER ")) {
          verdict = line;
          break;
        }
      }
    }
    assertThat(verdict).as("the second driver's output:%n%s", seen).isNotNull();
    String[] parts = verdict.split(" ");
    assertThat(parts[1]).as("its task's answer").isEqualTo("1");
    assertThat(late.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
    return parts;
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
