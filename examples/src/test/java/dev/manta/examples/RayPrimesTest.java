package dev.manta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ray.api.Ray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RayPrimesTest {
  @BeforeEach
  void start() {
    System.setProperty("ray.head-args.0", "--num-cpus=2");
    // In this JVM: manta-cluster is on the test class path, where Ray.init() would otherwise
    // start a local cluster of child JVMs (ExamplesOnClusterTest runs the program on a cluster).
    System.setProperty("ray.run-mode", "LOCAL");
    Ray.init();
  }

  @AfterEach
  void stop() {
    Ray.shutdown();
    System.clearProperty("ray.head-args.0");
    System.clearProperty("ray.run-mode");
  }

  @Test
  void countsThePrimesBelowAMillion() {
    // pi(10^6) = 78,498: four segments of RayPrimes.SEGMENT, the last one partial.
    assertThat(RayPrimes.count(1_000_000, false)).isEqualTo(78_498);
  }

  @Test
  void countsSmallLimitsExactly() {
    assertThat(RayPrimes.count(100, false)).isEqualTo(25);
    assertThat(RayPrimes.count(2, false)).isZero();
    assertThat(RayPrimes.count(3, false)).isEqualTo(1);
  }
}
