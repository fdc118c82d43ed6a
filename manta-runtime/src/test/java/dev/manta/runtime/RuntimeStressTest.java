package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.TaskCancelledException;
import dev.manta.WaitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("stress")
@ExtendWith(MantaTestSupport.class)
class RuntimeStressTest {

  @Test
  void hundredThousandTasks_allComplete() {
    int n = 100_000;
    List<ObjectRef<Integer>> refs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      refs.add(Manta.task(Fns::increment, i).remote());
    }
    List<Integer> values = Manta.get(refs, Duration.ofMinutes(5));
    for (int i = 0; i < n; i++) {
      assertThat(values.get(i)).isEqualTo(i + 1);
    }
  }

  @Test
  void dependencyChain_1000Deep_resolvesWithoutWaitingThreads() {
    ObjectRef<Integer> r = Manta.put(0);
    for (int i = 0; i < 1000; i++) {
      r = Manta.task(Fns::increment, r).remote();
    }
    assertThat(r.get(Duration.ofMinutes(2))).isEqualTo(1000);
  }

  @Test
  void tenThreads_thousandCallsEach_keepPerCallerOrder() throws Exception {
    ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
    int threads = 10;
    int calls = 1000;
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String caller = "t" + t;
        fs.add(
            pool.submit(
                () -> {
                  List<ObjectRef<Void>> refs = new ArrayList<>(calls);
                  for (int i = 0; i < calls; i++) {
                    refs.add(c.task(Counter::record, caller, i).remote());
                  }
                  Manta.get(refs);
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    }
    List<String> log = c.task(Counter::log).remote().get();
    assertThat(log).hasSize(threads * calls);
    int[] next = new int[threads];
    for (String entry : log) {
      String[] parts = entry.split(":", -1);
      int t = Integer.parseInt(parts[0].substring(1));
      assertThat(Integer.parseInt(parts[1])).as("order of caller " + t).isEqualTo(next[t]++);
    }
  }

  @Test
  void concurrentPutGetWait_fromManyThreads() throws Exception {
    long seed = System.nanoTime();
    int threads = 16;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SplittableRandom rnd = new SplittableRandom(seed + t);
        fs.add(
            pool.submit(
                () -> {
                  List<ObjectRef<Integer>> mine = new ArrayList<>();
                  for (int i = 0; i < 2000; i++) {
                    int v = rnd.nextInt(1000);
                    switch (rnd.nextInt(4)) {
                      case 0 -> mine.add(Manta.put(v));
                      case 1 -> mine.add(Manta.task(Fns::square, v).numCpus(0).remote());
                      case 2 -> {
                        if (!mine.isEmpty()) {
                          ObjectRef<Integer> r = mine.get(rnd.nextInt(mine.size()));
                          assertThat(Manta.get(r)).isNotNull();
                        }
                      }
                      default -> {
                        if (!mine.isEmpty()) {
                          WaitResult<Integer> w =
                              Manta.wait(mine, Math.min(3, mine.size()), Duration.ofSeconds(30));
                          assertThat(w.ready().size() + w.unready().size()).isEqualTo(mine.size());
                        }
                      }
                    }
                    if (mine.size() > 50) {
                      mine.subList(0, 25).clear();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    }
  }

  @Test
  void randomSubmitCancelGet_interleavings_neverHangOrLoseResults() throws Exception {
    long seed = System.nanoTime();
    int threads = 8;
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SplittableRandom rnd = new SplittableRandom(seed + t);
        fs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    int v = rnd.nextInt(100);
                    ObjectRef<Integer> a = Manta.task(Fns::square, v).remote();
                    ObjectRef<Integer> b = Manta.task(Fns::increment, a).remote();
                    boolean cancelled = rnd.nextInt(4) == 0 && Manta.cancel(b);
                    try {
                      int out = Manta.get(b, Duration.ofMinutes(1));
                      assertThat(out).as("seed " + seed).isEqualTo(v * v + 1);
                    } catch (TaskCancelledException e) {
                      assertThat(cancelled).as("only cancelled tasks fail; seed " + seed).isTrue();
                    }
                    assertThat(Manta.get(a)).isEqualTo(v * v);
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void waitWithoutTimeout_neverMissesACompletionRacingWithIt() {
    // Regression: a ref completing between wait's readiness count and its callback registration
    // used to be missed, and an untimed wait then hung forever.
    for (int i = 0; i < 20_000; i++) {
      ObjectRef<Integer> r = Manta.task(Fns::increment, i).numCpus(0).remote();
      assertThat(Manta.wait(List.of(r)).ready()).containsExactly(r);
    }
  }

  @Test
  void largePrimitiveArrays_roundTripThroughTheStore() {
    long seed = System.nanoTime();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 50; i++) {
      int n = 30_000 + rnd.nextInt(300_000);
      long[] longs = rnd.longs(n).toArray();
      double[] doubles = rnd.doubles(n).toArray();
      int[] ints = rnd.ints(n).toArray();
      byte[] bytes = new byte[n];
      rnd.nextBytes(bytes);
      assertThat(Manta.get(Manta.put(longs))).as("seed " + seed).isEqualTo(longs);
      assertThat(Manta.get(Manta.put(doubles))).isEqualTo(doubles);
      assertThat(Manta.get(Manta.put(ints))).isEqualTo(ints);
      assertThat(Manta.get(Manta.put(bytes))).isEqualTo(bytes);
    }
  }
}
