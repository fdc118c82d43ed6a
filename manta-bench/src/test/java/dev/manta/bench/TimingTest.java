package dev.manta.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimingTest {
  @Test
  void measurement_usesPopulationStdDev() {
    Measurement m = Measurement.of(List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0));

    assertThat(m.mean()).isEqualTo(5.0);
    assertThat(m.std()).isCloseTo(2.0, within(1e-12)); // numpy np.std (ddof=0), as Ray
  }

  @Test
  void measure_withoutWarmup_callsOncePerTrialAndAppliesMultiplier() {
    var calls = new AtomicLong();
    Timing t = new Timing(Duration.ZERO, 3, Duration.ZERO);

    Measurement m = t.measure(calls::incrementAndGet, 1000);

    assertThat(calls.get()).isEqualTo(3); // step = 0 / 10 + 1 = 1 call per zero-length trial
    assertThat(m.trials()).hasSize(3).allSatisfy(r -> assertThat(r).isPositive());
  }

  @Test
  void sizes_scaled_keepAtLeastOneOfEverything() {
    Sizes s = Sizes.ray(2).scaled(1e-9);

    assertThat(Sizes.ray(2).servers()).isEqualTo(1); // Ray's n_cpu = cpu_count() // 2
    assertThat(Sizes.ray(16).servers()).isEqualTo(8);
    assertThat(s.batch()).isEqualTo(1);
    assertThat(s.bigPutLongs()).isEqualTo(1);
    assertThat(s.clients()).isEqualTo(4);
  }
}
