package dev.manta.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ray.api.ActorHandle;
import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import io.ray.api.concurrencygroup.ConcurrencyGroup;
import io.ray.api.concurrencygroup.ConcurrencyGroupBuilder;
import io.ray.api.exception.PendingCallsLimitExceededException;
import io.ray.api.exception.RayActorException;
import io.ray.api.exception.RayTaskException;
import io.ray.api.id.ActorId;
import io.ray.api.options.ActorLifetime;
import io.ray.api.runtimecontext.ActorInfo;
import io.ray.api.runtimecontext.ActorState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RayTestSupport.class)
class RayActorTest implements RayTestSupport.Source {
  /** How long a {@link Counter#meet} that should succeed may wait for the other calls. */
  private static final long MEET_MS = 10_000;

  @Test
  void actor_keepsStateAcrossCallsInOrder() {
    ActorHandle<Counter> c = Ray.actor(Counter::new, 10).remote();
    List<ObjectRef<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      results.add(c.task(Counter::add, 1).remote());
    }
    assertThat(Ray.get(results)).containsExactly(11, 12, 13, 14, 15);
    c.task(Counter::reset).remote();
    assertThat(c.task(Counter::get).remote().get()).isZero();
  }

  @Test
  void actorCalls_typedObjectRefInteger_runTheirMethodsNotTheConstructor() {
    ActorHandle<Adder> a = Ray.actor(Adder::new).remote();
    ObjectRef<Integer> three = a.task(Adder::add, 3).remote();
    ObjectRef<Integer> total = a.task(Adder::total).remote();
    Integer first = three.get(); // a ClassCastException if the call returned a new Adder
    assertThat(first).isEqualTo(3);
    assertThat(total.get()).isEqualTo(3);
    assertThat(a.task(Adder::add, 4).remote().get()).isEqualTo(7);
  }

  @Test
  void actorCall_ofFiveArguments_takesValuesAndRefsInEveryPlace() {
    ActorHandle<Adder> a = Ray.actor(Adder::new).remote();
    ObjectRef<Integer> two = Ray.put(2);
    ObjectRef<Integer> four = Ray.put(4);
    ObjectRef<Integer> five = Ray.put(5);

    assertThat(a.task(Adder::digits, 1, 2, 3, 4, 5).remote().get()).isEqualTo(12345);
    assertThat(a.task(Adder::digits, Ray.put(1), two, Ray.put(3), four, five).remote().get())
        .isEqualTo(12345);
    assertThat(a.task(Adder::digits, 1, two, 3, four, 5).remote().get()).isEqualTo(12345);
    assertThat(a.task(Adder::digits, 1, 2, 3, 4, five).remote().get()).isEqualTo(12345);
  }

  @Test
  void actorOfAClassNoSerializerCouldCopy_isCreatedAndKeepsItsInstance() {
    ActorHandle<Ledger> l = Ray.actor(Ledger::new, "ann", 10).remote();
    assertThat(l.task(Ledger::deposit, 5).remote().get()).isEqualTo(15);
    assertThat(l.task(Ledger::owner).remote().get()).isEqualTo("ann");
    assertThat(l.task(Ledger::balance).remote().get()).isEqualTo(15);
    assertThat(l.task(Ledger::original).remote().get()).isTrue();
  }

  @Test
  void actorsOfTwoClasses_oneAfterTheOther_eachRunTheirOwnConstructor() {
    ActorHandle<Adder> a = Ray.actor(Adder::new).remote();
    assertThat(a.task(Adder::add, 1).remote().get()).isEqualTo(1);
    a.kill(); // on a cluster, its worker JVM may host the next actor
    ActorHandle<Ledger> l = Ray.actor(Ledger::new, "bob", 2).remote();
    assertThat(l.task(Ledger::owner).remote().get()).isEqualTo("bob");
    assertThat(l.task(Ledger::deposit, 1).remote().get()).isEqualTo(3);
  }

  @Test
  void actorCall_withObjectRefArg_resolvesItButNestedRefsStayRefs() {
    ActorHandle<Counter> c = Ray.actor(Counter::new, Ray.put(1)).remote();
    ObjectRef<Integer> five = Ray.put(5);
    assertThat(c.task(Counter::add, five).remote().get()).isEqualTo(6);
    assertThat(c.task(Counter::addRefs, List.of(five)).remote().get()).isEqualTo(11);
  }

  @Test
  void actorHandle_passedToATask_reachesTheSameActor() {
    ActorHandle<Counter> c = Ray.actor(Counter::new, 0).remote();
    assertThat(Ray.task(Counter::callThrough, c, 7).remote().get()).isEqualTo(7);
    assertThat(c.task(Counter::get).remote().get()).isEqualTo(7);
  }

  @Test
  void namedActor_isFoundInItsNamespaceOnly() {
    ActorHandle<Counter> c = Ray.actor(Counter::new, 3).setName("counter").remote();
    ActorHandle<Counter> other = Ray.actor(Counter::new, 4).setName("counter", "other").remote();
    Optional<ActorHandle<Counter>> found = Ray.getActor("counter");
    assertThat(found).contains(c);
    assertThat(found.orElseThrow().task(Counter::get).remote().get()).isEqualTo(3);
    Optional<ActorHandle<Counter>> inOther = Ray.getActor("counter", "other");
    assertThat(inOther).contains(other);
    assertThat(Ray.getActor("counter", "third")).isEmpty();
    assertThatThrownBy(() -> Ray.actor(Counter::new, 5).setName("counter").remote())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already exists");
  }

  /** On a cluster the task runs in a worker JVM, whose Ray runtime did not create the actor. */
  @Test
  void aTaskFindsANamedActorByName_andCallsIt() {
    ActorHandle<Counter> c = Ray.actor(Counter::new, 10).setName("found-by-a-task").remote();
    assertThat(Ray.task(RayActorTest::addByName, "found-by-a-task", 5).remote().get())
        .isEqualTo(15);
    assertThat(c.task(Counter::get).remote().get()).isEqualTo(15);
    assertThat(Ray.task(RayActorTest::isNamed, "no-such-actor").remote().get()).isFalse();
  }

  static int addByName(String name, int delta) {
    ActorHandle<Counter> found = Ray.<ActorHandle<Counter>>getActor(name).orElseThrow();
    return found.task(Counter::add, delta).remote().get();
  }

  static boolean isNamed(String name) {
    return Ray.getActor(name).isPresent();
  }

  @Test
  void kill_failsLaterCallsWithRayActorExceptionAndFreesTheName() {
    ActorHandle<Counter> c =
        Ray.actor(Counter::new, 0).setName("doomed").setLifetime(ActorLifetime.DETACHED).remote();
    c.kill();
    assertThatThrownBy(() -> c.task(Counter::get).remote().get())
        .isInstanceOfSatisfying(
            RayActorException.class, e -> assertThat(e.actorId).isEqualTo(c.getId()));
    assertThat(Ray.getActor("doomed")).isEmpty();
    assertThat(Ray.getRuntimeContext().getAllActorInfo(null, ActorState.DEAD))
        .extracting(i -> i.actorId)
        .contains(c.getId());
  }

  @Test
  void killWithRestart_reconstructsFromOriginalArgsUntilMaxRestarts() {
    ActorHandle<Counter> c =
        Ray.actor(Counter::new, 100).setName("phoenix").setMaxRestarts(1).remote();
    assertThat(c.task(Counter::add, 1).remote().get()).isEqualTo(101);
    assertThat(c.task(Counter::restarted).remote().get()).isFalse();
    c.kill(false);
    // Calls while it restarts fail at once (maxTaskRetries 0, as in Ray): wait until it is back.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> stateOf(c) == ActorState.ALIVE);
    assertThat(c.task(Counter::get).remote().get()).isEqualTo(100);
    assertThat(c.task(Counter::restarted).remote().get()).isTrue();
    assertThat(Ray.getActor("phoenix")).contains(c);
    List<ActorInfo> infos = Ray.getRuntimeContext().getAllActorInfo();
    assertThat(infos)
        .filteredOn(i -> i.actorId.equals(c.getId()))
        .singleElement()
        .satisfies(i -> assertThat(i.numRestarts).isEqualTo(1));
    c.kill(false); // no restarts left
    assertThatThrownBy(() -> c.task(Counter::get).remote().get())
        .isInstanceOf(RayActorException.class);
  }

  /** Holds {@link SlowStart}'s constructor (in this JVM only: embedded). */
  static volatile java.util.concurrent.CountDownLatch ctorGate =
      new java.util.concurrent.CountDownLatch(0);

  /** An actor whose constructor waits for {@link #ctorGate}. */
  public static final class SlowStart {
    public SlowStart() throws InterruptedException {
      ctorGate.await();
    }

    public String ping() {
      return "pong";
    }
  }

  private static ActorState stateOf(ActorHandle<?> a) {
    return Ray.getRuntimeContext().getAllActorInfo().stream()
        .filter(i -> i.actorId.equals(a.getId()))
        .findFirst()
        .orElseThrow()
        .state;
  }

  @Test
  @Tag(RayTestSupport.EMBEDDED_ONLY) // holds constructors on a latch of this JVM
  void actorInfo_isPendingCreation_thenAlive_thenRestarting_thenDead() {
    ctorGate = new java.util.concurrent.CountDownLatch(1);
    ActorHandle<SlowStart> a = Ray.actor(SlowStart::new).setMaxRestarts(1).remote();
    assertThat(stateOf(a)).isEqualTo(ActorState.PENDING_CREATION);
    assertThat(Ray.getRuntimeContext().getAllActorInfo(null, ActorState.PENDING_CREATION))
        .extracting(i -> i.actorId)
        .contains(a.getId());
    ctorGate.countDown();
    assertThat(a.task(SlowStart::ping).remote().get()).isEqualTo("pong");
    assertThat(stateOf(a)).isEqualTo(ActorState.ALIVE);

    ctorGate = new java.util.concurrent.CountDownLatch(1);
    a.kill(false); // a restart: the constructor runs again, and waits
    assertThat(stateOf(a)).isEqualTo(ActorState.RESTARTING);
    ctorGate.countDown();
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> stateOf(a) == ActorState.ALIVE);
    assertThat(a.task(SlowStart::ping).remote().get()).isEqualTo("pong");

    a.kill();
    assertThat(stateOf(a)).isEqualTo(ActorState.DEAD);
  }

  @Test
  void setLifetimeDetached_givesADetachedActor_foundByNameUntilKilled() {
    ActorHandle<Counter> c =
        Ray.actor(Counter::new, 3)
            .setName("detached")
            .setLifetime(io.ray.api.options.ActorLifetime.DETACHED)
            .remote();
    assertThat(c.task(Counter::add, 1).remote().get()).isEqualTo(4);
    assertThat(Ray.getActor("detached")).contains(c);
    c.kill();
    assertThat(Ray.getActor("detached")).isEmpty();
  }

  @Test
  @Tag(RayTestSupport.EMBEDDED_ONLY) // holds constructors on a latch of this JVM
  void callToARestartingActor_failsAtOnceWithoutTaskRetries_andWaitsWithThem() throws Exception {
    ctorGate = new java.util.concurrent.CountDownLatch(0);
    ActorHandle<SlowStart> a = Ray.actor(SlowStart::new).setMaxRestarts(1).remote();
    ActorHandle<SlowStart> b =
        Ray.actor(SlowStart::new).setMaxRestarts(1).setMaxTaskRetries(1).remote();
    assertThat(a.task(SlowStart::ping).remote().get()).isEqualTo("pong");
    assertThat(b.task(SlowStart::ping).remote().get()).isEqualTo("pong");

    ctorGate = new java.util.concurrent.CountDownLatch(1); // both restarts now wait
    a.kill(false);
    b.kill(false);
    assertThatThrownBy(() -> a.task(SlowStart::ping).remote().get(30_000))
        .isInstanceOfSatisfying(
            RayActorException.class, e -> assertThat(e.actorId).isEqualTo(a.getId()))
        .hasStackTraceContaining("is restarting and its maxTaskRetries is 0");
    ObjectRef<String> waits = b.task(SlowStart::ping).remote();
    assertThat(Ray.wait(List.of(waits), 1, 200).getReady()).isEmpty(); // still restarting
    ctorGate.countDown();
    assertThat(waits.get(30_000)).isEqualTo("pong");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> stateOf(a) == ActorState.ALIVE);
    assertThat(a.task(SlowStart::ping).remote().get()).isEqualTo("pong");
  }

  @Test
  void exitActor_endsTheActorForGood() {
    ActorHandle<Counter> c = Ray.actor(Counter::new, 0).setMaxRestarts(5).remote();
    assertThatThrownBy(() -> c.task(Counter::exit).remote().get())
        .isInstanceOf(RayActorException.class);
    assertThatThrownBy(() -> c.task(Counter::get).remote().get())
        .isInstanceOf(RayActorException.class);
    assertThatThrownBy(Ray::exitActor).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void constructorFailure_failsCallsWithRayActorExceptionCausedByIt() {
    ActorHandle<Counter> c = Ray.actor(Counter::new, -1).remote();
    assertThatThrownBy(() -> c.task(Counter::get).remote().get())
        .isInstanceOf(RayActorException.class)
        .hasMessageContaining("creation task failed")
        .cause()
        .isInstanceOf(RayTaskException.class)
        .cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negative start -1");
  }

  @Test
  void actorMethodThrowing_failsWithRayTaskExceptionAndActorLivesOn() {
    ActorHandle<Counter> c = Ray.actor(Counter::new, 0).remote();
    ObjectRef<Integer> bad =
        c.task(Counter::add, Ray.task(RayTaskTest::fail, "x").remote()).remote();
    assertThatThrownBy(bad::get).isInstanceOf(RayTaskException.class);
    assertThat(c.task(Counter::add, 2).remote().get()).isEqualTo(2);
  }

  @Test
  void maxConcurrency_letsThatManyCallsRunAtOnce() {
    ActorHandle<Counter> c = Ray.actor(Counter::new, 0).setMaxConcurrency(3).remote();
    List<ObjectRef<Boolean>> calls = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      calls.add(c.task(Counter::meet, 3, MEET_MS).remote()); // true only if all three run at once
    }
    assertThat(Ray.get(calls)).containsOnly(true);
  }

  @Test
  void maxPendingCalls_refusesCallsBeyondTheLimit() {
    ActorHandle<Gate> gate = Ray.actor(Gate::new).setMaxConcurrency(2).remote();
    ActorHandle<Counter> c = Ray.actor(Counter::new, 0).setMaxPendingCalls(2).remote();
    ObjectRef<Integer> first = c.task(Counter::add, gate.task(Gate::pass, 1).remote()).remote();
    ObjectRef<Integer> second = c.task(Counter::add, 1).remote(); // waits behind the first
    assertThatThrownBy(() -> c.task(Counter::add, 1).remote())
        .isInstanceOfSatisfying(
            PendingCallsLimitExceededException.class,
            e -> assertThat(e).hasMessageContaining("maxPendingCalls"));
    assertThat(gate.task(Gate::open).remote().get()).isTrue();
    assertThat(first.get()).isEqualTo(1);
    assertThat(second.get()).isEqualTo(2);
  }

  /**
   * Makes up to {@code tries} calls to {@code c} and returns how many were accepted before one was
   * refused with {@link PendingCallsLimitExceededException}; run as a task, another caller.
   */
  static int callsAccepted(ActorHandle<Counter> c, int tries) {
    int accepted = 0;
    try {
      for (; accepted < tries; accepted++) {
        c.task(Counter::add, 0).remote();
      }
    } catch (PendingCallsLimitExceededException e) {
      return accepted;
    }
    return accepted;
  }

  @Test
  void maxPendingCalls_countsEachCallerOnItsOwn_asInRay() {
    ActorHandle<Gate> gate = Ray.actor(Gate::new).setMaxConcurrency(2).remote();
    ActorHandle<Counter> c = Ray.actor(Counter::new, 0).setMaxPendingCalls(2).remote();
    ObjectRef<Integer> first = c.task(Counter::add, gate.task(Gate::pass, 1).remote()).remote();
    ObjectRef<Integer> second = c.task(Counter::add, 1).remote(); // waits behind the first
    assertThatThrownBy(() -> c.task(Counter::add, 1).remote())
        .isInstanceOf(PendingCallsLimitExceededException.class);
    // a task is another caller: the driver's two pending calls leave it its own two
    assertThat(Ray.task(RayActorTest::callsAccepted, c, 3).remote().get()).isEqualTo(2);
    assertThat(gate.task(Gate::open).remote().get()).isTrue();
    assertThat(first.get()).isEqualTo(1);
    assertThat(second.get()).isEqualTo(2);
    // a result that get returned is no longer pending: the driver may call again at once
    for (int i = 0; i < 5; i++) {
      assertThat(c.task(Counter::add, 1).remote().get()).isEqualTo(3 + i);
    }
  }

  @Test
  @Tag(RayTestSupport.EMBEDDED_ONLY) // a cluster's task worker runs many tasks: one caller there
  void maxPendingCalls_manyCallersAtOnce_eachGetExactlyTheLimit() {
    ActorHandle<Gate> gate = Ray.actor(Gate::new).setMaxConcurrency(2).remote();
    ActorHandle<Counter> c = Ray.actor(Counter::new, 0).setMaxPendingCalls(3).remote();
    ObjectRef<Integer> blocked = c.task(Counter::add, gate.task(Gate::pass, 1).remote()).remote();
    List<ObjectRef<Integer>> accepted = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      accepted.add(Ray.task(RayActorTest::callsAccepted, c, 5).remote());
    }
    assertThat(Ray.get(accepted)).hasSize(16).containsOnly(3);
    assertThat(gate.task(Gate::open).remote().get()).isTrue();
    assertThat(blocked.get()).isEqualTo(1);
    assertThat(c.task(Counter::add, 0).remote().get()).isEqualTo(1); // all 48 added 0
  }

  @Test
  void concurrencyGroup_fromAnnotations_runsItsCallsConcurrently() {
    ActorHandle<GroupedActor> c = Ray.actor(GroupedActor::new).remote();
    // two "io" calls at once although the default group allows one
    ObjectRef<Boolean> a = c.task(GroupedActor::ioMeet, 2, MEET_MS).remote();
    ObjectRef<Boolean> b = c.task(GroupedActor::ioMeet, 2, MEET_MS).remote();
    assertThat(Ray.get(List.of(a, b))).containsOnly(true);
  }

  @Test
  void concurrencyGroup_fromBuilder_andPerCallChoice() {
    ConcurrencyGroup wide =
        new ConcurrencyGroupBuilder<GroupedActor>()
            .setName("wide")
            .setMaxConcurrency(3)
            .addMethod(Counter::meet)
            .build();
    ActorHandle<GroupedActor> c = Ray.actor(GroupedActor::new).setConcurrencyGroups(wide).remote();
    List<ObjectRef<Boolean>> calls = new ArrayList<>();
    calls.add(c.task(Counter::meet, 3, MEET_MS).remote());
    calls.add(c.task(Counter::meet, 3, MEET_MS).remote());
    calls.add(c.task(GroupedActor::ioMeet, 3, MEET_MS).setConcurrencyGroup("wide").remote());
    assertThat(Ray.get(calls)).containsOnly(true);
    assertThatThrownBy(() -> c.task(Counter::get).setConcurrencyGroup("nope").remote())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void concurrencyGroup_boundsTheCallsOfAllItsMethodsTogether() {
    ConcurrencyGroup one =
        new ConcurrencyGroupBuilder<Counter>()
            .setName("one")
            .setMaxConcurrency(1)
            .addMethod(Counter::meet)
            .addMethod(Counter::meetAgain)
            .build();
    ActorHandle<Counter> c = Ray.actor(Counter::new, 0).setConcurrencyGroups(one).remote();
    // The actor runs 2 calls at once (its default group and "one"), but "one" admits a single
    // call: whichever runs first gives up waiting for the other, which then finds its mark.
    ObjectRef<Boolean> a = c.task(Counter::meet, 2, 300L).remote();
    ObjectRef<Boolean> b = c.task(Counter::meetAgain, 2, 300L).remote();
    assertThat(Ray.get(List.of(a, b))).containsExactlyInAnyOrder(false, true);
  }

  @Test
  void runtimeContext_inActor_namesTheActor() {
    ActorHandle<Counter> c = Ray.actor(Counter::new, 0).remote();
    assertThat(c.task(Counter::actorId).remote().get()).isEqualTo(c.getId().toString());
    assertThat(c.task(Counter::selfId).remote().get()).isEqualTo(c.getId().toString());
    // the handle is callable where the actor runs (its own worker JVM on a cluster)
    ObjectRef<Integer> viaSelf = c.task(Counter::addThroughSelf, 5).remote().get();
    assertThat(viaSelf.get()).isEqualTo(5);
    assertThat(c.task(Counter::get).remote().get()).isEqualTo(5);
    assertThat(Ray.getRuntimeContext().getCurrentActorId()).isEqualTo(ActorId.NIL);
    ActorHandle<Counter> same = Ray.internal().getActorHandle(c.getId());
    assertThat(same.task(Counter::add, 1).remote().get()).isEqualTo(6);
  }

  @Test
  void actorResources_areCheckedAgainstTheNode() throws Exception {
    ActorHandle<Counter> c =
        Ray.actor(Counter::new, 0).setResource("RES", 2.0).setMaxTaskRetries(2).remote();
    assertThat(c.task(Counter::add, 1).remote().get()).isEqualTo(1);
    if (rayMode().isEmbedded()) {
      assertThatThrownBy(() -> Ray.actor(Counter::new, 0).setResource("GPU", 1.0).remote())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("GPU");
    } else {
      // On a cluster, as in Ray, it stays pending until a node with a GPU joins (none does);
      // killing it gives it up.
      ActorHandle<Counter> waiting = Ray.actor(Counter::new, 0).setResource("GPU", 1.0).remote();
      ObjectRef<Integer> call = waiting.task(Counter::get).remote();
      assertThat(Ray.wait(List.of(call), 1, 0).getReady()).isEmpty();
      waiting.kill();
      assertThatThrownBy(call::get).isInstanceOf(RayActorException.class);
    }
  }

  @Test
  void putWithOwner_storesTheValue() {
    ActorHandle<Counter> c = Ray.actor(Counter::new, 0).remote();
    assertThat(Ray.put("owned", c).get()).isEqualTo("owned");
  }

  @Test
  void jvmOptions_startTheActorsJvmWithThemOnACluster_areIgnoredEmbedded_andBadOnesAreRefused()
      throws Exception {
    ActorHandle<PropReader> a =
        Ray.actor(PropReader::new).setJvmOptions(List.of("-Dmanta.test.prop=xyz")).remote();
    String seen = a.task(PropReader::prop, "manta.test.prop").remote().get();
    if (rayMode().isEmbedded()) {
      assertThat(seen).isNull(); // the actor runs in this JVM, which has no such property
    } else {
      assertThat(seen).isEqualTo("xyz");
    }
    assertThatThrownBy(
            () -> Ray.actor(PropReader::new).setJvmOptions(List.of("-cp", "/tmp")).remote())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'-cp' is refused");
    assertThatThrownBy(
            () -> Ray.actor(PropReader::new).setJvmOptions(List.of("Main", "-Xmx1g")).remote())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Main' is not a JVM option");
  }
}
