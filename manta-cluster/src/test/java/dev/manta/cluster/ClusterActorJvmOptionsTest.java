package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ActorCreator.jvmOptions} on a real cluster: the actor's worker JVM is started with them,
 * for it alone (never a prestarted or reused one), and an option the JDK refuses fails the actor's
 * creation with the JVM's own message.
 */
class ClusterActorJvmOptionsTest {
  @TempDir static Path dir;
  static ClusterFixture cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ClusterFixture(dir, "-Dmanta.prestart-workers=1");
    cluster.startHead(2);
    Manta.init(cluster.address());
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  /** Reads the system properties of the JVM it lives in. */
  public static final class Props {
    public Props() {}

    public String get(String key) {
      return System.getProperty(key);
    }

    public long pid() {
      return ProcessHandle.current().pid();
    }
  }

  @Test
  void anActorsJvmOptions_reachItsOwnWorkerJvm_andNoOtherActorsJvm() {
    ActorHandle<Props> withOptions =
        Manta.actor(Props::new).jvmOptions(List.of("-Dmanta.test.prop=xyz", "-Xss2m")).remote();
    assertThat(withOptions.task(Props::get, "manta.test.prop").remote().get()).isEqualTo("xyz");
    long pid = withOptions.task(Props::pid).remote().get();
    withOptions.kill();
    // Its JVM is never reused: the next actor, without options, runs in another JVM.
    ActorHandle<Props> plain = Manta.actor(Props::new).remote();
    assertThat(plain.task(Props::get, "manta.test.prop").remote().get()).isNull();
    assertThat(plain.task(Props::pid).remote().get()).isNotEqualTo(pid);
  }

  @Test
  void anOptionTheJdkRefuses_failsTheActorsCreationWithTheJvmsMessage() {
    ActorHandle<Props> bad =
        Manta.actor(Props::new).jvmOptions(List.of("-XX:+MantaNoSuchVmOption")).remote();
    assertThatThrownBy(() -> bad.task(Props::pid).remote().get(Duration.ofMinutes(3)))
        .hasStackTraceContaining("-XX:+MantaNoSuchVmOption")
        .hasStackTraceContaining("Unrecognized VM option");
  }

  @Test
  void optionsThatWouldBreakTheWorker_areRefusedAtOnce() {
    assertThatThrownBy(() -> Manta.actor(Props::new).jvmOptions(List.of("-jar", "x.jar")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'-jar' is refused");
    assertThatThrownBy(() -> Manta.actor(Props::new).jvmOptions(List.of("--class-path=/x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--class-path=/x");
  }
}
