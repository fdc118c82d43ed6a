package dev.manta.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cost of observability, from {@code bin/bench-overhead}'s runs: a table of every row measured
 * in all runs, with the mean rate of the runs without {@code --observe} ("off"), of the runs with
 * it ("on"), their difference, and the noise the judgement rests on.
 *
 * <p>How a row is judged: each run gives one rate per row (the mean of its trials). The difference
 * is {@code mean(on) / mean(off) - 1}. The noise is the run-to-run spread of the off runs, {@code
 * (max - min) / mean}, the change that rerunning the same code on the same machine shows. A row is
 * <b>within 5%</b> when the difference is under 5% either way; <b>within noise</b> when it is
 * larger but under the noise (the runs cannot tell it from chance: more runs are needed for a
 * verdict); <b>slower</b> when {@code on} is lower by more than both. Faster-with-observing rows
 * are reported as they are, not hidden.
 *
 * <pre>
 * java -cp benchmarks.jar dev.manta.bench.Overhead --off A.json [--off B.json ...]
 *     --on C.json [--on D.json ...] [--md OUT.md]
 * </pre>
 */
public final class Overhead {
  private Overhead() {}

  /** Within this fraction either way a row's cost counts as nothing (the bound). */
  static final double BOUND = 0.05;

  /**
   * One row's figures.
   *
   * @param name Ray's row name
   * @param unit "/s" or "GB/s"
   * @param off the off runs' rates, one per run
   * @param on the on runs' rates, one per run
   */
  record Row(String name, String unit, List<Double> off, List<Double> on) {
    double offMean() {
      return mean(off);
    }

    double onMean() {
      return mean(on);
    }

    double difference() {
      return onMean() / offMean() - 1;
    }

    /** Run-to-run spread of the off runs: (max - min) / mean. */
    double noise() {
      double max = off.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      double min = off.stream().mapToDouble(Double::doubleValue).min().orElse(0);
      return (max - min) / offMean();
    }

    String verdict() {
      double d = difference();
      if (Math.abs(d) < BOUND) {
        return "within 5%";
      }
      if (Math.abs(d) <= noise()) {
        return "within noise";
      }
      return d < 0 ? "slower" : "faster";
    }

    private static double mean(List<Double> xs) {
      return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
  }

  /** Entry point; prints the table in Markdown, and writes it to {@code --md} when given. */
  public static void main(String[] args) throws IOException {
    List<Path> off = new ArrayList<>();
    List<Path> on = new ArrayList<>();
    Path md = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value; " + usage());
      }
      String v = args[++i];
      switch (a) {
        case "--off" -> off.add(Path.of(v));
        case "--on" -> on.add(Path.of(v));
        case "--md" -> md = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option '" + a + "'; " + usage());
      }
    }
    if (off.isEmpty() || on.isEmpty()) {
      throw new IllegalArgumentException("give at least one --off and one --on run; " + usage());
    }
    List<Map<String, Object>> offDocs = new ArrayList<>();
    for (Path p : off) {
      offDocs.add(read(p));
    }
    List<Map<String, Object>> onDocs = new ArrayList<>();
    for (Path p : on) {
      onDocs.add(read(p));
    }
    String text = markdown(rows(offDocs, onDocs), off.size(), on.size());
    System.out.print(text);
    if (md != null) {
      Files.writeString(md, text, StandardCharsets.UTF_8);
      System.err.println("wrote " + md);
    }
  }

  /** The rows every run measured, in the first off run's order. */
  static List<Row> rows(List<Map<String, Object>> offDocs, List<Map<String, Object>> onDocs) {
    Map<String, List<Double>> offRates = rates(offDocs);
    Map<String, List<Double>> onRates = rates(onDocs);
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, List<Double>> e : offRates.entrySet()) {
      String[] key = e.getKey().split("\u0000", 2);
      List<Double> o = onRates.get(e.getKey());
      if (e.getValue().size() == offDocs.size() && o != null && o.size() == onDocs.size()) {
        rows.add(new Row(key[0], key[1], e.getValue(), o));
      }
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<Double>> rates(List<Map<String, Object>> docs) {
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    for (Map<String, Object> doc : docs) {
      for (Object r : (List<Object>) doc.getOrDefault("rows", List.of())) {
        Map<String, Object> row = (Map<String, Object>) r;
        if (row.get("mean") instanceof Number mean) {
          rates
              .computeIfAbsent(row.get("name") + "\u0000" + row.get("unit"), k -> new ArrayList<>())
              .add(mean.doubleValue());
        }
      }
    }
    return rates;
  }

  static String markdown(List<Row> rows, int offRuns, int onRuns) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "| Row | Unit | Off (mean of %d runs) | On (mean of %d runs) | On / off | Noise (off"
                + " runs' spread) | Verdict |%n|---|---|--:|--:|--:|--:|---|%n",
            offRuns,
            onRuns));
    for (Row r : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %+.1f%% | %.1f%% | %s |%n",
              r.name(),
              r.unit(),
              Report.format(r.offMean()),
              Report.format(r.onMean()),
              100 * r.difference(),
              100 * r.noise(),
              r.verdict()));
    }
    long within = rows.stream().filter(r -> r.verdict().equals("within 5%")).count();
    long noise = rows.stream().filter(r -> r.verdict().equals("within noise")).count();
    long slower = rows.stream().filter(r -> r.verdict().equals("slower")).count();
    out.append(
        String.format(
            Locale.ROOT,
            "%n%d rows: %d within 5%%, %d within the noise of the off runs, %d slower, %d"
                + " faster.%n",
            rows.size(),
            within,
            noise,
            slower,
            rows.size() - within - noise - slower));
    return out.toString();
  }

  private static String usage() {
    return "usage: Overhead --off A.json [--off ...] --on B.json [--on ...] [--md OUT.md]";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(Path p) throws IOException {
    Object doc = Json.parse(Files.readString(p, StandardCharsets.UTF_8));
    if (!(doc instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(p + " is not a JSON object");
    }
    return (Map<String, Object>) doc;
  }
}
