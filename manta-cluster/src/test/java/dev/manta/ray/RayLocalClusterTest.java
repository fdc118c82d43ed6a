package dev.manta.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.cluster.ClusterFixture;
import dev.manta.cluster.JvmFlags;
import io.ray.api.ActorHandle;
import io.ray.api.Ray;
import io.ray.api.exception.RayActorException;
import io.ray.api.exception.RayWorkerException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Ray's default run mode without an address: {@code Ray.init()} starts a local Manta cluster whose
 * workers are child JVMs, so a task or actor that calls {@code System.exit} fails with Ray's
 * exception and the driver lives on; nothing of the cluster outlives {@code Ray.shutdown()} or the
 * driver's JVM.
 */
class RayLocalClusterTest {
  /** The node JVM's options: the cluster fixture's, cheaper to boot on a busy 2-core machine. */
  private static final String NODE_JVM = String.join(" ", ClusterFixture.LEAN_JVM_FLAGS);

  static long pid() {
    return ProcessHandle.current().pid();
  }

  static long parentPid() {
    return ProcessHandle.current().parent().orElseThrow().pid();
  }

  static int exitTask() {
    System.exit(3);
    return 0;
  }

  /** An actor whose {@link #exit} ends its process. */
  public static class Exiter {
    /** Ends this actor's JVM. */
    public int exit() {
      System.exit(4);
      return 0;
    }

    /** Answers 1. */
    public int ping() {
      return 1;
    }
  }

  @Test
  void rayInit_withoutAddress_runsTasksAndActorsInChildJvms_andOutlivesTheirSystemExit() {
    System.setProperty("ray.head-args.0", "--num-cpus=2");
    System.setProperty("ray.local-cluster.jvm-options", NODE_JVM);
    // A task whose worker died is run again up to 3 times (Ray's and Manta's default) before
    // RayWorkerException; each try boots a worker JVM, which this test need not wait for.
    System.setProperty("manta.task-max-retries", "0");
    long t0 = System.nanoTime();
    Ray.init();
    List<Long> pids = new ArrayList<>();
    try {
      System.out.printf(
          "Ray.init() with a local cluster took %d ms%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      assertThat(Ray.getRuntimeContext().isLocalMode()).isFalse();
      long worker = Ray.task(RayLocalClusterTest::pid).remote().get();
      long node = Ray.task(RayLocalClusterTest::parentPid).remote().get();
      System.out.printf(
          "Ray.init() to a first task's result: %d ms%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      assertThat(worker).isNotEqualTo(pid());
      assertThat(ProcessHandle.current().children().map(ProcessHandle::pid)).contains(node);
      pids.addAll(List.of(worker, node));

      assertThatThrownBy(() -> Ray.task(RayLocalClusterTest::exitTask).remote().get())
          .isInstanceOf(RayWorkerException.class);
      long next = Ray.task(RayLocalClusterTest::pid).remote().get();
      assertThat(next).as("a new task worker").isNotEqualTo(worker);
      pids.add(next);

      ActorHandle<Exiter> a = Ray.actor(Exiter::new).remote();
      assertThat(a.task(Exiter::ping).remote().get()).isEqualTo(1);
      assertThatThrownBy(() -> a.task(Exiter::exit).remote().get())
          .isInstanceOf(RayActorException.class);
      assertThatThrownBy(() -> a.task(Exiter::ping).remote().get())
          .isInstanceOf(RayActorException.class);
      ActorHandle<Exiter> b = Ray.actor(Exiter::new).remote();
      assertThat(b.task(Exiter::ping).remote().get()).isEqualTo(1);
      assertThat(Ray.task(RayLocalClusterTest::pid).remote().get()).isEqualTo(next);
    } finally {
      long t1 = System.nanoTime();
      Ray.shutdown();
      System.out.printf(
          "Ray.shutdown() of a local cluster took %d ms%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1));
      System.clearProperty("ray.head-args.0");
      System.clearProperty("ray.local-cluster.jvm-options");
      System.clearProperty("manta.task-max-retries");
    }
    for (long p : pids) {
      assertThat(ProcessHandle.of(p).filter(ProcessHandle::isAlive))
          .as("process %d after Ray.shutdown()", p)
          .isEmpty();
    }
  }

  @Test
  void localCluster_endsWhenItsDriverJvmIsKilled() throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(JvmFlags.forThisJdk());
    cmd.addAll(ClusterFixture.LEAN_JVM_FLAGS);
    cmd.add("-Dray.local-cluster.jvm-options=" + NODE_JVM);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(LocalClusterDriverMain.class.getName());
    Process driver = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      CompletableFuture<String> line =
          CompletableFuture.supplyAsync(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
                  StringBuilder seen = new StringBuilder();
                  for (String l; (l = r.readLine()) != null; ) {
                    if (l.startsWith("PIDS ")) {
                      return l;
                    }
                    seen.append(l).append('\n');
                  }
                  throw new IllegalStateException("the driver exited:\n" + seen);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      String[] f = line.get(90, TimeUnit.SECONDS).split(" ");
      long node = Long.parseLong(f[1]);
      long worker = Long.parseLong(f[2]);
      assertThat(ProcessHandle.of(node).filter(ProcessHandle::isAlive)).isPresent();
      assertThat(ProcessHandle.of(worker).filter(ProcessHandle::isAlive)).isPresent();

      driver.destroyForcibly(); // SIGKILL: the driver runs no shutdown hook
      driver.waitFor();

      Awaitility.await("the local cluster's node and worker end with their driver")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  ProcessHandle.of(node).filter(ProcessHandle::isAlive).isEmpty()
                      && ProcessHandle.of(worker).filter(ProcessHandle::isAlive).isEmpty());
    } finally {
      driver.descendants().forEach(ProcessHandle::destroyForcibly);
      driver.destroyForcibly();
    }
  }
}
