package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Actor handles travelling inside values: as a task argument alone, in a list, in a record, inside
 * a {@code put} object, and back as a task's return value; for plain and async actors, fresh (sent
 * the moment the actor is created, to a worker that is already warm) and long-lived (after many
 * other actors were created and their handles moved). On a cluster a handle is read in another
 * process, which must find the actor (issue 15). Run in each mode by a subclass naming its fixture
 * ({@code EmbeddedHandleTravelTest}, and manta-cluster's {@code ClusterHandleTravelTest}).
 *
 * @param <F> the fixture the tests run on
 */
@ExtendWith(MantaTestSupport.class)
abstract class HandleTravelBehaviour<F extends MantaFixture> implements MantaFixture.Source<F> {
  private static final Duration LONG = Duration.ofSeconds(60);

  /** How a handle reaches the code that calls its actor. */
  enum Route {
    ALONE,
    IN_LIST,
    IN_RECORD,
    IN_PUT_OBJECT,
    RETURNED_FROM_TASK
  }

  /** Which kind of actor the handle is for. */
  enum Kind {
    PLAIN,
    ASYNC
  }

  /** An actor whose methods return {@code CompletionStage}. */
  public static final class AsyncCounter {
    private int value;

    public AsyncCounter() {}

    public CompletionStage<Integer> add(int delta) {
      return CompletableFuture.supplyAsync(() -> delta).thenApply(d -> value += d);
    }
  }

  /** An actor built from handles of other actors. */
  public static final class Group {
    private final List<ActorHandle<Counter>> members;

    public Group(List<ActorHandle<Counter>> members) {
      this.members = List.copyOf(members);
    }

    public int addToAll(int delta) {
      int sum = 0;
      for (ActorHandle<Counter> m : members) {
        sum += Manta.get(m.task(Counter::add, delta).remote());
      }
      return sum;
    }
  }

  /** An actor that calls another through a handle it is given. */
  public static final class Relay {
    public Relay() {}

    public int relay(ActorHandle<Counter> target, int delta) {
      return Manta.get(target.task(Counter::add, delta).remote());
    }
  }

  /** A value that holds a handle. */
  public record Holds(String label, ActorHandle<?> handle) {}

  /**
   * The remote functions of these tests (a method reference to a generic class's static method
   * would be inexact, and ambiguous between Manta's overloads).
   */
  public static final class Travel {
    private Travel() {}

    public static int addVia(ActorHandle<?> h, Kind kind, int delta) {
      return bump(h, kind, delta);
    }

    public static int addViaList(List<ActorHandle<?>> hs, Kind kind, int delta) {
      return bump(hs.get(0), kind, delta);
    }

    public static int addViaRecord(Holds holds, Kind kind, int delta) {
      return bump(holds.handle(), kind, delta);
    }

    public static ActorHandle<?> echo(ActorHandle<?> h) {
      return h;
    }

    public static int openThenAdd(ActorHandle<Latch> latch, ActorHandle<Counter> counter) {
      Manta.get(latch.task(Latch::open).remote());
      return Manta.get(counter.task(Counter::add, 1).remote());
    }

    public static int findThenOpenThenAdd(ActorHandle<Latch> latch, String name) {
      ActorHandle<Counter> counter = Manta.getActor(name);
      Manta.get(latch.task(Latch::open).remote());
      return Manta.get(counter.task(Counter::add, 1).remote());
    }

    public static int addToEach(List<ActorHandle<Counter>> counters, int delta) {
      int sum = 0;
      for (ActorHandle<Counter> c : counters) {
        sum += Manta.get(c.task(Counter::add, delta).remote());
      }
      return sum;
    }

    public static int addAsyncVia(List<ActorHandle<AsyncCounter>> target, int delta) {
      return Manta.get(target.get(0).taskAsync(AsyncCounter::add, delta).remote());
    }
  }

  private static ActorHandle<?> create(Kind kind) {
    return switch (kind) {
      case PLAIN -> Manta.actor(Counter::new).remote();
      case ASYNC -> Manta.actor(AsyncCounter::new).remote();
    };
  }

  /** Adds {@code delta} to the actor behind {@code h} and returns its new value. */
  @SuppressWarnings("unchecked")
  static int bump(ActorHandle<?> h, Kind kind, int delta) {
    return switch (kind) {
      case PLAIN -> Manta.get(((ActorHandle<Counter>) h).task(Counter::add, delta).remote());
      case ASYNC ->
          Manta.get(((ActorHandle<AsyncCounter>) h).taskAsync(AsyncCounter::add, delta).remote());
    };
  }

  /** Sends {@code h} by {@code route} to a task (or back from one) that adds {@code delta}. */
  private static int travel(Route route, Kind kind, ActorHandle<?> h, int delta) {
    return switch (route) {
      case ALONE -> Manta.task(Travel::addVia, h, kind, delta).remote().get(LONG);
      case IN_LIST ->
          Manta.task(Travel::addViaList, List.<ActorHandle<?>>of(h), kind, delta)
              .remote()
              .get(LONG);
      case IN_RECORD ->
          Manta.task(Travel::addViaRecord, new Holds("record", h), kind, delta).remote().get(LONG);
      case IN_PUT_OBJECT -> {
        ObjectRef<Holds> ref = Manta.put(new Holds("put", h));
        int v = Manta.task(Travel::addViaRecord, ref, kind, delta).remote().get(LONG);
        assertThat(ref.get(LONG).handle()).isEqualTo(h);
        yield v;
      }
      case RETURNED_FROM_TASK -> {
        ActorHandle<?> back = Manta.task(Travel::echo, h).remote().get(LONG);
        assertThat(back).isEqualTo(h);
        yield bump(back, kind, delta);
      }
    };
  }

  @ParameterizedTest(name = "{0} actor")
  @EnumSource(Kind.class)
  void freshHandle_sentAtOnceToAWarmWorker_reachesItsActorByEveryRoute(Kind kind) {
    Manta.task(Fns::square, 1).remote().get(LONG); // the task worker is leased and linked
    for (Route route : Route.values()) {
      ActorHandle<?> h = create(kind);
      assertThat(travel(route, kind, h, 1)).as("%s, through a task", route).isEqualTo(1);
      assertThat(bump(h, kind, 1)).as("%s, from the driver", route).isEqualTo(2);
      h.kill(); // its worker may host the next actor
    }
  }

  /** An actor whose {@code await} returns once {@code open} was called. */
  public static final class Latch {
    private final CountDownLatch opened = new CountDownLatch(1);

    public Latch() {}

    public int await(int value) throws InterruptedException {
      opened.await();
      return value;
    }

    public void open() {
      opened.countDown();
    }
  }

  @Test
  void handleOfActorNotYetPlaced_isUsable_whereItArrives() {
    ActorHandle<Latch> latch = Manta.actor(Latch::new).maxConcurrency(2).remote();
    ObjectRef<Integer> start = latch.task(Latch::await, 5).remote();
    // The counter cannot be placed before `start` is ready, which the task below makes happen
    // only after it has read the handle: reading it must not wait for the actor to be placed.
    ActorHandle<Counter> counter = Manta.<Counter, Integer>actor(Counter::new, start).remote();
    assertThat(Manta.task(Travel::openThenAdd, latch, counter).remote().get(LONG)).isEqualTo(6);
    assertThat(counter.task(Counter::add, 1).remote().get(LONG)).isEqualTo(7);
  }

  @Test
  void actorNotYetPlaced_isFoundByName_whereItIsLookedUp() {
    ActorHandle<Latch> latch = Manta.actor(Latch::new).maxConcurrency(2).remote();
    ObjectRef<Integer> start = latch.task(Latch::await, 5).remote();
    ActorHandle<Counter> counter =
        Manta.<Counter, Integer>actor(Counter::new, start).name("not-yet").remote();
    assertThat(Manta.task(Travel::findThenOpenThenAdd, latch, "not-yet").remote().get(LONG))
        .isEqualTo(6);
    assertThat(counter.task(Counter::add, 1).remote().get(LONG)).isEqualTo(7);
  }

  /**
   * The history of issue 15: many actors of several classes whose handles moved in lists, as task
   * arguments, inside a put object, and as actor constructor and method arguments.
   */
  private static void busyHistory() {
    List<ActorHandle<Counter>> counters = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      counters.add(Manta.actor(Counter::new, i).remote());
    }
    assertThat(Manta.task(Travel::addToEach, counters, 1).remote().get(LONG)).isEqualTo(36);
    ObjectRef<List<ActorHandle<Counter>>> put = Manta.put(counters);
    assertThat(Manta.task(Travel::addToEach, put, 1).remote().get(LONG)).isEqualTo(44);
    List<Integer> done = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      // Killed after use, so that the next actor may reuse its worker: a shorter test.
      ActorHandle<Group> g =
          Manta.actor(Group::new, List.of(counters.get(i), counters.get(i + 1))).remote();
      done.add(g.task(Group::addToAll, 1).remote().get(LONG));
      g.kill();
      ActorHandle<Relay> r = Manta.actor(Relay::new).remote();
      done.add(r.task(Relay::relay, counters.get(i), 1).remote().get(LONG));
      r.kill();
    }
    assertThat(done).hasSize(12).allSatisfy(v -> assertThat(v).isPositive());
  }

  @Test
  void handles_afterManyActorsAndMovedHandles_travelEveryWay() {
    Map<Kind, ActorHandle<?>> early = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      early.put(kind, create(kind));
      assertThat(travel(Route.IN_LIST, kind, early.get(kind), 1)).isEqualTo(1);
    }
    busyHistory();
    for (Kind kind : Kind.values()) {
      ActorHandle<?> late = create(kind);
      int expected = 0;
      for (Route route : Route.values()) {
        expected++;
        assertThat(travel(route, kind, early.get(kind), 1))
            .as("long-lived handle of a %s actor, %s", kind, route)
            .isEqualTo(expected + 1);
        assertThat(travel(route, kind, late, 1))
            .as("handle of a %s actor made after the history, %s", kind, route)
            .isEqualTo(expected);
      }
    }
  }

  /** The program of issue 15, whose last step failed on a cluster with "Deserialize failed". */
  @Test
  void asyncHandleInList_toFourConcurrentTasks_afterManyActorsAndHandles() {
    busyHistory();
    for (int round = 0; round < 5; round++) {
      ActorHandle<AsyncCounter> a = Manta.actor(AsyncCounter::new).remote();
      List<ActorHandle<AsyncCounter>> inList = new ArrayList<>(List.of(a));
      List<ObjectRef<Integer>> sums = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        sums.add(Manta.task(Travel::addAsyncVia, inList, 1).remote());
      }
      assertThat(Manta.get(sums, LONG)).as("round %d", round).containsExactlyInAnyOrder(1, 2, 3, 4);
      a.kill();
    }
  }
}
