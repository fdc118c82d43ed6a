package dev.manta.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarmupTest {
  @Test
  void everyLoopbackCallCompletesWithinAGenerousBudget() {
    assertThat(Warmup.run(3_000, Duration.ofSeconds(60))).isEqualTo(3_000);
  }

  @Test
  void theBudgetBoundsTheWarmUp() {
    long t0 = System.nanoTime();
    int done = Warmup.run(Integer.MAX_VALUE, Duration.ofMillis(500));
    assertThat(done).isLessThan(Integer.MAX_VALUE); // stopped by the budget, not the count
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void zeroCallsTurnsItOff() {
    assertThat(Warmup.run(0, Duration.ofSeconds(1))).isZero();
  }
}
