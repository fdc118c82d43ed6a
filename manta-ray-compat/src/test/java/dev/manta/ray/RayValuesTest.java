package dev.manta.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ray.api.ActorHandle;
import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import io.ray.api.concurrencygroup.ConcurrencyGroup;
import io.ray.api.concurrencygroup.ConcurrencyGroupBuilder;
import io.ray.api.exception.RayTaskException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Values as Ray's suite expects them: nulls as values, arguments and returns; an exception put as a
 * value; errors flowing through arguments; a result that cannot be serialized.
 */
@ExtendWith(RayTestSupport.class)
class RayValuesTest implements RayTestSupport.Source {
  static String nothing() {
    return null;
  }

  static String echo(String s) {
    return s;
  }

  static int fail(String why) {
    throw new IllegalStateException(why);
  }

  static int plusOne(int x) {
    return x + 1;
  }

  /** Not serializable by Manta's serializer: holds a thread. */
  static Object unserializable() {
    return Thread.currentThread();
  }

  @Test
  void putNull_getsNull() {
    ObjectRef<String> r = Ray.put(null);
    assertThat(r.get()).isNull();
    assertThat(Ray.get(List.of(r, Ray.put("x")))).containsExactly(null, "x");
  }

  @Test
  void task_returningNull_givesNull_andNullPassesOnAsARef() {
    ObjectRef<String> none = Ray.task(RayValuesTest::nothing).remote();
    assertThat(none.get()).isNull();
    assertThat(Ray.task(RayValuesTest::echo, none).remote().get()).isNull();
    assertThat(Ray.task(RayValuesTest::echo, Ray.put((String) null)).remote().get()).isNull();
  }

  @Test
  void actor_takesAndReturnsNull() {
    ActorHandle<Holder> h = Ray.actor(Holder::new, (String) null).remote();
    assertThat(h.task(Holder::get).remote().get()).isNull();
    assertThat(h.task(Holder::set, "a").remote().get()).isNull();
    assertThat(h.task(Holder::set, (String) null).remote().get()).isEqualTo("a");
    assertThat(h.task(Holder::get).remote().get()).isNull();
  }

  @Test
  void putException_getThrowsIt() {
    RayTaskException e =
        new RayTaskException(1, "127.0.0.1", "stored failure", new IllegalStateException("x"));
    ObjectRef<RayTaskException> r = Ray.put(e);
    assertThatThrownBy(r::get)
        .isInstanceOf(RayTaskException.class)
        .hasMessageContaining("stored failure");
  }

  @Test
  void errorPassedAsArgument_arrivesAsTheUpstreamTasksRayTaskException() {
    ObjectRef<Integer> failed = Ray.task(RayValuesTest::fail, "upstream").remote();
    ObjectRef<Integer> dependent = Ray.task(RayValuesTest::plusOne, failed).remote();
    // As in Ray: the dependent's own RayTaskException, caused by the upstream task's.
    assertThatThrownBy(dependent::get)
        .isInstanceOf(RayTaskException.class)
        .hasMessageContaining("did not run: an argument's task")
        .cause()
        .isInstanceOf(RayTaskException.class)
        .hasMessageContaining("upstream")
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("upstream");
    assertThatThrownBy(() -> Ray.get(List.of(dependent)))
        .isInstanceOf(RayTaskException.class)
        .cause()
        .isInstanceOf(RayTaskException.class);
    // A task that threw itself: its RayTaskException, caused by what it threw.
    assertThatThrownBy(failed::get)
        .isInstanceOf(RayTaskException.class)
        .cause()
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void resultThatCannotBeSerialized_failsGetInsteadOfBeingLost() {
    ObjectRef<Object> r = Ray.task(RayValuesTest::unserializable).remote();
    assertThatThrownBy(r::get).isInstanceOf(RayTaskException.class);
  }

  @Test
  void singleThreadedActor_runsEveryCallOnOneThread() {
    ActorHandle<Holder> h = Ray.actor(Holder::new, "t").remote();
    List<ObjectRef<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(h.task(Holder::callsOnThisThread).remote());
    }
    List<Integer> seen = Ray.get(calls);
    assertThat(seen).as("thread-local call count of each call").isEqualTo(count(20));
  }

  @Test
  void concurrencyGroupOfOne_runsEveryCallOfItsGroupOnOneThread() {
    ConcurrencyGroup one =
        new ConcurrencyGroupBuilder<Holder>()
            .setName("one")
            .setMaxConcurrency(1)
            .addMethod(Holder::callsOnThisThread)
            .build();
    ConcurrencyGroup wide =
        new ConcurrencyGroupBuilder<Holder>().setName("wide").setMaxConcurrency(3).build();
    ActorHandle<Holder> h =
        Ray.actor(Holder::new, "t").setMaxConcurrency(4).setConcurrencyGroups(one, wide).remote();
    List<ObjectRef<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(h.task(Holder::callsOnThisThread).remote());
    }
    // The actor runs 4 calls at once, so calls of the group may start out of submission order
    // (Ray orders only single-threaded actors); one thread shows as 20 distinct counts.
    assertThat(Ray.get(calls))
        .as("thread-local call count of each call")
        .containsExactlyInAnyOrderElementsOf(count(20));
  }

  @Test
  void threadStartedByAnActor_seesTheActorsId() {
    ActorHandle<Holder> h = Ray.actor(Holder::new, "t").remote();
    assertThat(h.task(Holder::actorIdOnOwnThread).remote().get()).isEqualTo(h.getId().toString());
  }

  private static List<Integer> count(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(i);
    }
    return out;
  }
}
