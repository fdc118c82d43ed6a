package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.ObjectRef;
import dev.manta.runtime.store.NodeStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("stress")
class ObjectStoreStressTest {
  private static final int MIB = 1 << 20;
  @TempDir Path spill;

  @BeforeEach
  void start() {
    Manta.init(
        MantaConfig.builder().numCpus(2).objectStoreBytes(64L * MIB).spillDirectory(spill).build());
  }

  @AfterEach
  void stop() {
    MantaTestSupport.current().store().checkInvariants();
    Manta.shutdown();
  }

  private static byte[] block(int seed, int size) {
    byte[] b = new byte[size];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  @Test
  void soak_tenTimesCapacityLive_readsBackIntact() {
    List<ObjectRef<byte[]>> refs = new ArrayList<>();
    for (int i = 0; i < 160; i++) { // 160 x 4 MiB = 640 MiB live in a 64 MiB store
      refs.add(Manta.put(block(i, 4 * MIB)));
    }
    for (int i = 0; i < refs.size(); i++) {
      assertThat(Manta.get(refs.get(i))).as("object " + i).isEqualTo(block(i, 4 * MIB));
    }
    var stats = Manta.storeStats();
    assertThat(stats.spillsTotal()).isGreaterThanOrEqualTo(140);
    assertThat(stats.restoresTotal()).isGreaterThanOrEqualTo(140);
    assertThat(stats.peakUsedBytes()).isLessThanOrEqualTo(64L * MIB);
  }

  @Test
  void concurrentPutGetFree_neverExceedsCapacity() throws Exception {
    NodeStore store = MantaTestSupport.current().store();
    AtomicBoolean done = new AtomicBoolean();
    long seed = System.nanoTime();
    Thread checker =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (!done.get()) {
                    store.checkInvariants();
                    assertThat(store.stats().usedBytes()).isLessThanOrEqualTo(64L * MIB);
                  }
                });
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        SplittableRandom rnd = new SplittableRandom(seed + t);
        fs.add(
            pool.submit(
                () -> {
                  List<ObjectRef<byte[]>> mine = new ArrayList<>();
                  List<Integer> seeds = new ArrayList<>();
                  for (int i = 0; i < 150; i++) {
                    int op = rnd.nextInt(3);
                    if (op == 0 || mine.isEmpty()) {
                      int s = rnd.nextInt();
                      mine.add(Manta.put(block(s, 200_000 + rnd.nextInt(2 * MIB))));
                      seeds.add(s);
                    } else if (op == 1) {
                      int k = rnd.nextInt(mine.size());
                      byte[] b = Manta.get(mine.get(k));
                      assertThat(b).as("seed " + seed).isEqualTo(block(seeds.get(k), b.length));
                    } else {
                      int k = rnd.nextInt(mine.size());
                      Manta.free(List.of(mine.remove(k)));
                      seeds.subList(k, k + 1).clear();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      done.set(true);
      checker.join();
    }
    store.checkInvariants();
  }
}
