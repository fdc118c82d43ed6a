package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.TaskCancelledException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cancel} of a task already running on a worker: it is interrupted there (the worker lives
 * on), or with force its worker process is killed; either way the caller's {@code get} throws
 * {@link TaskCancelledException} and the task is not run again, although it has retries left.
 */
class ClusterCancelTest {
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

  /** Marks each start in {@code dir} and its pid, then waits until interrupted, and marks that. */
  static int interruptible(String dir) throws Exception {
    Path d = Path.of(dir);
    started(d);
    try {
      new java.util.concurrent.CountDownLatch(1).await(); // until interrupted
    } catch (InterruptedException e) {
      Files.writeString(d.resolve("interrupted"), "");
      throw e;
    }
    return 1;
  }

  /** Marks each start in {@code dir} and its pid, then never ends: interrupts are ignored. */
  static int stubborn(String dir) throws Exception {
    started(Path.of(dir));
    java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
    while (true) {
      try {
        never.await();
      } catch (InterruptedException ignored) {
        // a task that ignores cancel: only force ends it
      }
    }
  }

  private static void started(Path d) throws IOException {
    long pid = ProcessHandle.current().pid();
    Files.writeString(d.resolve("started-" + System.nanoTime()), Long.toString(pid));
    Files.writeString(d.resolve("pid.tmp"), Long.toString(pid));
    Files.move(d.resolve("pid.tmp"), d.resolve("pid"));
  }

  static int one() {
    return 1;
  }

  private static long starts(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(p -> p.getFileName().toString().startsWith("started-")).count();
    }
  }

  private static long awaitStarted(Path d) throws IOException {
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(d.resolve("pid")));
    return Long.parseLong(Files.readString(d.resolve("pid")));
  }

  @Test
  void cancel_ofARunningTask_interruptsItOnItsWorker_andItIsNotRetried() throws Exception {
    Path d = Files.createDirectories(dir.resolve("interrupt"));
    ObjectRef<Integer> r = Manta.task(ClusterCancelTest::interruptible, d.toString()).remote();
    long worker = awaitStarted(d);

    assertThat(Manta.cancel(r)).isTrue();

    assertThatThrownBy(() -> Manta.get(r, Duration.ofSeconds(30)))
        .isInstanceOf(TaskCancelledException.class)
        .hasMessageContaining("ClusterCancelTest::interruptible")
        .hasMessageContaining("interrupted");
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Files.exists(d.resolve("interrupted")));
    assertThat(ProcessHandle.of(worker).map(ProcessHandle::isAlive)).contains(true);
    assertThat(Manta.get(Manta.task(ClusterCancelTest::one).remote(), Duration.ofMinutes(1)))
        .isEqualTo(1);
    assertThat(starts(d)).isEqualTo(1);
    assertThat(Manta.cancel(r)).as("already cancelled").isFalse();
  }

  @Test
  void forcedCancel_killsTheWorkerProcess_andTheTaskIsNotRetried() throws Exception {
    Path d = Files.createDirectories(dir.resolve("force"));
    ObjectRef<Integer> r = Manta.task(ClusterCancelTest::stubborn, d.toString()).remote();
    long worker = awaitStarted(d);
    ProcessHandle process = ProcessHandle.of(worker).orElseThrow();

    assertThat(Manta.cancel(r, true)).isTrue();

    assertThatThrownBy(() -> Manta.get(r))
        .isInstanceOf(TaskCancelledException.class)
        .hasMessageContaining("killed");
    process.onExit().get(60, TimeUnit.SECONDS); // the worker JVM is gone
    // Work goes on, on a new worker; the cancelled task did not run again there.
    assertThat(Manta.get(Manta.task(ClusterCancelTest::one).remote(), Duration.ofMinutes(1)))
        .isEqualTo(1);
    assertThat(starts(d)).isEqualTo(1);
  }
}
