package dev.manta.runtime.serial.filter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;

/**
 * The allowlist for Java deserialization of bytes that came from another process: a shipped
 * function (a serializable lambda, or an adapted function of another API) or a remote task's
 * exception. Anything else in such bytes is refused before an instance of it exists.
 *
 * <p>What is allowed:
 *
 * <ul>
 *   <li>classes that are not the JDK's (the job's code, on the worker's class path or in the job's
 *       class loader, and Manta's own), except those of the libraries Manta's processes run on
 *       (protobuf, gRPC, Netty, Fory, Guava, SLF4J, picocli), none of which a function or an
 *       exception needs, and dynamic proxies;
 *   <li>of the JDK only: {@link java.lang.invoke.SerializedLambda} (functions), the boxed
 *       primitives, {@code String}, {@code Enum}, {@code BigInteger}, {@code BigDecimal}, the
 *       {@code java.time} classes, the plain collections ({@code ArrayList}, {@code LinkedList},
 *       {@code HashMap}, {@code LinkedHashMap}, {@code HashSet}, {@code LinkedHashSet}, {@code
 *       List.of} and friends, the empty, singleton and unmodifiable views of {@code Collections});
 *       for exceptions also every {@code Throwable} of {@code java.base} and {@code
 *       StackTraceElement};
 *   <li>arrays of allowed classes and of primitives.
 * </ul>
 *
 * Classes of JDK modules other than {@code java.base} ({@code javax.management}, {@code java.rmi},
 * {@code java.naming}, the XML parsers), {@code PriorityQueue}, {@code TreeMap}, {@code URL} and
 * the like, the usual first links of deserialization gadget chains, are refused. Limits: depth
 * {@value #MAX_DEPTH}, {@value #MAX_REFERENCES} references, arrays of {@value #MAX_ARRAY_LENGTH}
 * elements.
 *
 * <p>One instance per stream (it remembers the first class it refused, for the message). Not
 * thread-safe; a stream is read by one thread.
 */
public final class JavaInputFilter implements ObjectInputFilter {
  /** What the bytes are meant to hold. */
  public enum Kind {
    /** A shipped function. */
    FUNCTION,
    /** A remote exception. */
    THROWABLE
  }

  static final long MAX_DEPTH = 100;
  static final long MAX_REFERENCES = 100_000;
  static final long MAX_ARRAY_LENGTH = 1_000_000;

  private static final Set<String> JDK_VALUES =
      Set.of(
          "java.lang.Object",
          "java.lang.Number",
          "java.lang.Boolean",
          "java.lang.Byte",
          "java.lang.Short",
          "java.lang.Character",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double",
          "java.lang.String",
          "java.lang.Enum",
          "java.math.BigInteger",
          "java.math.BigDecimal",
          "java.util.Map$Entry", // HashMap and HashSet check their table size as Map.Entry[]
          "java.util.ArrayList",
          "java.util.LinkedList",
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.HashSet",
          "java.util.LinkedHashSet",
          "java.util.CollSer",
          // What CollSer.readResolve returns (the filter also sees replacement objects).
          "java.util.ImmutableCollections$List12",
          "java.util.ImmutableCollections$ListN",
          "java.util.ImmutableCollections$Set12",
          "java.util.ImmutableCollections$SetN",
          "java.util.ImmutableCollections$Map1",
          "java.util.ImmutableCollections$MapN",
          "java.util.Arrays$ArrayList",
          "java.util.Collections$EmptyList",
          "java.util.Collections$EmptySet",
          "java.util.Collections$EmptyMap",
          "java.util.Collections$SingletonList",
          "java.util.Collections$SingletonSet",
          "java.util.Collections$SingletonMap",
          "java.util.Collections$UnmodifiableCollection",
          "java.util.Collections$UnmodifiableList",
          "java.util.Collections$UnmodifiableRandomAccessList",
          "java.util.Collections$UnmodifiableSet",
          "java.util.Collections$UnmodifiableMap");

  private static final List<String> DENIED_PACKAGES =
      List.of(
          "com.google.protobuf.",
          "com.google.common.",
          "io.grpc.",
          "io.netty.",
          "org.apache.fory.",
          "org.slf4j.",
          "picocli.");

  private final Kind kind;
  private String rejected;

  private JavaInputFilter(Kind kind) {
    this.kind = kind;
  }

  /** A filter for one stream of {@code kind}. */
  public static JavaInputFilter of(Kind kind) {
    return new JavaInputFilter(kind);
  }

  /**
   * Reads the one object in {@code bytes}, resolving classes in {@code loader} (without
   * initializing them) and admitting only what {@code kind} allows.
   *
   * @throws RefusedClassException if the bytes name a class outside the allowlist, or pass a limit
   * @throws IOException if the bytes are not a Java serialization stream
   * @throws ClassNotFoundException if a class is missing here
   */
  public static Object read(byte[] bytes, ClassLoader loader, Kind kind)
      throws IOException, ClassNotFoundException {
    JavaInputFilter filter = new JavaInputFilter(kind);
    try (ObjectInputStream in = new LoaderInput(new ByteArrayInputStream(bytes), loader)) {
      in.setObjectInputFilter(filter);
      return in.readObject();
    } catch (InvalidClassException e) {
      if (filter.rejected != null) {
        throw new RefusedClassException(filter.rejected, kind, e);
      }
      throw e;
    }
  }

  /** The first class or limit this filter refused, or null. */
  public String rejected() {
    return rejected;
  }

  @Override
  public Status checkInput(FilterInfo info) {
    if (info.depth() > MAX_DEPTH) {
      return reject("a nesting depth above " + MAX_DEPTH);
    }
    if (info.references() > MAX_REFERENCES) {
      return reject("more than " + MAX_REFERENCES + " references");
    }
    if (info.arrayLength() > MAX_ARRAY_LENGTH) {
      return reject("an array of " + info.arrayLength() + " elements");
    }
    Class<?> c = info.serialClass();
    if (c == null) {
      return Status.ALLOWED;
    }
    Class<?> e = c;
    while (e.isArray()) {
      e = e.getComponentType();
    }
    if (e.isPrimitive() || allowed(e)) {
      return Status.ALLOWED;
    }
    return reject(c.getName());
  }

  private boolean allowed(Class<?> c) {
    if (Proxy.isProxyClass(c)) {
      return false;
    }
    ClassLoader l = c.getClassLoader();
    boolean jdk = l == null || l == ClassLoader.getPlatformClassLoader();
    String name = c.getName();
    if (!jdk) {
      for (String p : DENIED_PACKAGES) {
        if (name.startsWith(p)) {
          return false;
        }
      }
      return true;
    }
    if (JDK_VALUES.contains(name)) {
      return true;
    }
    if (name.startsWith("java.time.") && "java.base".equals(c.getModule().getName())) {
      return true; // java.time.Ser and the values it resolves to
    }
    return switch (kind) {
      case FUNCTION -> name.equals("java.lang.invoke.SerializedLambda");
      case THROWABLE ->
          name.equals("java.lang.StackTraceElement")
              || (Throwable.class.isAssignableFrom(c)
                  && "java.base".equals(c.getModule().getName()));
    };
  }

  private Status reject(String what) {
    if (rejected == null) {
      rejected = what;
    }
    return Status.REJECTED;
  }

  /** Resolves classes in a given loader, never initializing them. */
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
