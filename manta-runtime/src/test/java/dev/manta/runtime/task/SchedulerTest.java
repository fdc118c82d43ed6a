package dev.manta.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.Fn0;
import dev.manta.MantaFunction;
import dev.manta.runtime.id.Ids;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler over a fake executor that runs each spec's scripted body and records what starts
 * and what is in use: resources bound concurrency (I1), tasks of one shape start in submission
 * order, a task blocked in {@code get} lends its resources and takes them back on waking, cancelled
 * specs are skipped (I3), actors keep their resources until released, and shutdown ends it all.
 * Ledger probes close the tests: tasks that each ask for everything run exactly one at a time when
 * the ledger is back at its total.
 */
class SchedulerTest {
  private static final MantaFunction FN = (Fn0<Integer>) () -> 0;

  private final Ids ids = new Ids(1);
  private final FakeExecutor runs = new FakeExecutor();
  private Scheduler scheduler;

  /** What a spec does when the fake executor runs it. */
  @FunctionalInterface
  interface Body {
    void run(TaskRun t) throws Exception;
  }

  /**
   * Runs specs as the real executor does (READY to RUNNING by CAS, else skipped; DONE after),
   * counting the CPUs in use (fixed point) and recording the order of starts and any failure.
   */
  static final class FakeExecutor implements java.util.function.Consumer<TaskRun> {
    final Map<TaskRun, Body> bodies = new ConcurrentHashMap<>();
    final Map<TaskRun, CountDownLatch> done = new ConcurrentHashMap<>();
    final List<String> started = Collections.synchronizedList(new ArrayList<>());
    final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    final Object ledgerLock = new Object();
    long cpuInUse; // guarded by ledgerLock
    long maxCpuInUse; // guarded by ledgerLock

    @Override
    public void accept(TaskRun t) {
      if (!t.state.compareAndSet(TaskRun.READY, TaskRun.RUNNING)) {
        return;
      }
      started.add(t.name());
      synchronized (ledgerLock) {
        cpuInUse += t.resources().cpu();
        maxCpuInUse = Math.max(maxCpuInUse, cpuInUse);
      }
      try {
        bodies.getOrDefault(t, x -> {}).run(t);
      } catch (Throwable e) { // top of a fake task: the test asserts none happened
        failures.add(e);
      } finally {
        synchronized (ledgerLock) {
          cpuInUse -= t.resources().cpu();
        }
        t.state.set(TaskRun.DONE);
        done.get(t).countDown();
      }
    }

    long maxCpus() {
      synchronized (ledgerLock) {
        return maxCpuInUse / 10_000 /* ResourceSet fixed-point units */;
      }
    }
  }

  @AfterEach
  void stop() throws Exception {
    if (scheduler != null) {
      scheduler.shutdown(Duration.ofSeconds(10));
      assertThat(scheduler.liveWorkers()).as("worker threads after shutdown").isZero();
    }
    assertThat(runs.failures).as("failures inside fake tasks").isEmpty();
  }

  private Scheduler scheduler(double cpus, Map<String, Double> custom) {
    scheduler = new Scheduler(ResourceSet.of(cpus, custom), runs, "manta-test-task-");
    return scheduler;
  }

  private TaskRun spec(String name, ResourceSet demand, Body body) {
    TaskRun t =
        new TaskRun(
            new TaskSpec(
                ids.nextTask(),
                TaskSpec.Kind.TASK,
                FN,
                null,
                new TaskArg[0],
                demand,
                name,
                0,
                false,
                null),
            List.of(),
            null);
    t.state.set(TaskRun.READY);
    runs.bodies.put(t, body);
    runs.done.put(t, new CountDownLatch(1));
    return t;
  }

  private TaskRun submit(String name, ResourceSet demand, Body body) {
    TaskRun t = spec(name, demand, body);
    assertThat(scheduler.submit(t)).as("submit %s", name).isTrue();
    return t;
  }

  private void awaitDone(TaskRun t) throws InterruptedException {
    assertThat(runs.done.get(t).await(30, TimeUnit.SECONDS)).as("%s finished", t.name()).isTrue();
  }

  private static void until(String what, BooleanSupplier condition) {
    Awaitility.await(what).atMost(Duration.ofSeconds(30)).until(condition::getAsBoolean);
  }

  private static Body await(CountDownLatch gate) {
    return t -> assertThat(gate.await(30, TimeUnit.SECONDS)).as("gate of %s", t.name()).isTrue();
  }

  /**
   * Probe: with the ledger back at {@code total}, two tasks that each ask for all of it run one at
   * a time (one runs at once, so the ledger is not short; the other queues, so it is not over).
   */
  private void assertLedgerIsBackAt(ResourceSet total) throws InterruptedException {
    CountDownLatch gate = new CountDownLatch(1);
    TaskRun a = submit("probe-a", total, await(gate));
    TaskRun b = submit("probe-b", total, await(gate));
    until("the first probe runs", () -> runs.started.contains("probe-a"));
    assertThat(scheduler.queuedCount()).as("the second probe waits").isEqualTo(1);
    assertThat(runs.started).doesNotContain("probe-b");
    gate.countDown();
    awaitDone(a);
    awaitDone(b);
  }

  @Test
  void sameDemand_startsInSubmissionOrder_oneAtATimeOnOneCpu() throws Exception {
    scheduler(1, Map.of());
    CountDownLatch gate = new CountDownLatch(1);
    List<TaskRun> specs = new ArrayList<>();
    specs.add(submit("t0", ResourceSet.ONE_CPU, await(gate)));
    for (int i = 1; i < 20; i++) {
      specs.add(submit("t" + i, ResourceSet.ONE_CPU, t -> {}));
    }
    assertThat(scheduler.queuedCount()).isEqualTo(19);
    gate.countDown();
    for (TaskRun t : specs) {
      awaitDone(t);
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add("t" + i);
    }
    assertThat(runs.started).containsExactlyElementsOf(expected);
    assertThat(runs.maxCpus()).isEqualTo(1);
    assertLedgerIsBackAt(ResourceSet.ONE_CPU);
  }

  @Test
  void runsAsManyAsFit_andQueuesTheRest() throws Exception {
    scheduler(2, Map.of());
    CountDownLatch gate = new CountDownLatch(1);
    List<TaskRun> specs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      specs.add(submit("t" + i, ResourceSet.ONE_CPU, await(gate)));
    }
    assertThat(scheduler.queuedCount()).isEqualTo(3);
    until("two tasks run", () -> runs.started.size() == 2);
    // the first two submitted, each on its own thread: which one records its start first is a race
    assertThat(runs.started).containsExactlyInAnyOrder("t0", "t1");
    gate.countDown();
    for (TaskRun t : specs) {
      awaitDone(t);
    }
    assertThat(runs.maxCpus()).as("CPUs in use at most").isEqualTo(2);
    assertLedgerIsBackAt(ResourceSet.of(2, Map.of()));
  }

  @Test
  void customResource_limitsConcurrency_whileCpusAreFree() throws Exception {
    scheduler(8, Map.of("slot", 1.0));
    ResourceSet slot = ResourceSet.of(0, Map.of("slot", 1.0));
    CountDownLatch gate = new CountDownLatch(1);
    List<TaskRun> specs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      specs.add(submit("s" + i, slot, await(gate)));
    }
    assertThat(scheduler.queuedCount()).isEqualTo(3);
    until("one slot task runs", () -> runs.started.size() == 1);
    TaskRun cpuOnly = submit("cpu", ResourceSet.ONE_CPU, t -> {});
    awaitDone(cpuOnly);
    gate.countDown();
    for (TaskRun t : specs) {
      awaitDone(t);
    }
    assertThat(runs.started).containsSubsequence("s0", "s1", "s2", "s3");
    assertLedgerIsBackAt(slot);
  }

  @Test
  void zeroDemand_runsAtOnce_evenWhenEveryCpuIsTaken() throws Exception {
    scheduler(1, Map.of());
    CountDownLatch gate = new CountDownLatch(1);
    TaskRun busy = submit("busy", ResourceSet.ONE_CPU, await(gate));
    TaskRun free = submit("free", ResourceSet.EMPTY, t -> {});
    awaitDone(free);
    assertThat(runs.done.get(busy).getCount()).as("the busy task still runs").isEqualTo(1);
    gate.countDown();
    awaitDone(busy);
    assertLedgerIsBackAt(ResourceSet.ONE_CPU);
  }

  @Test
  void blockedTask_lendsItsCpu_andTakesItBackOnWaking_evenIfThatOversubscribes() throws Exception {
    scheduler(1, Map.of());
    CountDownLatch bStarted = new CountDownLatch(1);
    CountDownLatch aWoke = new CountDownLatch(1);
    CountDownLatch releaseA = new CountDownLatch(1);
    CountDownLatch releaseB = new CountDownLatch(1);
    TaskRun a =
        submit(
            "a",
            ResourceSet.ONE_CPU,
            t -> {
              scheduler.beforeBlocking(); // as get() does before it parks
              assertThat(bStarted.await(30, TimeUnit.SECONDS)).as("b ran on a's CPU").isTrue();
              scheduler.afterBlocking(); // woken: takes the CPU again although b holds it
              aWoke.countDown();
              assertThat(releaseA.await(30, TimeUnit.SECONDS)).isTrue();
            });
    TaskRun b =
        submit(
            "b",
            ResourceSet.ONE_CPU,
            t -> {
              bStarted.countDown();
              assertThat(releaseB.await(30, TimeUnit.SECONDS)).isTrue();
            });
    assertThat(aWoke.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(scheduler.runningCount()).as("a and b both run: 1 CPU oversubscribed").isEqualTo(2);
    TaskRun c = submit("c", ResourceSet.ONE_CPU, t -> {});
    assertThat(scheduler.queuedCount()).as("nothing new starts while oversubscribed").isEqualTo(1);
    releaseB.countDown();
    awaitDone(b);
    assertThat(runs.done.get(c).getCount())
        .as("c still waits: the ledger is at 0 CPUs")
        .isEqualTo(1);
    releaseA.countDown();
    awaitDone(a);
    awaitDone(c);
    assertThat(runs.started).containsExactly("a", "b", "c");
    assertLedgerIsBackAt(ResourceSet.ONE_CPU);
  }

  @Test
  void blockingOutsideATask_changesNothing() throws Exception {
    scheduler(1, Map.of());
    scheduler.beforeBlocking();
    scheduler.afterBlocking();
    assertThat(scheduler.currentTask()).isNull();
    assertLedgerIsBackAt(ResourceSet.ONE_CPU);
  }

  @Test
  void cancelledWhileQueued_isSkipped_andTheNextTaskGetsItsTurn() throws Exception {
    scheduler(1, Map.of());
    CountDownLatch gate = new CountDownLatch(1);
    TaskRun a = submit("a", ResourceSet.ONE_CPU, await(gate));
    TaskRun cancelled = submit("cancelled", ResourceSet.ONE_CPU, t -> {});
    TaskRun c = submit("c", ResourceSet.ONE_CPU, t -> {});
    assertThat(cancelled.state.compareAndSet(TaskRun.READY, TaskRun.CANCELLED)).isTrue();
    gate.countDown();
    awaitDone(a);
    awaitDone(c);
    assertThat(runs.started).containsExactly("a", "c");
    assertThat(scheduler.queuedCount()).isZero();
    assertLedgerIsBackAt(ResourceSet.ONE_CPU);
  }

  @Test
  void actorConstruction_keepsItsResourcesAfterItEnds_untilReleased() throws Exception {
    ResourceSet two = ResourceSet.of(2, Map.of());
    scheduler(2, Map.of());
    TaskRun ctor = submit("ctor", two, t -> t.keepResources = true);
    awaitDone(ctor);
    until("the constructor's thread ended", () -> scheduler.liveWorkers() == 0);
    TaskRun next = submit("next", ResourceSet.ONE_CPU, t -> {});
    assertThat(scheduler.queuedCount()).as("the actor still holds both CPUs").isEqualTo(1);
    scheduler.release(two); // the actor died
    awaitDone(next);
    assertLedgerIsBackAt(two);
  }

  @Test
  void currentTask_isTheSpecRunningOnThisThread() throws Exception {
    scheduler(1, Map.of());
    AtomicReference<TaskRun> seen = new AtomicReference<>();
    TaskRun t = submit("t", ResourceSet.ONE_CPU, x -> seen.set(scheduler.currentTask()));
    awaitDone(t);
    assertThat(seen.get()).isSameAs(t);
    assertThat(scheduler.currentTask()).isNull();
  }

  @Test
  void shutdown_returnsQueuedSpecs_interruptsRunningOnes_andRefusesNewWork() throws Exception {
    scheduler(1, Map.of());
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    TaskRun running =
        submit(
            "running",
            ResourceSet.ONE_CPU,
            t -> {
              try {
                never.await();
              } catch (InterruptedException e) {
                interrupted.countDown();
              }
            });
    TaskRun q1 = submit("q1", ResourceSet.ONE_CPU, t -> {});
    TaskRun q2 = submit("q2", ResourceSet.ONE_CPU, t -> {});
    until("the first task runs", () -> runs.started.size() == 1);
    List<TaskRun> dropped = scheduler.shutdown(Duration.ofSeconds(10));
    assertThat(dropped).containsExactly(q1, q2);
    assertThat(interrupted.getCount()).as("the running task was interrupted").isZero();
    awaitDone(running);
    assertThat(scheduler.liveWorkers()).isZero();
    assertThat(scheduler.queuedCount()).isZero();
    assertThat(scheduler.submit(spec("late", ResourceSet.ONE_CPU, t -> {}))).isFalse();
    assertThat(runs.started).containsExactly("running");
  }
}
