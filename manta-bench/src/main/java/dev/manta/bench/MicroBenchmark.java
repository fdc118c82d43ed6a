package dev.manta.bench;

import dev.manta.Manta;
import dev.manta.MantaConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs Ray's {@code ray microbenchmark} rows on Manta's embedded runtime and prints a table; with
 * {@code --json FILE} also writes the rows as JSON in the shape of {@code
 * manta-bench/peers/ray/parse_microbenchmark.py}'s output ({@code name}, {@code unit}, {@code
 * mean}, {@code std}; a row Manta cannot run has {@code null}s and a {@code note}).
 *
 * <pre>
 * bin/bench [--quick] [--trials N] [--duration SEC] [--warmup SEC] [--idle SEC]
 *           [--filter TEXT] [--skip TEXT] [--scale F] [--cpus N] [--row-timeout SEC]
 *           [--cluster [--store-bytes N] [--session-dir DIR]] [--observe] [--json FILE]
 * </pre>
 *
 * <p>With {@code --cluster} the rows run in cluster mode: a one-node local cluster ({@link
 * LocalCluster}: a head node with {@code --cpus} CPUs in its own JVM), this JVM the driver joined
 * with {@code Manta.init("manta://...")}, tasks and actors in the node's worker JVMs; the JSON says
 * {@code "mode": "cluster"}. A row that takes longer than {@code --row-timeout} (cluster default
 * 120 s) is given up and marked skipped.
 *
 * <p>Defaults are Ray's: 1 s warm-up, 4 trials of 2 s, mean and population std-dev of the trial
 * rates; {@code --quick} is 0.2 s and 2 × 0.5 s. Ray sleeps 10 s before each row; here {@code
 * --idle} defaults to 0 and a {@code System.gc()} runs between rows instead. Manta starts with
 * {@code numCpus} = the machine's cores, as {@code ray.init()} does.
 *
 * <p>{@code --observe} runs the rows with the observability a watched production run has on ({@link
 * Observe}: Micrometer metrics scraped every second, a JFR recording with Manta's events); the
 * JSON's {@code observe} field says what it recorded. {@code bin/bench-overhead} compares runs with
 * and without it ({@link Overhead}).
 */
public final class MicroBenchmark {
  private MicroBenchmark() {}

  /**
   * What to run and how.
   *
   * @param timing warm-up and trials
   * @param idle pause before each row (Ray: 10 s)
   * @param filter run only rows whose name contains this (Ray's {@code TESTS_TO_RUN}); "" for all
   * @param skip skip rows whose name contains this (Ray's {@code TESTS_TO_SKIP}); "" for none
   * @param scale multiplies every count and array size (1 = Ray's sizes)
   * @param cpus Manta's {@code numCpus} (in cluster mode: the head node's CPUs)
   * @param rowTimeout the most one row (set-up, warm-up and trials) may take before it is given up
   *     and marked skipped; zero for no limit
   */
  record Options(
      Timing timing,
      Duration idle,
      String filter,
      String skip,
      double scale,
      int cpus,
      Duration rowTimeout) {
    static Options defaults() {
      return new Options(
          Timing.ray(),
          Duration.ZERO,
          "",
          "",
          1.0,
          Runtime.getRuntime().availableProcessors(),
          Duration.ZERO);
    }

    boolean selects(String name) {
      return (filter.isEmpty() || name.contains(filter))
          && (skip.isEmpty() || !name.contains(skip));
    }
  }

  /**
   * One row's outcome.
   *
   * @param name Ray's row name
   * @param unit "/s" or "GB/s"
   * @param measurement the rates, when the row ran
   * @param note why there is no measurement ("not built: ..." or "failed: ...")
   */
  record Result(
      String name, String unit, Optional<Measurement> measurement, Optional<String> note) {
    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("unit", unit);
      m.put("mean", measurement.map(Measurement::mean).orElse(null));
      m.put("std", measurement.map(Measurement::std).orElse(null));
      measurement.ifPresent(x -> m.put("trials", x.trials()));
      note.ifPresent(n -> m.put("note", n));
      return m;
    }
  }

  /** Runs the selected rows; starts Manta for the run unless it is already initialized. */
  static List<Result> run(Options o, PrintStream progress) {
    boolean started = false;
    if (!Manta.isInitialized()) {
      Manta.init(MantaConfig.builder().numCpus(o.cpus()).build());
      started = true;
    }
    try {
      Sizes sizes = Sizes.ray(Runtime.getRuntime().availableProcessors()).scaled(o.scale());
      List<Result> results = new ArrayList<>();
      for (Row row : RayRows.all()) {
        if (!o.selects(row.name())) {
          continue;
        }
        Result r = runRow(row, sizes, o);
        progress.println(line(r));
        progress.flush();
        results.add(r);
      }
      return results;
    } finally {
      if (started) {
        Manta.shutdown();
      }
    }
  }

  private static Result runRow(Row row, Sizes sizes, Options o) {
    if (row.setup().isEmpty()) {
      return new Result(row.name(), row.unit(), Optional.empty(), row.notBuilt());
    }
    if (!o.idle().isZero()) {
      idle(o.idle());
    }
    try {
      if (o.rowTimeout().isZero()) {
        return measureRow(row, sizes, o);
      }
      return withTimeout(row, () -> measureRow(row, sizes, o), o.rowTimeout());
    } finally {
      System.gc(); // between rows, not inside a trial: each row starts from a collected heap
    }
  }

  private static Result measureRow(Row row, Sizes sizes, Options o) {
    try (Workload w = row.setup().orElseThrow().apply(sizes)) {
      Measurement m = o.timing().measure(w::call, w.multiplier());
      return new Result(row.name(), row.unit(), Optional.of(m), Optional.empty());
    } catch (RuntimeException e) {
      return new Result(
          row.name(), row.unit(), Optional.empty(), Optional.of("failed: " + describe(e)));
    }
  }

  /**
   * Runs {@code body} on its own thread and gives it {@code limit}; past that the row is marked
   * skipped and its thread interrupted and left behind (a daemon), so one stuck row does not hang
   * the run.
   */
  private static Result withTimeout(Row row, Supplier<Result> body, Duration limit) {
    AtomicReference<Result> out = new AtomicReference<>();
    AtomicReference<Throwable> error = new AtomicReference<>();
    Thread t =
        Thread.ofPlatform()
            .daemon()
            .name("bench-row")
            .start(
                () -> {
                  try {
                    out.set(body.get());
                  } catch (Throwable e) { // reported as the row's failure
                    error.set(e);
                  }
                });
    try {
      if (!t.join(limit)) {
        t.interrupt();
        return new Result(
            row.name(),
            row.unit(),
            Optional.empty(),
            Optional.of(
                "skipped: did not finish within "
                    + limit.toSeconds()
                    + " s (--row-timeout) and was given up"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      t.interrupt();
      return new Result(
          row.name(), row.unit(), Optional.empty(), Optional.of("failed: interrupted"));
    }
    if (error.get() != null) {
      return new Result(
          row.name(),
          row.unit(),
          Optional.empty(),
          Optional.of("failed: " + describe(error.get())));
    }
    return out.get();
  }

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(e.toString());
    int depth = 0;
    for (Throwable c = e.getCause(); c != null && depth < 5; c = c.getCause(), depth++) {
      sb.append(" <- ").append(c);
    }
    return sb.toString();
  }

  private static void idle(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One row as Ray prints it, or with its note. */
  static String line(Result r) {
    return r.measurement()
        .map(
            m ->
                String.format(
                    Locale.ROOT,
                    "%s per second %.2f +- %.2f%s",
                    r.name(),
                    m.mean(),
                    m.std(),
                    r.unit().equals("GB/s") ? " (GB/s)" : ""))
        .orElse(r.name() + ": " + r.note().orElse("no result"));
  }

  /** The rows as an aligned table: row, Manta mean ± std, unit. */
  static String table(List<Result> results) {
    int w = 10;
    for (Result r : results) {
      w = Math.max(w, r.name().length());
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-" + w + "s  %22s  %s%n", "row", "Manta", "unit"));
    for (Result r : results) {
      String value =
          r.measurement()
              .map(m -> Report.format(m.mean()) + " ± " + Report.format(m.std()))
              .orElse("—");
      sb.append(String.format(Locale.ROOT, "%-" + w + "s  %22s  %s", r.name(), value, r.unit()));
      r.note().ifPresent(n -> sb.append("  (").append(n).append(')'));
      sb.append(System.lineSeparator());
    }
    return sb.toString();
  }

  /** The whole run as a JSON document. */
  static Map<String, Object> toJson(List<Result> results, Options o, Duration took) {
    return toJson(results, o, took, "embedded");
  }

  /** The whole run as a JSON document; {@code mode} is "embedded" or "cluster". */
  static Map<String, Object> toJson(List<Result> results, Options o, Duration took, String mode) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("runtime", "manta");
    doc.put("mode", mode);
    doc.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    doc.put("machine", Machine.describe());
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("warmup_s", o.timing().warmup().toMillis() / 1000.0);
    timing.put("trials", o.timing().trials());
    timing.put("trial_s", o.timing().trialDuration().toMillis() / 1000.0);
    timing.put("idle_s", o.idle().toMillis() / 1000.0);
    timing.put("scale", o.scale());
    timing.put("num_cpus", o.cpus());
    if (!o.rowTimeout().isZero()) {
      timing.put("row_timeout_s", o.rowTimeout().toMillis() / 1000.0);
    }
    doc.put("timing", timing);
    List<Object> rows = new ArrayList<>();
    for (Result r : results) {
      rows.add(r.toJson());
    }
    doc.put("rows", rows);
    doc.put("duration_s", took.toMillis() / 1000.0);
    return doc;
  }

  /** Entry point of {@code bin/bench}; exits 1 if a row that should run failed. */
  public static void main(String[] args) throws IOException {
    Options d = Options.defaults();
    Timing timing = d.timing();
    Duration idle = d.idle();
    String filter = d.filter();
    String skip = d.skip();
    double scale = d.scale();
    int cpus = d.cpus();
    Duration rowTimeout = null;
    boolean cluster = false;
    long storeBytes = DEFAULT_CLUSTER_STORE_BYTES;
    boolean observe = false;
    Path session = Path.of("manta-bench", "target", "cluster-session");
    Path json = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick" -> timing = Timing.quick();
        case "--trials" ->
            timing =
                new Timing(
                    timing.warmup(), Integer.parseInt(value(args, ++i, a)), timing.trialDuration());
        case "--duration" ->
            timing = new Timing(timing.warmup(), timing.trials(), seconds(args, ++i, a));
        case "--warmup" ->
            timing = new Timing(seconds(args, ++i, a), timing.trials(), timing.trialDuration());
        case "--idle" -> idle = seconds(args, ++i, a);
        case "--filter" -> filter = value(args, ++i, a);
        case "--skip" -> skip = value(args, ++i, a);
        case "--scale" -> scale = Double.parseDouble(value(args, ++i, a));
        case "--cpus" -> cpus = Integer.parseInt(value(args, ++i, a));
        case "--row-timeout" -> rowTimeout = seconds(args, ++i, a);
        case "--cluster" -> cluster = true;
        case "--store-bytes" -> storeBytes = Long.parseLong(value(args, ++i, a));
        case "--session-dir" -> session = Path.of(value(args, ++i, a));
        case "--json" -> json = Path.of(value(args, ++i, a));
        case "--observe" -> observe = true;
        case "-h", "--help" -> {
          System.out.println(USAGE);
          return;
        }
        default -> throw new IllegalArgumentException("unknown option '" + a + "'; try --help");
      }
    }
    if (rowTimeout == null) {
      rowTimeout = cluster ? DEFAULT_CLUSTER_ROW_TIMEOUT : Duration.ZERO;
    }
    Options o = new Options(timing, idle, filter, skip, scale, cpus, rowTimeout);
    System.err.printf(
        Locale.ROOT,
        "Manta microbenchmark (%s): %d CPUs, warm-up %s, %d trials of %s, scale %s%n",
        cluster ? "cluster" : "embedded",
        o.cpus(),
        o.timing().warmup(),
        o.timing().trials(),
        o.timing().trialDuration(),
        o.scale());
    long start = System.nanoTime();
    List<Result> results;
    Map<String, Object> observed = null;
    if (cluster) {
      results = runOnCluster(o, session, storeBytes, observe);
    } else if (observe) {
      Manta.init(MantaConfig.builder().numCpus(o.cpus()).build());
      try {
        Observe watch = Observe.start(jfrFile(json));
        try {
          results = run(o, System.err);
        } finally {
          watch.close();
        }
        observed = watch.summary();
      } finally {
        Manta.shutdown();
      }
    } else {
      results = run(o, System.err);
    }
    if (observed != null) {
      System.err.println("[bench] observed: " + observed);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.print(table(results));
    if (json != null) {
      Path parent = json.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Map<String, Object> doc = toJson(results, o, took, cluster ? "cluster" : "embedded");
      if (cluster) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("nodes", 1);
        c.put("head_num_cpus", o.cpus());
        c.put("object_store_bytes", storeBytes);
        c.put("driver", "this JVM, joined with Manta.init(\"manta://...\")");
        c.put("workers", "worker JVMs started by the head's node agent");
        doc.put("cluster", c);
      }
      doc.put("observe", observed == null ? false : observed);
      Files.writeString(json, Json.write(doc), StandardCharsets.UTF_8);
      System.err.println("results -> " + json);
    }
    boolean failed =
        results.stream().anyMatch(r -> r.note().filter(n -> n.startsWith("failed")).isPresent());
    // A row given up may leave a stuck thread behind: exit rather than wait for it.
    System.exit(failed ? 1 : 0);
  }

  /** Default store of the benchmark cluster's head: room for the 800 MiB put and its copies. */
  static final long DEFAULT_CLUSTER_STORE_BYTES = 4L << 30;

  /** Default {@code --row-timeout} in cluster mode. */
  static final Duration DEFAULT_CLUSTER_ROW_TIMEOUT = Duration.ofMinutes(2);

  private static final String USAGE =
      "usage: bin/bench [--quick] [--trials N] [--duration SEC] [--warmup SEC] [--idle SEC]"
          + " [--filter TEXT] [--skip TEXT] [--scale F] [--cpus N] [--row-timeout SEC]"
          + " [--cluster [--store-bytes N] [--session-dir DIR]] [--observe] [--json FILE]";

  /** Where {@code --observe} writes its recording: beside the JSON, or under target/. */
  static Path jfrFile(Path json) {
    if (json == null) {
      return Path.of("manta-bench", "target", "bench-observe.jfr");
    }
    String name = json.getFileName().toString().replaceFirst("\\.json$", "");
    return json.resolveSibling(name + ".jfr");
  }

  /**
   * Starts a one-node local cluster (head with {@code o.cpus()} CPUs), joins it as the driver, runs
   * the rows, and stops the cluster, its workers included, whatever happens.
   */
  static List<Result> runOnCluster(Options o, Path session, long storeBytes, boolean observe)
      throws IOException {
    if (observe) {
      throw new IllegalArgumentException(
          "--observe is for the embedded runtime: on a cluster every node and worker JVM serves"
              + " its metrics already; record JFR there with MANTA_BENCH_NODE_OPTS and"
              + " JAVA_TOOL_OPTIONS (docs/observability.md)");
    }
    System.err.println("[bench] starting a local cluster, session " + session.toAbsolutePath());
    try (LocalCluster cluster = LocalCluster.start(session, o.cpus(), storeBytes)) {
      System.err.println("[bench] head at " + cluster.address());
      Manta.init(cluster.address());
      try {
        return run(o, System.err);
      } finally {
        Manta.shutdown();
      }
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static Duration seconds(String[] args, int i, String option) {
    return Duration.ofNanos(Math.round(Double.parseDouble(value(args, i, option)) * 1e9));
  }
}
