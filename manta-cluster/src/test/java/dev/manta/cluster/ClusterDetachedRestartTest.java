package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.ActorDiedException;
import dev.manta.ActorHandle;
import dev.manta.ActorLifetime;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.ManagedChannel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The head restarts a detached actor whose creator is gone, with real processes and real {@code
 * kill -9}: a driver (its own JVM, its own job) creates a named detached actor with {@code
 * maxRestarts(1)} and exits; this JVM's driver (another job of the same namespace) finds it by
 * name; its worker JVM is killed; a call made meanwhile waits and runs on the instance the head
 * restarted, whose state starts anew; a second kill leaves it DEAD "out of restarts". An actor
 * whose constructor argument lived in its creator's object store is not restarted, and says so
 * (HeadService, S6; DetachedRestarts).
 */
class ClusterDetachedRestartTest {
  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir static Path dir;
  static ClusterFixture cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster =
        new ClusterFixture(
            dir,
            "-Dmanta.prestart-workers=1",
            "-Dmanta.health-check-period-ms=250",
            "-Dmanta.health-check-timeout-ms=500",
            "-Dmanta.health-check-failure-threshold=3",
            "-Dmanta.heartbeat-ms=100"); // the node's free CPUs reach the head sooner
    cluster.startHead(2, "--insecure-no-token");
    Manta.init(cluster.address());
  }

  /** Every test gives back what it reserved (a restarted actor's lease included). */
  @AfterEach
  void nothingLeftReserved() {
    Awaitility.await("every CPU of the node free after the test")
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(50))
        .until(ClusterDetachedRestartTest::cpusFree, c -> c == 2.0);
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  /** An actor whose state (a running sum) lives in its memory only. */
  public static final class Counter {
    private long sum;

    public Counter() {}

    public Counter(byte[] seed) {
      this.sum = seed.length;
    }

    public long add(long n) {
      sum += n;
      return sum;
    }

    public long pid() {
      return ProcessHandle.current().pid();
    }
  }

  @Test
  void detachedActor_restartedByTheHead_afterItsCreatorExited_untilOutOfRestarts()
      throws Exception {
    long firstPid = runCreator("plain", "phoenix");
    ActorInfo before = awaitRecord("phoenix", ActorInfo::getOwnerGone);
    assertThat(before.getState()).isEqualTo(ActorState.ALIVE);
    assertThat(before.getNumRestarts()).isZero();

    // Another job of the namespace finds it by name and calls it, its state as its creator left it.
    ActorHandle<Counter> held = Manta.<Counter>getActor("phoenix");
    assertThat(Manta.get(held.task(Counter::add, 1L).remote(), BOUND)).isEqualTo(6);

    kill9(firstPid); // its creator is gone: only the head can bring it back
    // A call made while it restarts waits for it (held, or sent again: maxTaskRetries 1) and runs
    // on the new instance, whose state starts anew.
    ObjectRef<Long> during = held.task(Counter::add, 1L).remote();
    assertThat(Manta.get(during, BOUND)).isEqualTo(1);
    ActorInfo back =
        awaitRecord("phoenix", r -> r.getState() == ActorState.ALIVE && r.getNumRestarts() == 1);
    assertThat(back.getWorkerAddress()).isNotEqualTo(before.getWorkerAddress());

    // Found by name again: the restarted instance, its state kept since the restart.
    ActorHandle<Counter> found = Manta.<Counter>getActor("phoenix");
    assertThat(Manta.get(found.task(Counter::add, 1L).remote(), BOUND)).isEqualTo(2);
    long secondPid = Manta.get(found.task(Counter::pid).remote(), BOUND);
    assertThat(secondPid).isNotEqualTo(firstPid);

    kill9(secondPid); // its one restart is spent
    ActorInfo dead = awaitRecord("phoenix", r -> r.getState() == ActorState.DEAD);
    assertThat(dead.getDeathReason())
        .contains("its worker process died")
        .contains("out of restarts (restarted 1 times, maxRestarts 1)");
    assertThatThrownBy(() -> Manta.get(found.task(Counter::add, 1L).remote(), BOUND))
        .isInstanceOf(ActorDiedException.class)
        .hasMessageContaining("out of restarts");
    assertThat(Manta.findActor("phoenix")).isEmpty();
  }

  @Test
  void detachedActor_whoseArgumentWasInItsCreatorsStore_isNotRestarted_sayingWhy()
      throws Exception {
    long pid = runCreator("stored", "seeded-orphan");
    awaitRecord("seeded-orphan", ActorInfo::getOwnerGone);
    ActorHandle<Counter> found = Manta.<Counter>getActor("seeded-orphan");
    assertThat(Manta.get(found.task(Counter::add, 1L).remote(), BOUND))
        .isEqualTo(SEED_BYTES + 5 + 1);

    kill9(pid);
    ActorInfo dead = awaitRecord("seeded-orphan", r -> r.getState() == ActorState.DEAD);
    assertThat(dead.getDeathReason())
        .contains("it is not restarted: its constructor argument")
        .contains("owned by its creator, which is gone");
    assertThatThrownBy(() -> Manta.get(found.task(Counter::add, 1L).remote(), BOUND))
        .isInstanceOf(ActorDiedException.class)
        .hasMessageContaining("constructor argument");
    assertThat(Manta.findActor("seeded-orphan")).isEmpty();
  }

  static final int SEED_BYTES = 300 * 1024; // in the node's store, not inline

  /**
   * Runs {@link CreatingDriver} in its own JVM ({@code mode}, actor {@code name}) until it exited
   * normally; returns the pid of the actor's worker JVM.
   */
  private static long runCreator(String mode, String name) throws Exception {
    List<String> cmd = ClusterFixture.javaCommand(List.of());
    cmd.add(CreatingDriver.class.getName());
    cmd.add(cluster.address());
    cmd.add(mode);
    cmd.add(name);
    Process driver = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    StringBuilder seen = new StringBuilder();
    String ready = null;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        seen.append(line).append('\n');
        if (line.startsWith(CreatingDriver.READY)) {
          ready = line;
        }
      }
    }
    assertThat(driver.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(ready).as("the driver made its actor; its output:%n%s", seen).isNotNull();
    assertThat(driver.exitValue()).as("the driver's exit; its output:%n%s", seen).isZero();
    return Long.parseLong(ready.split(" ")[1]);
  }

  /**
   * A driver that creates a named detached actor with one restart (with {@code stored}, from an
   * argument in the object store), calls it, prints its worker's pid, and shuts down.
   */
  public static final class CreatingDriver {
    static final String READY = "CREATING-DRIVER-READY";

    public static void main(String[] args) throws Exception {
      Manta.init(args[0]);
      ActorHandle<Counter> a;
      if (args[1].equals("stored")) {
        ObjectRef<byte[]> seed = Manta.put(new byte[SEED_BYTES]);
        a =
            Manta.<Counter, byte[]>actor(Counter::new, seed)
                .name(args[2])
                .lifetime(ActorLifetime.DETACHED)
                .maxRestarts(1)
                .remote();
      } else {
        a =
            Manta.actor(Counter::new)
                .name(args[2])
                .lifetime(ActorLifetime.DETACHED)
                .maxRestarts(1)
                .maxTaskRetries(1)
                .remote();
      }
      Manta.get(a.task(Counter::add, 5L).remote(), BOUND);
      long pid = Manta.get(a.task(Counter::pid).remote(), BOUND);
      System.out.println(READY + " " + pid);
      System.out.flush();
      Manta.shutdown();
      System.exit(0);
    }
  }

  private static void kill9(long pid) throws Exception {
    ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
    p.destroyForcibly();
    p.onExit().get(60, TimeUnit.SECONDS);
  }

  /** The head node's free CPUs, as its agent last reported them. */
  private static double cpusFree() {
    NodeInfo n =
        view().getNodesList().stream().filter(NodeInfo::getAlive).findFirst().orElseThrow();
    return n.getAvailable().getAmountsOrDefault("CPU", -1.0);
  }

  private static ActorInfo awaitRecord(String name, Predicate<ActorInfo> what) {
    return Awaitility.await(name + "'s head record")
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> headRecord(name), r -> r != null && what.test(r));
  }

  /** The head's record of the actor named {@code name} (the newest, if several). */
  static ActorInfo headRecord(String name) {
    return view().getActorsList().stream()
        .filter(x -> x.getName().equals(name))
        .reduce((x, y) -> y.getSequence() > x.getSequence() ? y : x)
        .orElse(null);
  }

  private static dev.manta.cluster.proto.ClusterView view() {
    ManagedChannel ch = Rpc.channel(cluster.head().head(), ClusterFixture.TOKEN);
    try {
      return Rpc.deadline(HeadGrpc.newBlockingStub(ch)).getClusterView(Empty.getDefaultInstance());
    } finally {
      ch.shutdownNow();
    }
  }
}
