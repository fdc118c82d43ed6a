package dev.manta.runtime.serial.filter;

/**
 * A value named a class that {@link ValueClassFilter} refuses: thrown before the class is loaded,
 * when the value is read (bytes from another process) or written (so the sender learns first).
 */
public final class RefusedTypeException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The class refused (the element class, for an array). */
  private final String refused;

  RefusedTypeException(String refused, String asNamed) {
    super(
        "Refused a value of class "
            + asNamed
            + ": "
            + refused
            + " is not on the cluster's allowlist of value classes (the job's own classes and"
            + " a set of JDK value classes; see docs/cluster.md, Security). If it is safe to"
            + " rebuild from bytes another process sent, add it to "
            + ValueClassFilter.ALLOW_SETTING
            + " on every node and driver, e.g. -D"
            + ValueClassFilter.ALLOW_SETTING
            + "="
            + refused);
    this.refused = refused;
  }

  /** The name of the class refused. */
  public String refused() {
    return refused;
  }
}
