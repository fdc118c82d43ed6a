package dev.manta.runtime.serial.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The allowlist of classes that Fory may read or write in cluster mode (task arguments, results,
 * {@code put} values): it decides from the class's <em>name</em> alone, before the class is loaded,
 * so a refused class is never loaded, let alone initialised.
 *
 * <p>What is allowed:
 *
 * <ul>
 *   <li>classes that are not the JDK's: the job's own code (its shipped class path, Manta's own
 *       classes, the libraries the job brings), except the packages of the libraries Manta's
 *       processes run on (protobuf, gRPC, Netty, Fory, SLF4J, picocli, Guava outside {@code
 *       com.google.common.collect}), which no value needs;
 *   <li>of the JDK, a fixed set of value classes: {@code String}, the boxed primitives, {@code
 *       StringBuilder}, {@code BigInteger}, {@code BigDecimal}, {@code UUID}, {@code URI}, {@code
 *       Optional} and its primitive forms, every class of {@code java.time}, the plain and
 *       concurrent collections ({@code ArrayList} to {@code ConcurrentSkipListMap}, {@code List.of}
 *       and friends, the empty, singleton and unmodifiable views of {@code Collections}, {@code
 *       EnumSet}, {@code EnumMap}, {@code BitSet}), the atomics, a few enums ({@code TimeUnit},
 *       {@code RoundingMode}), {@code SerializedLambda}, and the common exceptions of {@code
 *       java.lang}, {@code java.io} and {@code java.util};
 *   <li>arrays of allowed classes and of primitives;
 *   <li>what the user adds ({@code manta.serialization-allow}): a class name (with its nested
 *       classes), a package prefix ending in {@code .}, or {@code *} for everything.
 * </ul>
 *
 * Every other JDK class is refused: {@code PriorityQueue}, {@code URL}, {@code InetAddress}, {@code
 * javax.management}, {@code java.rmi}, {@code javax.naming}, {@code TemplatesImpl}, the XML and
 * scripting packages: the usual first links of deserialization gadget chains. A sorted collection's
 * comparator is an object like any other and must pass too. Fory's own disallowed list (known
 * gadgets of popular libraries) applies after this filter and cannot be lifted.
 *
 * <p>Immutable and thread-safe: one instance serves every Fory instance of a process. Fory caches
 * each name this filter accepted, so it is asked once per class name, not once per value.
 */
public final class ValueClassFilter {
  /** The settings key users allow more with (read by the cluster's configuration). */
  public static final String ALLOW_SETTING = "manta.serialization-allow";

  /**
   * The first components of every package of the JDK's modules ({@code ValueClassFilterTest} checks
   * this against {@code ModuleFinder.ofSystem()}): a name under one of these is the JDK's.
   */
  private static final List<String> JDK_ROOTS =
      List.of(
          "java.",
          "javax.",
          "jdk.",
          "sun.",
          "com.sun.",
          "org.w3c.",
          "org.xml.",
          "org.ietf.",
          "org.jcp.",
          "netscape.");

  private static final List<String> DENIED_LIBRARIES =
      List.of(
          "com.google.protobuf.",
          "io.grpc.",
          "io.netty.",
          "org.apache.fory.",
          "org.slf4j.",
          "picocli.");

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
          "java.lang.StringBuilder",
          "java.lang.StringBuffer",
          "java.lang.Enum",
          "java.lang.Void",
          "java.lang.Record",
          "java.lang.StackTraceElement",
          "java.lang.invoke.SerializedLambda",
          "java.math.BigInteger",
          "java.math.BigDecimal",
          "java.math.MathContext",
          "java.math.RoundingMode",
          "java.net.URI",
          "java.util.UUID",
          "java.util.Optional",
          "java.util.OptionalInt",
          "java.util.OptionalLong",
          "java.util.OptionalDouble",
          "java.util.BitSet",
          "java.util.Date",
          "java.util.Locale",
          "java.util.Currency",
          "java.util.ArrayList",
          "java.util.ArrayList$SubList",
          "java.util.AbstractList$SubList",
          "java.util.AbstractList$RandomAccessSubList",
          "java.util.Vector",
          "java.util.Collections$SetFromMap",
          "java.util.regex.Pattern",
          "java.nio.HeapByteBuffer",
          "java.nio.HeapByteBufferR",
          "java.nio.DirectByteBuffer",
          "java.nio.DirectByteBufferR",
          "java.sql.Date",
          "java.sql.Time",
          "java.sql.Timestamp",
          "java.util.LinkedList",
          "java.util.ArrayDeque",
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.TreeMap",
          "java.util.HashSet",
          "java.util.LinkedHashSet",
          "java.util.TreeSet",
          "java.util.EnumMap",
          "java.util.EnumSet",
          "java.util.RegularEnumSet",
          "java.util.JumboEnumSet",
          "java.util.Arrays$ArrayList",
          "java.util.AbstractMap$SimpleEntry",
          "java.util.AbstractMap$SimpleImmutableEntry",
          "java.util.KeyValueHolder",
          "java.util.Comparators$NaturalOrderComparator",
          "java.util.Collections$ReverseComparator",
          "java.util.Collections$ReverseComparator2",
          "java.util.concurrent.ConcurrentHashMap",
          "java.util.concurrent.ConcurrentHashMap$KeySetView",
          "java.util.concurrent.ConcurrentSkipListMap",
          "java.util.concurrent.ConcurrentSkipListSet",
          "java.util.concurrent.CopyOnWriteArrayList",
          "java.util.concurrent.CopyOnWriteArraySet",
          "java.util.concurrent.ConcurrentLinkedQueue",
          "java.util.concurrent.ConcurrentLinkedDeque",
          "java.util.concurrent.LinkedBlockingQueue",
          "java.util.concurrent.LinkedBlockingDeque",
          "java.util.concurrent.ArrayBlockingQueue",
          "java.util.concurrent.TimeUnit",
          "java.util.concurrent.atomic.AtomicBoolean",
          "java.util.concurrent.atomic.AtomicInteger",
          "java.util.concurrent.atomic.AtomicLong",
          "java.util.concurrent.atomic.AtomicReference",
          "java.util.concurrent.atomic.AtomicIntegerArray",
          "java.util.concurrent.atomic.AtomicLongArray",
          // Exceptions a task may return or put as a value (failures travel another way).
          "java.lang.Throwable",
          "java.lang.Exception",
          "java.lang.RuntimeException",
          "java.lang.Error",
          "java.lang.IllegalArgumentException",
          "java.lang.IllegalStateException",
          "java.lang.UnsupportedOperationException",
          "java.lang.NullPointerException",
          "java.lang.ArithmeticException",
          "java.lang.ClassCastException",
          "java.lang.NumberFormatException",
          "java.lang.IndexOutOfBoundsException",
          "java.lang.ArrayIndexOutOfBoundsException",
          "java.io.IOException",
          "java.io.UncheckedIOException",
          "java.util.NoSuchElementException",
          "java.util.ConcurrentModificationException",
          "java.util.concurrent.TimeoutException",
          "java.util.concurrent.ExecutionException",
          "java.util.concurrent.CancellationException",
          "java.util.concurrent.CompletionException");

  /**
   * Interfaces and abstract classes, which values never are but whose names Fory reads as the
   * declared types of fields: nothing can be made of them.
   */
  private static final Set<String> JDK_DECLARED_TYPES =
      Set.of(
          "java.lang.Iterable",
          "java.lang.Comparable",
          "java.lang.CharSequence",
          "java.lang.Cloneable",
          "java.lang.Runnable",
          "java.lang.AutoCloseable",
          "java.io.Serializable",
          "java.util.Collection",
          "java.util.AbstractCollection",
          "java.util.List",
          "java.util.AbstractList",
          "java.util.Set",
          "java.util.AbstractSet",
          "java.util.Map",
          "java.util.AbstractMap",
          "java.util.Map$Entry",
          "java.util.Queue",
          "java.util.Deque",
          "java.util.SortedMap",
          "java.util.SortedSet",
          "java.util.NavigableMap",
          "java.util.NavigableSet",
          "java.util.SequencedCollection",
          "java.util.SequencedMap",
          "java.util.SequencedSet",
          "java.util.RandomAccess",
          "java.util.Comparator",
          "java.util.concurrent.ConcurrentMap",
          "java.util.concurrent.ConcurrentNavigableMap",
          "java.util.concurrent.BlockingQueue",
          "java.util.concurrent.BlockingDeque");

  /** Nested classes of these are allowed (the collection factories' and views' classes). */
  private static final List<String> JDK_VALUE_PREFIXES =
      List.of(
          "java.time.",
          "java.util.function.", // interfaces only: field types
          "java.util.ImmutableCollections$",
          "java.util.Collections$Empty",
          "java.util.Collections$Singleton",
          "java.util.Collections$Unmodifiable",
          "java.util.Collections$Synchronized");

  private final boolean allowAll;
  private final List<String> extraPackages;
  private final Set<String> extraClasses;

  private ValueClassFilter(boolean allowAll, List<String> packages, Set<String> classes) {
    this.allowAll = allowAll;
    this.extraPackages = List.copyOf(packages);
    this.extraClasses = Set.copyOf(classes);
  }

  /** The built-in allowlist only. */
  public static ValueClassFilter builtIn() {
    return new ValueClassFilter(false, List.of(), Set.of());
  }

  /**
   * The built-in allowlist plus {@code extra}: each entry a class name (its nested classes too), a
   * package prefix ending in {@code .} (sub-packages too), or {@code *} (everything: no checks).
   *
   * @throws IllegalArgumentException for an entry that is none of these (blank, or with spaces)
   */
  public static ValueClassFilter withExtra(List<String> extra) {
    boolean all = false;
    List<String> packages = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    for (String raw : extra) {
      String e = raw.strip();
      if (e.equals("*")) {
        all = true;
      } else if (e.isEmpty() || e.chars().anyMatch(Character::isWhitespace) || e.startsWith(".")) {
        throw new IllegalArgumentException(
            ALLOW_SETTING
                + " entry '"
                + raw
                + "' is not a class name, a package prefix ending in '.', or '*'"
                + " (entries are separated by commas)");
      } else if (e.endsWith(".*")) {
        packages.add(e.substring(0, e.length() - 1));
      } else if (e.endsWith(".")) {
        packages.add(e);
      } else {
        classes.add(e);
      }
    }
    return new ValueClassFilter(all, packages, Set.copyOf(classes));
  }

  /**
   * Whether values of the class named {@code className} may be read or written: a binary name
   * ({@code java.util.HashMap}, {@code a.B$C}) or a JVM array descriptor ({@code
   * [Ljava.lang.String;}, {@code [[I}). Loads nothing.
   */
  public boolean allows(String className) {
    String name = elementName(className);
    if (name == null) {
      return true; // a primitive array
    }
    if (name.startsWith("[")) {
      return false; // not a descriptor
    }
    if (allowAll || extraClasses.contains(name) || startsWithAny(name, extraPackages)) {
      return true;
    }
    int nested = name.indexOf('$');
    if (nested > 0 && extraClasses.contains(name.substring(0, nested))) {
      return true;
    }
    if (startsWithAny(name, JDK_ROOTS)) {
      return JDK_VALUES.contains(name)
          || JDK_DECLARED_TYPES.contains(name)
          || startsWithAny(name, JDK_VALUE_PREFIXES);
    }
    if (name.startsWith("com.google.common.")) {
      return name.startsWith("com.google.common.collect.");
    }
    return !startsWithAny(name, DENIED_LIBRARIES);
  }

  /** Whether this filter lets every class through ({@code *}): then no check is installed. */
  public boolean allowsEverything() {
    return allowAll;
  }

  /**
   * Checks {@code className} ({@link #allows}).
   *
   * @throws RefusedTypeException naming the class and how to allow it, if it is refused
   */
  public void check(String className) {
    if (!allows(className)) {
      throw new RefusedTypeException(elementName(className), className);
    }
  }

  /** The package prefixes this filter treats as the JDK's. */
  static List<String> jdkRoots() {
    return JDK_ROOTS;
  }

  /** The element class of an array descriptor, the name itself otherwise; null for primitives. */
  private static String elementName(String className) {
    if (!className.startsWith("[")) {
      return className;
    }
    int i = 0;
    while (i < className.length() && className.charAt(i) == '[') {
      i++;
    }
    if (i < className.length() && className.charAt(i) == 'L' && className.endsWith(";")) {
      return className.substring(i + 1, className.length() - 1);
    }
    boolean primitive = i + 1 == className.length() && "ZBCSIJFD".indexOf(className.charAt(i)) >= 0;
    return primitive ? null : className; // junk stays junk, and is refused
  }

  private static boolean startsWithAny(String name, List<String> prefixes) {
    for (String p : prefixes) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return allowAll
        ? "ValueClassFilter{everything}"
        : "ValueClassFilter{built-in + " + extraClasses + " + " + extraPackages + "}";
  }
}
