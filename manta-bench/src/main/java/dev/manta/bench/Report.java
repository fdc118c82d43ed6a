package dev.manta.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The merge of a Ray run and a Manta run into one comparison: {@code docs/benchmarks.json}, {@code
 * docs/benchmarks.md} and the console table. Both inputs use the row shape of {@code
 * parse_microbenchmark.py} ({@code name}, {@code unit}, {@code mean}, {@code std}, optional {@code
 * note}).
 */
final class Report {
  /** Why {@code manta_cluster} is null in every row for now. */
  static final String NO_CLUSTER = "not built: cluster mode";

  private Report() {}

  /**
   * One merged row.
   *
   * @param name Ray's row name
   * @param unit "/s" or "GB/s"
   * @param ray Ray's mean, or null
   * @param rayStd Ray's std-dev, or null
   * @param manta Manta's (embedded) mean, or null
   * @param mantaStd Manta's std-dev, or null
   * @param note why a Manta value is missing, or null
   */
  record Merged(
      String name,
      String unit,
      Double ray,
      Double rayStd,
      Double manta,
      Double mantaStd,
      String note) {
    /** Manta / Ray, or null when either is missing. */
    Double ratio() {
      return ray != null && manta != null && ray > 0 ? manta / ray : null;
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("unit", unit);
      m.put("ray", ray);
      m.put("ray_std", rayStd);
      m.put("manta_embedded", manta);
      m.put("manta_embedded_std", mantaStd);
      m.put("manta_cluster", null);
      m.put("ratio", ratio());
      if (note != null) {
        m.put("note", note);
      }
      m.put("manta_cluster_note", NO_CLUSTER);
      return m;
    }
  }

  /** Merges the rows of both runs, in Ray's printed order (rows only one side has included). */
  static List<Merged> merge(Map<String, Object> rayDoc, Map<String, Object> mantaDoc) {
    Map<String, Map<String, Object>> ray = rowsByName(rayDoc);
    Map<String, Map<String, Object>> manta = rowsByName(mantaDoc);
    Set<String> names = new LinkedHashSet<>();
    for (Row r : RayRows.all()) {
      if (ray.containsKey(r.name()) || manta.containsKey(r.name())) {
        names.add(r.name());
      }
    }
    names.addAll(ray.keySet());
    names.addAll(manta.keySet());
    List<Merged> out = new ArrayList<>();
    for (String name : names) {
      Map<String, Object> r = ray.getOrDefault(name, Map.of());
      Map<String, Object> m = manta.getOrDefault(name, Map.of());
      String note = (String) m.get("note");
      if (m.isEmpty()) {
        note = "not run on Manta (filtered out)";
      } else if (note == null && m.get("mean") == null) {
        note = "no Manta result";
      }
      out.add(
          new Merged(
              name,
              Row.unitOf(name),
              number(r.get("mean")),
              number(r.get("std")),
              number(m.get("mean")),
              number(m.get("std")),
              note));
    }
    return out;
  }

  /** Geometric mean of the ratios of the rows both sides measured, or NaN if none. */
  static double geometricMeanRatio(List<Merged> rows) {
    double logSum = 0;
    int n = 0;
    for (Merged r : rows) {
      Double q = r.ratio();
      if (q != null && q > 0) {
        logSum += Math.log(q);
        n++;
      }
    }
    return n == 0 ? Double.NaN : Math.exp(logSum / n);
  }

  /** The console table: row, Ray, Manta, ratio. */
  static String table(List<Merged> rows) {
    int w = 10;
    for (Merged r : rows) {
      w = Math.max(w, r.name().length());
    }
    String fmt = "%-" + w + "s  %5s  %12s  %12s  %8s%n";
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, fmt, "row", "unit", "Ray", "Manta", "ratio"));
    for (Merged r : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              fmt,
              r.name(),
              r.unit(),
              format(r.ray()),
              r.manta() != null ? format(r.manta()) : "n/a",
              r.ratio() != null ? String.format(Locale.ROOT, "%.2fx", r.ratio()) : "—"));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "geometric mean of ratios (rows both measured): %.2fx%n",
            geometricMeanRatio(rows)));
    return sb.toString();
  }

  /** {@code docs/benchmarks.json}. */
  static Map<String, Object> json(
      List<Merged> rows, Map<String, Object> rayDoc, Map<String, Object> mantaDoc, String commit) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("date", mantaDoc.getOrDefault("date", null));
    doc.put("commit", commit);
    doc.put("machine", machine(rayDoc, mantaDoc));
    Map<String, Object> ray = new LinkedHashMap<>();
    ray.put("version", rayDoc.get("ray_version"));
    ray.put("command", "ray microbenchmark");
    ray.put("duration_s", rayDoc.get("duration_s"));
    doc.put("ray", ray);
    Map<String, Object> manta = new LinkedHashMap<>();
    manta.put("mode", "embedded");
    manta.put("command", "bin/bench");
    manta.put("timing", mantaDoc.get("timing"));
    manta.put("duration_s", mantaDoc.get("duration_s"));
    doc.put("manta", manta);
    doc.put("ratio", "manta_embedded / ray; higher is better for Manta");
    doc.put("geometric_mean_ratio", geometricMeanRatio(rows));
    List<Object> out = new ArrayList<>();
    for (Merged r : rows) {
      out.add(r.toJson());
    }
    doc.put("rows", out);
    return doc;
  }

  /** The machine of the Manta run, with the Python that ran Ray. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> machine(Map<String, Object> rayDoc, Map<String, Object> mantaDoc) {
    Map<String, Object> m =
        new LinkedHashMap<>((Map<String, Object>) mantaDoc.getOrDefault("machine", Map.of()));
    Map<String, Object> rm = (Map<String, Object>) rayDoc.getOrDefault("machine", Map.of());
    m.put("python", rm.get("python"));
    Object rayCores = rm.get("cores");
    if (rayCores instanceof Number rc
        && m.get("cores") instanceof Number mc
        && rc.intValue() != mc.intValue()) {
      m.put("warning", "Ray ran on " + rc.intValue() + " cores, Manta on " + mc.intValue());
    }
    return m;
  }

  /** {@code docs/benchmarks.md}. */
  @SuppressWarnings("unchecked")
  static String markdown(List<Merged> rows, Map<String, Object> doc) {
    Map<String, Object> machine = (Map<String, Object>) doc.get("machine");
    Map<String, Object> ray = (Map<String, Object>) doc.get("ray");
    Map<String, Object> manta = (Map<String, Object>) doc.get("manta");
    Map<String, Object> timing = (Map<String, Object>) manta.getOrDefault("timing", Map.of());
    StringBuilder md = new StringBuilder();
    md.append("# Manta vs Ray: Ray's microbenchmark rows\n\n");
    md.append(
        "<!-- Generated by bin/bench-compare from docs/benchmarks.json: do not edit by hand. -->\n\n");
    md.append(
        "Our performance claim is the **ratio** Manta / Ray, measured in one run on one machine;"
            + " never an absolute time. Higher is better for Manta.\n\n");
    md.append("- Date: ").append(doc.get("date")).append('\n');
    md.append("- Commit: `").append(doc.get("commit")).append("`\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- Machine: %s cores, %s GiB memory, %s; %s%n",
            integer(machine.get("cores")),
            machine.get("memory_gib"),
            machine.get("cpu_model"),
            machine.get("os")));
    md.append("- JDK: ").append(machine.get("jdk")).append('\n');
    md.append(
        String.format(
            Locale.ROOT,
            "- Ray: %s, `ray microbenchmark` unmodified, Python %s (manta-bench/peers/ray/run.sh)%n",
            ray.get("version"),
            machine.get("python")));
    md.append(
        String.format(
            Locale.ROOT,
            "- Manta: embedded runtime, numCpus %s, `bin/bench` (warm-up %s s, %s trials of %s s)%n",
            integer(timing.get("num_cpus")),
            timing.get("warmup_s"),
            integer(timing.get("trials")),
            timing.get("trial_s")));
    if (machine.containsKey("warning")) {
      md.append("- **Warning:** ").append(machine.get("warning")).append('\n');
    }
    md.append(
        String.format(
            Locale.ROOT,
            "- Geometric mean of the ratios over the rows both measured: **%.2fx**%n%n",
            geometricMeanRatio(rows)));
    md.append("| Row | Unit | Ray | Manta (embedded) | Manta / Ray | Manta (cluster) |\n");
    md.append("|---|---|--:|--:|--:|---|\n");
    for (Merged r : rows) {
      md.append("| ")
          .append(r.name())
          .append(" | ")
          .append(r.unit())
          .append(" | ")
          .append(withStd(r.ray(), r.rayStd()))
          .append(" | ")
          .append(r.manta() != null ? withStd(r.manta(), r.mantaStd()) : "— (" + r.note() + ")")
          .append(" | ")
          .append(r.ratio() != null ? String.format(Locale.ROOT, "%.2fx", r.ratio()) : "—")
          .append(" | — (")
          .append(NO_CLUSTER)
          .append(") |\n");
    }
    md.append(
        """

        ## How to read this

        - Same rows, names and semantics as Ray 2.58's `ray microbenchmark`
          (`manta-bench/peers/ray/WORKLOADS.md` describes every row): batch sizes (1000 tasks or
          calls; 10 × 100 small puts; 800 MiB and 10 × 10 × 80 MiB puts; 10,000 refs in one
          object), client counts, sync (one call, then get) vs async (a batch, then one get).
        - Both sides use Ray's timing loop: a warm-up, then trials of a fixed duration, the clock
          read every ~1/10 s of calls; mean ± population standard deviation of the trial rates.
          Ray also idles 10 s before each row; Manta runs a `System.gc()` between rows.
        - Units: `/s` counts what Ray counts: `single client tasks and get batch` and
          `single client wait 1k refs` are batches of 1000 per second; `GB/s` uses Ray's GB of
          1000 MiB.
        - "Multi client" rows use what Ray uses, on Manta: the clients are actors
          (`multi client tasks async`: 4 actors each submitting 10,000 tasks) or tasks
          (`multi client put ...`: 10 tasks; `n:n ...`: 4 caller tasks), all in the one JVM.
          `1:n` / `n:n` rows use `max(1, cores / 2)` server actors, as Ray's `n_cpu`.
        - An `async-actor` is a Manta actor whose methods return a `CompletionStage`, called with
          `taskAsync`, concurrency 1000 (asyncio's default in Ray).
        - Ray's puts drop their ref at once (Python frees it on the spot). Manta frees small
          dropped objects when the GC clears their ref; the gigabyte rows call `Manta.free` right
          after each put.
        - Manta runs in-process (embedded): no worker processes, no IPC, values copied through the
          serializer. Ray runs a driver, a raylet and worker processes with a shared-memory store.
          The `manta_cluster` column will compare like with like once cluster mode exists.
        - Rows Manta cannot run yet are listed with their reason, not dropped.

        Regenerate: `bin/bench-compare` (runs Ray, ~20 min, and Manta, ~7 min) or
        `bin/bench-compare --ray-json manta-bench/peers/ray/ray-results.json` to reuse a Ray run.
        """);
    return md.toString();
  }

  /** A rate with about four significant digits, no exponent. */
  static String format(Double x) {
    if (x == null || x.isNaN()) {
      return "—";
    }
    double a = Math.abs(x);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", x);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.1f", x);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", x);
    }
    return String.format(Locale.ROOT, "%.3f", x);
  }

  private static String withStd(Double mean, Double std) {
    if (mean == null) {
      return "—";
    }
    return std == null ? format(mean) : format(mean) + " ± " + format(std);
  }

  private static Object integer(Object n) {
    return n instanceof Number x ? (Object) x.intValue() : n;
  }

  private static Double number(Object o) {
    return o instanceof Number n ? n.doubleValue() : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> rowsByName(Map<String, Object> doc) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    Object rows = doc.get("rows");
    if (!(rows instanceof List<?> list)) {
      throw new IllegalArgumentException("the results have no \"rows\" list");
    }
    for (Object o : list) {
      Map<String, Object> row = (Map<String, Object>) o;
      out.putIfAbsent((String) row.get("name"), row);
    }
    return out;
  }
}
