package dev.manta.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ray.api.ActorHandle;
import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import io.ray.api.WaitResult;
import io.ray.api.exception.RayTaskException;
import io.ray.api.exception.RayTimeoutException;
import io.ray.api.exception.UnreconstructableException;
import io.ray.api.id.TaskId;
import io.ray.api.runtimecontext.NodeInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RayTestSupport.class)
class RayTaskTest implements RayTestSupport.Source {
  static int add(int a, int b) {
    return a + b;
  }

  static int square(int x) {
    return x * x;
  }

  static int sum(List<ObjectRef<Integer>> refs) {
    int s = 0;
    for (ObjectRef<Integer> r : refs) {
      s += Ray.get(r);
    }
    return s;
  }

  static String describe(String s) {
    return s == null ? "null" : "'" + s + "'";
  }

  static int fail(String why) {
    throw new IllegalStateException(why);
  }

  static int nested(int x) {
    return Ray.task(RayTaskTest::square, x).remote().get() + 1;
  }

  static ObjectRef<Integer> makeRef(int x) {
    return Ray.put(x * 10);
  }

  static String taskId() {
    return Ray.getRuntimeContext().getCurrentTaskId().toString();
  }

  static double cpus() {
    return Ray.getRuntimeContext().getAllNodeInfo().get(0).resources.get("CPU");
  }

  /** A class Java serialization refuses. */
  private static class NotSerializable {}

  /** Ray's TaskExceptionTest shape: an exception holding a field that cannot be serialized. */
  private static class UnserializableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings({"unused", "serial"})
    private final NotSerializable field = new NotSerializable();

    UnserializableException() {
      super(); // no message either, as in Ray's test: on a cluster that used to hang get
    }
  }

  private static String throwUnserializable() {
    throw new UnserializableException();
  }

  @Test
  void aTaskWhoseExceptionCannotBeSerialized_failsTheGet() {
    assertThatThrownBy(() -> Ray.task(RayTaskTest::throwUnserializable).remote().get(60_000))
        .isInstanceOf(RayTaskException.class)
        .hasMessageContaining("UnserializableException");
  }

  @Test
  void task_withValueArgs_returnsResult() {
    assertThat(Ray.task(RayTaskTest::add, 2, 3).remote().get()).isEqualTo(5);
  }

  @Test
  void task_withObjectRefArg_receivesItsValue() {
    ObjectRef<Integer> seven = Ray.put(7);
    ObjectRef<Integer> sq = Ray.task(RayTaskTest::square, seven).remote();
    assertThat(Ray.task(RayTaskTest::add, sq, Ray.put(1)).remote().get()).isEqualTo(50);
  }

  @Test
  void task_withRefsNestedInAList_passesThemAsRefs() {
    List<ObjectRef<Integer>> refs = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      refs.add(Ray.task(RayTaskTest::square, i).remote());
    }
    assertThat(Ray.task(RayTaskTest::sum, refs).remote().get()).isEqualTo(1 + 4 + 9 + 16);
  }

  @Test
  void task_returningARef_givesAUsableRef() {
    ObjectRef<ObjectRef<Integer>> outer = Ray.task(RayTaskTest::makeRef, 4).remote();
    assertThat(Ray.get(Ray.get(outer))).isEqualTo(40);
  }

  @Test
  void task_withNullArg_receivesNull() {
    assertThat(Ray.task(RayTaskTest::describe, (String) null).remote().get()).isEqualTo("null");
    assertThat(Ray.task(RayTaskTest::describe, "x").remote().get()).isEqualTo("'x'");
  }

  @Test
  void task_callingRayInside_reachesTheSameRuntime() {
    assertThat(Ray.task(RayTaskTest::nested, 6).remote().get()).isEqualTo(37);
  }

  @Test
  void task_thatThrows_failsGetWithRayTaskExceptionCarryingTheCause() {
    ObjectRef<Integer> r = Ray.task(RayTaskTest::fail, "boom").remote();
    assertThatThrownBy(r::get)
        .isInstanceOf(RayTaskException.class)
        .hasMessageContaining("boom")
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
  }

  @Test
  void task_dependingOnAFailedTask_failsWithTheSameError() {
    ObjectRef<Integer> failed = Ray.task(RayTaskTest::fail, "first").remote();
    ObjectRef<Integer> dependent = Ray.task(RayTaskTest::square, failed).remote();
    assertThatThrownBy(dependent::get)
        .isInstanceOf(RayTaskException.class)
        .hasMessageContaining("first");
  }

  @Test
  void get_withTimeout_throwsRayTimeoutExceptionAndRefStaysValid() {
    ActorHandle<Gate> gate = Ray.actor(Gate::new).setMaxConcurrency(2).remote();
    ObjectRef<Integer> r =
        Ray.task(RayTaskTest::square, gate.task(Gate::pass, 1).remote()).remote();
    assertThatThrownBy(() -> Ray.get(r, 50)).isInstanceOf(RayTimeoutException.class);
    gate.task(Gate::open).remote().get();
    assertThat(r.get(120_000)).isEqualTo(1);
  }

  @Test
  void wait_returnsReadyAndUnreadyRefsAsGiven() {
    ActorHandle<Gate> gate = Ray.actor(Gate::new).setMaxConcurrency(2).remote();
    ObjectRef<Integer> slow =
        Ray.task(RayTaskTest::square, gate.task(Gate::pass, 1).remote()).remote();
    ObjectRef<Integer> fast = Ray.put(2);
    WaitResult<Integer> w = Ray.wait(List.of(slow, fast), 1, 10_000);
    assertThat(w.getReady()).containsExactly(fast);
    assertThat(w.getUnready()).containsExactly(slow);
    WaitResult<Integer> none = Ray.wait(List.of(slow, fast), 2, 20);
    assertThat(none.getReady()).containsExactly(fast);
    gate.task(Gate::open).remote().get();
    WaitResult<Integer> all = Ray.wait(List.of(slow, fast));
    assertThat(all.getReady()).containsExactlyInAnyOrder(slow, fast);
    assertThat(all.getUnready()).isEmpty();
  }

  @Test
  void getList_returnsValuesInOrder() {
    List<ObjectRef<Integer>> refs =
        List.of(Ray.put(3), Ray.task(RayTaskTest::square, 3).remote(), Ray.put(1));
    assertThat(Ray.get(refs)).containsExactly(3, 9, 1);
    assertThat(Ray.get(refs, 120_000)).containsExactly(3, 9, 1);
  }

  @Test
  void free_makesLaterGetThrowUnreconstructable() {
    ObjectRef<String> r = Ray.put("gone");
    Ray.internal().free(List.of(r), false);
    assertThatThrownBy(r::get).isInstanceOf(UnreconstructableException.class);
  }

  @Test
  void task_withResources_runsWhenFeasibleAndIsRefusedWhenNot() throws Exception {
    assertThat(
            Ray.task(RayTaskTest::square, 5)
                .setResource("RES", 1.0)
                .setResource("CPU", 2.0)
                .setName("sq")
                .remote()
                .get())
        .isEqualTo(25);
    if (rayMode().isEmbedded()) {
      assertThatThrownBy(() -> Ray.task(RayTaskTest::square, 5).setResource("RES", 3.0).remote())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("RES");
    } else {
      // On a cluster, as in Ray, it waits for a node with RES=3 (none joins: the job's end,
      // Ray.shutdown() after the test, gives it up).
      ObjectRef<Integer> r = Ray.task(RayTaskTest::square, 5).setResource("RES", 3.0).remote();
      assertThat(Ray.wait(List.of(r), 1, 0).getReady()).isEmpty();
    }
  }

  @Test
  @Tag(RayTestSupport.EMBEDDED_ONLY) // head args label the embedded node; a cluster's are its own
  void headArgs_labelTheEmbeddedNode() {
    Ray.shutdown();
    System.setProperty("ray.head-args.0", "--labels={\"zone\":\"z1\"}");
    try {
      Ray.init();
    } finally {
      System.clearProperty("ray.head-args.0");
    }
    assertThat(Ray.getRuntimeContext().getAllNodeInfo())
        .singleElement()
        .satisfies(
            n ->
                assertThat(n.labels)
                    .containsExactlyInAnyOrderEntriesOf(
                        java.util.Map.of("zone", "z1", "ray.io/node-id", n.nodeId.toString())));
  }

  @Test
  @Tag(RayTestSupport.EMBEDDED_ONLY) // head args size the embedded node; a cluster's are its own
  void headArgs_setTheNodeResources() {
    assertThat(Ray.task(RayTaskTest::cpus).remote().get()).isEqualTo(4.0);
    assertThat(Ray.getRuntimeContext().getAllNodeInfo().get(0).resources).containsEntry("RES", 2.0);
  }

  @Test
  void runtimeContext_inTask_hasATaskIdAndInDriverNil() throws Exception {
    String inTask = Ray.task(RayTaskTest::taskId).remote().get();
    assertThat(inTask).isNotEqualTo(TaskId.NIL.toString());
    assertThat(Ray.getRuntimeContext().getCurrentTaskId()).isEqualTo(TaskId.NIL);
    assertThat(Ray.getRuntimeContext().isLocalMode()).isEqualTo(rayMode().isEmbedded());
    assertThat(Ray.getRuntimeContext().getNamespace()).isEqualTo("test");
    assertThat(Ray.getRuntimeContext().getCurrentJobId().isNil()).isFalse();
  }

  static String nodeId() {
    return Ray.getRuntimeContext().getCurrentNodeId().toString();
  }

  @Test
  void allNodeInfo_listsEveryNode_withItsIdLabel_andTheNodeTasksRunOn() {
    List<NodeInfo> nodes = Ray.getRuntimeContext().getAllNodeInfo();
    assertThat(nodes).isNotEmpty().allSatisfy(n -> assertThat(n.isAlive).isTrue());
    assertThat(nodes)
        .allSatisfy(n -> assertThat(n.labels).containsEntry("ray.io/node-id", n.nodeId.toString()));
    // 4 CPUs in all, in both modes (embedded: one node; cluster: two of 2).
    assertThat(nodes.stream().mapToDouble(n -> n.resources.get("CPU")).sum()).isEqualTo(4.0);
    List<String> ids = nodes.stream().map(n -> n.nodeId.toString()).toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids).contains(Ray.getRuntimeContext().getCurrentNodeId().toString());
    assertThat(ids).contains(Ray.task(RayTaskTest::nodeId).remote().get());
  }

  @Test
  void capturingLambda_isRefusedAtSubmit() {
    int captured = 3;
    assertThatThrownBy(() -> Ray.task(() -> captured + 1).remote())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("captures");
  }
}
