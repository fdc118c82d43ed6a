package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.ActorDiedException;
import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Actor restarts on a real cluster, each fault a real {@code kill -9} of the actor's worker JVM:
 * {@code maxRestarts} re-runs the constructor elsewhere (its state is what the constructor
 * rebuilds) until the restarts are spent; {@code maxTaskRetries} decides whether the calls in
 * flight are sent again (at least once, each caller's order kept) or fail (at most once); a killed
 * actor and one whose constructor throws on a restart stay dead, naming why. The head's record
 * (state and restart count) is checked at each step (HeadService, S4).
 */
class ClusterActorRestartTest {
  private static final Duration BOUND = Duration.ofSeconds(120);

  @TempDir static Path dir;
  static ClusterFixture cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ClusterFixture(dir, "-Dmanta.prestart-workers=1");
    cluster.startHead(2);
    cluster.startNode("node2", 2);
    Manta.init(cluster.address());
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  /**
   * An actor whose state (calls since it was constructed) lives in memory only; its constructor
   * throws once {@code refuseIfExists} names a file that exists.
   */
  public static final class Probe {
    private final int base;
    private final int restartsAtBirth;
    private int calls;

    public Probe(int base, String refuseIfExists) {
      if (!refuseIfExists.isEmpty() && Files.exists(Path.of(refuseIfExists))) {
        throw new IllegalStateException("this constructor refuses to run: " + refuseIfExists);
      }
      this.base = base;
      this.restartsAtBirth = Manta.runtimeContext().actorRestartCount();
    }

    /** The restart count the constructor saw, and the one a method sees now: "born/now". */
    public String restarts() {
      return restartsAtBirth + "/" + Manta.runtimeContext().actorRestartCount();
    }

    /** The constructor's base plus the calls of this incarnation. */
    public int next() {
      return base + ++calls;
    }

    public long pid() {
      return ProcessHandle.current().pid();
    }

    /** Writes this process's pid to {@code marker}, then runs for two minutes unless it dies. */
    public int block(String marker) throws Exception {
      Files.writeString(Path.of(marker), Long.toString(ProcessHandle.current().pid()));
      Thread.sleep(120_000);
      return -1;
    }

    /**
     * Appends "pid seq" to {@code log}; call {@code blockAt}, the first time it runs, then writes
     * the pid to {@code marker} and runs for two minutes unless it dies.
     */
    public int record(int seq, String log, int blockAt, String marker) throws Exception {
      long pid = ProcessHandle.current().pid();
      Files.writeString(
          Path.of(log),
          pid + " " + seq + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
      if (seq == blockAt && !Files.exists(Path.of(marker))) {
        Files.writeString(Path.of(marker), Long.toString(pid));
        Thread.sleep(120_000);
      }
      return seq;
    }
  }

  @Test
  void maxRestarts2_killedTwice_answersWithRebuiltState_thirdKillIsOutOfRestarts()
      throws Exception {
    ActorHandle<Probe> a = Manta.actor(Probe::new, 100, "").name("twice").maxRestarts(2).remote();
    assertThat(Manta.get(a.task(Probe::next).remote(), BOUND)).isEqualTo(101);
    assertThat(Manta.get(a.task(Probe::next).remote(), BOUND)).isEqualTo(102);
    assertThat(headRecord("twice").getMaxRestarts()).isEqualTo(2);
    assertThat(Manta.get(a.task(Probe::restarts).remote(), BOUND)).isEqualTo("0/0");

    for (int restart = 1; restart <= 2; restart++) {
      long pid = Manta.get(a.task(Probe::pid).remote(), BOUND);
      kill9(pid);
      int n = restart;
      // ALIVE -> RESTARTING -> ALIVE with one more restart (the owner's news, after it restarted)
      ActorInfo alive =
          awaitRecord("twice", r -> r.getState() == ActorState.ALIVE && r.getNumRestarts() == n);
      assertThat(alive.getDeathReason()).isEmpty();
      // The constructor rebuilt the state: the count starts again from its base.
      assertThat(Manta.get(a.task(Probe::next).remote(), BOUND)).isEqualTo(101);
      assertThat(Manta.get(a.task(Probe::pid).remote(), BOUND)).isNotEqualTo(pid);
      assertThat(Manta.get(a.task(Probe::restarts).remote(), BOUND)).isEqualTo(n + "/" + n);
    }
    assertThat(ClusterStatus.render(cluster.address(), Duration.ofSeconds(10)))
        .containsPattern("Probe +ALIVE .*restarted 2 times");

    long pid = Manta.get(a.task(Probe::pid).remote(), BOUND);
    kill9(pid);
    ActorInfo dead = awaitRecord("twice", r -> r.getState() == ActorState.DEAD);
    assertThat(dead.getNumRestarts()).isEqualTo(2);
    assertThat(dead.getDeathReason()).contains("out of restarts").contains("worker process");
    assertThatThrownBy(() -> Manta.get(a.task(Probe::next).remote(), BOUND))
        .isInstanceOf(ActorDiedException.class)
        .hasMessageContaining("out of restarts")
        .hasMessageContaining("maxRestarts 2");
  }

  @Test
  void maxTaskRetriesUnlimited_callsInFlightWhenTheWorkerDies_allArriveInOrder_atLeastOnce()
      throws Exception {
    int calls = 200;
    int blockAt = 60;
    Path log = dir.resolve("sequence.log");
    Path marker = dir.resolve("sequence-blocked");
    ActorHandle<Probe> a =
        Manta.actor(Probe::new, 0, "").name("sequence").maxRestarts(-1).maxTaskRetries(-1).remote();
    List<ObjectRef<Integer>> refs = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      refs.add(a.task(Probe::record, i, log.toString(), blockAt, marker.toString()).remote());
    }
    Awaitility.await().atMost(BOUND).until(() -> Files.exists(marker));
    long pid = Long.parseLong(Files.readString(marker).strip());
    kill9(pid); // calls blockAt.. are in flight (sent, not answered) or queued here

    for (int i = 0; i < calls; i++) {
      assertThat(Manta.get(refs.get(i), BOUND)).isEqualTo(i);
    }
    // Every call arrived; each incarnation saw the calls in the order they were made; the ones
    // in flight at the kill arrived twice (at least once), the blocked one certainly.
    List<String> lines = Files.readAllLines(log);
    Map<String, Integer> lastByPid = new HashMap<>();
    Set<Integer> seen = new HashSet<>();
    int lastFirstSeen = -1;
    int duplicates = 0;
    for (String line : lines) {
      String[] f = line.split(" ");
      int seq = Integer.parseInt(f[1]);
      Integer before = lastByPid.put(f[0], seq);
      assertThat(before == null || before < seq)
          .as("per-incarnation order at %s after %s (process %s)", seq, before, f[0])
          .isTrue();
      if (seen.add(seq)) {
        assertThat(seq).as("first arrival order").isEqualTo(lastFirstSeen + 1);
        lastFirstSeen = seq;
      } else {
        duplicates++;
      }
    }
    assertThat(seen).hasSize(calls);
    assertThat(lastByPid).hasSize(2).containsKey(Long.toString(pid));
    assertThat(duplicates).isEqualTo(lines.size() - calls).isPositive();
    System.out.printf(
        "at-least-once: %d calls, %d arrivals, %d duplicates after one kill -9%n",
        calls, lines.size(), duplicates);
    assertThat(headRecord("sequence").getNumRestarts()).isEqualTo(1);
    a.kill();
  }

  @Test
  void maxTaskRetries0_theCallInFlightFailsNamingTheWorkersDeath_laterCallsReachTheRestart()
      throws Exception {
    Path marker = dir.resolve("at-most-once-blocked");
    ActorHandle<Probe> a =
        Manta.actor(Probe::new, 10, "").name("at-most-once").maxRestarts(1).remote();
    ObjectRef<Integer> inFlight = a.task(Probe::block, marker.toString()).remote();
    Awaitility.await().atMost(BOUND).until(() -> Files.exists(marker));
    kill9(Long.parseLong(Files.readString(marker).strip()));

    assertThatThrownBy(() -> Manta.get(inFlight, BOUND))
        .isInstanceOf(ActorDiedException.class)
        .hasMessageContaining("worker process")
        .hasMessageContaining("died")
        .hasMessageContaining("maxTaskRetries is 0");
    awaitRecord("at-most-once", r -> r.getState() == ActorState.ALIVE && r.getNumRestarts() == 1);
    assertThat(Manta.get(a.task(Probe::next).remote(), BOUND)).isEqualTo(11);
    a.kill();
  }

  @Test
  void killed_isNotRestarted_andSaysKilled() throws Exception {
    ActorHandle<Probe> a = Manta.actor(Probe::new, 0, "").name("killed").maxRestarts(-1).remote();
    assertThat(Manta.get(a.task(Probe::next).remote(), BOUND)).isEqualTo(1);

    a.kill();

    ActorInfo dead = awaitRecord("killed", r -> r.getState() == ActorState.DEAD);
    assertThat(dead.getNumRestarts()).isZero();
    assertThat(dead.getDeathReason()).contains("killed");
    assertThatThrownBy(() -> Manta.get(a.task(Probe::next).remote(), BOUND))
        .isInstanceOf(ActorDiedException.class)
        .hasMessageContaining("killed");
    assertThat(Manta.findActor("killed")).isEmpty();
  }

  @Test
  void constructorThrowsOnARestart_theActorIsDead_namingTheConstructor() throws Exception {
    Path refuse = dir.resolve("refuse-constructor");
    ActorHandle<Probe> a =
        Manta.actor(Probe::new, 0, refuse.toString()).name("refuses").maxRestarts(3).remote();
    long pid = Manta.get(a.task(Probe::pid).remote(), BOUND);
    Files.writeString(refuse, "no");

    kill9(pid);

    ActorInfo dead = awaitRecord("refuses", r -> r.getState() == ActorState.DEAD);
    assertThat(dead.getDeathReason()).contains("constructor threw");
    assertThatThrownBy(() -> Manta.get(a.task(Probe::next).remote(), BOUND))
        .isInstanceOf(ActorDiedException.class)
        .hasMessageContaining("worker process")
        .hasMessageContaining("constructor threw")
        .hasMessageContaining("IllegalStateException");
  }

  @Test
  void anActorOnAReusedWorker_isListedAliveThere_asSoonAsItAnswers() {
    // The race the head's keying by id and restart count fixes (RemoteActors, R5): a new actor
    // on the warm JVM of a killed one must be listed ALIVE where it runs once it answered a call,
    // however late the old actor's end notice for the same worker address comes. The agent hands
    // out its oldest parked JVM first, which may be one an earlier test parked: every JVM an
    // actor of this test was killed on counts.
    Map<Long, String> killedOn = new HashMap<>(); // pid -> the name of the actor killed there
    Map<Long, String> addressOf = new HashMap<>();
    ActorHandle<Probe> first = Manta.actor(Probe::new, 0, "").name("reused-0").remote();
    long pid = Manta.get(first.task(Probe::pid).remote(), BOUND);
    addressOf.put(pid, headRecord("reused-0").getWorkerAddress());
    first.kill();
    killedOn.put(pid, "reused-0");
    boolean[] reused = {false};
    int[] round = {0};
    Awaitility.await()
        .atMost(BOUND)
        .pollDelay(Duration.ZERO)
        .until(
            () -> {
              String name = "reused-" + ++round[0];
              ActorHandle<Probe> next = Manta.actor(Probe::new, 0, "").name(name).remote();
              long on = Manta.get(next.task(Probe::pid).remote(), BOUND);
              ActorInfo listed = headRecord(name);
              assertThat(listed.getState())
                  .as("%s, right after its first answer", name)
                  .isEqualTo(ActorState.ALIVE);
              String before = killedOn.get(on);
              reused[0] = before != null;
              if (reused[0]) {
                assertThat(listed.getWorkerAddress()).isEqualTo(addressOf.get(on));
                assertThat(headRecord(before).getState()).isEqualTo(ActorState.DEAD);
              }
              addressOf.put(on, listed.getWorkerAddress());
              next.kill();
              killedOn.put(on, name);
              return reused[0];
            });
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
    ManagedChannel ch = Rpc.channel(cluster.head().head(), dev.manta.cluster.ClusterFixture.TOKEN);
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
