package dev.manta.runtime.serial;

import dev.manta.MantaFunction;
import dev.manta.runtime.serial.filter.JavaInputFilter;
import dev.manta.runtime.serial.filter.RefusedClassException;
import java.io.IOException;

/**
 * Rebuilds a remote function (a serializable lambda or method reference, or an adapted function of
 * another API) shipped by an owner, loading classes from the job's class loader. Functions are
 * non-capturing (adapted ones are values), so one instance per function serves every call; the
 * owner sends each distinct one once (see {@code TaskMessages.shippingKey}).
 *
 * <p>The bytes came over the network (from an owner that passed the cluster token): they are read
 * through {@link JavaInputFilter}'s allowlist for functions, so a class outside it is refused
 * before an instance of it exists.
 */
public final class FunctionLoader {
  private FunctionLoader() {}

  /** The function in {@code bytes}, its classes loaded with {@code loader}. */
  public static MantaFunction load(byte[] bytes, ClassLoader loader) {
    Object f;
    try {
      f = JavaInputFilter.read(bytes, loader, JavaInputFilter.Kind.FUNCTION);
    } catch (RefusedClassException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException(
          "Cannot load a remote function on this worker ("
              + e
              + "); is the driver's code shipped to the cluster? Run the driver with its classes on"
              + " the class path",
          e);
    }
    if (!(f instanceof MantaFunction m)) {
      throw new IllegalStateException(
          "A shipped function is a " + f.getClass().getName() + ", not a Manta function");
    }
    return m;
  }
}
