package javax.mantatest;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the initialisations of {@link Tripwire} in the class loader this class was loaded by. */
public final class TripwireProbe {
  /** How many times {@link Tripwire}'s static initialiser ran in this loader. */
  public static final AtomicInteger INITIALISED = new AtomicInteger();

  private TripwireProbe() {}
}
