package dev.manta.cluster.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
