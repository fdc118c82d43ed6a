package io.ray.runtime;

import dev.manta.ray.MantaRayRuntime;
import io.ray.api.runtime.RayRuntime;
import io.ray.api.runtime.RayRuntimeFactory;

/**
 * The class {@code io.ray.api.Ray.init()} loads by name. On Manta's class path it starts Manta with
 * the {@code ray.*} system properties translated, so Ray Java programs run unchanged.
 */
public final class DefaultRayRuntimeFactory implements RayRuntimeFactory {
  /** Called by {@code Ray.init()} through reflection. */
  public DefaultRayRuntimeFactory() {}

  @Override
  public RayRuntime createRayRuntime() {
    return MantaRayRuntime.startFromSystemProperties();
  }
}
