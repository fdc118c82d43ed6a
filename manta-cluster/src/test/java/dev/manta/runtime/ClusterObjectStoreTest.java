package dev.manta.runtime;

import org.junit.jupiter.api.BeforeAll;

/** {@link ObjectStoreTest}, run as a driver of a real cluster. */
class ClusterObjectStoreTest extends ObjectStoreTest {
  @BeforeAll
  static void cluster() throws Exception {
    ClusterSuite.use();
  }
}
