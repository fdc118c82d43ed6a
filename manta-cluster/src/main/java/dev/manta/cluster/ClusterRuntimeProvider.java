package dev.manta.cluster;

import dev.manta.MantaConfig;
import dev.manta.cluster.worker.ClusterDriver;
import dev.manta.cluster.worker.HostedCore;
import dev.manta.spi.MantaRuntime;
import dev.manta.spi.MantaRuntimeProvider;

/**
 * Joins a cluster when the configuration names an address ({@code Manta.init("manta://h:p")}, or
 * {@code MANTA_ADDRESS}); inside a worker process, returns that worker's core.
 */
public final class ClusterRuntimeProvider implements MantaRuntimeProvider {
  /** Used by {@link java.util.ServiceLoader}. */
  public ClusterRuntimeProvider() {}

  @Override
  public int priority(MantaConfig config) {
    if (HostedCore.present()) {
      return 1_000;
    }
    return config.address().isPresent() ? 20 : 0;
  }

  @Override
  public MantaRuntime start(MantaConfig config) {
    MantaRuntime h = HostedCore.take();
    if (h != null) {
      return h;
    }
    return ClusterDriver.connect(config);
  }
}
