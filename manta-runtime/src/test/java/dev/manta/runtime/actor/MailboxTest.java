package dev.manta.runtime.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.AsyncFn2;
import dev.manta.Fn1;
import dev.manta.Fn2;
import dev.manta.Fn3;
import dev.manta.MantaFunction;
import dev.manta.PendingCallsLimitException;
import dev.manta.runtime.exec.TaskExecutor;
import dev.manta.runtime.id.Ids;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.ownership.RefImpl;
import dev.manta.runtime.ownership.ReferenceTable;
import dev.manta.runtime.serial.Serializer;
import dev.manta.runtime.serial.ValueCodec;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.InlineOnlyStore;
import dev.manta.runtime.task.Submitter;
import dev.manta.runtime.task.TaskRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mailbox of {@link ActorInstance}, driven as the actor system drives it (reserve a slot,
 * build, resolve, enqueue) over a real table, codec and executor, with a fake store, a fake actor
 * ({@link Log}) built by the test, and no runtime: calls start in submission order and so in
 * per-caller order, a call waiting for its argument holds back the calls behind it, at most {@code
 * maxConcurrency} run at once, the pending count (I1) falls by exactly one per call whatever its
 * outcome, and death fails what is queued and is reported once.
 */
@SuppressWarnings("UnusedVariable") // leases are set to null on purpose, to drop them
class MailboxTest {
  final ClassLoader loader = MailboxTest.class.getClassLoader();
  final ValueCodec codec =
      new ValueCodec(new Serializer(List.of(), loader), loader, new InlineOnlyStore(), 1 << 10);
  final Ids ids = new Ids(11);
  // Made before each test, not with the instance: JUnit makes an instance for a disabled test too
  // and runs no @AfterEach for it, so a table made with the instance would leak its thread.
  ReferenceTable table;
  TaskExecutor executor;
  Submitter submitter;

  @BeforeEach
  void start() {
    table = new ReferenceTable((o, v) -> {}, (o, v) -> codec.decode(o, v), true);
    executor = new TaskExecutor(codec, table);
    submitter = new Submitter(ids, table, codec, executor);
  }

  final List<ActorInstance> deaths = Collections.synchronizedList(new ArrayList<>());
  final ThreadFactory threads = Thread.ofVirtual().name("manta-test-actor-", 1).factory();
  final List<ActorInstance> actors = new ArrayList<>();

  /** The fake actor: records calls and how many run at once. */
  public static final class Log {
    final List<String> entries = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final CyclicBarrier barrier;
    final CountDownLatch gate;
    final CompletableFuture<Integer> stage = new CompletableFuture<>();

    Log(int parties, CountDownLatch gate) {
      this.barrier = new CyclicBarrier(parties);
      this.gate = gate;
    }

    Log() {
      this(1, new CountDownLatch(0));
    }

    private void enter() {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    public int record(String caller, int seq) {
      enter();
      try {
        entries.add(caller + ":" + seq);
        return entries.size();
      } finally {
        inFlight.decrementAndGet();
      }
    }

    public int meet() throws Exception {
      enter();
      try {
        return barrier.await(30, TimeUnit.SECONDS);
      } finally {
        inFlight.decrementAndGet();
      }
    }

    public int pass(int x) throws InterruptedException {
      enter();
      try {
        gate.await();
        return x;
      } finally {
        inFlight.decrementAndGet();
      }
    }

    public CompletionStage<Integer> later(int x) {
      return stage.thenApply(v -> v + x);
    }

    @SuppressWarnings("DoNotCallSuggester") // an actor method that fails on purpose
    public int boom() {
      throw new UnsupportedOperationException("boom");
    }
  }

  static final Fn3<Log, String, Integer, Integer> RECORD = Log::record;
  static final Fn1<Log, Integer> MEET = Log::meet;
  static final Fn2<Log, Integer, Integer> PASS = Log::pass;
  static final AsyncFn2<Log, Integer, Integer> LATER = Log::later;
  static final Fn1<Log, Integer> BOOM = Log::boom;

  @AfterEach
  void stop() throws Exception {
    try {
      for (ActorInstance a : actors) {
        a.die(Failure.actorDied(a.id().hex(), "Log", "test over", null));
      }
      for (ActorInstance a : actors) {
        assertThat(a.awaitThreadsEnded(Duration.ofSeconds(10)))
            .as("threads of %s ended", a.describe())
            .isTrue();
      }
    } finally {
      table.close();
    }
  }

  private ActorInstance actor(String name, int maxConcurrency, int maxPendingCalls) {
    ActorInstance a =
        ActorInstance.local(
            ids.nextActor(),
            name,
            "Log",
            maxConcurrency,
            maxPendingCalls,
            0,
            ResourceSet.EMPTY,
            new ActorInstance.Env(executor, threads, deaths::add, table));
    actors.add(a);
    return a;
  }

  private ActorInstance alive(int maxConcurrency, Log log) {
    ActorInstance a = actor(null, maxConcurrency, 1_000_000);
    assertThat(a.constructed(log)).isTrue();
    return a;
  }

  /** A call submitted as {@code ActorSystem.call} does it; the ref keeps its result readable. */
  private RefImpl<Object> call(
      ActorInstance a, MantaFunction method, long refMask, Object... args) {
    a.reserveCall();
    TaskRun c =
        submitter.build(
            TaskSpec.Kind.ACTOR_CALL, method, args, refMask, ResourceSet.EMPTY, null, 0, false, a);
    RefImpl<Object> ref = table.newRef(c.result, false);
    a.submit(c, submitter); // as ActorSystem.call does
    return ref;
  }

  private static Object result(RefImpl<Object> ref) throws Exception {
    return ref.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static Throwable failure(RefImpl<Object> ref) throws Exception {
    try {
      Object v = ref.toCompletableFuture().get(30, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + v);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  /** A not yet ready object, as another task's result. */
  private OwnedObject pending() {
    return table.create(new ObjectId(ids.nextTask(), 1), null);
  }

  private void completeWith(OwnedObject o, Object value) {
    table.complete(o, codec.encode(o.id(), value, false).value());
  }

  private static void until(String what, BooleanSupplier condition) {
    Awaitility.await(what)
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              System.gc();
              return condition.getAsBoolean();
            });
  }

  @Test
  void calls_runInSubmissionOrder_oneAtATime() throws Exception {
    Log log = new Log();
    ActorInstance a = alive(1, log);
    List<RefImpl<Object>> refs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      refs.add(call(a, RECORD, 0, "main", i));
    }
    for (int i = 0; i < 200; i++) {
      assertThat(result(refs.get(i))).isEqualTo(i + 1);
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      expected.add("main:" + i);
    }
    assertThat(log.entries).containsExactlyElementsOf(expected);
    assertThat(log.maxInFlight).hasValue(1);
    until("every call released its slot", () -> a.pendingCalls() == 0);
  }

  @Test
  void callWaitingForItsArgument_holdsBackTheCallsBehindIt() throws Exception {
    Log log = new Log();
    ActorInstance a = alive(1, log);
    OwnedObject dep = pending();
    RefImpl<Object> first = call(a, RECORD, 0b10, "a", table.newRef(dep, false));
    RefImpl<Object> second = call(a, RECORD, 0, "b", 1);
    RefImpl<Object> third = call(a, RECORD, 0, "c", 2);
    assertThat(a.pendingCalls()).isEqualTo(3);
    completeWith(dep, 5);
    result(first);
    result(second);
    result(third);
    assertThat(log.entries).containsExactly("a:5", "b:1", "c:2");
  }

  @Test
  void manyConcurrentCallers_eachSeeTheirCallsInTheirOrder() throws Exception {
    Log log = new Log();
    ActorInstance a = alive(1, log);
    int callers = 8;
    int calls = 300;
    List<Future<List<RefImpl<Object>>>> sent = new ArrayList<>();
    CyclicBarrier start = new CyclicBarrier(callers);
    try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
      for (int c = 0; c < callers; c++) {
        String caller = "c" + c;
        sent.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  List<RefImpl<Object>> refs = new ArrayList<>();
                  for (int i = 0; i < calls; i++) {
                    refs.add(call(a, RECORD, 0, caller, i));
                  }
                  return refs;
                }));
      }
      for (Future<List<RefImpl<Object>>> f : sent) {
        for (RefImpl<Object> r : f.get(60, TimeUnit.SECONDS)) {
          result(r);
        }
      }
    }
    assertThat(log.entries).hasSize(callers * calls);
    int[] next = new int[callers];
    for (String e : log.entries) {
      int caller = Integer.parseInt(e.substring(1, e.indexOf(':')));
      int seq = Integer.parseInt(e.substring(e.indexOf(':') + 1));
      assertThat(seq).as("call %d of caller %d, in order", seq, caller).isEqualTo(next[caller]++);
    }
    assertThat(log.maxInFlight).hasValue(1);
  }

  @Test
  void maxConcurrency_letsThatManyCallsOverlap_andNoMore() throws Exception {
    Log log = new Log(3, new CountDownLatch(0));
    ActorInstance a = alive(3, log);
    List<RefImpl<Object>> refs = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      refs.add(call(a, MEET, 0));
    }
    List<Object> arrivals = new ArrayList<>();
    for (RefImpl<Object> r : refs) {
      arrivals.add(result(r)); // each meeting needs 3 calls at the barrier at once
    }
    assertThat(arrivals).hasSize(9);
    assertThat(log.maxInFlight).as("calls running at once").hasValue(3);
  }

  @Test
  void maxPendingCalls_refusesTheCallBeyondIt_andEachFinishedCallFreesItsSlot() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    Log log = new Log(1, gate);
    ActorInstance a = actor(null, 1, 2);
    a.constructed(log);
    RefImpl<Object> one = call(a, PASS, 0, 1);
    RefImpl<Object> two = call(a, PASS, 0, 2);
    assertThatThrownBy(() -> call(a, PASS, 0, 3))
        .isInstanceOf(PendingCallsLimitException.class)
        .hasMessageContaining("has 2 pending calls")
        .hasMessageContaining("maxPendingCalls");
    assertThat(a.pendingCalls()).as("the refused call took no slot").isEqualTo(2);
    gate.countDown();
    assertThat(result(one)).isEqualTo(1);
    assertThat(result(two)).isEqualTo(2);
    until("both slots are free", () -> a.pendingCalls() == 0);
    assertThat(result(call(a, PASS, 0, 4))).isEqualTo(4);
  }

  @Test
  void pendingCount_fallsByExactlyOnePerCall_whateverItsOutcome() throws Exception {
    Log log = new Log();
    ActorInstance a = alive(1, log);
    Failure upstream = Failure.ofThrowable("x", "upstream", new IllegalStateException("upstream"));
    OwnedObject failedBefore = pending();
    RefImpl<Object> keep = table.newRef(failedBefore, false); // a failed value, not a freed one
    table.complete(failedBefore, upstream);
    OwnedObject failsLater = pending();
    List<RefImpl<Object>> ok = new ArrayList<>();
    List<RefImpl<Object>> thrown = new ArrayList<>();
    List<RefImpl<Object>> badArgument = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ok.add(call(a, RECORD, 0, "ok", i));
      thrown.add(call(a, BOOM, 0));
      badArgument.add(call(a, RECORD, 0b10, "before", table.newRef(failedBefore, false)));
    }
    // Last, with nothing behind them: see the disabled test below for what waits behind them.
    for (int i = 0; i < 5; i++) {
      badArgument.add(call(a, RECORD, 0b10, "later", table.newRef(failsLater, false)));
    }
    table.complete(failsLater, upstream);
    for (RefImpl<Object> r : ok) {
      result(r);
    }
    for (RefImpl<Object> r : thrown) {
      assertThat(failure(r)).hasMessageContaining("boom");
    }
    for (RefImpl<Object> r : badArgument) {
      assertThat(failure(r)).hasMessageContaining("upstream");
    }
    until("every call released its slot once", () -> a.pendingCalls() <= 0);
    assertThat(a.pendingCalls()).as("released more than once?").isZero();
    assertThat(log.entries).containsExactly("ok:0", "ok:1", "ok:2", "ok:3", "ok:4");
    assertThat(keep.isReady()).isTrue();
  }

  @Test
  void callWhoseArgumentFailsAfterItWasQueued_doesNotStallTheCallsBehindIt() throws Exception {
    Log log = new Log();
    ActorInstance a = alive(1, log);
    OwnedObject failsLater = pending();
    RefImpl<Object> doomed = call(a, RECORD, 0b10, "doomed", table.newRef(failsLater, false));
    RefImpl<Object> behind = call(a, RECORD, 0, "behind", 1);
    table.complete(
        failsLater, Failure.ofThrowable("x", "upstream", new IllegalStateException("late")));
    assertThat(failure(doomed)).hasMessageContaining("late");
    assertThat(result(behind)).isEqualTo(1);
  }

  @Test
  void asyncMethod_freesTheMailbox_butStaysPendingUntilItsStageCompletes() throws Exception {
    Log log = new Log();
    ActorInstance a = alive(1, log);
    RefImpl<Object> async = call(a, LATER, 0, 1);
    RefImpl<Object> next = call(a, RECORD, 0, "next", 1);
    assertThat(result(next)).as("ran while the async call's stage is open").isEqualTo(1);
    assertThat(async.isReady()).isFalse();
    until("only the async call is pending", () -> a.pendingCalls() == 1);
    log.stage.complete(6);
    assertThat(result(async)).isEqualTo(7);
    until("the async call released its slot", () -> a.pendingCalls() == 0);
  }

  @Test
  void callsBeforeConstruction_waitForIt_thenRunInOrder() throws Exception {
    Log log = new Log();
    ActorInstance a = actor(null, 1, 100);
    List<RefImpl<Object>> refs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      refs.add(call(a, RECORD, 0, "early", i));
    }
    assertThat(a.pendingCalls()).isEqualTo(3);
    assertThat(a.constructed(log)).isTrue();
    for (RefImpl<Object> r : refs) {
      result(r);
    }
    assertThat(log.entries).containsExactly("early:0", "early:1", "early:2");
  }

  @Test
  void death_failsQueuedAndRunningCalls_andIsReportedOnce() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    Log log = new Log(1, never);
    ActorInstance a = alive(1, log);
    RefImpl<Object> running = call(a, PASS, 0, 1);
    until("the first call runs", () -> log.inFlight.get() == 1);
    RefImpl<Object> queued1 = call(a, RECORD, 0, "q", 1);
    RefImpl<Object> queued2 = call(a, RECORD, 0, "q", 2);
    Failure why = Failure.actorDied(a.id().hex(), "Log", "Actor Log was killed", null);
    assertThat(a.kill(why)).isTrue();
    assertThat(a.kill(why)).as("a second death").isFalse();
    assertThat(deaths).containsExactly(a);
    for (RefImpl<Object> r : List.of(running, queued1, queued2)) {
      assertThat(failure(r)).hasMessageContaining("was killed");
    }
    assertThat(log.entries).as("queued calls never ran").isEmpty();
    RefImpl<Object> late = call(a, RECORD, 0, "late", 1);
    assertThat(failure(late)).hasMessageContaining("was killed");
    until("every slot is free", () -> a.pendingCalls() == 0);
    assertThat(a.awaitThreadsEnded(Duration.ofSeconds(10))).isTrue();
    assertThat(a.constructed(new Log())).as("no construction after death").isFalse();
  }

  @Test
  void unnamedActor_stopsOnceItsLastLeaseIsCollectedAndItsCallsAreDone() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    Log log = new Log(1, gate);
    ActorInstance a = alive(1, log);
    RefImpl<Object> busy = call(a, PASS, 0, 1);
    until("the call runs", () -> log.inFlight.get() == 1);
    long refs = table.trackedCount(); // the tracker of busy's ref
    Object lease = a.lease();
    assertThat(a.lease()).as("one lease per generation").isSameAs(lease);
    assertThat(table.trackedCount()).isEqualTo(refs + 1);
    lease = null;
    until("the lease was collected", () -> table.trackedCount() == refs);
    assertThat(a.isDead()).as("stopped with a call still running").isFalse();
    gate.countDown();
    assertThat(result(busy)).isEqualTo(1);
    until("the actor stopped", a::isDead);
    assertThat(deaths).containsExactly(a);
  }

  @Test
  void namedActor_outlivesItsLeases() throws Exception {
    ActorInstance a = actor("kept", 1, 100);
    a.constructed(new Log());
    Object lease = a.lease();
    lease = null;
    until("the lease was collected", () -> table.trackedCount() == 0);
    assertThat(a.isDead()).isFalse();
    assertThat(deaths).isEmpty();
    assertThat(result(call(a, RECORD, 0, "still", 1))).isEqualTo(1);
  }
}
