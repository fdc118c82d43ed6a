package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Actor handles travelling inside values: as a task argument alone, in a list, in a record, inside
 * a {@code put} object, and back as a task's return value; for plain and async actors, sent the
 * moment the actor is created, to a worker that is already warm. On a cluster a handle is read in
 * another process, which must find the actor (issue 15).
 */
@ExtendWith(MantaTestSupport.class)
class HandleTravelTest {
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

  /** A value that holds a handle. */
  public record Holds(String label, ActorHandle<?> handle) {}

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

  /** Sends {@code h} by {@code route} to a task (or back from one) that adds {@code delta}. */
  private static int travel(Route route, Kind kind, ActorHandle<?> h, int delta) {
    return switch (route) {
      case ALONE -> Manta.task(HandleTravelTest::addVia, h, kind, delta).remote().get(LONG);
      case IN_LIST ->
          Manta.task(HandleTravelTest::addViaList, List.<ActorHandle<?>>of(h), kind, delta)
              .remote()
              .get(LONG);
      case IN_RECORD ->
          Manta.task(HandleTravelTest::addViaRecord, new Holds("record", h), kind, delta)
              .remote()
              .get(LONG);
      case IN_PUT_OBJECT -> {
        ObjectRef<Holds> ref = Manta.put(new Holds("put", h));
        int v = Manta.task(HandleTravelTest::addViaRecord, ref, kind, delta).remote().get(LONG);
        assertThat(ref.get(LONG).handle()).isEqualTo(h);
        yield v;
      }
      case RETURNED_FROM_TASK -> {
        ActorHandle<?> back = Manta.task(HandleTravelTest::echo, h).remote().get(LONG);
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
}
