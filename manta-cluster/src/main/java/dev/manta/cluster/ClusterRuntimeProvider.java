package dev.manta.cluster;

import dev.manta.MantaConfig;
import dev.manta.cluster.worker.ClusterDriver;
import dev.manta.spi.MantaRuntime;
import dev.manta.spi.MantaRuntimeProvider;

/**
 * Joins a cluster when the configuration names an address ({@code Manta.init("manta://h:p")}, or
 * {@code MANTA_ADDRESS}).
 */
public final class ClusterRuntimeProvider implements MantaRuntimeProvider {
  /** Used by {@link java.util.ServiceLoader}. */
  public ClusterRuntimeProvider() {}

  private static volatile MantaRuntime hosted;

  /**
   * Makes the next {@code Manta.init} in this JVM return {@code runtime}: a worker process installs
   * its core worker so user code inside tasks can call {@code Manta}.
   */
  public static void host(MantaRuntime runtime) {
    hosted = runtime;
  }

  @Override
  public int priority(MantaConfig config) {
    if (hosted != null) {
      return 1_000;
    }
    return config.address().isPresent() ? 20 : 0;
  }

  @Override
  public MantaRuntime start(MantaConfig config) {
    MantaRuntime h = hosted;
    if (h != null) {
      hosted = null;
      return h;
    }
    return ClusterDriver.connect(config);
  }
}
