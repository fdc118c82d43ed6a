package dev.manta.runtime.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrampolineTest {
  /** How deep callbacks nest on this thread right now (each nested one adds a frame). */
  private static final ThreadLocal<Integer> NESTING = ThreadLocal.withInitial(() -> 0);

  @Test
  void chainOfOneMillionFutures_completesWithoutNestingDeeperThanTheBound() {
    Trampoline t = Trampoline.inline();
    int n = 1_000_000;
    List<CompletableFuture<Integer>> chain = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      chain.add(new CompletableFuture<>());
    }
    AtomicInteger deepest = new AtomicInteger();
    for (int i = 0; i + 1 < n; i++) {
      CompletableFuture<Integer> next = chain.get(i + 1);
      chain
          .get(i)
          .whenCompleteAsync(
              (v, e) -> {
                NESTING.set(NESTING.get() + 1);
                deepest.accumulateAndGet(NESTING.get(), Math::max);
                try {
                  next.complete(v + 1);
                } finally {
                  NESTING.set(NESTING.get() - 1);
                }
              },
              t);
    }
    chain.get(0).complete(0);
    assertThat(chain.get(n - 1)).isCompletedWithValue(n - 1);
    assertThat(deepest.get()).isLessThanOrEqualTo(Trampoline.MAX_INLINE_DEPTH);
    assertThat(Trampoline.deferredOnThisThread()).isZero();
  }

  @Test
  void deferredCallbacks_runOnTheHandingThread_beforeTheOutermostReturns() {
    Trampoline t = Trampoline.inline();
    List<String> order = new ArrayList<>();
    Thread caller = Thread.currentThread();
    List<Thread> ranOn = new ArrayList<>();
    Runnable[] nest = new Runnable[1];
    AtomicInteger level = new AtomicInteger();
    nest[0] =
        () -> {
          int l = level.incrementAndGet();
          ranOn.add(Thread.currentThread());
          order.add("start " + l);
          if (l < Trampoline.MAX_INLINE_DEPTH + 3) {
            t.execute(nest[0]);
          }
          order.add("end " + l);
        };
    t.execute(nest[0]);
    // Levels up to the bound nest; the rest run after the outermost returned, in order.
    assertThat(order).hasSize(2 * (Trampoline.MAX_INLINE_DEPTH + 3));
    assertThat(order.indexOf("end 1"))
        .isLessThan(order.indexOf("start " + (Trampoline.MAX_INLINE_DEPTH + 1)));
    assertThat(ranOn).containsOnly(caller);
  }

  @Test
  void aThrowingCallback_doesNotStopTheOthers_andReachesItsCaller() {
    Trampoline t = Trampoline.inline();
    AtomicInteger ran = new AtomicInteger();
    Runnable[] nest = new Runnable[1];
    AtomicInteger level = new AtomicInteger();
    nest[0] =
        () -> {
          int l = level.incrementAndGet();
          ran.incrementAndGet();
          if (l < Trampoline.MAX_INLINE_DEPTH + 4) {
            t.execute(nest[0]);
          }
          if (l == Trampoline.MAX_INLINE_DEPTH + 1) {
            throw new IllegalStateException("deferred one throws"); // logged, the rest run
          }
          if (l == 1) {
            throw new IllegalArgumentException("outermost throws");
          }
        };
    assertThatThrownBy(() -> t.execute(nest[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("outermost throws");
    assertThat(ran.get()).isEqualTo(Trampoline.MAX_INLINE_DEPTH + 4);
  }

  @Test
  void overAnExecutor_theExecutorChoosesTheThread() throws Exception {
    List<Runnable> handedOver = new ArrayList<>();
    Executor later = handedOver::add;
    Trampoline t = new Trampoline(later);
    AtomicInteger ran = new AtomicInteger();
    t.execute(ran::incrementAndGet);
    assertThat(ran.get()).isZero();
    assertThat(handedOver).hasSize(1);
    Thread other = Thread.ofVirtual().start(handedOver.get(0));
    other.join();
    assertThat(ran.get()).isEqualTo(1);
  }
}
