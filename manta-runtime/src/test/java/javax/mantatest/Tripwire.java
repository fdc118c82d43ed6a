package javax.mantatest;

/**
 * Stands for a JDK class outside the value allowlist whose static initialiser has a side effect (a
 * gadget's first link): initialising it counts in {@link TripwireProbe}. Test code only.
 */
public final class Tripwire implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  static {
    TripwireProbe.INITIALISED.incrementAndGet();
  }

  /** Some state, so that a copy has a field to carry. */
  public int armed = 1;
}
