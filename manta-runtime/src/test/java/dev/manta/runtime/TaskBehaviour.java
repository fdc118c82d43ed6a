package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.GetTimeoutException;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.RuntimeContext;
import dev.manta.TaskCancelledException;
import dev.manta.TaskException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tasks as users see them through the API: arities, refs as arguments, errors, retries, timeouts,
 * cancellation, {@code wait}, nested tasks, the runtime context. Written once against {@link
 * MantaFixture} and run in each mode by a subclass naming its fixture ({@code EmbeddedTaskTest},
 * and manta-cluster's {@code ClusterTaskTest}); tests tagged {@value MantaFixture#EMBEDDED_ONLY}
 * look inside the embedded runtime and run only there.
 *
 * @param <F> the fixture the tests run on
 */
@ExtendWith(MantaTestSupport.class)
abstract class TaskBehaviour<F extends MantaFixture> implements MantaFixture.Source<F> {

  @BeforeEach
  void reset() {
    Fns.RUNS.set(0);
    Fns.gate = new CountDownLatch(0);
  }

  @Test
  void task_ofEveryArity_returnsItsValue() {
    assertThat(Manta.task(Fns::hello).remote().get()).isEqualTo("hello");
    assertThat(Manta.task(Fns::square, 7).remote().get()).isEqualTo(49);
    assertThat(Manta.task(Fns::add, 2, 3).remote().get()).isEqualTo(5);
    assertThat(Manta.task(Fns::sum6, 1, 2, 3, 4, 5, 6).remote().get()).isEqualTo(21);
  }

  @Test
  void task_acceptsRefsAndValuesMixed() {
    ObjectRef<Integer> two = Manta.put(2);
    ObjectRef<Integer> four = Manta.task(Fns::square, two).remote();
    assertThat(Manta.task(Fns::add, four, 10).remote().get()).isEqualTo(14);
    assertThat(Manta.task(Fns::sum6, two, 1, four, 1, two, 1).remote().get()).isEqualTo(11);
  }

  @Test
  void task_nonCapturingLambda_runs() {
    ObjectRef<Integer> r = Manta.task((Integer x) -> x * 3, 5).remote();
    assertThat(r.get()).isEqualTo(15);
  }

  @Test
  @Tag(MantaTestSupport.EMBEDDED_ONLY) // counts runs in this JVM
  void voidTask_completesWithNull() {
    ObjectRef<Void> r = Manta.task(Fns::count).remote();
    assertThat(r.get()).isNull();
    assertThat(Fns.RUNS.get()).isEqualTo(1);
  }

  @Test
  void submit_capturingLambda_isRejectedWithReason() {
    int captured = 3;
    assertThatThrownBy(() -> Manta.task((Integer x) -> x * captured, 5).remote())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("captures")
        .hasMessageContaining("pass the captured values as arguments");
  }

  @Test
  void submit_nullFunctionOrArgument_isRejected() {
    assertThatThrownBy(() -> Manta.task((dev.manta.Fn1<Integer, Integer>) null, 1).remote())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("fn");
    assertThatThrownBy(() -> Manta.task(Fns::fail, (String) null).remote())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("argument 1");
    assertThatThrownBy(() -> Manta.put(null)).isInstanceOf(NullPointerException.class);
  }

  /** A task whose argument cannot be serialized. */
  static final class Threads {
    private Threads() {}

    static int nameLength(Thread t) {
      return t.getName().length();
    }
  }

  @Test
  void submit_unserializableArgument_failsAtSubmitNamingTheClass() {
    assertThatThrownBy(() -> Manta.task(Threads::nameLength, new Thread()).remote())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Thread")
        .hasMessageContaining("Argument 1");
  }

  @Test
  @Tag(MantaTestSupport.EMBEDDED_ONLY) // asserts the embedded capacity message
  void submit_negativeOrInfeasibleResources_isRejected() {
    assertThatThrownBy(() -> Manta.task(Fns::hello).numCpus(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numCpus");
    assertThatThrownBy(() -> Manta.task(Fns::hello).resource("GPU", -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GPU");
    assertThatThrownBy(() -> Manta.task(Fns::hello).resource("GPU", 1).remote())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("could never run");
    assertThatThrownBy(() -> Manta.task(Fns::hello).numCpus(3).remote())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CPU=2.0");
  }

  @Test
  @Tag(MantaTestSupport.EMBEDDED_ONLY) // the embedded node has no labels
  void labelSelector_embedded_onlyConditionsThatAnAbsentLabelMeetsHold() {
    assertThatThrownBy(() -> Manta.task(Fns::hello).labelSelector(java.util.Map.of("zone", "in(a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'zone'")
        .hasMessageContaining("')'");
    assertThatThrownBy(
            () -> Manta.task(Fns::hello).labelSelector(java.util.Map.of("zone", "b")).remote())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("labelled {zone=b}")
        .hasMessageContaining("has no labels");
    assertThatThrownBy(
            () -> Manta.actor(Counter::new).labelSelector(java.util.Map.of("zone", "b")).remote())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Actor may run only on nodes labelled {zone=b}");
    assertThat(Manta.task(Fns::hello).labelSelector(java.util.Map.of("zone", "!b")).remote().get())
        .isEqualTo("hello");
    String here = Manta.runtimeContext().nodeId();
    assertThat(
            Manta.task(Fns::hello)
                .labelSelector(java.util.Map.of("manta.io/node-id", here))
                .remote()
                .get())
        .isEqualTo("hello");
  }

  @Test
  void failingTask_getThrowsTaskExceptionWithOriginalCause() {
    ObjectRef<Integer> r = Manta.task(Fns::fail, "bad input").remote();
    assertThatThrownBy(r::get)
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("Fns::fail")
        .hasMessageContaining("bad input")
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bad input");
    TaskException e = (TaskException) org.assertj.core.api.Assertions.catchThrowable(r::get);
    assertThat(e.remoteStackTrace()).contains("Fns.fail");
    assertThat(e.remoteExceptionClassName()).isEqualTo(IllegalStateException.class.getName());
  }

  /** Ray's TaskExceptionTest: an exception that Java serialization refuses still reaches get. */
  @Test
  void failingTask_whoseExceptionCannotBeSerialized_getThrowsWithItsClassAndMessage() {
    ObjectRef<Integer> r =
        Manta.task((dev.manta.Fn0<Integer>) TaskBehaviour::throwUnserializable).remote();
    assertThatThrownBy(() -> r.get(Duration.ofSeconds(60)))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("not serializable here");
    TaskException e = (TaskException) org.assertj.core.api.Assertions.catchThrowable(r::get);
    assertThat(e.remoteExceptionClassName()).isEqualTo(UnserializableException.class.getName());
  }

  static int throwUnserializable() {
    throw new UnserializableException("not serializable here");
  }

  /**
   * An exception without a message (Ray's TaskExceptionTest throws one): on a cluster its failure
   * could not be encoded, the worker swallowed that, and get waited for good.
   */
  @Test
  void failingTask_whoseExceptionHasNoMessage_getThrows() {
    ObjectRef<Integer> r =
        Manta.task((dev.manta.Fn0<Integer>) TaskBehaviour::throwWithoutMessage).remote();
    assertThatThrownBy(() -> r.get(Duration.ofSeconds(60)))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("UnsupportedOperationException");
    TaskException e = (TaskException) org.assertj.core.api.Assertions.catchThrowable(r::get);
    assertThat(e.remoteExceptionClassName())
        .isEqualTo(UnsupportedOperationException.class.getName());
  }

  static int throwWithoutMessage() {
    throw new UnsupportedOperationException();
  }

  /** Holds a field that Java serialization refuses. */
  static final class UnserializableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings({"unused", "serial"})
    private final Object notSerializable = new Object();

    UnserializableException(String message) {
      super(message);
    }
  }

  @Test
  void errorFlowsThroughDependents_withoutRunningThem() {
    ObjectRef<Integer> bad = Manta.task(Fns::fail, "root cause").remote();
    ObjectRef<Integer> dependent = Manta.task(Fns::countAndReturn, bad).remote();
    ObjectRef<Integer> second = Manta.task(Fns::countAndReturn, dependent).remote();
    assertThatThrownBy(second::get)
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("root cause");
    assertThat(Fns.RUNS.get()).isZero();
  }

  @Test
  @Tag(MantaTestSupport.EMBEDDED_ONLY) // counts attempts in this JVM
  void retryExceptions_rerunsUntilBudgetSpent() {
    ObjectRef<Integer> r =
        Manta.task(Retry::failTwice, 5).maxRetries(2).retryExceptions(true).remote();
    assertThat(r.get()).isEqualTo(5);
    ObjectRef<Integer> r2 =
        Manta.task(Retry::failAlways, 1).maxRetries(2).retryExceptions(true).remote();
    assertThatThrownBy(r2::get).isInstanceOf(TaskException.class);
    assertThat(Retry.ALWAYS.get()).isEqualTo(3);
  }

  @Test
  void retryExceptions_withTypes_retriesOnlyInstancesOfThem(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    // Tries are counted in a file: on a cluster they run in worker processes.
    String listed = dir.resolve("listed").toString();
    ObjectRef<Integer> r =
        Manta.task(Retry::failFirst, listed, 2)
            .maxRetries(3)
            .retryExceptions(RuntimeException.class) // a superclass of what it throws
            .remote();
    assertThat(r.get(Duration.ofMinutes(1))).isEqualTo(3);
    assertThat(java.nio.file.Files.readAllLines(java.nio.file.Path.of(listed))).hasSize(3);

    String other = dir.resolve("other").toString();
    ObjectRef<Integer> r2 =
        Manta.task(Retry::failFirst, other, 2)
            .maxRetries(3)
            .retryExceptions(IllegalArgumentException.class, java.io.IOException.class)
            .remote();
    assertThatThrownBy(() -> r2.get(Duration.ofMinutes(1)))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("IllegalStateException")
        .hasMessageContaining("try 1");
    assertThat(java.nio.file.Files.readAllLines(java.nio.file.Path.of(other)))
        .as("not retried: IllegalStateException is not one of the listed types")
        .hasSize(1);
  }

  /** Functions that fail a number of times. */
  static final class Retry {
    /** Throws IllegalStateException on its first {@code fails} tries, counted in {@code file}. */
    static int failFirst(String file, int fails) throws java.io.IOException {
      java.nio.file.Path p = java.nio.file.Path.of(file);
      java.nio.file.Files.writeString(
          p,
          "try\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      int tries = java.nio.file.Files.readAllLines(p).size();
      if (tries <= fails) {
        throw new IllegalStateException("try " + tries);
      }
      return tries;
    }

    static final java.util.concurrent.atomic.AtomicInteger TWICE =
        new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.atomic.AtomicInteger ALWAYS =
        new java.util.concurrent.atomic.AtomicInteger();

    static int failTwice(int x) {
      if (TWICE.incrementAndGet() <= 2) {
        throw new IllegalStateException("flaky");
      }
      return x;
    }

    static int failAlways(int x) {
      ALWAYS.incrementAndGet();
      throw new IllegalStateException("always");
    }
  }

  @Test
  void get_withTimeout_throwsAndRefStaysValid() {
    Fns.gate = new CountDownLatch(1);
    ObjectRef<Integer> r = Manta.task(Fns::awaitGate, 9).remote();
    assertThatThrownBy(() -> r.get(Duration.ofMillis(50)))
        .isInstanceOf(GetTimeoutException.class)
        .hasMessageContaining(r.id());
    Fns.gate.countDown();
    assertThat(r.get(Duration.ofSeconds(30))).isEqualTo(9);
  }

  @Test
  void put_copiesTheValue_soLaterMutationIsInvisible() {
    int[] data = {1, 2, 3};
    ObjectRef<int[]> r = Manta.put(data);
    data[0] = 99;
    assertThat(Manta.get(r)).containsExactly(1, 2, 3);
    // arguments are copies too, and so are returns
    int[] arg = {5, 6};
    ObjectRef<int[]> out = Manta.task(Fns::mutateCopy, arg).remote();
    assertThat(out.get()).containsExactly(-1, 6);
    assertThat(arg).containsExactly(5, 6);
    int[] first = Manta.get(r);
    first[1] = 42;
    assertThat(Manta.get(r)).containsExactly(1, 2, 3);
  }

  @Test
  void refsNestedInValues_areResolvableInsideTasks() {
    List<ObjectRef<Integer>> refs = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      refs.add(Manta.task(Fns::square, i).remote());
    }
    ObjectRef<Integer> total = Manta.task(Fns::sumRefs, refs).remote();
    assertThat(total.get()).isEqualTo(385);
    ObjectRef<List<ObjectRef<Integer>>> boxed = Manta.put(refs);
    List<ObjectRef<Integer>> back = Manta.get(boxed);
    assertThat(back.get(2).get()).isEqualTo(9);
    assertThat(back.get(2)).isEqualTo(refs.get(2));
  }

  @Test
  void refOfRef_passedAsValue_isNotResolved() {
    ObjectRef<Integer> inner = Manta.put(41);
    ObjectRef<ObjectRef<Integer>> outer = Manta.put(inner);
    ObjectRef<Integer> viaTask = Manta.task(RefFns::plusOne, Manta.get(outer)).remote();
    assertThat(viaTask.get()).isEqualTo(42);
  }

  /** Functions that take refs as values. */
  static final class RefFns {
    static int plusOne(ObjectRef<Integer> ref) {
      return Manta.get(ref) + 1;
    }
  }

  @Test
  void failureEarlyInAChainOf100000_reachesEveryDependent() {
    // Dependents are completed from completion callbacks: 100,000 of them must not nest on one
    // stack (a StackOverflowError there was swallowed and left the rest unresolved forever).
    int n = 100_000;
    List<ObjectRef<Integer>> chain = new ArrayList<>(n);
    ObjectRef<Integer> prev = Manta.task(Fns::stepOrFail, 0, 10).remote();
    chain.add(prev);
    for (int i = 1; i < n; i++) {
      prev = Manta.task(Fns::stepOrFail, prev, 10).remote();
      chain.add(prev);
    }
    assertThat(chain.get(9).get(Duration.ofSeconds(60))).isEqualTo(10);
    for (int i = 10; i < n; i += 997) {
      ObjectRef<Integer> r = chain.get(i);
      assertThatThrownBy(() -> r.get(Duration.ofSeconds(60)))
          .isInstanceOf(TaskException.class)
          .hasMessageContaining("step 10 fails");
    }
    assertThatThrownBy(() -> chain.get(n - 1).get(Duration.ofSeconds(60)))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("step 10 fails");
    Manta.free(chain);
  }

  @Test
  void nestedTasks_treeOf1000_finishesOnTwoCpus() {
    // depth 9 = 1023 tasks, each blocked in get on its children
    assertThat(Manta.task(Fns::tree, 9).remote().get(Duration.ofMinutes(2))).isEqualTo(512);
  }

  @Test
  @Tag(MantaTestSupport.EMBEDDED_ONLY) // configures resources on the embedded runtime
  void customResource_limitsConcurrency() throws Exception {
    Manta.shutdown();
    Manta.init(dev.manta.MantaConfig.builder().numCpus(8).resource("slot", 1).build());
    Slots.reset();
    List<ObjectRef<Integer>> refs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      refs.add(Manta.task(Slots::occupy).numCpus(0).resource("slot", 1).remote());
    }
    Manta.get(refs);
    assertThat(Slots.max.get()).isEqualTo(1);
  }

  /** Tracks how many tasks hold a slot at once. */
  static final class Slots {
    static final java.util.concurrent.atomic.AtomicInteger now =
        new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.atomic.AtomicInteger max =
        new java.util.concurrent.atomic.AtomicInteger();

    static void reset() {
      now.set(0);
      max.set(0);
    }

    static int occupy() {
      int n = now.incrementAndGet();
      max.accumulateAndGet(n, Math::max);
      long until = System.nanoTime() + 200_000; // hold the slot long enough to overlap
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      now.decrementAndGet();
      return n;
    }
  }

  @Test
  void cancel_queuedTask_neverRuns() {
    Fns.gate = new CountDownLatch(1);
    ObjectRef<Integer> a = Manta.task(Fns::awaitGate, 1).remote();
    ObjectRef<Integer> b = Manta.task(Fns::awaitGate, 2).remote();
    ObjectRef<Integer> queued = Manta.task(Fns::countAndReturn, 3).remote();
    assertThat(Manta.cancel(queued)).isTrue();
    Fns.gate.countDown();
    assertThat(a.get()).isEqualTo(1);
    assertThat(b.get()).isEqualTo(2);
    assertThatThrownBy(queued::get)
        .isInstanceOf(TaskCancelledException.class)
        .hasMessageContaining("cancelled");
    assertThat(Fns.RUNS.get()).isZero();
    assertThat(Manta.cancel(a)).isFalse();
  }

  @Test
  @Tag(MantaTestSupport.EMBEDDED_ONLY) // reads the embedded scheduler
  void cancel_runningTask_interruptsIt() {
    Fns.gate = new CountDownLatch(1);
    ObjectRef<Integer> r = Manta.task(Fns::awaitGate, 1).remote();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> MantaTestSupport.current().runningTasks() == 1);
    assertThat(Manta.cancel(r)).isTrue();
    assertThatThrownBy(r::get).isInstanceOf(TaskCancelledException.class);
  }

  @Test
  void cancel_waitingForDependency_failsDependent() {
    Fns.gate = new CountDownLatch(1);
    ObjectRef<Integer> slow = Manta.task(Fns::awaitGate, 1).remote();
    ObjectRef<Integer> dependent = Manta.task(Fns::countAndReturn, slow).remote();
    assertThat(Manta.cancel(dependent)).isTrue();
    Fns.gate.countDown();
    assertThat(slow.get()).isEqualTo(1);
    assertThatThrownBy(dependent::get).isInstanceOf(TaskCancelledException.class);
    assertThat(Fns.RUNS.get()).isZero();
  }

  @Test
  void toCompletableFuture_completesWithValueOrError() throws Exception {
    assertThat(Manta.task(Fns::square, 3).remote().toCompletableFuture().get(30, TimeUnit.SECONDS))
        .isEqualTo(9);
    var f = Manta.task(Fns::fail, "x").remote().toCompletableFuture();
    assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(TaskException.class);
  }

  @Test
  void wait_returnsReadyInInputOrder_cappedAtNumReturns() {
    Fns.gate = new CountDownLatch(1);
    ObjectRef<Integer> a = Manta.put(1);
    ObjectRef<Integer> slow = Manta.task(Fns::awaitGate, 2).numCpus(0).remote();
    ObjectRef<Integer> c = Manta.put(3);
    var w = Manta.wait(List.of(a, slow, c), 1, Duration.ofSeconds(5));
    assertThat(w.ready()).containsExactly(a);
    assertThat(w.unready()).containsExactly(slow, c);
    var w2 = Manta.wait(List.of(a, slow, c), 3, Duration.ofMillis(50));
    assertThat(w2.ready()).containsExactly(a, c);
    assertThat(w2.unready()).containsExactly(slow);
    Fns.gate.countDown();
    var w3 = Manta.wait(List.of(a, slow, c));
    assertThat(w3.ready()).containsExactly(a, slow, c);
    assertThatThrownBy(() -> Manta.wait(List.of(a), 2, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numReturns");
  }

  @Test
  void wait_countsFailedObjectsAsReady() {
    ObjectRef<Integer> bad = Manta.task(Fns::fail, "x").remote();
    var w = Manta.wait(List.of(bad), 1, Duration.ofSeconds(30));
    assertThat(w.ready()).containsExactly(bad);
  }

  @Test
  void getList_returnsValuesInOrder() {
    List<ObjectRef<Integer>> refs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      refs.add(Manta.task(Fns::square, i).remote());
    }
    List<Integer> values = Manta.get(refs);
    for (int i = 0; i < 50; i++) {
      assertThat(values.get(i)).isEqualTo(i * i);
    }
  }

  @Test
  void taskName_appearsInErrors() {
    ObjectRef<Integer> r = Manta.task(Fns::fail, "y").name("my-step").remote();
    assertThatThrownBy(r::get).hasMessageContaining("my-step");
  }

  @Test
  void runtimeContext_insideTask_namesTheTask() {
    assertThat(Manta.runtimeContext().taskId()).isEmpty();
    ObjectRef<String> id = Manta.task(Ctx::taskId).remote();
    assertThat(id.get()).hasSize(32);
  }

  @Test
  void runtimeContext_toString_namesModeJobNodeAndTask() {
    RuntimeContext ctx = Manta.runtimeContext();
    assertThat(ctx.isEmbedded())
        .as("the mode the fixture started")
        .isEqualTo(fixture().isEmbedded());
    assertThat(ctx.toString())
        .startsWith("RuntimeContext(" + (ctx.isEmbedded() ? "embedded" : "cluster") + ", ")
        .contains("job " + ctx.jobId(), "node " + ctx.nodeId(), "CPU")
        .doesNotContain("task ");
    assertThat(Manta.task(Ctx::describe).remote().get()).containsPattern("task [0-9a-f]{32}");
  }

  @Test
  void nodes_listTheNodeATaskRunsOn_andAddUpToTheRuntimesResources() {
    List<dev.manta.Node> nodes = Manta.nodes();
    assertThat(nodes).isNotEmpty();
    assertThat(nodes).extracting(dev.manta.Node::id).isSorted().doesNotHaveDuplicates();
    String ranOn = Manta.task(Ctx::nodeId).remote().get();
    assertThat(nodes)
        .extracting(dev.manta.Node::id)
        .contains(ranOn, Manta.runtimeContext().nodeId());
    double liveCpus =
        nodes.stream()
            .filter(dev.manta.Node::alive)
            .mapToDouble(n -> n.resources().getOrDefault("CPU", 0.0))
            .sum();
    assertThat(liveCpus).isEqualTo(Manta.runtimeContext().totalResources().get("CPU"));
    if (fixture().isEmbedded()) {
      assertThat(nodes).singleElement().satisfies(n -> assertThat(n.labels()).isEmpty());
    }
  }

  @Test
  void memorySummary_namesTheModeAndTheJob() {
    ObjectRef<Integer> r = Manta.put(7);
    String summary = Manta.memorySummary();
    assertThat(summary)
        .startsWith(
            "Manta memory summary (" + (fixture().isEmbedded() ? "embedded" : "cluster, node "))
        .contains("job " + Manta.runtimeContext().jobId())
        .contains(r.id());
  }

  @Test
  void ref_toString_namesIdAndState() {
    ObjectRef<Integer> put = Manta.put(1);
    assertThat(put).hasToString("ObjectRef(" + put.id() + ", ready)");
    ObjectRef<Integer> bad = Manta.task(Fns::fail, "x").remote();
    Manta.wait(List.of(bad), 1, Duration.ofSeconds(30));
    assertThat(bad).hasToString("ObjectRef(" + bad.id() + ", failed)");
    Manta.free(List.of(put));
    assertThat(put).hasToString("ObjectRef(" + put.id() + ", freed)");
  }

  @Test
  @Tag(MantaTestSupport.EMBEDDED_ONLY) // the gate is in this JVM
  void ref_toString_whileItsTaskRuns_saysPending() {
    Fns.gate = new CountDownLatch(1);
    ObjectRef<Integer> slow = Manta.task(Fns::awaitGate, 2).remote();
    assertThat(slow).hasToString("ObjectRef(" + slow.id() + ", pending)");
    Fns.gate.countDown();
    assertThat(slow.get()).isEqualTo(2);
  }

  @Test
  void waitResult_toString_countsBothLists_andShowsTheFirstRefs() {
    List<ObjectRef<Integer>> refs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      refs.add(Manta.put(i));
    }
    var w = Manta.wait(refs, 6, Duration.ofSeconds(5));
    assertThat(w.toString())
        .startsWith("WaitResult(6 ready [" + refs.get(0) + ", ")
        .endsWith(refs.get(3) + ", … 2 more], 0 unready [])");
  }

  /** Reads the runtime context inside a task. */
  static final class Ctx {
    static String taskId() {
      return Manta.runtimeContext().taskId().orElse("none");
    }

    static String describe() {
      return Manta.runtimeContext().toString();
    }

    static String nodeId() {
      return Manta.runtimeContext().nodeId();
    }
  }
}
