package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

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
 * What an actor's owner's death does, with real processes and real {@code kill -9}: a detached
 * actor outlives its driver's kill and shutdown and a later driver (a new job, same namespace)
 * finds it by name and calls it, its state kept, until it is killed (its name, worker and CPU
 * freed); the live actors of a dead owner (a task's worker, killed) die with it while its detached
 * one lives; a restartable actor's constructor ref argument stays alive for its restart after the
 * caller dropped it. The cluster runs without a cluster token (loopback only): under a token each
 * job reaches only its own job's actors, so another job's driver is refused (HeadService, S5).
 */
class ClusterActorOwnerTest {
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

  /**
   * Every test gives back what it reserved: the next one's expected free CPUs are absolute, and a
   * leaked lease (a dead actor's CPU still reserved) fails the test that leaked it, not the next.
   */
  @AfterEach
  void nothingLeftReserved() {
    awaitCpusFree("every CPU of the node free after the test", 2.0);
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

  /**
   * A task creating a non-detached and a detached actor, both named; returns the pids of its own
   * worker and of the two actors' workers.
   */
  static long[] createBoth(String prefix) {
    ActorHandle<Counter> child =
        Manta.actor(Counter::new).name(prefix + "-child").numCpus(1).remote();
    ActorHandle<Counter> orphan =
        Manta.actor(Counter::new)
            .name(prefix + "-orphan")
            .lifetime(ActorLifetime.DETACHED)
            .remote();
    Manta.get(orphan.task(Counter::add, 7L).remote(), BOUND);
    return new long[] {
      ProcessHandle.current().pid(),
      Manta.get(child.task(Counter::pid).remote(), BOUND),
      Manta.get(orphan.task(Counter::pid).remote(), BOUND)
    };
  }

  @Test
  void detachedActor_outlivesItsDriversKill9_laterDriverCallsItByName_killFreesAll()
      throws Exception {
    List<String> cmd = ClusterFixture.javaCommand(List.of());
    cmd.add(CreatingDriver.class.getName());
    cmd.add(cluster.address());
    Process driver = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    long keeperPid;
    long mortalPid;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder seen = new StringBuilder();
      String line;
      while ((line = out.readLine()) != null && !line.startsWith(CreatingDriver.READY)) {
        seen.append(line).append('\n');
      }
      assertThat(line).as("the driver made its actors; its output:%n%s", seen).isNotNull();
      String[] f = line.split(" ");
      keeperPid = Long.parseLong(f[1]);
      mortalPid = Long.parseLong(f[2]);
      awaitCpusFree("the detached actor holds a CPU", 1.0);
      driver.destroyForcibly(); // kill -9
      assertThat(driver.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    // Its job ends: the non-detached actor dies with it, the detached one lives on.
    ActorInfo mortal = awaitRecord("mortal", r -> r.getState() == ActorState.DEAD);
    assertThat(mortal.getDeathReason()).contains("its job").contains("ended");
    awaitExit(mortalPid);
    ActorInfo keeper = awaitRecord("keeper", ActorInfo::getOwnerGone);
    assertThat(keeper.getState()).isEqualTo(ActorState.ALIVE);
    assertThat(keeper.getDetached()).isTrue();
    assertThat(ProcessHandle.of(keeperPid).map(ProcessHandle::isAlive)).contains(true);

    // This JVM's driver is another job of the same namespace: it finds the actor, state kept.
    ActorHandle<Counter> found = Manta.<Counter>getActor("keeper");
    assertThat(Manta.get(found.task(Counter::add, 1L).remote(), BOUND)).isEqualTo(6);
    assertThat(Manta.get(found.task(Counter::pid).remote(), BOUND)).isEqualTo(keeperPid);
    awaitCpusFree("still reserved after its job ended", 1.0);

    found.kill();
    assertThat(headRecord("keeper").getState()).isEqualTo(ActorState.DEAD);
    assertThat(Manta.findActor("keeper")).isEmpty();
    awaitExit(keeperPid); // its worker stops: its job is over
    awaitCpusFree("the detached actor's CPU is free again", 2.0);
    // The name is free: a new actor takes it.
    ActorHandle<Counter> again = Manta.actor(Counter::new).name("keeper").remote();
    assertThat(Manta.get(again.task(Counter::add, 2L).remote(), BOUND)).isEqualTo(2);
    again.kill();
  }

  @Test
  void detachedActor_outlivesItsCreatorsShutdown() throws Exception {
    ActorHandle<Counter> a =
        Manta.actor(Counter::new).name("survivor").lifetime(ActorLifetime.DETACHED).remote();
    assertThat(Manta.get(a.task(Counter::add, 40L).remote(), BOUND)).isEqualTo(40);
    long pid = Manta.get(a.task(Counter::pid).remote(), BOUND);
    Manta.shutdown();
    Manta.init(cluster.address());
    awaitRecord("survivor", ActorInfo::getOwnerGone);
    ActorHandle<Counter> found = Manta.<Counter>getActor("survivor");
    assertThat(Manta.get(found.task(Counter::add, 2L).remote(), BOUND)).isEqualTo(42);
    found.kill();
    awaitExit(pid);
    assertThat(Manta.findActor("survivor")).isEmpty();
  }

  @Test
  void ownerWorkerKilled9_itsLiveActorDies_itsDetachedActorLives() throws Exception {
    long[] pids =
        Manta.get(Manta.task(ClusterActorOwnerTest::createBoth, "nested").remote(), BOUND);
    ActorInfo orphanBefore = headRecord("nested-orphan");
    assertThat(headRecord("nested-child").getState()).isEqualTo(ActorState.ALIVE);
    awaitCpusFree("the child holds a CPU", 1.0);
    kill9(pids[0]); // the task's worker: the actors' owner

    ActorInfo child = awaitRecord("nested-child", r -> r.getState() == ActorState.DEAD);
    assertThat(child.getDeathReason())
        .contains("killed because its owner, worker process")
        .contains("died");
    // Its worker ended it (the JVM may wait for the job's next actor) and its CPU is free.
    awaitCpusFree("the dead owner's actor's CPU is free again", 2.0);
    assertThat(Manta.findActor("nested-child")).isEmpty();

    ActorInfo orphan = awaitRecord("nested-orphan", ActorInfo::getOwnerGone);
    assertThat(orphan.getState()).isEqualTo(ActorState.ALIVE);
    assertThat(orphan.getWorkerAddress()).isEqualTo(orphanBefore.getWorkerAddress());
    ActorHandle<Counter> o = Manta.<Counter>getActor("nested-orphan");
    assertThat(Manta.get(o.task(Counter::add, 1L).remote(), BOUND)).isEqualTo(8);
    o.kill(); // from a process that does not own it: the head hears it, its worker ends it
    assertThat(headRecord("nested-orphan").getState()).isEqualTo(ActorState.DEAD);
    assertThat(Manta.findActor("nested-orphan")).isEmpty();
    assertThat(pids[2]).isPositive();
  }

  @Test
  void restartableActor_keepsItsDroppedRefArgument_forItsRestart() throws Exception {
    ObjectRef<byte[]> seed = Manta.put(new byte[300 * 1024]); // in the store, not inline
    ActorHandle<Counter> a =
        Manta.<Counter, byte[]>actor(Counter::new, seed).name("seeded").maxRestarts(1).remote();
    assertThat(Manta.get(a.task(Counter::add, 1L).remote(), BOUND)).isEqualTo(300 * 1024 + 1);
    seed = null; // the only ref this driver held
    assertThat(seed).isNull();
    System.gc();
    long pid = Manta.get(a.task(Counter::pid).remote(), BOUND);
    kill9(pid);
    awaitRecord("seeded", r -> r.getState() == ActorState.ALIVE && r.getNumRestarts() == 1);
    // The constructor ran again with the same argument, read again from the store.
    assertThat(Manta.get(a.task(Counter::add, 2L).remote(), BOUND)).isEqualTo(300 * 1024 + 2);
    a.kill();
  }

  /** A driver that creates a detached and a non-detached actor, says so, and waits to be killed. */
  public static final class CreatingDriver {
    static final String READY = "CREATING-DRIVER-READY";

    public static void main(String[] args) throws Exception {
      Manta.init(args[0]);
      ActorHandle<Counter> keeper =
          Manta.actor(Counter::new)
              .name("keeper")
              .lifetime(ActorLifetime.DETACHED)
              .numCpus(1)
              .remote();
      ActorHandle<Counter> mortal = Manta.actor(Counter::new).name("mortal").remote();
      Manta.get(keeper.task(Counter::add, 5L).remote(), BOUND);
      long k = Manta.get(keeper.task(Counter::pid).remote(), BOUND);
      long m = Manta.get(mortal.task(Counter::pid).remote(), BOUND);
      System.out.println(READY + " " + k + " " + m);
      System.out.flush();
      new java.util.concurrent.CountDownLatch(1).await(); // until killed
    }
  }

  private static void kill9(long pid) throws Exception {
    ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
    p.destroyForcibly();
    p.onExit().get(60, TimeUnit.SECONDS);
  }

  private static void awaitExit(long pid) throws Exception {
    java.util.Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isPresent()) {
      p.get().onExit().get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }
  }

  /** Waits until the head node's agent reports {@code cpus} free (its beats carry the figure). */
  private static void awaitCpusFree(String what, double cpus) {
    Awaitility.await(what)
        .atMost(BOUND)
        .pollInterval(Duration.ofMillis(50))
        .until(ClusterActorOwnerTest::cpusFree, c -> c == cpus);
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
  private static ActorInfo headRecord(String name) {
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
