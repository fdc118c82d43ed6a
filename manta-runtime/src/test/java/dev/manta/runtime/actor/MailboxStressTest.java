package dev.manta.runtime.actor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.Fn3;
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
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;

/**
 * The mailbox under many concurrent callers whose calls take, at random, an argument that another
 * thread completes later in random order: per-caller order holds (calls start in one global FIFO, a
 * call waiting for its argument holding back the rest), at most {@code maxConcurrency} run at once,
 * every call runs once, and the pending count returns to exactly zero. The seed is in every failure
 * message.
 */
@Tag("stress")
class MailboxStressTest {
  final ClassLoader loader = MailboxStressTest.class.getClassLoader();
  final ValueCodec codec =
      new ValueCodec(new Serializer(List.of(), loader), loader, new InlineOnlyStore(), 1 << 10);
  final Ids ids = new Ids(12);
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

  ActorInstance actor;

  /** Records calls per caller, and how many run at once. */
  public static final class Recorder {
    final List<String> entries = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();

    public int record(String caller, int seq) {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        for (int i = 0; i < 50; i++) {
          Thread.onSpinWait(); // long enough for concurrent calls to overlap
        }
        entries.add(caller + ":" + seq);
        return seq;
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  static final Fn3<Recorder, String, Integer, Integer> RECORD = Recorder::record;

  @AfterEach
  void stop() throws Exception {
    try {
      if (actor != null) {
        actor.kill(Failure.actorDied(actor.id().hex(), "Recorder", "test over", null));
        assertThat(actor.awaitThreadsEnded(Duration.ofSeconds(10))).isTrue();
      }
    } finally {
      table.close();
    }
  }

  private RefImpl<Object> call(ActorInstance a, long refMask, Object... args) {
    a.reserveCall();
    TaskRun c =
        submitter.build(
            TaskSpec.Kind.ACTOR_CALL, RECORD, args, refMask, ResourceSet.EMPTY, null, 0, false, a);
    RefImpl<Object> ref = table.newRef(c.result, false);
    a.submit(c, submitter); // as ActorSystem.call does
    return ref;
  }

  private ActorInstance start(int maxConcurrency, Recorder recorder) {
    actor =
        ActorInstance.local(
            ids.nextActor(),
            null,
            "Recorder",
            maxConcurrency,
            Integer.MAX_VALUE,
            0,
            ResourceSet.EMPTY,
            new ActorInstance.Env(
                executor,
                Thread.ofVirtual().name("manta-test-actor-", 1).factory(),
                a -> {},
                table));
    assertThat(actor.constructed(recorder)).isTrue();
    return actor;
  }

  /**
   * Sends {@code calls} calls from each of {@code callers} threads; a quarter of them take their
   * sequence number as an argument object that one more thread completes later, in random order.
   * Returns once every call finished.
   */
  private void storm(long seed, int callers, int calls) throws Exception {
    BlockingQueue<Map.Entry<OwnedObject, Integer>> late = new LinkedBlockingQueue<>();
    List<RefImpl<Object>> results = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch callersDone = new CountDownLatch(callers);
    CyclicBarrier go = new CyclicBarrier(callers + 1);
    try (ExecutorService pool = Executors.newFixedThreadPool(callers + 1)) {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        String caller = "c" + c;
        SplittableRandom r = new SplittableRandom(seed + c);
        done.add(
            pool.submit(
                () -> {
                  go.await(30, TimeUnit.SECONDS);
                  for (int i = 0; i < calls; i++) {
                    if (r.nextInt(4) == 0) {
                      OwnedObject arg = table.create(new ObjectId(ids.nextTask(), 1), null);
                      results.add(call(actor, 0b10, caller, table.newRef(arg, false)));
                      late.add(Map.entry(arg, i)); // after the call counts it: not freed early
                    } else {
                      results.add(call(actor, 0, caller, i));
                    }
                  }
                  callersDone.countDown();
                  return null;
                }));
      }
      SplittableRandom r = new SplittableRandom(seed);
      done.add(
          pool.submit(
              () -> {
                go.await(30, TimeUnit.SECONDS);
                List<Map.Entry<OwnedObject, Integer>> waiting = new ArrayList<>();
                while (callersDone.getCount() > 0 || !late.isEmpty() || !waiting.isEmpty()) {
                  Map.Entry<OwnedObject, Integer> arrived =
                      waiting.isEmpty() ? late.poll(10, TimeUnit.MILLISECONDS) : late.poll();
                  if (arrived != null) {
                    waiting.add(arrived);
                    late.drainTo(waiting);
                  }
                  if (!waiting.isEmpty()) {
                    // Swap a random one to the end and complete it: random completion order.
                    java.util.Collections.swap(
                        waiting, r.nextInt(waiting.size()), waiting.size() - 1);
                    Map.Entry<OwnedObject, Integer> e = waiting.remove(waiting.size() - 1);
                    table.complete(
                        e.getKey(), codec.encode(e.getKey().id(), e.getValue(), false).value());
                  }
                }
                return null;
              }));
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    }
    for (RefImpl<Object> ref : results) {
      ref.toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  @RepeatedTest(3)
  void concurrentCallersWithLateArguments_eachSeeTheirCallsInOrder() throws Exception {
    long seed = System.nanoTime();
    int callers = 8;
    int calls = 1_500;
    Recorder recorder = new Recorder();
    start(1, recorder);
    storm(seed, callers, calls);
    assertThat(recorder.entries).as("seed %d", seed).hasSize(callers * calls);
    int[] next = new int[callers];
    for (String e : recorder.entries) {
      int caller = Integer.parseInt(e.substring(1, e.indexOf(':')));
      int seq = Integer.parseInt(e.substring(e.indexOf(':') + 1));
      assertThat(seq)
          .as("caller %d's calls in order (seed %d)", caller, seed)
          .isEqualTo(next[caller]++);
    }
    assertThat(recorder.maxInFlight).hasValue(1);
    awaitNoPendingCalls(seed);
  }

  @RepeatedTest(3)
  void concurrentCallersOnAConcurrentActor_neverExceedMaxConcurrency() throws Exception {
    long seed = System.nanoTime();
    Recorder recorder = new Recorder();
    start(3, recorder);
    storm(seed, 8, 1_500);
    assertThat(recorder.entries).as("seed %d", seed).hasSize(8 * 1_500);
    assertThat(recorder.maxInFlight.get())
        .as("calls running at once (seed %d)", seed)
        .isBetween(1, 3);
    awaitNoPendingCalls(seed);
  }

  private void awaitNoPendingCalls(long seed) {
    Awaitility.await("every call released its slot (seed " + seed + ")")
        .atMost(Duration.ofSeconds(30))
        .until(() -> actor.pendingCalls() <= 0);
    assertThat(actor.pendingCalls()).as("pending calls (seed %d)", seed).isZero();
  }
}
