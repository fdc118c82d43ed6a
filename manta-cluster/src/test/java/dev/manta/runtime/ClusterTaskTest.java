package dev.manta.runtime;

import org.junit.jupiter.api.BeforeAll;

/** {@link TaskTest}, run as a driver of a real cluster. */
class ClusterTaskTest extends TaskTest {
  @BeforeAll
  static void cluster() throws Exception {
    ClusterSuite.use();
  }
}
