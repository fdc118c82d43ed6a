package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.ActorDiedException;
import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.ObjectRef;
import dev.manta.TaskCancelledException;
import dev.manta.ray.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work that no live node has the resources for, on a real cluster (manta.infeasible's default
 * there, {@code wait}, Ray's behaviour): a task and an actor needing {@code special} wait while
 * only the head (no {@code special}) runs, a warning names each once, and they run on a second node
 * that has {@code special} once it joins. A cancelled task, a killed actor and the pending work of
 * a job that ended are given up and never run there.
 */
class ClusterInfeasibleTest {
  @TempDir static Path dir;
  static ClusterFixture cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ClusterFixture(dir, "-Dmanta.prestart-workers=1");
    cluster.startHead(2);
  }

  @AfterAll
  static void stop() throws Exception {
    if (Manta.isInitialized()) {
      Manta.shutdown();
    }
    cluster.close();
  }

  private static void driver() {
    Manta.init(
        MantaConfig.builder()
            .address(cluster.address())
            .infeasibleWarning(Duration.ofMillis(200))
            .build());
  }

  /** Marks that it ran, in {@code marker}; returns the node it ran on. */
  static String mark(String marker) throws Exception {
    Files.writeString(Path.of(marker), "ran");
    return Manta.runtimeContext().nodeId();
  }

  /** An actor that marks its construction in {@code marker} and says where it lives. */
  public static final class Special {
    public Special(String marker) throws Exception {
      Files.writeString(Path.of(marker), "constructed");
    }

    public String node() {
      return Manta.runtimeContext().nodeId();
    }
  }

  @Test
  void infeasibleWork_waitsWarnsAndRunsOnANodeThatJoinsWithTheResources() throws Exception {
    Path endedTask = dir.resolve("ended-job-task");
    Path endedActor = dir.resolve("ended-job-actor");
    Path cancelled = dir.resolve("cancelled-task");
    Path killed = dir.resolve("killed-actor");
    Path ran = dir.resolve("task");
    Path built = dir.resolve("actor");
    try (LogCapture log = new LogCapture()) {
      // A job whose pending work ends with it.
      driver();
      ObjectRef<String> orphan =
          Manta.task(ClusterInfeasibleTest::mark, endedTask.toString())
              .resource("special", 1)
              .name("orphan")
              .remote();
      ActorHandle<Special> orphanActor =
          Manta.actor(Special::new, endedActor.toString()).resource("special", 1).remote();
      log.awaitLine(Duration.ofMinutes(1), "Task orphan", "special=1.0", "no live node");
      log.awaitLine(Duration.ofMinutes(1), "Actor", "Special", "special=1.0", "no live node");
      assertThat(Manta.wait(List.of(orphan), 1, Duration.ZERO).ready()).isEmpty();
      assertThat(orphanActor).isNotNull();
      Manta.shutdown(); // returns although its task and actor never ran

      driver();
      String headNode = Manta.runtimeContext().nodeId();
      ObjectRef<String> task =
          Manta.task(ClusterInfeasibleTest::mark, ran.toString())
              .resource("special", 1)
              .name("waiter")
              .remote();
      ActorHandle<Special> actor =
          Manta.actor(Special::new, built.toString()).resource("special", 1).remote();
      ObjectRef<String> call = actor.task(Special::node).remote();
      ObjectRef<String> toCancel =
          Manta.task(ClusterInfeasibleTest::mark, cancelled.toString())
              .resource("special", 1)
              .remote();
      ActorHandle<Special> toKill =
          Manta.actor(Special::new, killed.toString()).resource("special", 1).remote();
      ObjectRef<String> killedCall = toKill.task(Special::node).remote();
      log.awaitLine(Duration.ofMinutes(1), "Task waiter", "special=1.0", "no live node");
      // Warned, and still waiting: only the head runs, and it has no "special".
      assertThat(Manta.wait(List.of(task, call), 2, Duration.ZERO).ready()).isEmpty();
      assertThat(
              Manta.task(ClusterInfeasibleTest::mark, dir.resolve("plain").toString())
                  .remote()
                  .get())
          .isEqualTo(headNode); // work that fits runs beside it

      assertThat(Manta.cancel(toCancel)).isTrue();
      assertThatThrownBy(toCancel::get).isInstanceOf(TaskCancelledException.class);
      toKill.kill();
      assertThatThrownBy(killedCall::get).isInstanceOf(ActorDiedException.class);

      ClusterFixture.Node second =
          cluster.startNode("special", 1, "--resources", "{\"special\":2}");
      assertThat(Manta.get(task, Duration.ofMinutes(3))).isEqualTo(second.nodeId());
      assertThat(Manta.get(call, Duration.ofMinutes(3))).isEqualTo(second.nodeId());
      assertThat(Files.readString(ran)).isEqualTo("ran");
      assertThat(Files.readString(built)).isEqualTo("constructed");
      // Given up before the node joined: the ended job's work, the cancelled task and the killed
      // actor never ran on it (the ended driver's placement stopped with its runtime).
      assertThat(endedTask).doesNotExist();
      assertThat(endedActor).doesNotExist();
      assertThat(cancelled).doesNotExist();
      assertThat(killed).doesNotExist();
      // One warning each.
      assertThat(log.linesWith("Task waiter", "no live node")).isEqualTo(1);
      assertThat(log.linesWith("Task orphan", "no live node")).isEqualTo(1);
    }
  }
}
