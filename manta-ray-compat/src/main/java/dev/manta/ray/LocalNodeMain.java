package dev.manta.ray;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;

/**
 * The main class of the head node {@code Ray.init()} starts for a local cluster ({@link
 * LocalCluster}); not for users. It runs {@code dev.manta.cluster.NodeMain} with the given flags
 * (found by name, so this module does not depend on {@code manta-cluster}) and ends the node when
 * its standard input ends: the driver holds the other end of that pipe, so the node, and with it
 * its worker JVMs (which end when their agent's pipe ends), goes when the driver's JVM goes, even
 * when that JVM is killed ({@code kill -9}) and runs no shutdown hook.
 */
public final class LocalNodeMain {
  private LocalNodeMain() {}

  /**
   * Entry point.
   *
   * @param args {@code NodeMain}'s flags
   */
  public static void main(String[] args) throws Throwable {
    Thread watch =
        new Thread(
            () -> {
              InputStream in = System.in;
              byte[] buf = new byte[64];
              try {
                while (in.read(buf) >= 0) {
                  // the driver writes nothing; only the end of the stream matters
                }
              } catch (IOException e) {
                // a broken pipe is an end too
              }
              System.exit(0); // NodeMain's shutdown hook stops the agent and its workers
            },
            "local-node-driver-watch");
    watch.setDaemon(true);
    watch.start();
    try {
      Class.forName(LocalCluster.NODE_MAIN)
          .getMethod("main", String[].class)
          .invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
