package dev.manta.spi;

import dev.manta.MantaConfig;

/**
 * Starts runtimes; found with {@link java.util.ServiceLoader}. {@link dev.manta.Manta#init} asks
 * every provider on the class path for its {@link #priority} and starts the highest positive one.
 */
public interface MantaRuntimeProvider {
  /** How well this provider serves {@code config}: 0 or less means not at all. */
  int priority(MantaConfig config);

  /** Starts a runtime for {@code config}. */
  MantaRuntime start(MantaConfig config);
}
