package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.ActorDiedException;
import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Actors of a job with {@code manta.actor-hosting=shared} on a real one-node cluster: they share
 * one worker JVM (its pid is the one process they all report), each with its own state; an actor
 * that asks to be isolated gets a JVM of its own; a {@code kill -9} of the shared JVM kills every
 * actor in it, and each comes back or stays dead by its own {@code maxRestarts} (HeadService's
 * ALIVE -> RESTARTING -> ALIVE, or ALIVE -> DEAD with the cause).
 */
class ClusterSharedActorsTest {
  private static final Duration BOUND = Duration.ofSeconds(120);

  @TempDir static Path dir;
  static ClusterFixture cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ClusterFixture(dir, "-Dmanta.prestart-workers=1");
    cluster.startHead(2);
    // The job's default, read once as the driver joins (ClusterConfig): this job shares.
    System.setProperty(ClusterConfig.ACTOR_HOSTING, "shared");
    try {
      Manta.init(cluster.address());
    } finally {
      System.clearProperty(ClusterConfig.ACTOR_HOSTING);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  /** An actor whose state lives in its instance only. */
  public static final class Counter {
    private int value;

    public Counter(int base) {
      this.value = base;
    }

    public int add(int by) {
      value += by;
      return value;
    }

    public long pid() {
      return ProcessHandle.current().pid();
    }
  }

  @Test
  void twoHundredActors_shareOneJvm_eachKeepsItsOwnState_anIsolatedOneGetsItsOwn()
      throws Exception {
    int n = 200;
    List<ActorHandle<Counter>> actors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      actors.add(Manta.actor(Counter::new, i * 1_000).remote());
    }
    List<ObjectRef<Integer>> first = new ArrayList<>();
    List<ObjectRef<Long>> pids = new ArrayList<>();
    for (ActorHandle<Counter> a : actors) {
      first.add(a.task(Counter::add, 1).remote());
      pids.add(a.task(Counter::pid).remote());
    }
    Set<Long> hosts = new HashSet<>();
    for (int i = 0; i < n; i++) {
      assertThat(Manta.get(first.get(i), BOUND)).isEqualTo(i * 1_000 + 1);
      hosts.add(Manta.get(pids.get(i), BOUND));
    }
    // One node, one job: one shared JVM holds all 200.
    assertThat(hosts).hasSize(1);
    long host = hosts.iterator().next();
    assertThat(workerPids()).contains(host);
    // The node runs a handful of workers (the host, a prestarted one, maybe the task worker), not
    // one per actor.
    assertThat(workerPids()).hasSizeLessThan(6);
    // Each call reached its own actor's state: a second round adds to the first.
    List<ObjectRef<Integer>> second = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      second.add(actors.get(i).task(Counter::add, i).remote());
    }
    for (int i = 0; i < n; i++) {
      assertThat(Manta.get(second.get(i), BOUND)).isEqualTo(i * 1_000 + 1 + i);
    }

    ActorHandle<Counter> own = Manta.actor(Counter::new, 7).isolated(true).remote();
    long ownPid = Manta.get(own.task(Counter::pid).remote(), BOUND);
    assertThat(ownPid).isNotEqualTo(host);
    assertThat(workerPids()).contains(ownPid, host);
    assertThat(Manta.get(own.task(Counter::add, 1).remote(), BOUND)).isEqualTo(8);

    own.kill();
    for (ActorHandle<Counter> a : actors) {
      a.kill();
    }
    // The shared JVM stays for the job's next actors: killing its actors does not stop it.
    ActorHandle<Counter> next = Manta.actor(Counter::new, 0).remote();
    assertThat(Manta.get(next.task(Counter::pid).remote(), BOUND)).isEqualTo(host);
    next.kill();
  }

  @Test
  void kill9OfTheSharedJvm_restartsEachActorWithRestartsLeft_theOthersAreDeadWithTheCause()
      throws Exception {
    List<ActorHandle<Counter>> restartable = new ArrayList<>();
    List<ActorHandle<Counter>> once = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      restartable.add(
          Manta.actor(Counter::new, 100 * i).name("again-" + i).maxRestarts(1).remote());
      once.add(Manta.actor(Counter::new, 100 * i).name("once-" + i).remote());
    }
    Set<Long> hosts = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      assertThat(Manta.get(restartable.get(i).task(Counter::add, 5).remote(), BOUND))
          .isEqualTo(100 * i + 5);
      assertThat(Manta.get(once.get(i).task(Counter::add, 5).remote(), BOUND))
          .isEqualTo(100 * i + 5);
      hosts.add(Manta.get(restartable.get(i).task(Counter::pid).remote(), BOUND));
      hosts.add(Manta.get(once.get(i).task(Counter::pid).remote(), BOUND));
    }
    assertThat(hosts).hasSize(1);
    long host = hosts.iterator().next();

    kill9(host);

    Set<Long> newHosts = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      ActorInfo alive =
          awaitRecord(
              "again-" + i, r -> r.getState() == ActorState.ALIVE && r.getNumRestarts() == 1);
      assertThat(alive.getDeathReason()).isEmpty();
      // Its constructor ran again: the state is rebuilt from its base.
      assertThat(Manta.get(restartable.get(i).task(Counter::add, 1).remote(), BOUND))
          .isEqualTo(100 * i + 1);
      newHosts.add(Manta.get(restartable.get(i).task(Counter::pid).remote(), BOUND));

      ActorInfo dead = awaitRecord("once-" + i, r -> r.getState() == ActorState.DEAD);
      assertThat(dead.getDeathReason()).contains("worker process").contains("died");
      ActorHandle<Counter> gone = once.get(i);
      assertThatThrownBy(() -> Manta.get(gone.task(Counter::add, 1).remote(), BOUND))
          .isInstanceOf(ActorDiedException.class)
          .hasMessageContaining("worker process");
    }
    // The restarted ones share again: one new JVM, not the dead one.
    assertThat(newHosts).hasSize(1).doesNotContain(host);
    for (ActorHandle<Counter> a : restartable) {
      a.kill();
    }
  }

  /** The worker JVMs of the node (the head process's child processes). */
  private static Set<Long> workerPids() {
    Set<Long> pids = new HashSet<>();
    cluster.head().process().descendants().forEach(p -> pids.add(p.pid()));
    return pids;
  }

  /** Kills a worker JVM as {@code kill -9} does and waits until it is gone. */
  private static void kill9(long pid) throws Exception {
    ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
    p.destroyForcibly();
    p.onExit().get(60, TimeUnit.SECONDS);
  }

  private static ActorInfo awaitRecord(String name, Predicate<ActorInfo> what) {
    return Awaitility.await()
        .atMost(BOUND)
        .until(() -> headRecord(name), r -> r != null && what.test(r));
  }

  /** The head's record of this test's actor named {@code name} (the newest, if several). */
  private static ActorInfo headRecord(String name) {
    ManagedChannel ch = Rpc.channel(cluster.head().head());
    try {
      return Rpc.deadline(HeadGrpc.newBlockingStub(ch))
          .getClusterView(Empty.getDefaultInstance())
          .getActorsList()
          .stream()
          .filter(x -> x.getName().equals(name))
          .reduce((x, y) -> y.getSequence() > x.getSequence() ? y : x)
          .orElse(null);
    } finally {
      ch.shutdownNow();
    }
  }
}
