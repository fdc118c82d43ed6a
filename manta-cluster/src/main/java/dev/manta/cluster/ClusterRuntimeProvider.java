package dev.manta.cluster;

import dev.manta.MantaConfig;
import dev.manta.cluster.worker.ClusterDriver;
import dev.manta.spi.MantaRuntime;
import dev.manta.spi.MantaRuntimeProvider;

/**
 * Joins a cluster when the configuration names an address ({@code Manta.init("manta://h:p")}, or
 * {@code MANTA_ADDRESS}). A worker process does not come here: it hands its own core to {@code
 * Manta.init(config, provider)}.
 */
public final class ClusterRuntimeProvider implements MantaRuntimeProvider {
  /** Used by {@link java.util.ServiceLoader}. */
  public ClusterRuntimeProvider() {}

  @Override
  public int priority(MantaConfig config) {
    return config.address().isPresent() ? 20 : 0;
  }

  @Override
  public MantaRuntime start(MantaConfig config) {
    return ClusterDriver.connect(config);
  }
}
