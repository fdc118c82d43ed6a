package dev.manta.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorLookup;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.port.ActorProxy;
import dev.manta.runtime.port.ClusterPorts.RemoteActor;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.task.TaskRun;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Remote actors settle each awaiting proxy once (A2), refuse calls without a place (A3), let a
 * creation's own result win over the head's DEAD (A4), report deaths to the head, and hold a
 * restarting actor's calls (R1, R2, R4).
 */
class RemoteActorsTest {
  private final FakeCore core = new FakeCore();
  private final Rpc.Channels channels = new Rpc.Channels();
  private final ClusterView view = FakeCore.view(channels, "n1", "n2");
  private final InflightTable inflight = new InflightTable(core, view, Runnable::run, e -> {});
  private final FakeDirectory head = new FakeDirectory();
  private final List<ActorProxy> hostedEnded = new CopyOnWriteArrayList<>();
  private final RemoteActors actors =
      new RemoteActors(
          core,
          head,
          view,
          channels,
          inflight,
          null, // no links: these tests send nothing to a worker
          null, // no placement: nor place an actor
          "ns",
          "job",
          () -> false,
          hostedEnded::add,
          () -> "self:1",
          false);

  @AfterEach
  void close() throws InterruptedException {
    channels.close();
    core.close();
  }

  private static ActorInfo info(ActorId id, ActorState state, String worker, String reason) {
    return ActorInfo.newBuilder()
        .setPrefix(id.prefix())
        .setSequence(id.sequence())
        .setClassName("Counter")
        .setState(state)
        .setWorkerAddress(worker)
        .setNodeId("n2")
        .setDeathReason(reason)
        .build();
  }

  @Test
  void awaitPlaced_thenAliveEvent_settlesTheProxyOnce() {
    ActorId id = new ActorId(7, 1);
    ActorProxy proxy = core.actor(id, "Counter", true);
    head.put(info(id, ActorState.PENDING_CREATION, "", ""));

    actors.awaitPlaced(proxy);
    actors.onEvent(info(id, ActorState.ALIVE, "w:2", ""));
    actors.onEvent(info(id, ActorState.ALIVE, "w:2", ""));
    actors.recheckAwaiting(); // settled already: asks nothing, settles nothing

    assertThat(core.placed).containsExactly(proxy);
    assertThat(core.died).isEmpty();
  }

  @Test
  void awaitPlaced_headSaysAliveAlready_settlesWithoutAnEvent() {
    ActorId id = new ActorId(7, 2);
    ActorProxy proxy = core.actor(id, "Counter", true);
    head.put(info(id, ActorState.ALIVE, "w:2", ""));

    actors.awaitPlaced(proxy);

    await().atMost(Duration.ofSeconds(10)).until(() -> core.placed.contains(proxy));
    assertThat(core.died).isEmpty();
  }

  @Test
  void awaitPlaced_headSaysDead_killsTheProxyWithTheReason() {
    ActorId id = new ActorId(7, 3);
    ActorProxy proxy = core.actor(id, "Counter", true);
    head.put(info(id, ActorState.DEAD, "", "constructor threw"));

    actors.awaitPlaced(proxy);

    await().atMost(Duration.ofSeconds(10)).until(() -> core.died.containsKey(proxy));
    assertThat(core.died.get(proxy).message())
        .isEqualTo("Actor " + id.hex() + " died before it was placed: constructor threw");
    assertThat(core.placed).isEmpty();
  }

  @Test
  void deadEvent_whileItsCreationIsInFlight_isLeftToTheCreationsResult() {
    ActorId id = new ActorId(1, 4);
    ActorProxy proxy = core.actor(id, "Counter", true);
    TaskRun creation =
        FakeCore.spec(
            new TaskId(1, 40), TaskSpec.Kind.ACTOR_CREATION, new TaskArg[0], List.of(), 0, proxy);
    inflight.add(new InflightTable.Entry(creation, "w:2", "n2", 0, proxy));

    actors.onEvent(info(id, ActorState.DEAD, "", "constructor threw"));

    assertThat(core.died).isEmpty();
    assertThat(core.completions).isEmpty();
  }

  @Test
  void deadEvent_forAPlacedActor_killsItsProxy() {
    ActorId id = new ActorId(7, 5);
    ActorProxy proxy = core.actor(id, "Counter", true);
    head.put(info(id, ActorState.PENDING_CREATION, "", ""));
    actors.awaitPlaced(proxy);
    actors.onEvent(info(id, ActorState.ALIVE, "w:2", ""));

    actors.onEvent(info(id, ActorState.DEAD, "", "its worker exited"));

    assertThat(core.died.get(proxy).message())
        .isEqualTo("Actor " + id.hex() + " died: its worker exited");
  }

  @Test
  void send_toAnActorWithoutAPlace_failsTheCallAtOnce() {
    ActorId id = new ActorId(7, 6);
    ActorProxy proxy = core.actor(id, "Counter", true);
    TaskRun call =
        FakeCore.spec(
            new TaskId(1, 60), TaskSpec.Kind.ACTOR_CALL, new TaskArg[0], List.of(), 0, proxy);

    actors.send(call, proxy);

    assertThat(core.completions).hasSize(1);
    Failure f = (Failure) core.completions.get(0).value();
    assertThat(f.kind()).isEqualTo(Failure.Kind.ACTOR_DIED);
    assertThat(f.message()).contains("has no known location");
    assertThat(inflight.size()).isZero();
  }

  @Test
  void find_reportsPlacedPendingAndDeadActorsAsTheHeadKnowsThem() {
    ActorId alive = new ActorId(7, 7);
    ActorId pending = new ActorId(7, 8);
    ActorId dead = new ActorId(7, 9);
    head.put(info(alive, ActorState.ALIVE, "w:2", ""));
    head.put(info(pending, ActorState.PENDING_CREATION, "", ""));
    head.put(info(dead, ActorState.DEAD, "", "gone"));

    assertThat(actors.find(alive)).map(RemoteActor::placed).contains(true);
    assertThat(actors.find(pending)).map(RemoteActor::placed).contains(false);
    assertThat(actors.find(dead)).isEmpty();
    assertThat(actors.find(new ActorId(7, 10))).isEmpty();
  }

  @Test
  void diedWhere_killsTheProxiesOfActorsPlacedThere() {
    ActorId onDead = new ActorId(7, 11);
    ActorId elsewhere = new ActorId(7, 12);
    ActorProxy p1 = core.actor(onDead, "A", true);
    ActorProxy p2 = core.actor(elsewhere, "B", true);
    head.put(info(onDead, ActorState.PENDING_CREATION, "", ""));
    head.put(info(elsewhere, ActorState.PENDING_CREATION, "", ""));
    actors.awaitPlaced(p1);
    actors.awaitPlaced(p2);
    actors.onEvent(info(onDead, ActorState.ALIVE, "dead:1", ""));
    actors.onEvent(info(elsewhere, ActorState.ALIVE, "alive:1", ""));

    actors.diedWhere(p -> p.worker().equals("dead:1"), "its worker died");

    assertThat(core.died.keySet()).containsExactly(p1);
    assertThat(core.died.get(p1).message())
        .isEqualTo("Actor " + onDead.hex() + " died, its worker died");
  }

  @Test
  void restartWhere_borrowersActorMayRestart_failsTheCallInFlight_holdsLaterOnes_untilDead() {
    ActorId id = new ActorId(7, 16);
    ActorProxy proxy = core.actor(id, "Counter", true);
    head.put(info(id, ActorState.PENDING_CREATION, "", ""));
    actors.awaitPlaced(proxy);
    actors.onEvent(info(id, ActorState.ALIVE, "w:2", "").toBuilder().setMaxRestarts(-1).build());
    TaskRun inFlight =
        FakeCore.spec(
            new TaskId(1, 160), TaskSpec.Kind.ACTOR_CALL, new TaskArg[0], List.of(), 0, proxy);
    inflight.add(new InflightTable.Entry(inFlight, "w:2", "n2", 0, proxy));

    // R1: restarts left (-1), so it restarts instead of dying; maxTaskRetries 0: the call fails.
    actors.restartWhere(p -> p.worker().equals("w:2"), "its worker process w:2 died (killed)");
    actors.diedWhere(p -> p.worker().equals("w:2"), "its worker process w:2 died (killed)");

    assertThat(core.restarting).containsExactly(proxy);
    assertThat(core.died).isEmpty();
    assertThat(inflight.size()).isZero();
    assertThat(core.completions).hasSize(1);
    Failure lost = (Failure) core.completions.get(0).value();
    assertThat(lost.kind()).isEqualTo(Failure.Kind.ACTOR_DIED);
    assertThat(lost.message())
        .contains("its worker process w:2 died (killed)")
        .contains("maxTaskRetries is 0");

    // R2: a call leaving the proxy meanwhile is held, not failed for want of a place.
    TaskRun later =
        FakeCore.spec(
            new TaskId(1, 161), TaskSpec.Kind.ACTOR_CALL, new TaskArg[0], List.of(), 0, proxy);
    actors.send(later, proxy);
    assertThat(core.completions).hasSize(1);

    // R4: the head says the owner gave up: the proxy dies and the held call fails with it.
    actors.onEvent(
        info(id, ActorState.DEAD, "", "its owner died before restarting it").toBuilder()
            .setMaxRestarts(-1)
            .build());
    assertThat(core.died.get(proxy).message())
        .contains("its worker process w:2 died (killed)")
        .contains("its owner died before restarting it");
    assertThat(core.completions).hasSize(2);
    assertThat(((Failure) core.completions.get(1).value()).message())
        .isEqualTo(core.died.get(proxy).message());
  }

  @Test
  void diedWhere_borrowersActorOutOfRestarts_saysSo() {
    ActorId id = new ActorId(7, 17);
    ActorProxy proxy = core.actor(id, "Counter", true);
    head.put(info(id, ActorState.PENDING_CREATION, "", ""));
    actors.awaitPlaced(proxy);
    actors.onEvent(
        info(id, ActorState.ALIVE, "w:3", "").toBuilder()
            .setMaxRestarts(2)
            .setNumRestarts(2)
            .build());

    actors.restartWhere(p -> p.worker().equals("w:3"), "its node n2 died");
    actors.diedWhere(p -> p.worker().equals("w:3"), "its node n2 died");

    assertThat(core.restarting).isEmpty();
    assertThat(core.died.get(proxy).message())
        .isEqualTo(
            "Actor "
                + id.hex()
                + " died, its node n2 died; it is out of restarts (restarted 2 times,"
                + " maxRestarts 2)");
  }

  @Test
  void register_nameTakenInTheNamespace_throwsIllegalArgument() {
    head.refuseRegistration = true;
    ActorProxy proxy = core.actor(new ActorId(1, 13), "Counter", true);

    assertThatThrownBy(() -> actors.register(proxy))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name taken");
  }

  @Test
  void register_publishesThePendingActorInTheJobsNamespace() {
    ActorProxy proxy = core.actor(new ActorId(1, 14), "Counter", true);

    actors.register(proxy);

    assertThat(head.registered).hasSize(1);
    ActorInfo a = head.registered.get(0);
    assertThat(a.getState()).isEqualTo(ActorState.PENDING_CREATION);
    assertThat(a.getNamespace()).isEqualTo("ns");
    assertThat(a.getJobId()).isEqualTo("job");
  }

  @Test
  void killed_actorHostedHere_isMarkedDeadAtTheHeadAndEnds() {
    ActorProxy hosted = core.actor(new ActorId(7, 15), "Counter", false);

    actors.killed(hosted);

    assertThat(head.updated).hasSize(1);
    assertThat(head.updated.get(0).getState()).isEqualTo(ActorState.DEAD);
    assertThat(head.updated.get(0).getDeathReason()).isEqualTo("it ended");
    assertThat(hostedEnded).containsExactly(hosted);
  }

  @Test
  void killed_proxyOfAnotherOwnersActor_failsItsCallsAndTellsNobody() {
    ActorId id = new ActorId(7, 16); // prefix 7: not this process's (1)
    ActorProxy proxy = core.actor(id, "Counter", true);
    TaskRun call =
        FakeCore.spec(
            new TaskId(1, 61), TaskSpec.Kind.ACTOR_CALL, new TaskArg[0], List.of(), 0, proxy);
    inflight.add(new InflightTable.Entry(call, "w:2", "n2", 0, proxy));
    Failure why = Failure.actorDied(id.hex(), "Counter", "killed by the test", null);
    proxy.kill(why); // the proxy died first; then the port hears of it

    actors.killed(proxy);

    assertThat(core.completions).extracting(c -> c.value()).containsExactly(why);
    assertThat(head.updated).isEmpty();
    assertThat(head.updatedAndWaited).isEmpty();
    assertThat(hostedEnded).isEmpty();
  }

  @Test
  void killHosted_killsTheActorHostedHere() {
    ActorId id = new ActorId(7, 17);
    ActorProxy hosted = core.actor(id, "Counter", false);
    core.hosted.put(id, hosted);

    actors.killHosted(id);
    actors.killHosted(new ActorId(7, 18)); // gone already: nothing to do

    assertThat(core.died.keySet()).containsExactly(hosted);
    assertThat(core.died.get(hosted).message()).isEqualTo("Actor " + id.hex() + " was killed");
  }

  /** The head's directory, in memory. */
  private static final class FakeDirectory implements ActorDirectory {
    final Map<ActorId, ActorInfo> actors = new ConcurrentHashMap<>();
    final List<ActorInfo> registered = new CopyOnWriteArrayList<>();
    final List<ActorInfo> updated = new CopyOnWriteArrayList<>();
    final List<ActorInfo> updatedAndWaited = new CopyOnWriteArrayList<>();
    volatile boolean refuseRegistration;

    void put(ActorInfo a) {
      actors.put(new ActorId(a.getPrefix(), a.getSequence()), a);
    }

    @Override
    public void register(ActorInfo a) {
      if (refuseRegistration) {
        throw Status.ALREADY_EXISTS.withDescription("name taken").asRuntimeException();
      }
      registered.add(a);
    }

    @Override
    public void update(ActorInfo a) {
      updated.add(a);
    }

    @Override
    public void updateAndWait(ActorInfo a) {
      updatedAndWaited.add(a);
    }

    @Override
    public ActorInfo get(ActorLookup q) {
      return actors.get(new ActorId(q.getId().getPrefix(), q.getId().getSequence()));
    }
  }
}
