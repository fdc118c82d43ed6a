package dev.manta;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to start Manta: immutable, built with {@link #builder()}.
 *
 * <p>Each setting is taken, in this order of precedence, from the builder, from a system property,
 * from an environment variable, or from its default:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>builder</th><th>system property</th><th>environment</th><th>default</th></tr>
 *   <tr><td>{@code numCpus}</td><td>{@code manta.num-cpus}</td><td>{@code MANTA_NUM_CPUS}</td>
 *       <td>the JVM's available processors</td></tr>
 *   <tr><td>{@code resource}</td><td>{@code manta.resources}</td><td>{@code MANTA_RESOURCES}</td>
 *       <td>none; written {@code GPU=2,disk=1}</td></tr>
 *   <tr><td>{@code objectStoreBytes}</td><td>{@code manta.object-store-bytes}</td>
 *       <td>{@code MANTA_OBJECT_STORE_BYTES}</td><td>30% of physical memory, at most 64 GiB</td></tr>
 *   <tr><td>{@code spillDirectory}</td><td>{@code manta.spill-dir}</td>
 *       <td>{@code MANTA_SPILL_DIR}</td><td>{@code java.io.tmpdir/manta-spill}</td></tr>
 *   <tr><td>{@code inlineThresholdBytes}</td><td>{@code manta.inline-threshold-bytes}</td>
 *       <td>{@code MANTA_INLINE_THRESHOLD_BYTES}</td><td>100 KiB</td></tr>
 *   <tr><td>{@code storeFullTimeout}</td><td>{@code manta.store-full-timeout-ms}</td>
 *       <td>{@code MANTA_STORE_FULL_TIMEOUT_MS}</td><td>10 s</td></tr>
 *   <tr><td>{@code address}</td><td>{@code manta.address}</td><td>{@code MANTA_ADDRESS}</td>
 *       <td>none: the embedded runtime</td></tr>
 *   <tr><td>{@code namespace}</td><td>{@code manta.namespace}</td><td>{@code MANTA_NAMESPACE}</td>
 *       <td>{@code default}</td></tr>
 *   <tr><td>{@code taskMaxRetries}</td><td>{@code manta.task-max-retries}</td>
 *       <td>{@code MANTA_TASK_MAX_RETRIES}</td><td>{@value TaskCall#DEFAULT_MAX_RETRIES}; -1
 *       forever, 0 never</td></tr>
 *   <tr><td>{@code serializerCodegen}</td><td>{@code manta.fory.codegen}</td>
 *       <td>{@code MANTA_FORY_CODEGEN}</td><td>{@code true}</td></tr>
 *   <tr><td>{@code infeasible}</td><td>{@code manta.infeasible}</td>
 *       <td>{@code MANTA_INFEASIBLE}</td><td>{@code fail} embedded, {@code wait} on a cluster;
 *       see {@link Infeasible}</td></tr>
 *   <tr><td>{@code infeasibleWarning}</td><td>{@code manta.infeasible-warning-ms}</td>
 *       <td>{@code MANTA_INFEASIBLE_WARNING_MS}</td><td>10 s</td></tr>
 * </table>
 *
 * <p>Byte sizes accept a plain number or a suffix {@code k}, {@code m}, {@code g} (powers of 1024),
 * e.g. {@code 512m}.
 */
public final class MantaConfig {
  /** Default threshold below which values travel inline instead of through the store. */
  public static final int DEFAULT_INLINE_THRESHOLD_BYTES = 100 * 1024;

  private final double numCpus;
  private final Map<String, Double> resources;
  private final long objectStoreBytes;
  private final Path spillDirectory;
  private final int inlineThresholdBytes;
  private final java.time.Duration storeFullTimeout;
  private final String address;
  private final String namespace;
  private final int taskMaxRetries;
  private final boolean serializerCodegen;
  private final Infeasible infeasible;
  private final java.time.Duration infeasibleWarning;

  /**
   * What a task or actor does when it asks for resources that no live node has in all (such as
   * {@code resource("special", 1)} where no node was started with {@code special}).
   */
  public enum Infeasible {
    /**
     * {@code remote()} throws {@link IllegalArgumentException} naming the demand and what the nodes
     * have: the default of the embedded runtime, whose one node can never grow.
     */
    FAIL,
    /**
     * It stays pending, as in Ray, until a node that has the resources joins the cluster, and then
     * runs there; once it has waited {@link #infeasibleWarning()} a warning naming it, its demand
     * and the live nodes' resources is logged once. Cancelling the task, killing the actor or
     * ending the job gives it up. The default on a cluster. Embedded, nothing can join, so it waits
     * until it is cancelled or killed or the runtime shuts down.
     */
    WAIT
  }

  private MantaConfig(Builder b, Function<String, String> props, Function<String, String> env) {
    Settings s = new Settings(props, env);
    this.numCpus =
        b.numCpus != null
            ? b.numCpus
            : s.number("manta.num-cpus", "MANTA_NUM_CPUS")
                .orElse((double) Runtime.getRuntime().availableProcessors());
    checkNonNegative("numCpus", numCpus);
    Map<String, Double> res = new LinkedHashMap<>(s.resources());
    res.putAll(b.resources);
    this.resources = Collections.unmodifiableMap(res);
    this.objectStoreBytes =
        b.objectStoreBytes != null
            ? b.objectStoreBytes
            : s.bytes("manta.object-store-bytes", "MANTA_OBJECT_STORE_BYTES")
                .orElseGet(MantaConfig::defaultStoreBytes);
    if (objectStoreBytes <= 0) {
      throw new IllegalArgumentException(
          "objectStoreBytes must be > 0, was " + objectStoreBytes + "; e.g. 2g");
    }
    this.spillDirectory =
        b.spillDirectory != null
            ? b.spillDirectory
            : s.raw("manta.spill-dir", "MANTA_SPILL_DIR")
                .map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "manta-spill"));
    long inline =
        b.inlineThresholdBytes != null
            ? b.inlineThresholdBytes
            : s.bytes("manta.inline-threshold-bytes", "MANTA_INLINE_THRESHOLD_BYTES")
                .orElse((long) DEFAULT_INLINE_THRESHOLD_BYTES);
    if (inline < 0 || inline > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "inlineThresholdBytes must be in [0, 2^31), was " + inline);
    }
    this.inlineThresholdBytes = (int) inline;
    this.storeFullTimeout =
        b.storeFullTimeout != null
            ? b.storeFullTimeout
            : java.time.Duration.ofMillis(
                s.number("manta.store-full-timeout-ms", "MANTA_STORE_FULL_TIMEOUT_MS")
                    .map(Double::longValue)
                    .orElse(10_000L));
    if (storeFullTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "storeFullTimeout must be >= 0, was " + storeFullTimeout + "; e.g. 10000 (ms)");
    }
    this.address =
        b.address != null
            ? b.address
            : s.raw("manta.address", "MANTA_ADDRESS").map(MantaConfig::withoutScheme).orElse(null);
    this.namespace =
        b.namespace != null
            ? b.namespace
            : s.raw("manta.namespace", "MANTA_NAMESPACE").orElse("default");
    this.taskMaxRetries =
        b.taskMaxRetries != null
            ? b.taskMaxRetries
            : s.raw("manta.task-max-retries", "MANTA_TASK_MAX_RETRIES")
                .map(MantaConfig::parseRetries)
                .orElse(TaskCall.DEFAULT_MAX_RETRIES);
    this.serializerCodegen =
        b.serializerCodegen != null
            ? b.serializerCodegen
            : s.raw("manta.fory.codegen", "MANTA_FORY_CODEGEN")
                .map(v -> parseBoolean("manta.fory.codegen / MANTA_FORY_CODEGEN", v))
                .orElse(true);
    this.infeasible =
        b.infeasible != null
            ? b.infeasible
            : s.raw("manta.infeasible", "MANTA_INFEASIBLE")
                .map(MantaConfig::parseInfeasible)
                .orElse(null);
    this.infeasibleWarning =
        b.infeasibleWarning != null
            ? b.infeasibleWarning
            : java.time.Duration.ofMillis(
                s.number("manta.infeasible-warning-ms", "MANTA_INFEASIBLE_WARNING_MS")
                    .map(Double::longValue)
                    .orElse(10_000L));
    if (infeasibleWarning.isNegative()) {
      throw new IllegalArgumentException(
          "infeasibleWarning must be >= 0, was " + infeasibleWarning + "; e.g. 10000 (ms)");
    }
  }

  private static Infeasible parseInfeasible(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "fail" -> Infeasible.FAIL;
      case "wait" -> Infeasible.WAIT;
      default ->
          throw new IllegalArgumentException(
              "manta.infeasible / MANTA_INFEASIBLE must be fail (refuse at submit a task or actor"
                  + " that no node has the resources for) or wait (keep it pending until such a"
                  + " node joins), was '"
                  + v
                  + "'");
    };
  }

  private static int parseRetries(String v) {
    try {
      int n = Integer.parseInt(v);
      if (n >= -1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new IllegalArgumentException(
        "manta.task-max-retries / MANTA_TASK_MAX_RETRIES must be an integer in [-1, "
            + Integer.MAX_VALUE
            + "] (-1: retry forever, 0: never), was '"
            + v
            + "'");
  }

  private static boolean parseBoolean(String what, String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(what + " must be true or false, was '" + v + "'");
    };
  }

  /** A builder with nothing set: every setting falls back to properties, environment, default. */
  public static Builder builder() {
    return new Builder();
  }

  /** The configuration from system properties, environment and defaults alone. */
  public static MantaConfig fromEnvironment() {
    return builder().build();
  }

  /** CPUs the scheduler hands out to tasks (fractions allowed). */
  public double numCpus() {
    return numCpus;
  }

  /** Custom resources by name, such as {@code GPU}; CPU is {@link #numCpus()}. */
  public Map<String, Double> resources() {
    return resources;
  }

  /** Hard capacity of the object store, in bytes. */
  public long objectStoreBytes() {
    return objectStoreBytes;
  }

  /** Where the object store spills objects to disk under memory pressure. */
  public Path spillDirectory() {
    return spillDirectory;
  }

  /** Values of at most this many serialized bytes stay in the owner's memory and travel inline. */
  public int inlineThresholdBytes() {
    return inlineThresholdBytes;
  }

  /**
   * How long a {@code put} or a task's result waits for room in a full object store (after freeing
   * dropped objects and spilling) before it fails.
   */
  public java.time.Duration storeFullTimeout() {
    return storeFullTimeout;
  }

  /** The cluster to join, as {@code host:port}; empty for the embedded runtime. */
  public Optional<String> address() {
    return Optional.ofNullable(address);
  }

  /** The namespace of named actors on a cluster: jobs in one namespace find each other's. */
  public String namespace() {
    return namespace;
  }

  /**
   * Retries of a task whose call does not set {@link TaskCall#maxRetries(int)} (nor its {@link
   * RemoteFunction#maxRetries()}): after its worker process or node dies, or, with {@code
   * retryExceptions}, after it throws. -1 retries forever, 0 never.
   */
  public int taskMaxRetries() {
    return taskMaxRetries;
  }

  /**
   * Whether the serializer generates code for each class it writes (fast, once warm); false uses
   * its slower reflective path, which starts faster (short-lived processes, debugging).
   */
  public boolean serializerCodegen() {
    return serializerCodegen;
  }

  /**
   * What a task or actor that no live node has the resources for does, if set; empty: {@link
   * Infeasible#FAIL} embedded and {@link Infeasible#WAIT} on a cluster.
   */
  public Optional<Infeasible> infeasible() {
    return Optional.ofNullable(infeasible);
  }

  /**
   * How long a task or actor waits for resources no live node has ({@link Infeasible#WAIT}) before
   * a warning names it, once.
   */
  public java.time.Duration infeasibleWarning() {
    return infeasibleWarning;
  }

  @Override
  public String toString() {
    return "MantaConfig{numCpus="
        + numCpus
        + ", resources="
        + resources
        + ", objectStoreBytes="
        + objectStoreBytes
        + ", spillDirectory="
        + spillDirectory
        + ", inlineThresholdBytes="
        + inlineThresholdBytes
        + ", storeFullTimeout="
        + storeFullTimeout
        + ", address="
        + (address == null ? "<embedded>" : address)
        + ", namespace="
        + namespace
        + ", taskMaxRetries="
        + taskMaxRetries
        + ", serializerCodegen="
        + serializerCodegen
        + ", infeasible="
        + (infeasible == null ? "<mode default>" : infeasible)
        + ", infeasibleWarning="
        + infeasibleWarning
        + "}";
  }

  /** {@code host:port} of {@code host:port} or {@code manta://host:port}. */
  private static String withoutScheme(String address) {
    return address.startsWith("manta://") ? address.substring("manta://".length()) : address;
  }

  private static long defaultStoreBytes() {
    long physical = physicalMemoryBytes();
    return Math.max(64L << 20, Math.min(64L << 30, (long) (physical * 0.3)));
  }

  private static long physicalMemoryBytes() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return 4L << 30;
  }

  static void checkNonNegative(String what, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number >= 0, was " + value);
    }
  }

  /** Parses a byte size such as {@code 1048576}, {@code 512k}, {@code 64m} or {@code 2g}. */
  static long parseBytes(String what, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    if (t.endsWith("b")) {
      t = t.substring(0, t.length() - 1);
    }
    if (!t.isEmpty()) {
      unit =
          switch (t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 1;
          };
      if (unit != 1) {
        t = t.substring(0, t.length() - 1);
      }
    }
    try {
      return Math.multiplyExact(Long.parseLong(t.trim()), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          what + " must be a byte size such as 1048576, 512m or 2g, was '" + text + "'", e);
    }
  }

  /** Reads a setting from system properties first, then the environment. */
  private record Settings(Function<String, String> props, Function<String, String> env) {
    Optional<String> raw(String property, String variable) {
      String v = props.apply(property);
      if (v == null || v.isBlank()) {
        v = env.apply(variable);
      }
      return (v == null || v.isBlank()) ? Optional.empty() : Optional.of(v.trim());
    }

    Optional<Double> number(String property, String variable) {
      return raw(property, variable)
          .map(
              v -> {
                try {
                  return Double.parseDouble(v);
                } catch (NumberFormatException e) {
                  throw new IllegalArgumentException(
                      property + " / " + variable + " must be a number, was '" + v + "'", e);
                }
              });
    }

    Optional<Long> bytes(String property, String variable) {
      return raw(property, variable).map(v -> parseBytes(property + " / " + variable, v));
    }

    Map<String, Double> resources() {
      Map<String, Double> out = new LinkedHashMap<>();
      raw("manta.resources", "MANTA_RESOURCES")
          .ifPresent(
              v -> {
                for (String part : v.split(",", -1)) {
                  String[] kv = part.split("=", 2);
                  if (kv.length != 2 || kv[0].isBlank()) {
                    throw new IllegalArgumentException(
                        "manta.resources / MANTA_RESOURCES must look like GPU=2,disk=1, was '"
                            + v
                            + "'");
                  }
                  double q;
                  try {
                    q = Double.parseDouble(kv[1].trim());
                  } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                        "resource '" + kv[0].trim() + "' needs a number, was '" + kv[1] + "'", e);
                  }
                  checkNonNegative("resource '" + kv[0].trim() + "'", q);
                  out.put(kv[0].trim(), q);
                }
              });
      return out;
    }
  }

  /** Builds a {@link MantaConfig}; every setter checks its argument. Not thread-safe. */
  public static final class Builder {
    private Double numCpus;
    private final Map<String, Double> resources = new LinkedHashMap<>();
    private Long objectStoreBytes;
    private Path spillDirectory;
    private Long inlineThresholdBytes;
    private java.time.Duration storeFullTimeout;
    private String address;
    private String namespace;
    private Integer taskMaxRetries;
    private Boolean serializerCodegen;
    private Infeasible infeasible;
    private java.time.Duration infeasibleWarning;

    private Builder() {}

    /** CPUs for tasks; must be {@code >= 0} (0 runs only tasks that ask for no CPU). */
    public Builder numCpus(double cpus) {
      checkNonNegative("numCpus", cpus);
      this.numCpus = cpus;
      return this;
    }

    /** A custom resource, such as {@code resource("GPU", 2)}; quantity must be {@code >= 0}. */
    public Builder resource(String name, double quantity) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank() || name.equals("CPU")) {
        throw new IllegalArgumentException(
            "resource name must be non-blank and not 'CPU' (use numCpus), was '" + name + "'");
      }
      checkNonNegative("resource '" + name + "'", quantity);
      resources.put(name, quantity);
      return this;
    }

    /** Hard capacity of the object store in bytes; must be {@code > 0}. */
    public Builder objectStoreBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("objectStoreBytes must be > 0, was " + bytes);
      }
      this.objectStoreBytes = bytes;
      return this;
    }

    /** Directory for spill files; created when first needed. */
    public Builder spillDirectory(Path dir) {
      this.spillDirectory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** Values up to this size stay inline; larger ones go to the object store. */
    public Builder inlineThresholdBytes(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("inlineThresholdBytes must be >= 0, was " + bytes);
      }
      this.inlineThresholdBytes = (long) bytes;
      return this;
    }

    /** The cluster to join, {@code host:port} or {@code manta://host:port}. */
    public Builder address(String address) {
      Objects.requireNonNull(address, "address");
      this.address = withoutScheme(address);
      return this;
    }

    /** How long a full object store makes a {@code put} wait for room; must be {@code >= 0}. */
    public Builder storeFullTimeout(java.time.Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("storeFullTimeout must be >= 0, was " + timeout);
      }
      this.storeFullTimeout = timeout;
      return this;
    }

    /** The namespace of named actors on a cluster; non-blank. */
    public Builder namespace(String namespace) {
      Objects.requireNonNull(namespace, "namespace");
      if (namespace.isBlank()) {
        throw new IllegalArgumentException("namespace must be non-blank");
      }
      this.namespace = namespace;
      return this;
    }

    /**
     * Retries of tasks whose call sets none: {@code >= 0}, or -1 to retry forever (default {@value
     * TaskCall#DEFAULT_MAX_RETRIES}).
     */
    public Builder taskMaxRetries(int retries) {
      if (retries < -1) {
        throw new IllegalArgumentException(
            "taskMaxRetries must be >= 0, or -1 to retry forever; was " + retries);
      }
      this.taskMaxRetries = retries;
      return this;
    }

    /** Whether the serializer generates code per class (default true). */
    public Builder serializerCodegen(boolean codegen) {
      this.serializerCodegen = codegen;
      return this;
    }

    /**
     * What a task or actor that no live node has the resources for does: fail at submit, or wait
     * for such a node (see {@link Infeasible}).
     */
    public Builder infeasible(Infeasible policy) {
      this.infeasible = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * How long a task or actor waits for resources no node has before a warning names it; must be
     * {@code >= 0} (default 10 s).
     */
    public Builder infeasibleWarning(java.time.Duration after) {
      Objects.requireNonNull(after, "after");
      if (after.isNegative()) {
        throw new IllegalArgumentException("infeasibleWarning must be >= 0, was " + after);
      }
      this.infeasibleWarning = after;
      return this;
    }

    /** Builds the configuration, reading unset settings from properties and environment. */
    public MantaConfig build() {
      return new MantaConfig(this, System::getProperty, System::getenv);
    }

    /** Builds with the given sources instead of the real properties and environment (tests). */
    MantaConfig build(Function<String, String> props, Function<String, String> env) {
      return new MantaConfig(this, props, env);
    }
  }
}
