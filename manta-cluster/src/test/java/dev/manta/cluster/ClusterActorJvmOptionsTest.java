package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.cluster.config.ClusterConfig;
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
 * creation with the JVM's own message. A driver's {@code manta.job.jvm-options} (Ray's {@code
 * ray.job.jvm-options}) reach every worker JVM of its job, and no other job's.
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

    public int exit() {
      Manta.exitActor();
      return 0;
    }
  }

  /**
   * An actor that ends itself (exitActor) returns its lease, so the JVM started for its options
   * stops at once: its owner used to drop the actor's place before handling the head's notice of
   * its death, never returned the lease, and the JVM (and the actor's resources) stayed until the
   * job ended.
   */
  @Test
  void anActorThatExits_returnsItsLease_soItsOwnJvmStops() throws Exception {
    ActorHandle<Props> a =
        Manta.actor(Props::new).jvmOptions(List.of("-Dmanta.test.exit=1")).remote();
    long pid = a.task(Props::pid).remote().get();
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    assertThatThrownBy(() -> a.task(Props::exit).remote().get())
        .isInstanceOf(dev.manta.ActorDiedException.class);
    process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(process.isAlive()).isFalse();
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

  static String prop(String key) {
    return System.getProperty(key);
  }

  /** Runs {@code job} as a driver of its own with {@code jobOptions}, then rejoins as before. */
  private static void asJob(String jobOptions, Runnable job) {
    Manta.shutdown();
    System.setProperty(ClusterConfig.JOB_JVM_OPTIONS, jobOptions);
    try {
      Manta.init(cluster.address());
      try {
        job.run();
      } finally {
        Manta.shutdown();
      }
    } finally {
      System.clearProperty(ClusterConfig.JOB_JVM_OPTIONS);
      Manta.init(cluster.address());
    }
  }

  @Test
  void aJobsJvmOptions_reachEveryWorkerJvmOfTheJob_andNoOtherJobs() {
    asJob(
        "-Dmanta.test.job=42 -Xss2m",
        () -> {
          assertThat(Manta.task(ClusterActorJvmOptionsTest::prop, "manta.test.job").remote().get())
              .as("a task")
              .isEqualTo("42");
          ActorHandle<Props> actor = Manta.actor(Props::new).remote();
          assertThat(actor.task(Props::get, "manta.test.job").remote().get())
              .as("an actor")
              .isEqualTo("42");
          ActorHandle<Props> own =
              Manta.actor(Props::new).jvmOptions(List.of("-Dmanta.test.prop=own")).remote();
          assertThat(own.task(Props::get, "manta.test.job").remote().get())
              .as("an actor with options of its own gets the job's too")
              .isEqualTo("42");
          assertThat(own.task(Props::get, "manta.test.prop").remote().get()).isEqualTo("own");
        });
    // The next job's workers are not the first job's: none has its options.
    assertThat(Manta.task(ClusterActorJvmOptionsTest::prop, "manta.test.job").remote().get())
        .isNull();
    assertThat(Manta.actor(Props::new).remote().task(Props::get, "manta.test.job").remote().get())
        .isNull();
  }

  @Test
  void jobJvmOptionsThatWouldBreakTheWorker_areRefusedAtInit() {
    assertThatThrownBy(() -> asJob("-jar x.jar", () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ClusterConfig.JOB_JVM_OPTIONS)
        .hasMessageContaining("'-jar' is refused");
    assertThat(Manta.isInitialized()).isTrue(); // rejoined
  }

  @Test
  void raysJobJvmOptionsList_reachTheJobsWorkers() {
    Manta.shutdown();
    System.setProperty("ray.address", cluster.address());
    System.setProperty("ray.job.jvm-options.0", "-Dmanta.test.ray=7");
    System.setProperty("ray.job.jvm-options.1", "-Dmanta.test.ray2=8");
    try {
      io.ray.api.Ray.init();
      try {
        assertThat(
                io.ray.api.Ray.task(ClusterActorJvmOptionsTest::prop, "manta.test.ray")
                    .remote()
                    .get(60_000))
            .isEqualTo("7");
        assertThat(
                io.ray.api.Ray.actor(Props::new)
                    .remote()
                    .task(Props::get, "manta.test.ray2")
                    .remote()
                    .get(60_000))
            .isEqualTo("8");
      } finally {
        io.ray.api.Ray.shutdown();
      }
    } finally {
      System.clearProperty("ray.address");
      System.clearProperty("ray.job.jvm-options.0");
      System.clearProperty("ray.job.jvm-options.1");
      Manta.init(cluster.address());
    }
    assertThat(System.getProperty(ClusterConfig.JOB_JVM_OPTIONS)).as("restored").isNull();
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
