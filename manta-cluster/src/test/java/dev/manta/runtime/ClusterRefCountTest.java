package dev.manta.runtime;

import org.junit.jupiter.api.BeforeAll;

/** {@link RefCountTest}, run as a driver of a real cluster. */
class ClusterRefCountTest extends RefCountTest {
  @BeforeAll
  static void cluster() throws Exception {
    ClusterSuite.use();
  }
}
