package dev.manta.cluster.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.cluster.proto.TransferMsg;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TransfersTest {
  private static ObjectId id(int n) {
    return new ObjectId(new TaskId(1, n), 1);
  }

  @Test
  void aPull_isListedWaitingThenWithItsBytes_untilClosed() {
    Transfers t = new Transfers();
    Transfers.Transfer p = t.begin(id(1), "h:1", "job", 100);
    assertThat(t.snapshot())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getObjectId()).isEqualTo(id(1).hex());
              assertThat(m.getWaiting()).isTrue();
              assertThat(m.getDoneBytes()).isZero();
              assertThat(m.getTotalBytes()).isEqualTo(100);
              assertThat(m.getFromAgent()).isEqualTo("h:1");
              assertThat(m.getJobId()).isEqualTo("job");
            });
    p.started();
    p.add(30);
    p.add(10);
    TransferMsg m = t.snapshot().get(0);
    assertThat(m.getWaiting()).isFalse();
    assertThat(m.getDoneBytes()).isEqualTo(40);
    p.close();
    assertThat(t.snapshot()).isEmpty();
  }

  @Test
  void snapshot_isOldestFirst() {
    Transfers t = new Transfers();
    try (var a = t.begin(id(1), "h:1", "j", 1);
        var b = t.begin(id(2), "h:1", "j", 1);
        var c = t.begin(id(3), "h:1", "j", 1)) {
      assertThat(t.snapshot())
          .extracting(TransferMsg::getObjectId)
          .containsExactly(id(1).hex(), id(2).hex(), id(3).hex());
    }
    assertThat(t.snapshot()).isEmpty();
  }

  /**
   * Eight pulling threads begin, feed and close pulls while a reader takes snapshots: every
   * snapshot's bytes are within its pull's size, and nothing is left once all have closed.
   */
  @Test
  void stress_concurrentPullsAndSnapshots_leaveNothingBehind() throws Exception {
    Transfers t = new Transfers();
    ExecutorService pool = Executors.newFixedThreadPool(9);
    AtomicBoolean done = new AtomicBoolean();
    CountDownLatch go = new CountDownLatch(1);
    try {
      Future<Boolean> reader =
          pool.submit(
              () -> {
                go.await();
                boolean ok = true;
                while (!done.get()) {
                  for (TransferMsg m : t.snapshot()) {
                    ok &= m.getDoneBytes() >= 0 && m.getDoneBytes() <= m.getTotalBytes();
                  }
                }
                return ok;
              });
      List<Future<?>> pullers = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        int base = w * 10_000;
        pullers.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < 2_000; i++) {
                    try (Transfers.Transfer p = t.begin(id(base + i), "h:1", "j", 64)) {
                      p.started();
                      for (int c = 0; c < 8; c++) {
                        p.add(8);
                      }
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : pullers) {
        f.get();
      }
      done.set(true);
      assertThat(reader.get()).isTrue();
      assertThat(t.snapshot()).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }
}
