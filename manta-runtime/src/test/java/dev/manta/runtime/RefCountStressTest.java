package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("stress")
@ExtendWith(MantaTestSupport.class)
class RefCountStressTest {

  private static void settles(CoreWorker w) {
    // Each poll runs a full collection, which stops the reaper too: poll every 500 ms (not
    // Awaitility's 100 ms), so that on a loaded machine the reaper still gets most of the time to
    // settle a million trackers (CI saw 248,583 left after a minute of polls every 100 ms at a
    // load average of 20).
    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .alias("live objects and weak trackers return to zero")
        .until(
            () -> {
              System.gc();
              return w.liveObjects() + " objects, " + w.table().trackedCount() + " trackers";
            },
            "0 objects, 0 trackers"::equals);
  }

  @Test
  void millionPutDropCycles_keepTablesBounded() {
    CoreWorker w = MantaTestSupport.current();
    long maxLive = 0;
    for (int i = 0; i < 1_000_000; i++) {
      ObjectRef<Integer> r = Manta.put(i);
      if (i % 100_000 == 0) {
        assertThat(Manta.get(r)).isEqualTo(i);
        maxLive = Math.max(maxLive, w.liveObjects());
      }
    }
    settles(w);
    assertThat(w.table().freedTotal()).isGreaterThanOrEqualTo(1_000_000);
  }

  @Test
  void hundredThousandTaskChains_leaveNothingBehind() {
    CoreWorker w = MantaTestSupport.current();
    for (int batch = 0; batch < 100; batch++) {
      List<ObjectRef<Integer>> tails = new ArrayList<>(1000);
      for (int i = 0; i < 1000; i++) {
        ObjectRef<Integer> a = Manta.put(i);
        ObjectRef<Integer> b = Manta.task(Fns::increment, a).remote();
        tails.add(Manta.task(Fns::increment, b).remote());
      }
      List<Integer> out = Manta.get(tails);
      for (int i = 0; i < 1000; i++) {
        assertThat(out.get(i)).isEqualTo(i + 2);
      }
    }
    settles(w);
  }

  /** An actor that holds on to some refs and drops others. */
  public static final class Hoarder {
    private final List<ObjectRef<int[]>> held = new ArrayList<>();

    public Hoarder() {}

    public int offer(List<ObjectRef<int[]>> refs, int keep) {
      for (ObjectRef<int[]> r : refs) {
        int[] v = Manta.get(r);
        if (v.length != 64 || v[0] != v[63]) {
          throw new IllegalStateException("corrupt value");
        }
      }
      held.addAll(refs.subList(0, Math.min(keep, refs.size())));
      if (held.size() > 20) {
        held.subList(0, 10).clear();
      }
      return held.size();
    }

    public int checkAll() {
      for (ObjectRef<int[]> r : held) {
        int[] v = Manta.get(r);
        if (v[0] != v[63]) {
          throw new IllegalStateException("corrupt value");
        }
      }
      return held.size();
    }

    public int drop() {
      held.clear();
      return 0;
    }
  }

  private static void checkAndDrop(List<ActorHandle<Hoarder>> hoarders) {
    for (var h : hoarders) {
      assertThat(h.task(Hoarder::checkAll).remote().get()).isLessThanOrEqualTo(20);
      h.task(Hoarder::drop).remote().get();
    }
  }

  static int[] filled(int x) {
    int[] a = new int[64];
    java.util.Arrays.fill(a, x);
    return a;
  }

  static int check(int[] a) {
    if (a[0] != a[63]) {
      throw new IllegalStateException("corrupt value");
    }
    return a[0];
  }

  @Test
  void manyThreadsCreatingPassingDroppingRefs_leakNothing_freeNothingInUse() throws Exception {
    CoreWorker w = MantaTestSupport.current();
    long seed = System.nanoTime();
    List<ActorHandle<Hoarder>> hoarders = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      hoarders.add(Manta.actor(Hoarder::new).remote());
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        SplittableRandom rnd = new SplittableRandom(seed + t);
        fs.add(
            pool.submit(
                () -> {
                  List<ObjectRef<int[]>> mine = new ArrayList<>();
                  for (int i = 0; i < 1500; i++) {
                    switch (rnd.nextInt(5)) {
                      case 0 -> mine.add(Manta.put(filled(rnd.nextInt())));
                      case 1 -> mine.add(Manta.task(RefCountStressTest::filled, i).remote());
                      case 2 -> {
                        if (!mine.isEmpty()) {
                          ObjectRef<int[]> r = mine.get(rnd.nextInt(mine.size()));
                          Manta.task(RefCountStressTest::check, r).remote().get();
                        }
                      }
                      case 3 -> {
                        if (mine.size() >= 3) {
                          var h = hoarders.get(rnd.nextInt(hoarders.size()));
                          h.task(Hoarder::offer, List.copyOf(mine.subList(0, 3)), rnd.nextInt(3))
                              .remote()
                              .get();
                        }
                      }
                      default -> {
                        if (!mine.isEmpty()) {
                          mine.remove(rnd.nextInt(mine.size()));
                        }
                      }
                    }
                    if (mine.size() > 30) {
                      mine.subList(0, 15).clear();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    }
    checkAndDrop(hoarders); // in its own frame: no stale local keeps a handle reachable
    hoarders.clear(); // unnamed actors stop once their handles are gone
    settles(w);
    assertThat(w.liveActors()).isZero();
  }
}
