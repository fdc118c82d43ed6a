package dev.manta.runtime;

import dev.manta.MantaConfig;
import dev.manta.runtime.port.PortsFactory;
import dev.manta.spi.MantaRuntime;

/**
 * The one way to build a core worker: the embedded runtime and the cluster's bootstrap (drivers and
 * workers) start theirs here, with the ports they bring.
 */
public final class Cores {
  private Cores() {}

  /**
   * Starts a core worker configured by {@code config} whose tasks, actors and objects go through
   * the ports {@code ports} opens. Its threads run until {@link MantaRuntime#shutdown()}.
   */
  public static MantaRuntime start(MantaConfig config, PortsFactory ports) {
    return new CoreWorker(config, ports);
  }
}
