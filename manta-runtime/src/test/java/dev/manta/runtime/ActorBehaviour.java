package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.ActorDiedException;
import dev.manta.ActorHandle;
import dev.manta.ActorLifetime;
import dev.manta.ActorNotFoundException;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.PendingCallsLimitException;
import dev.manta.TaskException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Actors as users see them through the API: state and call order, names, kill and exit, failing
 * constructors and methods, concurrency and backpressure limits, async methods, handles passed on,
 * resources held for life. Written once against {@link MantaFixture} and run in each mode by a
 * subclass naming its fixture ({@code EmbeddedActorTest}, and manta-cluster's {@code
 * ClusterActorTest}).
 *
 * @param <F> the fixture the tests run on
 */
@ExtendWith(MantaTestSupport.class)
abstract class ActorBehaviour<F extends MantaFixture> implements MantaFixture.Source<F> {

  @Test
  void actor_keepsStateAcrossCalls_inOrder() {
    ActorHandle<Counter> c = Manta.actor(Counter::new, 10).remote();
    List<ObjectRef<Integer>> refs = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      refs.add(c.task(Counter::add, 1).remote());
    }
    List<Integer> values = Manta.get(refs);
    for (int i = 0; i < 100; i++) {
      assertThat(values.get(i)).isEqualTo(11 + i);
    }
  }

  @Test
  void state_isPendingUntilTheConstructorRan_thenAlive_thenDeadAfterKill() {
    Fns.gate = new CountDownLatch(1); // blocks only where the task runs in this JVM (embedded)
    ObjectRef<Integer> start = Manta.task(Fns::awaitGate, 7).remote();
    ActorHandle<Counter> c =
        Manta.actor((dev.manta.Fn1<Integer, Counter>) Counter::new, start).remote();
    if (fixture().isEmbedded()) {
      assertThat(c.state()).isEqualTo(dev.manta.ActorState.PENDING_CREATION);
    } else {
      assertThat(c.state()).isIn(dev.manta.ActorState.PENDING_CREATION, dev.manta.ActorState.ALIVE);
    }
    Fns.gate.countDown();
    assertThat(c.task(Counter::add, 1).remote().get()).isEqualTo(8);
    assertThat(c.state()).isEqualTo(dev.manta.ActorState.ALIVE);
    c.kill();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(c::state, s -> s == dev.manta.ActorState.DEAD);
  }

  @Test
  void creator_isUsableAsHandleDirectly() {
    ActorHandle<Counter> c = Manta.actor(Counter::new);
    assertThat(c.task(Counter::add, 2).remote().get()).isEqualTo(2);
  }

  @Test
  void actorCall_acceptsRefArguments_resolvedInOrder() {
    CountDownLatch gate = new CountDownLatch(1);
    Fns.gate = gate;
    ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
    ObjectRef<Integer> slow = Manta.task(Fns::awaitGate, 5).remote();
    ObjectRef<Void> first = c.task(Counter::record, "a", slow).remote();
    ObjectRef<Void> second = c.task(Counter::record, "b", 1).remote();
    gate.countDown();
    Manta.get(List.of(first, second));
    assertThat(c.task(Counter::log).remote().get()).containsExactly("a:5", "b:1");
  }

  @Test
  void callWhoseArgumentFailsAfterItWasQueued_failsAlone_andTheCallsBehindItRun() {
    Fns.gate = new CountDownLatch(1);
    ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
    ObjectRef<Integer> failsLater = Manta.task(Fns::failAfterGate, "late failure").remote();
    ObjectRef<Void> doomed = c.task(Counter::record, "doomed", failsLater).remote();
    ObjectRef<Integer> behind = c.task(Counter::add, 1).remote();
    Fns.gate.countDown();
    assertThatThrownBy(() -> doomed.get(Duration.ofSeconds(30)))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("late failure");
    assertThat(behind.get(Duration.ofSeconds(30))).isEqualTo(1);
  }

  @Test
  void namedActor_isFoundByName_andNamesAreUnique() {
    ActorHandle<Counter> c = Manta.actor(Counter::new, 1).name("counter").remote();
    ActorHandle<Counter> same = Manta.getActor("counter");
    assertThat(same).isEqualTo(c);
    assertThat(same.task(Counter::value).remote().get()).isEqualTo(1);
    assertThat(c.name()).contains("counter");
    assertThatThrownBy(() -> Manta.actor(Counter::new).name("counter").remote())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void detachedActor_runsAndIsFoundByName_killEndsIt_lifetimeIsCheckedAndFixedOnceCreated() {
    var creator =
        Manta.actor(Counter::new, 5).name("detached-counter").lifetime(ActorLifetime.DETACHED);
    assertThatThrownBy(() -> Manta.actor(Counter::new).lifetime(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("lifetime");
    ActorHandle<Counter> c = creator.remote();
    assertThat(Manta.<Counter>getActor("detached-counter").task(Counter::value).remote().get())
        .isEqualTo(5);
    assertThatThrownBy(() -> creator.lifetime(ActorLifetime.NON_DETACHED))
        .isInstanceOf(IllegalStateException.class);
    c.kill();
    assertThat(Manta.findActor("detached-counter")).isEmpty();
  }

  @Test
  void handle_toString_namesActorAndWhetherItLives() {
    var creator = Manta.actor(Counter::new, 1).name("shown");
    assertThat(creator).hasToString("ActorHandle('shown' not yet created)");
    ActorHandle<Counter> c = creator.remote();
    assertThat(c).hasToString("ActorHandle('shown' Counter (" + c.id() + "), alive)");
    c.kill();
    assertThat(c).hasToString("ActorHandle('shown' Counter (" + c.id() + "), dead)");
  }

  @Test
  void getActor_unknownName_throwsClearly() {
    assertThatThrownBy(() -> Manta.getActor("nobody"))
        .isInstanceOf(ActorNotFoundException.class)
        .hasMessageContaining("nobody");
    assertThat(Manta.findActor("nobody")).isEmpty();
  }

  @Test
  void kill_failsLaterCalls_andReleasesTheName() {
    ActorHandle<Counter> c = Manta.actor(Counter::new).name("doomed").remote();
    assertThat(c.task(Counter::add, 1).remote().get()).isEqualTo(1);
    c.kill();
    assertThatThrownBy(() -> c.task(Counter::add, 1).remote().get())
        .isInstanceOf(ActorDiedException.class)
        .hasMessageContaining(c.id())
        .hasMessageContaining("killed");
    assertThat(Manta.findActor("doomed")).isEmpty();
    Manta.actor(Counter::new).name("doomed").remote(); // the name is free again
  }

  /** An actor whose constructor fails. */
  public static final class Broken {
    public Broken(int x) {
      throw new IllegalArgumentException("cannot build with " + x);
    }

    public int ping() {
      return 1;
    }
  }

  @Test
  void failedConstructor_killsActor_withCause() {
    ActorHandle<Broken> b = Manta.actor(Broken::new, 7).remote();
    assertThatThrownBy(() -> b.task(Broken::ping).remote().get())
        .isInstanceOf(ActorDiedException.class)
        .hasMessageContaining("constructor")
        .cause()
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("cannot build with 7");
  }

  @Test
  void methodThatThrows_failsOnlyThatCall() {
    ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
    assertThatThrownBy(() -> c.task(Counter::boom).remote().get())
        .isInstanceOf(TaskException.class)
        .cause()
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(c.task(Counter::add, 3).remote().get()).isEqualTo(3);
  }

  /** An actor whose calls meet at a barrier: only passes if they run concurrently. */
  public static final class Meeting {
    private final CyclicBarrier barrier;

    public Meeting(int parties) {
      this.barrier = new CyclicBarrier(parties);
    }

    public int meet() throws Exception {
      return barrier.await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void maxConcurrency_letsCallsOverlap() {
    ActorHandle<Meeting> m = Manta.actor(Meeting::new, 4).maxConcurrency(4).remote();
    List<ObjectRef<Integer>> refs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      refs.add(m.task(Meeting::meet).remote());
    }
    assertThat(Manta.get(refs, Duration.ofSeconds(60))).containsExactlyInAnyOrder(0, 1, 2, 3);
  }

  /** An actor that blocks until released. */
  public static final class Gate {
    public Gate() {}

    public int pass(int x) throws InterruptedException {
      Fns.gate.await();
      return x;
    }
  }

  @Test
  void maxPendingCalls_refusesWithBackpressureError() {
    Fns.gate = new CountDownLatch(1);
    ActorHandle<Gate> g = Manta.actor(Gate::new).maxPendingCalls(3).remote();
    List<ObjectRef<Integer>> ok = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ok.add(g.task(Gate::pass, i).remote());
    }
    assertThatThrownBy(() -> g.task(Gate::pass, 99).remote())
        .isInstanceOf(PendingCallsLimitException.class)
        .hasMessageContaining("3 pending calls")
        .hasMessageContaining("maxPendingCalls");
    Fns.gate.countDown();
    assertThat(Manta.get(ok)).containsExactly(0, 1, 2);
    assertThat(g.task(Gate::pass, 4).remote().get()).isEqualTo(4);
  }

  /**
   * A call whose result its caller has seen is no longer pending, so the caller may call again at
   * once: the slot is given back before the result is stored (it used to be after, and a call made
   * right after a get could meet the finished call in the limit).
   */
  @Test
  void maxPendingCalls_aCallWhoseResultWasSeen_isNoLongerPending() {
    ActorHandle<Counter> c = Manta.actor(Counter::new, 0).maxPendingCalls(1).remote();
    for (int i = 1; i <= 2_000; i++) {
      assertThat(c.task(Counter::add, 1).remote().get()).isEqualTo(i);
    }
  }

  @Test
  void asyncMethod_completesLater_withoutHoldingTheMailbox() {
    ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
    ObjectRef<Integer> r = c.taskAsync(Counter::addLater, 5).remote();
    assertThat(r.get()).isEqualTo(5);
    // the same method through task(): a ref to a completed stage
    ObjectRef<java.util.concurrent.CompletionStage<Integer>> s =
        c.task(Counter::addLater, 1).remote();
    assertThat(s.get().toCompletableFuture().join()).isEqualTo(6);
  }

  /** Actors that call other actors through handles they receive. */
  public static final class Forwarder {
    public Forwarder() {}

    public int forward(ActorHandle<Counter> target, int delta) {
      return Manta.get(target.task(Counter::add, delta).remote());
    }
  }

  /** A task that calls an actor through a handle it is given. */
  static final class Via {
    private Via() {}

    static int add(ActorHandle<Counter> c, int delta) {
      return Manta.get(c.task(Counter::add, delta).remote());
    }
  }

  @Test
  void handles_passIntoTasksAndOtherActors() {
    ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
    assertThat(Manta.task(Via::add, c, 2).remote().get()).isEqualTo(2);
    ActorHandle<Forwarder> f = Manta.actor(Forwarder::new).remote();
    assertThat(f.task(Forwarder::forward, c, 3).remote().get()).isEqualTo(5);
  }

  @Test
  void actorWithResources_holdsThemForItsLife() {
    ActorHandle<Counter> big = Manta.actor(Counter::new).numCpus(2).remote();
    assertThat(big.task(Counter::add, 1).remote().get()).isEqualTo(1);
    ObjectRef<Integer> starved = Manta.task(Fns::square, 3).remote();
    assertThat(Manta.wait(List.of(starved), 1, Duration.ofMillis(100)).ready()).isEmpty();
    big.kill();
    assertThat(starved.get(Duration.ofSeconds(30))).isEqualTo(9);
  }

  @Test
  void options_afterCreation_areRefused() {
    var creator = Manta.actor(Counter::new);
    creator.remote();
    assertThatThrownBy(() -> creator.maxConcurrency(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already created");
  }

  /** An actor that ends itself. */
  public static final class Quitter {
    public Quitter() {}

    public int ping() {
      return 0;
    }

    public int quit() {
      Manta.exitActor();
      return 1;
    }
  }

  @Test
  void exitActor_endsTheActor() {
    ActorHandle<Quitter> q = Manta.actor(Quitter::new).remote();
    assertThatThrownBy(() -> q.task(Quitter::quit).remote().get())
        .isInstanceOf(ActorDiedException.class);
    assertThatThrownBy(() -> q.task(Quitter::quit).remote().get())
        .isInstanceOf(ActorDiedException.class);
    assertThatThrownBy(Manta::exitActor).isInstanceOf(IllegalStateException.class);
  }

  /**
   * An actor that ends itself gives its resources back at once, not when its job ends (on a cluster
   * its owner dropped the actor's place before handling the head's notice of its death, so its
   * lease, with the CPUs and the worker JVM, was never returned).
   */
  @Test
  void exitActor_givesItsResourcesBack() {
    ActorHandle<Quitter> big = Manta.actor(Quitter::new).numCpus(2).remote();
    assertThat(big.task(Quitter::ping).remote().get()).isZero();
    ObjectRef<Integer> starved = Manta.task(Fns::square, 3).remote();
    assertThat(Manta.wait(List.of(starved), 1, Duration.ofMillis(100)).ready()).isEmpty();
    assertThatThrownBy(() -> big.task(Quitter::quit).remote().get())
        .isInstanceOf(ActorDiedException.class);
    assertThat(starved.get(Duration.ofSeconds(30))).isEqualTo(9);
  }

  @Test
  void runtimeContext_insideActor_namesTheActor() {
    ActorHandle<CtxActor> a = Manta.actor(CtxActor::new).remote();
    assertThat(a.task(CtxActor::actorId).remote().get()).isEqualTo(a.id());
  }

  /** On a cluster the actor runs in a worker JVM, which did not create it. */
  @Test
  void currentActor_isAHandleToItself_callableWhereItRuns_andEmptyOutsideActors() {
    ActorHandle<CtxActor> a = Manta.actor(CtxActor::new).remote();
    ObjectRef<Integer> viaSelf = a.task(CtxActor::countThroughSelf).remote().get();
    assertThat(viaSelf.get()).isEqualTo(1);
    assertThat(a.task(CtxActor::count).remote().get()).isEqualTo(2);
    assertThat(a.task(CtxActor::selfId).remote().get()).isEqualTo(a.id());
    assertThat(Manta.runtimeContext().currentActor()).isEmpty();
  }

  /** Reads its own id; counts calls, some through a handle to itself. */
  public static final class CtxActor {
    private int calls;

    public CtxActor() {}

    public String actorId() {
      return Manta.runtimeContext().actorId().orElse("none");
    }

    public int count() {
      return ++calls;
    }

    public ObjectRef<Integer> countThroughSelf() {
      ActorHandle<CtxActor> self = Manta.runtimeContext().<CtxActor>currentActor().orElseThrow();
      return self.task(CtxActor::count).remote(); // queued behind this call: not waited for
    }

    public String selfId() {
      return Manta.runtimeContext().currentActor().orElseThrow().id();
    }
  }
}
