package dev.manta.cluster.worker;

import dev.manta.MantaFunction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

/**
 * Rebuilds a remote function (a serializable lambda or method reference, or an adapted function of
 * another API) shipped by an owner, loading classes from the job's class loader. Functions are
 * non-capturing (adapted ones are values), so one instance per function serves every call; the
 * owner sends each distinct one once (see {@code TaskMessages.shippingKey}).
 */
final class FunctionLoader {
  private FunctionLoader() {}

  static MantaFunction load(byte[] bytes, ClassLoader loader) {
    try (ObjectInputStream in = new LoaderInput(new ByteArrayInputStream(bytes), loader)) {
      return (MantaFunction) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException(
          "Cannot load a remote function on this worker ("
              + e
              + "); is the driver's code shipped to the cluster? Run the driver with its classes on"
              + " the class path",
          e);
    }
  }

  private static final class LoaderInput extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderInput(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
