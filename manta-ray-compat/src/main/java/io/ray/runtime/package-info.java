/**
 * The fixed name Ray's API looks for: {@link io.ray.runtime.DefaultRayRuntimeFactory}. Holds that
 * class only; the implementation is in {@code dev.manta.ray}.
 */
package io.ray.runtime;
