package dev.manta.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Fn1;
import dev.manta.Fn2;
import dev.manta.MantaFunction;
import dev.manta.ObjectRef;
import dev.manta.runtime.exec.TaskExecutor;
import dev.manta.runtime.id.Ids;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.ownership.RefImpl;
import dev.manta.runtime.ownership.ReferenceTable;
import dev.manta.runtime.serial.Serializer;
import dev.manta.runtime.serial.ValueCodec;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.InlineOnlyStore;
import dev.manta.runtime.store.InlineValue;
import dev.manta.runtime.store.StoredValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The submitter over a real reference table and codec, with a fake store that refuses use (every
 * value here is small) and no scheduler: a spec counts each ref argument once as a pending-task
 * reference and copies its values at build; {@code resolve} hands it on exactly once, after its
 * last dependency is ready, or fails it without running it when a dependency failed, releasing its
 * arguments in either case.
 */
class SubmitterTest {
  /** Objects {@code onFree} was called for, with how often (more than once: a double free). */
  final Map<ObjectId, AtomicInteger> freed = new ConcurrentHashMap<>();

  final ClassLoader loader = SubmitterTest.class.getClassLoader();
  final ValueCodec codec =
      new ValueCodec(new Serializer(List.of(), loader), loader, new InlineOnlyStore(), 1 << 10);
  final Ids ids = new Ids(5);
  // Made before each test, not with the instance: JUnit makes an instance for a disabled test too
  // and runs no @AfterEach for it, so a table made with the instance would leak its thread.
  ReferenceTable table;
  TaskExecutor executor;
  Submitter submitter;

  @BeforeEach
  void start() {
    table =
        new ReferenceTable(
            (o, v) -> freed.computeIfAbsent(o.id(), k -> new AtomicInteger()).incrementAndGet(),
            (o, v) -> v,
            true);
    executor = new TaskExecutor(codec, table);
    submitter = new Submitter(ids, table, codec, executor);
  }

  static int add(int a, int b) {
    return a + b;
  }

  static int first(int[] values) {
    return values[0];
  }

  static final Fn2<Integer, Integer, Integer> ADD = SubmitterTest::add;

  @AfterEach
  void stop() throws InterruptedException {
    table.close();
  }

  private static StoredValue value(int n) {
    return new InlineValue(new byte[] {(byte) n}, 0);
  }

  /** A not yet ready object owned here, as a task's result would be. */
  private OwnedObject pending() {
    return table.create(new ObjectId(ids.nextTask(), 1), null);
  }

  /** A ref to a new ready object, as {@code put} makes. */
  private RefImpl<Integer> ready(int n) {
    OwnedObject o = table.create(ids.nextPut(), null);
    RefImpl<Integer> ref = table.newRef(o, false);
    table.complete(o, value(n));
    return ref;
  }

  /** Refs to the results of the specs built here, as the caller of {@code remote()} holds one. */
  final List<RefImpl<Object>> results = new ArrayList<>();

  private TaskRun build(MantaFunction fn, long refMask, Object... args) {
    return keepResult(
        submitter.build(
            TaskSpec.Kind.TASK, fn, args, refMask, ResourceSet.ONE_CPU, null, 0, false, null));
  }

  private TaskRun keepResult(TaskRun t) {
    results.add(table.newRef(t.result, false));
    return t;
  }

  /** A spec taking each of {@code deps} as a ref argument (a task of that many inputs). */
  private TaskRun dependingOn(List<OwnedObject> deps) {
    Object[] args = new Object[deps.size()];
    long mask = 0;
    for (int i = 0; i < args.length; i++) {
      args[i] = table.newRef(deps.get(i), false);
      mask |= 1L << i;
    }
    return keepResult(
        submitter.build(
            TaskSpec.Kind.TASK,
            variadic(args.length),
            args,
            mask,
            ResourceSet.ONE_CPU,
            "t",
            0,
            false,
            null));
  }

  private static MantaFunction variadic(int n) {
    return switch (n) {
      case 1 -> (Fn1<Integer, Integer>) a -> a;
      case 2 -> ADD;
      case 3 -> (dev.manta.Fn3<Integer, Integer, Integer, Integer>) (a, b, c) -> a;
      case 4 -> (dev.manta.Fn4<Integer, Integer, Integer, Integer, Integer>) (a, b, c, d) -> a;
      case 5 ->
          (dev.manta.Fn5<Integer, Integer, Integer, Integer, Integer, Integer>)
              (a, b, c, d, e) -> a;
      case 6 ->
          (dev.manta.Fn6<Integer, Integer, Integer, Integer, Integer, Integer, Integer>)
              (a, b, c, d, e, f) -> a;
      default -> throw new IllegalArgumentException("arity " + n);
    };
  }

  @Test
  void build_countsARefArgumentOnce_copiesValues_andMakesAPendingResult() {
    RefImpl<Integer> two = ready(2);
    int[] data = {1, 2};
    TaskRun t =
        submitter.build(
            TaskSpec.Kind.TASK,
            (Fn2<Integer, int[], Integer>) (a, b) -> a,
            new Object[] {two, data},
            0b01,
            ResourceSet.ONE_CPU,
            null,
            0,
            false,
            null);
    data[0] = 99;
    assertThat(t.state.get()).isEqualTo(TaskRun.WAITING);
    assertThat(t.argRefs).containsExactly(two.object());
    assertThat(t.args()[0]).isSameAs(two.object());
    assertThat((int[]) codec.decodeArg(((TaskArg.Value) t.args()[1]).bytes()))
        .as("the value as it was at submit")
        .containsExactly(1, 2);
    assertThat(two.object().reasons()).isEqualTo("local-ref pending-task-arg(1)");
    assertThat(t.result.value()).isNotDone();
    assertThat(t.result.producer()).isSameAs(t);
    assertThat(table.lookup(t.result.id())).isSameAs(t.result);
    assertThat(t.result.id()).isEqualTo(new ObjectId(t.id(), 1));
  }

  @Test
  void build_refusedArguments_nameTheProblem_andCountNothing() {
    RefImpl<Integer> two = ready(2);
    assertThatThrownBy(() -> build(ADD, 0b01, two, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("argument 2 of SubmitterTest::add is null");
    assertThatThrownBy(() -> build(null, 0))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("fn");
    int captured = 3;
    assertThatThrownBy(() -> build((Fn1<Integer, Integer>) x -> x + captured, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("captures");
    ReferenceTable other = new ReferenceTable((o, v) -> {}, (o, v) -> v, true);
    try {
      OwnedObject foreign = other.create(new ObjectId(new TaskId(9, 1), 1), null);
      ObjectRef<Integer> foreignRef = other.newRef(foreign, false);
      assertThatThrownBy(() -> build(ADD, 0b11, two, foreignRef))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Argument 2 of SubmitterTest::add")
          .hasMessageContaining("did not create");
    } finally {
      try {
        other.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    assertThat(two.object().reasons())
        .as("no count taken by a refused build")
        .isEqualTo("local-ref");
  }

  @Test
  void resolve_withEveryDependencyReady_handsTheSpecOnAtOnce_onThisThread() {
    TaskRun t = build(ADD, 0b01, ready(1), 2);
    assertThat(submitter.dependenciesReady(t)).isTrue();
    AtomicReference<Thread> on = new AtomicReference<>();
    submitter.resolve(
        t,
        s -> {
          assertThat(s.state.get()).isEqualTo(TaskRun.READY);
          on.set(Thread.currentThread());
        });
    assertThat(on.get()).isSameAs(Thread.currentThread());
  }

  @Test
  void resolve_waitsForTheLastDependency_thenHandsTheSpecOnOnce() throws Exception {
    List<OwnedObject> deps = List.of(pending(), pending(), pending());
    TaskRun t = dependingOn(deps);
    assertThat(submitter.dependenciesReady(t)).isFalse();
    AtomicInteger handedOn = new AtomicInteger();
    AtomicReference<Thread> on = new AtomicReference<>();
    submitter.resolve(
        t,
        s -> {
          handedOn.incrementAndGet();
          on.set(Thread.currentThread());
        });
    table.complete(deps.get(2), value(3));
    table.complete(deps.get(0), value(1));
    assertThat(handedOn).as("handed on before its last dependency").hasValue(0);
    assertThat(t.state.get()).isEqualTo(TaskRun.WAITING);
    Thread completer = Thread.ofPlatform().start(() -> table.complete(deps.get(1), value(2)));
    completer.join();
    assertThat(handedOn).hasValue(1);
    assertThat(on.get()).as("run by the thread that completed the last one").isSameAs(completer);
    assertThat(t.state.get()).isEqualTo(TaskRun.READY);
  }

  @Test
  void resolve_failedDependency_failsTheTaskWithoutRunningIt_andReleasesItsArguments() {
    OwnedObject bad = pending();
    OwnedObject good = pending();
    table.complete(good, value(1));
    TaskRun t = dependingOn(List.of(bad, good));
    AtomicInteger handedOn = new AtomicInteger();
    submitter.resolve(t, s -> handedOn.incrementAndGet());
    Failure cause = Failure.ofThrowable("x", "upstream", new IllegalStateException("root cause"));
    assertThat(good.reasons()).contains("pending-task-arg(1)");
    table.complete(bad, cause);
    assertThat(handedOn).hasValue(0);
    assertThat(t.state.get()).isEqualTo(TaskRun.DONE);
    assertThat(t.result.value().join()).isSameAs(cause);
    assertThat(good.reasons()).as("argument counts released").doesNotContain("pending-task-arg");
    assertThat(bad.reasons()).doesNotContain("pending-task-arg");
  }

  @Test
  void resolve_cancelledWhileWaiting_neverHandsTheSpecOn() {
    OwnedObject dep = pending();
    TaskRun t = dependingOn(List.of(dep));
    AtomicInteger handedOn = new AtomicInteger();
    submitter.resolve(t, s -> handedOn.incrementAndGet());
    assertThat(t.state.compareAndSet(TaskRun.WAITING, TaskRun.CANCELLED)).isTrue();
    table.complete(dep, value(1));
    assertThat(handedOn).hasValue(0);
    assertThat(t.state.get()).isEqualTo(TaskRun.CANCELLED);
  }

  @Test
  void resolve_handOffThatThrowsInACallback_failsTheTaskInsteadOfLosingIt() {
    OwnedObject dep = pending();
    TaskRun t = dependingOn(List.of(dep));
    submitter.resolve(
        t,
        s -> {
          throw new IllegalStateException("scheduler refused");
        });
    table.complete(dep, value(1));
    assertThat(t.state.get()).isEqualTo(TaskRun.DONE);
    StoredValue v = t.result.value().join();
    assertThat(v).isInstanceOf(Failure.class);
    assertThat(((Failure) v).message()).contains("scheduler refused");
    assertThat(dep.reasons()).doesNotContain("pending-task-arg");
  }

  @Test
  void incoming_isReady_countsItsArgumentRefs_andOwnsItsResultHere() {
    OwnedObject arg = pending();
    table.complete(arg, value(1));
    TaskId id = new TaskId(42, 7);
    TaskRun t =
        submitter.incoming(
            id,
            TaskSpec.Kind.TASK,
            ADD,
            new TaskArg[] {
              arg, new TaskArg.Value(codec.encodeArg(2, new ArrayList<>(), new ArrayList<>()))
            },
            ResourceSet.ONE_CPU,
            null,
            0,
            false,
            null);
    assertThat(t.state.get()).isEqualTo(TaskRun.READY);
    assertThat(arg.reasons()).contains("pending-task-arg(1)");
    assertThat(t.result.id()).isEqualTo(new ObjectId(id, 1));
    assertThat(table.lookup(t.result.id())).isSameAs(t.result);
  }

  /** Dependencies completed at once by as many threads: the spec is handed on exactly once. */
  @RepeatedTest(20)
  void dependenciesCompletingTogether_handTheSpecOnExactlyOnce() throws Exception {
    int n = 6;
    List<OwnedObject> deps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      deps.add(pending());
    }
    TaskRun t = dependingOn(deps);
    List<TaskRun> handedOn = Collections.synchronizedList(new ArrayList<>());
    submitter.resolve(t, handedOn::add);
    CyclicBarrier start = new CyclicBarrier(n);
    try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
      List<Future<?>> done = new ArrayList<>();
      for (OwnedObject d : deps) {
        done.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  return table.complete(d, value(1));
                }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    }
    assertThat(handedOn).containsExactly(t);
    assertThat(t.state.get()).isEqualTo(TaskRun.READY);
  }
}
