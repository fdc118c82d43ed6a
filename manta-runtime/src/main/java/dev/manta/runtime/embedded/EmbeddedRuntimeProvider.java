package dev.manta.runtime.embedded;

import dev.manta.MantaConfig;
import dev.manta.runtime.Cores;
import dev.manta.spi.MantaRuntime;
import dev.manta.spi.MantaRuntimeProvider;

/** Starts the embedded runtime for any configuration that names no cluster address. */
public final class EmbeddedRuntimeProvider implements MantaRuntimeProvider {
  /** Used by {@link java.util.ServiceLoader}. */
  public EmbeddedRuntimeProvider() {}

  @Override
  public int priority(MantaConfig config) {
    return config.address().isEmpty() ? 10 : 0;
  }

  @Override
  public MantaRuntime start(MantaConfig config) {
    return Cores.start(config, new EmbeddedPorts(config));
  }
}
