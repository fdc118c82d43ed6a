package dev.manta.runtime.serial;

/**
 * A handle whose target lives as long as some lease object is reachable (actor handles). A value
 * that contains such a handle keeps the lease alive for as long as the value exists.
 */
public interface Leased {
  /** The object whose reachability keeps the handle's target alive. */
  Object lease();
}
