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

/**
 * Runs Ray's {@code ray microbenchmark} rows on Manta's embedded runtime and prints a table; with
 * {@code --json FILE} also writes the rows as JSON in the shape of {@code
 * manta-bench/peers/ray/parse_microbenchmark.py}'s output ({@code name}, {@code unit}, {@code
 * mean}, {@code std}; a row Manta cannot run has {@code null}s and a {@code note}).
 *
 * <pre>
 * bin/bench [--quick] [--trials N] [--duration SEC] [--warmup SEC] [--idle SEC]
 *           [--filter TEXT] [--skip TEXT] [--scale F] [--cpus N] [--json FILE]
 * </pre>
 *
 * <p>Defaults are Ray's: 1 s warm-up, 4 trials of 2 s, mean and population std-dev of the trial
 * rates; {@code --quick} is 0.2 s and 2 × 0.5 s. Ray sleeps 10 s before each row; here {@code
 * --idle} defaults to 0 and a {@code System.gc()} runs between rows instead. Manta starts with
 * {@code numCpus} = the machine's cores, as {@code ray.init()} does.
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
   * @param cpus Manta's {@code numCpus}
   */
  record Options(Timing timing, Duration idle, String filter, String skip, double scale, int cpus) {
    static Options defaults() {
      return new Options(
          Timing.ray(), Duration.ZERO, "", "", 1.0, Runtime.getRuntime().availableProcessors());
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
    try (Workload w = row.setup().get().apply(sizes)) {
      Measurement m = o.timing().measure(w::call, w.multiplier());
      return new Result(row.name(), row.unit(), Optional.of(m), Optional.empty());
    } catch (RuntimeException e) {
      return new Result(
          row.name(), row.unit(), Optional.empty(), Optional.of("failed: " + describe(e)));
    } finally {
      System.gc(); // between rows, not inside a trial: each row starts from a collected heap
    }
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
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("runtime", "manta");
    doc.put("mode", "embedded");
    doc.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    doc.put("machine", Machine.describe());
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("warmup_s", o.timing().warmup().toMillis() / 1000.0);
    timing.put("trials", o.timing().trials());
    timing.put("trial_s", o.timing().trialDuration().toMillis() / 1000.0);
    timing.put("idle_s", o.idle().toMillis() / 1000.0);
    timing.put("scale", o.scale());
    timing.put("num_cpus", o.cpus());
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
    Options o = Options.defaults();
    Path json = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick" -> o = with(o, Timing.quick());
        case "--trials" ->
            o =
                with(
                    o,
                    new Timing(
                        o.timing().warmup(),
                        Integer.parseInt(value(args, ++i, a)),
                        o.timing().trialDuration()));
        case "--duration" ->
            o =
                with(
                    o, new Timing(o.timing().warmup(), o.timing().trials(), seconds(args, ++i, a)));
        case "--warmup" ->
            o =
                with(
                    o,
                    new Timing(
                        seconds(args, ++i, a), o.timing().trials(), o.timing().trialDuration()));
        case "--idle" ->
            o =
                new Options(
                    o.timing(), seconds(args, ++i, a), o.filter(), o.skip(), o.scale(), o.cpus());
        case "--filter" ->
            o =
                new Options(
                    o.timing(), o.idle(), value(args, ++i, a), o.skip(), o.scale(), o.cpus());
        case "--skip" ->
            o =
                new Options(
                    o.timing(), o.idle(), o.filter(), value(args, ++i, a), o.scale(), o.cpus());
        case "--scale" ->
            o =
                new Options(
                    o.timing(),
                    o.idle(),
                    o.filter(),
                    o.skip(),
                    Double.parseDouble(value(args, ++i, a)),
                    o.cpus());
        case "--cpus" ->
            o =
                new Options(
                    o.timing(),
                    o.idle(),
                    o.filter(),
                    o.skip(),
                    o.scale(),
                    Integer.parseInt(value(args, ++i, a)));
        case "--json" -> json = Path.of(value(args, ++i, a));
        case "-h", "--help" -> {
          System.out.println(
              "usage: bin/bench [--quick] [--trials N] [--duration SEC] [--warmup SEC] [--idle SEC]"
                  + " [--filter TEXT] [--skip TEXT] [--scale F] [--cpus N] [--json FILE]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown option '" + a + "'; try --help");
      }
    }
    System.err.printf(
        Locale.ROOT,
        "Manta microbenchmark: %d CPUs, warm-up %s, %d trials of %s, scale %s%n",
        o.cpus(),
        o.timing().warmup(),
        o.timing().trials(),
        o.timing().trialDuration(),
        o.scale());
    long start = System.nanoTime();
    List<Result> results = run(o, System.err);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.print(table(results));
    if (json != null) {
      Path parent = json.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(json, Json.write(toJson(results, o, took)), StandardCharsets.UTF_8);
      System.err.println("results -> " + json);
    }
    if (results.stream().anyMatch(r -> r.note().filter(n -> n.startsWith("failed")).isPresent())) {
      System.exit(1);
    }
  }

  private static Options with(Options o, Timing t) {
    return new Options(t, o.idle(), o.filter(), o.skip(), o.scale(), o.cpus());
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
