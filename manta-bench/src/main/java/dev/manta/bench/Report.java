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
  /** Why {@code manta_cluster} is null when no cluster run was merged. */
  static final String NO_CLUSTER = "cluster mode not run (bin/bench-compare --cluster)";

  /** The cluster-mode target: at least this many times Ray on every task and actor row. */
  static final double CLUSTER_TARGET = 10.0;

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
   * @param note why an embedded Manta value is missing, or null
   * @param cluster Manta's cluster-mode mean, or null
   * @param clusterStd its std-dev, or null
   * @param clusterNote why a cluster-mode value is missing, or null
   */
  record Merged(
      String name,
      String unit,
      Double ray,
      Double rayStd,
      Double manta,
      Double mantaStd,
      String note,
      Double cluster,
      Double clusterStd,
      String clusterNote) {
    /** Manta (embedded) / Ray, or null when either is missing. */
    Double ratio() {
      return ray != null && manta != null && ray > 0 ? manta / ray : null;
    }

    /** Manta (cluster) / Ray, or null when either is missing. */
    Double clusterRatio() {
      return ray != null && cluster != null && ray > 0 ? cluster / ray : null;
    }

    /**
     * Whether the cluster target applies: the task and actor rows (name mentions a task or an
     * actor) that Ray has a figure for, Ray Client's remote-driver rows excepted. A row of Manta's
     * own (the actor-creation rows: Ray cannot hold their actors here) has no ratio to hold to a
     * target.
     */
    boolean isTaskOrActorRow() {
      return ray != null
          && !name.startsWith("client:")
          && (name.contains("task") || name.contains("actor"));
    }

    /** A task or actor row whose cluster ratio is missing or under {@link #CLUSTER_TARGET}. */
    boolean missesClusterTarget() {
      return isTaskOrActorRow() && (clusterRatio() == null || clusterRatio() < CLUSTER_TARGET);
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("unit", unit);
      m.put("ray", ray);
      m.put("ray_std", rayStd);
      m.put("manta_embedded", manta);
      m.put("manta_embedded_std", mantaStd);
      m.put("manta_cluster", cluster);
      m.put("manta_cluster_std", clusterStd);
      m.put("ratio", ratio());
      m.put("ratio_cluster", clusterRatio());
      if (note != null) {
        m.put("note", note);
      }
      if (clusterNote != null) {
        m.put("manta_cluster_note", clusterNote);
      }
      return m;
    }
  }

  /** {@link #merge(Map, Map, Map)} without a cluster run. */
  static List<Merged> merge(Map<String, Object> rayDoc, Map<String, Object> mantaDoc) {
    return merge(rayDoc, mantaDoc, null);
  }

  /**
   * Merges the rows of the runs, in Ray's printed order (rows only one side has included); {@code
   * clusterDoc} is the cluster-mode run, or null.
   */
  static List<Merged> merge(
      Map<String, Object> rayDoc, Map<String, Object> mantaDoc, Map<String, Object> clusterDoc) {
    Map<String, Map<String, Object>> ray = rowsByName(rayDoc);
    Map<String, Map<String, Object>> manta = rowsByName(mantaDoc);
    Map<String, Map<String, Object>> cluster =
        clusterDoc == null ? Map.of() : rowsByName(clusterDoc);
    Set<String> names = new LinkedHashSet<>();
    for (Row r : RayRows.all()) {
      if (ray.containsKey(r.name())
          || manta.containsKey(r.name())
          || cluster.containsKey(r.name())) {
        names.add(r.name());
      }
    }
    names.addAll(ray.keySet());
    names.addAll(manta.keySet());
    names.addAll(cluster.keySet());
    List<Merged> out = new ArrayList<>();
    for (String name : names) {
      Map<String, Object> r = ray.getOrDefault(name, Map.of());
      Map<String, Object> m = manta.getOrDefault(name, Map.of());
      Map<String, Object> c = cluster.getOrDefault(name, Map.of());
      String clusterNote =
          clusterDoc == null ? NO_CLUSTER : noteOf(c, "not run in cluster mode (filtered out)");
      out.add(
          new Merged(
              name,
              Row.unitOf(name),
              number(r.get("mean")),
              number(r.get("std")),
              number(m.get("mean")),
              number(m.get("std")),
              noteOf(m, "not run on Manta (filtered out)"),
              number(c.get("mean")),
              number(c.get("std")),
              clusterNote));
    }
    return out;
  }

  private static String noteOf(Map<String, Object> row, String ifAbsent) {
    String note = (String) row.get("note");
    if (row.isEmpty()) {
      return ifAbsent;
    }
    if (note == null && row.get("mean") == null) {
      return "no Manta result";
    }
    return note;
  }

  /** Geometric mean of the cluster ratios of the rows both sides measured, or NaN if none. */
  static double geometricMeanClusterRatio(List<Merged> rows) {
    return geometricMean(rows.stream().map(Merged::clusterRatio).toList());
  }

  /** Geometric mean of the ratios of the rows both sides measured, or NaN if none. */
  static double geometricMeanRatio(List<Merged> rows) {
    return geometricMean(rows.stream().map(Merged::ratio).toList());
  }

  private static double geometricMean(List<Double> ratios) {
    double logSum = 0;
    int n = 0;
    for (Double q : ratios) {
      if (q != null && q > 0) {
        logSum += Math.log(q);
        n++;
      }
    }
    return n == 0 ? Double.NaN : Math.exp(logSum / n);
  }

  /** The console table: row, Ray, Manta embedded and cluster, and their ratios to Ray. */
  static String table(List<Merged> rows) {
    int w = 10;
    for (Merged r : rows) {
      w = Math.max(w, r.name().length());
    }
    String fmt = "%-" + w + "s  %5s  %12s  %12s  %8s  %12s  %8s%n";
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT, fmt, "row", "unit", "Ray", "embedded", "ratio", "cluster", "ratio"));
    for (Merged r : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              fmt,
              r.name(),
              r.unit(),
              format(r.ray()),
              r.manta() != null ? format(r.manta()) : "n/a",
              ratio(r.ratio()),
              r.cluster() != null ? format(r.cluster()) : "n/a",
              ratio(r.clusterRatio())));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "geometric mean of ratios (rows both measured): embedded %.2fx, cluster %.2fx%n",
            geometricMeanRatio(rows),
            geometricMeanClusterRatio(rows)));
    return sb.toString();
  }

  private static String ratio(Double q) {
    return q != null ? String.format(Locale.ROOT, "%.2fx", q) : "—";
  }

  /** {@link #json(List, Map, Map, Map, String)} without a cluster run. */
  static Map<String, Object> json(
      List<Merged> rows, Map<String, Object> rayDoc, Map<String, Object> mantaDoc, String commit) {
    return json(rows, rayDoc, mantaDoc, null, commit);
  }

  /** {@code docs/benchmarks.json}. */
  static Map<String, Object> json(
      List<Merged> rows,
      Map<String, Object> rayDoc,
      Map<String, Object> mantaDoc,
      Map<String, Object> clusterDoc,
      String commit) {
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
    manta.put("date", mantaDoc.get("date"));
    manta.put("duration_s", mantaDoc.get("duration_s"));
    doc.put("manta", manta);
    if (clusterDoc != null) {
      Map<String, Object> cluster = new LinkedHashMap<>();
      cluster.put("mode", "cluster");
      cluster.put("command", "bin/bench --cluster");
      cluster.put("cluster", clusterDoc.get("cluster"));
      cluster.put("timing", clusterDoc.get("timing"));
      cluster.put("date", clusterDoc.get("date"));
      cluster.put("duration_s", clusterDoc.get("duration_s"));
      doc.put("manta_cluster", cluster);
    }
    doc.put(
        "ratio",
        "ratio = manta_embedded / ray, ratio_cluster = manta_cluster / ray; higher is better for"
            + " Manta");
    doc.put("geometric_mean_ratio", geometricMeanRatio(rows));
    if (clusterDoc != null) {
      doc.put("geometric_mean_ratio_cluster", geometricMeanClusterRatio(rows));
      doc.put(
          "cluster_target",
          String.format(
              Locale.ROOT,
              "manta_cluster >= %.0fx ray on every task and actor row",
              CLUSTER_TARGET));
      doc.put(
          "cluster_rows_under_target",
          rows.stream().filter(Merged::missesClusterTarget).map(Merged::name).toList());
    }
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
            "- Manta embedded: in-process runtime, numCpus %s, `bin/bench` (warm-up %s s, %s trials"
                + " of %s s); measured %s%n",
            integer(timing.get("num_cpus")),
            timing.get("warmup_s"),
            integer(timing.get("trials")),
            timing.get("trial_s"),
            manta.get("date")));
    if (doc.get("notes") instanceof List<?> notes) {
      for (Object n : notes) {
        md.append("- **Note:** ").append(n).append('\n');
      }
    }
    if (machine.containsKey("warning")) {
      md.append("- **Warning:** ").append(machine.get("warning")).append('\n');
    }
    md.append(
        String.format(
            Locale.ROOT,
            "- Geometric mean of the ratios over the rows both measured: **%.2fx**%n",
            geometricMeanRatio(rows)));
    Map<String, Object> cluster = (Map<String, Object>) doc.get("manta_cluster");
    if (cluster != null) {
      Map<String, Object> ct = (Map<String, Object>) cluster.getOrDefault("timing", Map.of());
      md.append(
          String.format(
              Locale.ROOT,
              "- Manta cluster: `bin/bench --cluster` (warm-up %s s, %s trials of %s s): one local"
                  + " head node with %s CPUs (`NodeMain` in its own JVM), the driver in another"
                  + " JVM joined with `Manta.init(\"manta://...\")`, tasks and actors in worker"
                  + " JVMs started by the node agent; same machine as Ray; measured %s%n",
              ct.get("warmup_s"),
              integer(ct.get("trials")),
              ct.get("trial_s"),
              integer(ct.get("num_cpus")),
              cluster.get("date")));
      md.append(
          String.format(
              Locale.ROOT,
              "- Geometric mean of the cluster ratios over the rows both measured: **%.2fx**%n",
              geometricMeanClusterRatio(rows)));
    }
    md.append('\n');
    md.append(
        "| Row | Unit | Ray | Manta (embedded) | Embedded / Ray | Manta (cluster) | Cluster / Ray"
            + " |\n");
    md.append("|---|---|--:|--:|--:|--:|--:|\n");
    for (Merged r : rows) {
      md.append("| ")
          .append(r.name())
          .append(" | ")
          .append(r.unit())
          .append(" | ")
          .append(withStd(r.ray(), r.rayStd()))
          .append(" | ")
          .append(
              r.manta() != null ? withStd(r.manta(), r.mantaStd()) : "— (" + brief(r.note()) + ")")
          .append(" | ")
          .append(ratio(r.ratio()))
          .append(" | ")
          .append(
              r.cluster() != null
                  ? withStd(r.cluster(), r.clusterStd())
                  : "— (" + brief(r.clusterNote()) + ")")
          .append(" | ")
          .append(ratio(r.clusterRatio()))
          .append(" |\n");
    }
    if (cluster != null) {
      md.append(
          String.format(
              Locale.ROOT,
              "%n## Cluster-mode target%n%nTarget: Manta in cluster mode at least **%.0fx** Ray on"
                  + " every task and actor row (rows whose name mentions tasks or actors; Ray"
                  + " Client rows excepted).%n%n",
              CLUSTER_TARGET));
      List<Merged> under = rows.stream().filter(Merged::missesClusterTarget).toList();
      if (under.isEmpty()) {
        md.append("Every task and actor row meets it.\n");
      } else {
        md.append("Rows under the target:\n\n");
        for (Merged r : under) {
          md.append("- ").append(r.name()).append(": ");
          if (r.clusterRatio() != null) {
            md.append(String.format(Locale.ROOT, "%.2fx", r.clusterRatio()));
          } else {
            md.append("no cluster figure (").append(brief(r.clusterNote())).append(')');
          }
          md.append('\n');
        }
      }
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
        - Ray's puts drop their ref at once (Python frees it on the spot), and Manta's do too,
          the gigabyte rows included: a dropped ref's object is freed when the GC clears the
          ref, and a full store collects and frees such objects before it spills anything.
          `single client put gigabytes, freed at once` (not a Ray row) calls `Manta.free`.
        - `actors created per second (1,000 actors, each answering one call)` (not a Ray row):
          each call creates 1,000 actors with `isolated(false)`, sends each one call, gets the
          answers and kills the actors; in cluster mode they share the job's actor JVM on the
          node (docs/cluster.md, Actor density); embedded, every actor lives in the driver.
          `actors created per second (10,000 actors on one node, each answering one call)` (the
          size of Ray's `many_actors` release test) is the same with 10,000 actors in one host.
        - Manta embedded runs in-process: no worker processes, no IPC, values copied through the
          serializer. Ray runs a driver, a raylet and worker processes with a shared-memory store.
          Manta cluster compares like with like: a head node and its node agent in one JVM, the
          driver in another, tasks and actors in worker JVMs (one per actor), calls over gRPC on
          loopback, objects in the node's shared-memory store.
        - Rows Manta cannot run yet are listed with their reason, not dropped.

        Regenerate: `bin/bench-compare --cluster` (runs Ray, ~20 min, and Manta embedded and
        cluster) or `bin/bench-compare --cluster --ray-json manta-bench/peers/ray/ray-results.json`
        to reuse a Ray run; `MANTA_BENCH_REUSE=1` reuses Manta's results in manta-bench/target.
        """);
    return md.toString();
  }

  /**
   * A note short enough for a table cell: a failure's outermost exception only (the JSON keeps the
   * whole chain), at most 240 characters.
   */
  static String brief(String note) {
    if (note == null) {
      return null;
    }
    int cause = note.indexOf(" <- ");
    String s = cause > 0 ? note.substring(0, cause) : note;
    return s.length() > 240 ? s.substring(0, 237) + "..." : s;
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
