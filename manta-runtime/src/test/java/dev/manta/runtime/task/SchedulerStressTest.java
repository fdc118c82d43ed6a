package dev.manta.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.Fn0;
import dev.manta.runtime.id.Ids;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The scheduler under load from many threads, over a fake executor that keeps its own ledger of
 * what runs: random demands never overrun the totals (I1), every task runs exactly once, and a
 * caller that waits for each task before submitting the next is never left with its task queued
 * while resources are free (I4, the lingering worker's hand-off). Shapes come from a seeded random
 * source; the seed is in every failure message.
 */
@Tag("stress")
class SchedulerStressTest {
  private static final ResourceSet TOTAL = ResourceSet.of(4, Map.of("slot", 2.0));

  private final Ids ids = new Ids(2);
  private Scheduler scheduler;

  /** Runs each spec's action, checking the ledger it keeps against the totals. */
  static final class Ledger implements Consumer<TaskRun> {
    final Map<TaskRun, Runnable> actions = new ConcurrentHashMap<>();
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final Map<TaskRun, Integer> runs = new ConcurrentHashMap<>();
    private long cpu; // guarded by this
    private long slots; // guarded by this

    @Override
    public void accept(TaskRun t) {
      if (!t.state.compareAndSet(TaskRun.READY, TaskRun.RUNNING)) {
        return;
      }
      runs.merge(t, 1, Integer::sum);
      long s = t.resources().custom().getOrDefault("slot", 0L);
      synchronized (this) {
        cpu += t.resources().cpu();
        slots += s;
        if (cpu > TOTAL.cpu() || slots > TOTAL.custom().get("slot")) {
          violations.add("in use " + cpu + " CPU units, " + slots + " slot units with " + t);
        }
      }
      try {
        actions.getOrDefault(t, () -> {}).run();
      } finally {
        synchronized (this) {
          cpu -= t.resources().cpu();
          slots -= s;
        }
        t.state.set(TaskRun.DONE);
      }
    }
  }

  private final Ledger ledger = new Ledger();

  @AfterEach
  void stop() throws Exception {
    if (scheduler != null) {
      scheduler.shutdown(Duration.ofSeconds(10));
      assertThat(scheduler.liveWorkers()).isZero();
    }
  }

  private TaskRun spec(ResourceSet demand, Runnable action) {
    TaskRun t =
        new TaskRun(
            new TaskSpec(
                ids.nextTask(),
                TaskSpec.Kind.TASK,
                (Fn0<Integer>) () -> 0,
                null,
                new TaskArg[0],
                demand,
                "stress",
                0,
                false,
                null),
            List.of(),
            null);
    t.state.set(TaskRun.READY);
    ledger.actions.put(t, action);
    return t;
  }

  private static ResourceSet randomDemand(SplittableRandom r) {
    double[] cpus = {0, 0.5, 1, 1, 2};
    double cpu = cpus[r.nextInt(cpus.length)];
    return r.nextInt(4) == 0
        ? ResourceSet.of(cpu, Map.of("slot", 1.0))
        : ResourceSet.of(cpu, Map.of());
  }

  @RepeatedTest(3)
  void randomDemandsFromManyThreads_neverOverrunTheTotals_andEachRunsOnce() throws Exception {
    long seed = System.nanoTime();
    scheduler = new Scheduler(TOTAL, ledger, "manta-test-task-");
    int threads = 8;
    int perThread = 3_000;
    CountDownLatch finished = new CountDownLatch(threads * perThread);
    List<TaskRun> all = Collections.synchronizedList(new ArrayList<>());
    CyclicBarrier start = new CyclicBarrier(threads);
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> submitted = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        SplittableRandom r = new SplittableRandom(seed + i);
        submitted.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  for (int k = 0; k < perThread; k++) {
                    int spins = r.nextInt(200);
                    TaskRun t =
                        spec(
                            randomDemand(r),
                            () -> {
                              for (int s = 0; s < spins; s++) {
                                Thread.onSpinWait();
                              }
                              finished.countDown();
                            });
                    all.add(t);
                    assertThat(scheduler.submit(t)).isTrue();
                  }
                  return null;
                }));
      }
      for (Future<?> f : submitted) {
        f.get(60, TimeUnit.SECONDS);
      }
    }
    assertThat(finished.await(120, TimeUnit.SECONDS))
        .as(
            "every task ran (seed %d); %d left, %d queued",
            seed, finished.getCount(), scheduler.queuedCount())
        .isTrue();
    assertThat(ledger.violations).as("ledger overruns (seed %d)", seed).isEmpty();
    for (TaskRun t : all) {
      assertThat(ledger.runs.get(t)).as("runs of %s (seed %d)", t, seed).isEqualTo(1);
    }
    // The ledger is back at its totals: a task asking for all of them runs.
    CompletableFuture<Void> everything = new CompletableFuture<>();
    assertThat(scheduler.submit(spec(TOTAL, () -> everything.complete(null)))).isTrue();
    everything.get(30, TimeUnit.SECONDS);
  }

  @Test
  void submitThenWait_oneTaskAtATime_neverStrandsATaskWithResourcesFree() throws Exception {
    scheduler = new Scheduler(ResourceSet.of(1, Map.of()), ledger, "manta-test-task-");
    for (int i = 0; i < 20_000; i++) {
      CompletableFuture<Void> ran = new CompletableFuture<>();
      assertThat(scheduler.submit(spec(ResourceSet.ONE_CPU, () -> ran.complete(null)))).isTrue();
      try {
        ran.get(30, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError(
            "task "
                + i
                + " stayed queued ("
                + scheduler.queuedCount()
                + " queued, "
                + scheduler.runningCount()
                + " running) with its CPU free: a lingering worker missed it (I4)",
            e);
      }
    }
  }

  @Test
  void tasksBlockingAndWaking_fromManyThreads_leaveTheLedgerAtItsTotal() throws Exception {
    scheduler = new Scheduler(ResourceSet.of(2, Map.of()), ledger, "manta-test-task-");
    int n = 5_000;
    CountDownLatch finished = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      // As get() does around a wait: lend the CPU, then take it back (this may oversubscribe,
      // so the fake ledger's overrun check does not apply here).
      scheduler.submit(
          spec(
              ResourceSet.ONE_CPU,
              () -> {
                scheduler.beforeBlocking();
                Thread.onSpinWait();
                scheduler.afterBlocking();
                finished.countDown();
              }));
    }
    assertThat(finished.await(120, TimeUnit.SECONDS))
        .as("%d tasks left, %d queued", finished.getCount(), scheduler.queuedCount())
        .isTrue();
    ledger.violations.clear();
    // Exactly two one-CPU tasks fit again: two meet, a third queues behind them.
    CountDownLatch gate = new CountDownLatch(1);
    CyclicBarrier two = new CyclicBarrier(2);
    List<CompletableFuture<Void>> probes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      probes.add(done);
      boolean meets = i < 2;
      scheduler.submit(
          spec(
              ResourceSet.ONE_CPU,
              () -> {
                try {
                  if (meets) {
                    two.await(30, TimeUnit.SECONDS);
                  }
                  gate.await(30, TimeUnit.SECONDS);
                  done.complete(null);
                } catch (Exception e) {
                  done.completeExceptionally(e);
                }
              }));
    }
    org.awaitility.Awaitility.await("two probes run, one queued")
        .atMost(Duration.ofSeconds(30))
        .until(() -> scheduler.runningCount() == 2 && scheduler.queuedCount() == 1);
    gate.countDown();
    for (CompletableFuture<Void> p : probes) {
      p.get(30, TimeUnit.SECONDS);
    }
  }
}
