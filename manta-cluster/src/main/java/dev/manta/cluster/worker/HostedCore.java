package dev.manta.cluster.worker;

import dev.manta.spi.MantaRuntime;

/**
 * The core worker of a worker process, handed to the {@code Manta.init} that {@link WorkerMain}
 * makes, so that user code in tasks calling {@code Manta} reaches this worker's core. Set once per
 * process, before that call, and taken by it.
 */
public final class HostedCore {
  private static volatile MantaRuntime core;

  private HostedCore() {}

  static void host(MantaRuntime runtime) {
    core = runtime;
  }

  /** Whether a core waits to be taken. */
  public static boolean present() {
    return core != null;
  }

  /** The core waiting to be taken, or null; taking it clears it. */
  public static synchronized MantaRuntime take() {
    MantaRuntime c = core;
    core = null;
    return c;
  }
}
