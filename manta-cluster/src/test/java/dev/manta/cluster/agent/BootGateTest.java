package dev.manta.cluster.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** {@link BootGate}: at most its permits boot at once; urgent launches go first, then in order. */
class BootGateTest {
  private static final long FAR = TimeUnit.MINUTES.toNanos(5);

  @Test
  void permitsBoundTheBootsAtOnce_waitersGetThemUrgentFirstThenInOrder() throws Exception {
    BootGate gate = new BootGate(2);
    gate.enter(false, System.nanoTime() + FAR);
    gate.enter(false, System.nanoTime() + FAR); // both permits taken
    List<String> order = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> a = waiter(gate, false, "actor-1", order);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> gate.waiting() == 1);
    CompletableFuture<Void> b = waiter(gate, false, "actor-2", order);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> gate.waiting() == 2);
    CompletableFuture<Void> c = waiter(gate, true, "task-worker", order);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> gate.waiting() == 3);
    assertThat(order).isEmpty(); // nobody boots beyond the 2 permits

    gate.leave();
    c.get(30, TimeUnit.SECONDS);
    assertThat(order).containsExactly("task-worker");
    assertThat(a).isNotDone();
    gate.leave();
    a.get(30, TimeUnit.SECONDS);
    gate.leave();
    b.get(30, TimeUnit.SECONDS);
    assertThat(order).containsExactly("task-worker", "actor-1", "actor-2");
    assertThat(gate.describe()).startsWith("2 of 2 booting, 0 waiting");
  }

  @Test
  void aWaiterPastItsDeadline_holdsNoPermit_andTheNextOneGetsIt() throws Exception {
    BootGate gate = new BootGate(1);
    gate.enter(true, System.nanoTime() + FAR);
    assertThatThrownBy(() -> gate.enter(false, System.nanoTime()))
        .isInstanceOf(TimeoutException.class);
    List<String> order = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> next = waiter(gate, false, "next", order);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> gate.waiting() == 2);
    gate.leave(); // skips the one that gave up
    next.get(30, TimeUnit.SECONDS);
    assertThat(order).containsExactly("next");
    gate.leave();
    assertThat(gate.describe()).startsWith("0 of 1 booting");
  }

  /**
   * Many launches at once, some giving up at random deadlines while permits pass: never more than
   * the permits boot at once, every launch either boots or times out holding nothing, and at the
   * end all permits are free again (a leaked permit shows in the final count, a doubled one in the
   * maximum).
   */
  @Test
  void stress_racingDeadlinesAndLeaves_neverExceedPermits_andLeakNone() throws Exception {
    BootGate gate = new BootGate(3);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger booted = new AtomicInteger();
    AtomicInteger gaveUp = new AtomicInteger();
    int launches = 2_000;
    List<CompletableFuture<Void>> all = new ArrayList<>();
    SplittableRandom seeds = new SplittableRandom(20261202);
    for (int i = 0; i < launches; i++) {
      long seed = seeds.nextLong();
      all.add(
          CompletableFuture.runAsync(
              () -> {
                SplittableRandom r = new SplittableRandom(seed);
                // A third give up within 0-200 us: their cancels race the leaves handing permits.
                long wait = r.nextInt(3) == 0 ? r.nextLong(200_000) : FAR;
                try {
                  gate.enter(r.nextBoolean(), System.nanoTime() + wait);
                } catch (TimeoutException e) {
                  gaveUp.incrementAndGet();
                  return;
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                int now = inside.incrementAndGet();
                most.accumulateAndGet(now, Math::max);
                // The "boot": holds the permit for up to 50 us, unmounted, so that other
                // launches run meanwhile and a fourth holder, if the gate let one in, would show.
                LockSupport.parkNanos(r.nextLong(50_000));
                inside.decrementAndGet();
                booted.incrementAndGet();
                gate.leave();
              },
              run -> Thread.ofVirtual().start(run)));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    assertThat(most.get()).isBetween(1, 3);
    assertThat(booted.get() + gaveUp.get()).isEqualTo(launches);
    // Waiters that gave up after the last leave() may still sit in a queue (skipped when next
    // offered a permit), so only the permits are checked.
    assertThat(gate.describe()).startsWith("0 of 3 booting,");
  }

  private static CompletableFuture<Void> waiter(
      BootGate gate, boolean urgent, String name, List<String> order) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            gate.enter(urgent, System.nanoTime() + FAR);
            order.add(name);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        r -> Thread.ofVirtual().start(r));
  }
}
