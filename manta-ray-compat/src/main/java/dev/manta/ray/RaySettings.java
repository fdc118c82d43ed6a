package dev.manta.ray;

import dev.manta.MantaConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ray.*} system properties of a Ray Java program, read as a Manta configuration.
 *
 * <ul>
 *   <li>{@code ray.address}: a cluster address; Manta joins the Manta cluster there (needs {@code
 *       manta-cluster} on the class path). Blank: the embedded runtime.
 *   <li>{@code ray.run-mode}: {@code LOCAL} forces the embedded runtime whatever the address;
 *       {@code CLUSTER} (the default) uses the address if there is one, and without one starts a
 *       local cluster whose workers are child JVMs ({@link LocalCluster}), as Ray's {@code
 *       Ray.init()} starts a local Ray cluster. That needs {@code manta-cluster} on the class path:
 *       without it an explicit {@code CLUSTER} is refused and the default falls back to embedded.
 *   <li>{@code ray.local-cluster.jvm-options}: extra JVM options of that local cluster's node
 *       process, separated by spaces (its {@code -D} settings reach its workers as a node's do).
 *   <li>{@code ray.job.jvm-options}: JVM options of every worker JVM of the job on a cluster
 *       (Manta's {@code manta.job.jvm-options}), as one value separated by spaces or as Ray's list
 *       {@code ray.job.jvm-options.0}, {@code .1}, ...; ignored, with a warning, by the embedded
 *       runtime, which starts no worker JVM.
 *   <li>{@code ray.job.default-actor-lifetime}: {@code DETACHED} makes actors that set no lifetime
 *       detached (they outlive the actor or driver that created them); {@code NON_DETACHED}, the
 *       default, ties them to their creator.
 *   <li>{@code ray.job.namespace}: the namespace of named actors; unset, an anonymous one per run
 *       as in Ray.
 *   <li>{@code ray.infeasible}: {@code pending} (Ray's behaviour) keeps a task or actor that no
 *       node has the resources for waiting until one joins, with a warning once it waited {@code
 *       manta.infeasible-warning-ms} (10 s); {@code fail} refuses it at submit. Unset: {@code fail}
 *       embedded (its one node never grows), {@code pending} on a cluster.
 *   <li>{@code ray.head-args.N}: {@code --num-cpus=N}, {@code --num-gpus=N} (resource {@code GPU}),
 *       {@code --resources={"name": quantity, ...}}, {@code --object-store-memory=BYTES}, {@code
 *       --labels={"key": "value", ...}} (the embedded node's labels in {@code getAllNodeInfo}); as
 *       {@code --flag=value} or as {@code --flag} and {@code value} in consecutive entries. Others
 *       have no Manta meaning and are ignored with a warning.
 * </ul>
 *
 * <p>Manta's own settings ({@code manta.*}, {@code MANTA_*}) still apply to what these leave unset.
 *
 * @param config the Manta configuration to start
 * @param namespace the job namespace
 * @param ignored head arguments that were ignored, for the log and tests
 * @param labels the embedded node's labels ({@code --labels}); a cluster's nodes have their own
 * @param localCluster start a local cluster of child JVMs ({@code CLUSTER} without an address)
 * @param explicitCluster whether {@code ray.run-mode=CLUSTER} was set (not just the default)
 * @param nodeFlags the head args as flags of the local cluster's node ({@code NodeMain})
 * @param nodeJvmOptions extra JVM options of the local cluster's node
 * @param jobJvmOptions JVM options of the job's worker JVMs on a cluster
 * @param detachedByDefault {@code ray.job.default-actor-lifetime=DETACHED}: an actor that sets no
 *     lifetime is detached
 */
record RaySettings(
    MantaConfig config,
    String namespace,
    List<String> ignored,
    Map<String, String> labels,
    boolean localCluster,
    boolean explicitCluster,
    List<String> nodeFlags,
    List<String> nodeJvmOptions,
    List<String> jobJvmOptions,
    boolean detachedByDefault) {
  private static final Logger LOG = LoggerFactory.getLogger(RaySettings.class);
  private static final Pattern HEAD_ARG = Pattern.compile("ray\\.head-args\\.(\\d+)");
  private static final Pattern JOB_JVM_OPTION = Pattern.compile("ray\\.job\\.jvm-options\\.(\\d+)");
  private static final Pattern RESOURCE =
      Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*([-+0-9.eE]+)");

  RaySettings {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(namespace, "namespace");
    ignored = List.copyOf(ignored);
    labels = Map.copyOf(labels);
    nodeFlags = List.copyOf(nodeFlags);
    nodeJvmOptions = List.copyOf(nodeJvmOptions);
    jobJvmOptions = List.copyOf(jobJvmOptions);
  }

  /** Embedded (or address) settings without node labels. */
  RaySettings(MantaConfig config, String namespace, List<String> ignored) {
    this(config, namespace, ignored, false);
  }

  /** Settings of a Ray runtime hosted on a cluster worker (its job's namespace and default). */
  RaySettings(
      MantaConfig config, String namespace, List<String> ignored, boolean detachedByDefault) {
    this(
        config,
        namespace,
        ignored,
        Map.of(),
        false,
        false,
        List.of(),
        List.of(),
        List.of(),
        detachedByDefault);
  }

  /** These settings with the embedded runtime instead of a local cluster. */
  RaySettings embedded() {
    return new RaySettings(
        config,
        namespace,
        ignored,
        labels,
        false,
        false,
        nodeFlags,
        nodeJvmOptions,
        jobJvmOptions,
        detachedByDefault);
  }

  /** The configuration of a driver of the cluster at {@code address}. */
  MantaConfig configAt(String address) {
    MantaConfig.Builder b =
        MantaConfig.builder().address(address).infeasibleWarning(config.infeasibleWarning());
    config.infeasible().ifPresent(b::infeasible);
    return b.build();
  }

  /** Reads the JVM's system properties. */
  static RaySettings fromSystemProperties() {
    return from(System.getProperties());
  }

  /**
   * Reads {@code props}.
   *
   * @throws IllegalArgumentException naming the property and the value expected
   */
  static RaySettings from(Properties props) {
    MantaConfig.Builder b = MantaConfig.builder();
    String runMode = props.getProperty("ray.run-mode", "CLUSTER").trim().toUpperCase(Locale.ROOT);
    if (!runMode.equals("LOCAL") && !runMode.equals("CLUSTER")) {
      throw new IllegalArgumentException(
          "ray.run-mode must be LOCAL or CLUSTER, was '" + props.getProperty("ray.run-mode") + "'");
    }
    String address = props.getProperty("ray.address", "").trim();
    if (!address.isEmpty() && runMode.equals("CLUSTER")) {
      b.address(address);
    }
    String infeasible = props.getProperty("ray.infeasible", "").trim().toLowerCase(Locale.ROOT);
    switch (infeasible) {
      case "" -> {}
      case "pending" -> b.infeasible(MantaConfig.Infeasible.WAIT);
      case "fail" -> b.infeasible(MantaConfig.Infeasible.FAIL);
      default ->
          throw new IllegalArgumentException(
              "ray.infeasible must be pending (a task or actor that no node has the resources for"
                  + " waits for one, as in Ray) or fail (it is refused at submit), was '"
                  + props.getProperty("ray.infeasible")
                  + "'");
    }
    String ns = props.getProperty("ray.job.namespace", "").trim();
    if (ns.isEmpty()) {
      ns = UUID.randomUUID().toString();
    }
    Map<String, String> labels = new TreeMap<>();
    List<String> args = headArgs(props);
    List<String> ignored = applyHeadArgs(args, b, labels);
    for (String arg : ignored) {
      LOG.warn("Ignoring Ray head argument '{}': it has no meaning in Manta", arg);
    }
    MantaConfig config = b.build();
    boolean local = runMode.equals("CLUSTER") && config.address().isEmpty();
    boolean explicit = props.getProperty("ray.run-mode") != null && runMode.equals("CLUSTER");
    String jvm = props.getProperty("ray.local-cluster.jvm-options", "").strip();
    List<String> jvmOptions = jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+"));
    return new RaySettings(
        config,
        ns,
        ignored,
        labels,
        local,
        explicit,
        nodeFlags(args, labels),
        jvmOptions,
        jobJvmOptions(props),
        detachedByDefault(props));
  }

  /**
   * {@code ray.job.default-actor-lifetime}: {@code DETACHED} or {@code NON_DETACHED} (the default),
   * in any case.
   *
   * @throws IllegalArgumentException for another value
   */
  static boolean detachedByDefault(Properties props) {
    String v = props.getProperty("ray.job.default-actor-lifetime", "").strip();
    return switch (v.toUpperCase(Locale.ROOT)) {
      case "", "NON_DETACHED" -> false;
      case "DETACHED" -> true;
      default ->
          throw new IllegalArgumentException(
              "ray.job.default-actor-lifetime must be DETACHED or NON_DETACHED, was '" + v + "'");
    };
  }

  /**
   * {@code ray.job.jvm-options}, one value split at spaces, or Ray's list {@code
   * ray.job.jvm-options.N} in the order of N, each entry one option.
   *
   * @throws IllegalArgumentException if both forms are set, or an entry is not one JVM option
   */
  static List<String> jobJvmOptions(Properties props) {
    String whole = props.getProperty("ray.job.jvm-options", "").strip();
    TreeMap<Integer, String> list = new TreeMap<>();
    for (String key : props.stringPropertyNames()) {
      Matcher m = JOB_JVM_OPTION.matcher(key);
      if (m.matches()) {
        list.put(Integer.parseInt(m.group(1)), props.getProperty(key).strip());
      }
    }
    if (!whole.isEmpty() && !list.isEmpty()) {
      throw new IllegalArgumentException(
          "ray.job.jvm-options and ray.job.jvm-options.N are both set: give the job's JVM options"
              + " one way, as one value separated by spaces or as the list .0, .1, ...");
    }
    List<String> out = new ArrayList<>();
    if (!whole.isEmpty()) {
      out.addAll(List.of(whole.split("\\s+")));
    }
    list.forEach(
        (n, v) -> {
          if (v.isEmpty() || !v.startsWith("-") || v.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                "ray.job.jvm-options."
                    + n
                    + "='"
                    + v
                    + "' is not one JVM option: each entry is one option starting with '-',"
                    + " without spaces (e.g. -Dkey=value or -Xss4m)");
          }
          out.add(v);
        });
    return out;
  }

  /**
   * The head args that shape a node, as {@code NodeMain}'s flags: {@code --num-cpus}, {@code
   * --object-store-memory}, {@code --resources} (with {@code --num-gpus} as {@code GPU}) and {@code
   * --labels} ({@code k=v,...}).
   */
  private static List<String> nodeFlags(List<String> args, Map<String, String> labels) {
    Map<String, Double> resources = new TreeMap<>();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String flag = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        flag = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else if (arg.startsWith("--") && i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      }
      switch (flag) {
        case "--num-cpus" -> out.addAll(List.of("--num-cpus", plain(number(flag, value))));
        case "--num-gpus" -> resources.put("GPU", number(flag, value));
        case "--resources" -> resources.putAll(resources(value));
        case "--object-store-memory" ->
            out.addAll(List.of("--object-store-memory", Long.toString((long) number(flag, value))));
        default -> {} // labels are taken whole below; the rest have no node meaning
      }
    }
    if (!resources.isEmpty()) {
      StringBuilder json = new StringBuilder("{");
      resources.forEach(
          (k, v) ->
              json.append(json.length() > 1 ? ", " : "")
                  .append('"')
                  .append(k)
                  .append("\": ")
                  .append(v));
      out.addAll(List.of("--resources", json.append('}').toString()));
    }
    if (!labels.isEmpty()) {
      StringBuilder kv = new StringBuilder();
      labels.forEach(
          (k, v) -> kv.append(kv.length() > 0 ? "," : "").append(k).append('=').append(v));
      out.addAll(List.of("--labels", kv.toString()));
    }
    return out;
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static List<String> headArgs(Properties props) {
    TreeMap<Integer, String> byIndex = new TreeMap<>();
    for (String key : props.stringPropertyNames()) {
      Matcher m = HEAD_ARG.matcher(key);
      if (m.matches()) {
        byIndex.put(Integer.parseInt(m.group(1)), props.getProperty(key).trim());
      }
    }
    return new ArrayList<>(byIndex.values());
  }

  private static List<String> applyHeadArgs(
      List<String> args, MantaConfig.Builder b, Map<String, String> labels) {
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String flag = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        flag = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else if (arg.startsWith("--") && i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      }
      switch (flag) {
        case "--num-cpus" -> b.numCpus(number(flag, value));
        case "--num-gpus" -> b.resource("GPU", number(flag, value));
        case "--resources" -> resources(value).forEach(b::resource);
        case "--object-store-memory" -> b.objectStoreBytes((long) number(flag, value));
        case "--labels" -> labels.putAll(labels(value));
        default -> ignored.add(value == null ? arg : flag + "=" + value);
      }
    }
    return ignored;
  }

  private static double number(String flag, String value) {
    try {
      return Double.parseDouble(Objects.requireNonNull(value, flag).trim());
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException(
          "ray.head-args: " + flag + " needs a number, e.g. " + flag + "=4; was '" + value + "'",
          e);
    }
  }

  private static final Pattern LABEL =
      Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** Parses {@code {"zone": "a", "disk": "ssd"}}, the JSON object Ray's {@code --labels} takes. */
  static Map<String, String> labels(String json) {
    String s = json == null ? "" : json.trim();
    String bad =
        "ray.head-args: --labels needs a JSON object of strings such as {\"zone\": \"a\"}, was '"
            + json
            + "'";
    if (!s.startsWith("{") || !s.endsWith("}")) {
      throw new IllegalArgumentException(bad);
    }
    Map<String, String> out = new TreeMap<>();
    String inner = s.substring(1, s.length() - 1).trim();
    Matcher m = LABEL.matcher(inner);
    int end = 0;
    while (m.find()) {
      String between = inner.substring(end, m.start()).trim();
      if (!between.isEmpty() && !between.equals(",")) {
        break;
      }
      out.put(m.group(1), m.group(2));
      end = m.end();
    }
    if (!inner.substring(end).isBlank()) {
      throw new IllegalArgumentException(bad);
    }
    return out;
  }

  /** Parses {@code {"A": 2, "B": 0.5}}, the JSON object Ray's {@code --resources} takes. */
  static Map<String, Double> resources(String json) {
    String s = json == null ? "" : json.trim();
    if (!s.startsWith("{") || !s.endsWith("}")) {
      throw new IllegalArgumentException(
          "ray.head-args: --resources needs a JSON object such as {\"GPU\": 2}, was '"
              + json
              + "'");
    }
    Map<String, Double> out = new TreeMap<>();
    String inner = s.substring(1, s.length() - 1).trim();
    Matcher m = RESOURCE.matcher(inner);
    int end = 0;
    while (m.find()) {
      String between = inner.substring(end, m.start()).trim();
      if (!between.isEmpty() && !between.equals(",")) {
        break;
      }
      out.put(m.group(1), number("--resources \"" + m.group(1) + "\"", m.group(2)));
      end = m.end();
    }
    if (!inner.substring(end).isBlank()) {
      throw new IllegalArgumentException(
          "ray.head-args: --resources needs a JSON object of numbers such as {\"GPU\": 2}, was '"
              + json
              + "'");
    }
    return out;
  }
}
