package dev.manta.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags every Manta JVM is started with (nodes, workers, benchmark clusters), computed for
 * the JDK that will run it: a flag is added only on JDKs that know it, since a JVM refuses to start
 * with an unknown option.
 *
 * <ul>
 *   <li>{@code --enable-native-access=ALL-UNNAMED} (JDK 17+): Netty (gRPC) and lz4 use native code,
 *       and JDK 24+ warns without it.
 *   <li>{@code --sun-misc-unsafe-memory-access=allow} (JDK 23+ only; a JDK 21 or 22 refuses it):
 *       the serializer (Fory) and the collections it uses read memory with {@code sun.misc.Unsafe},
 *       which JDK 24+ warns about without it.
 * </ul>
 *
 * The same rule is written for the build (the {@code jdk23+} profile of the root {@code pom.xml})
 * and for the scripts ({@code bin/jvm-flags}); {@code JvmFlagsTest} checks that all three agree.
 */
public final class JvmFlags {
  /** The first JDK that knows {@code --sun-misc-unsafe-memory-access}. */
  public static final int UNSAFE_MEMORY_ACCESS_SINCE = 23;

  private JvmFlags() {}

  /** The flags for a JVM of feature version {@code javaFeature} (21 for JDK 21, and so on). */
  public static List<String> forFeature(int javaFeature) {
    if (javaFeature < 21) {
      throw new IllegalArgumentException(
          "Manta needs a JDK 21 or newer, was asked for flags of JDK " + javaFeature);
    }
    List<String> flags = new ArrayList<>(2);
    flags.add("--enable-native-access=ALL-UNNAMED");
    if (javaFeature >= UNSAFE_MEMORY_ACCESS_SINCE) {
      flags.add("--sun-misc-unsafe-memory-access=allow");
    }
    return List.copyOf(flags);
  }

  /** The flags for a JVM of the same JDK as this one. */
  public static List<String> forThisJdk() {
    return forFeature(Runtime.version().feature());
  }
}
