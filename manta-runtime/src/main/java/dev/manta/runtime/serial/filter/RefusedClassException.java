package dev.manta.runtime.serial.filter;

import java.io.InvalidClassException;

/**
 * Bytes from another process named a class (or passed a limit) that {@link JavaInputFilter}
 * refuses.
 */
public final class RefusedClassException extends InvalidClassException {
  private static final long serialVersionUID = 1L;

  private final String refused;

  RefusedClassException(String refused, JavaInputFilter.Kind kind, Throwable cause) {
    super(
        "Refused to deserialize "
            + (kind == JavaInputFilter.Kind.FUNCTION ? "a shipped function" : "a remote exception")
            + ": it holds "
            + refused
            + ", which is not on the allowlist (the job's own classes, serializable lambdas and a"
            + " few JDK value classes; see JavaInputFilter)");
    this.refused = refused;
    initCause(cause);
  }

  /** The class name refused, or the limit passed. */
  public String refused() {
    return refused;
  }
}
