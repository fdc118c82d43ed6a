package dev.manta.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.Manta;
import dev.manta.MantaConfig;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the embedded runtime (2 CPUs) before each test; after it, checks that no object is left in
 * the store, shuts Manta down and checks that no {@code manta-} platform thread is left.
 */
public final class MantaSession implements BeforeEachCallback, AfterEachCallback {
  @Override
  public void beforeEach(ExtensionContext context) {
    if (Manta.isInitialized()) {
      Manta.shutdown();
    }
    Manta.init(MantaConfig.builder().numCpus(2).build());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Manta.shutdown();
    assertThat(
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isVirtual() && t.getName().startsWith("manta-"))
                .map(Thread::getName)
                .toList())
        .as("manta- platform threads after shutdown")
        .isEmpty();
  }
}
