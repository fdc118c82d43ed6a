package dev.manta.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Merges a Ray run ({@code manta-bench/peers/ray/run.sh}), a Manta embedded run ({@code bin/bench
 * --json}) and optionally a Manta cluster-mode run ({@code bin/bench --cluster --json}) into one
 * table, {@code docs/benchmarks.json} and {@code docs/benchmarks.md}. {@code bin/bench-compare}
 * runs them and then this.
 *
 * <pre>
 * Compare --ray-json RAY.json --manta-json MANTA.json [--cluster-json CLUSTER.json]
 *         [--json OUT.json] [--md OUT.md] [--commit SHA] [--note TEXT]
 * </pre>
 *
 * <p>{@code --note} (repeatable) adds a line about the conditions of the run to both outputs.
 */
public final class Compare {
  private Compare() {}

  /** Entry point; prints the table (row, Ray, Manta, ratio) to standard output. */
  public static void main(String[] args) throws IOException {
    Path rayJson = null;
    Path mantaJson = null;
    Path clusterJson = null;
    Path outJson = null;
    Path outMd = null;
    String commit = "unknown";
    List<String> notes = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value; usage: " + usage());
      }
      String v = args[++i];
      switch (a) {
        case "--ray-json" -> rayJson = Path.of(v);
        case "--manta-json" -> mantaJson = Path.of(v);
        case "--cluster-json" -> clusterJson = Path.of(v);
        case "--json" -> outJson = Path.of(v);
        case "--md" -> outMd = Path.of(v);
        case "--commit" -> commit = v;
        case "--note" -> notes.add(v);
        default -> throw new IllegalArgumentException("unknown option '" + a + "'; " + usage());
      }
    }
    if (rayJson == null || mantaJson == null) {
      throw new IllegalArgumentException("--ray-json and --manta-json are required; " + usage());
    }
    Map<String, Object> ray = read(rayJson);
    Map<String, Object> manta = read(mantaJson);
    Map<String, Object> cluster = clusterJson == null ? null : read(clusterJson);
    List<Report.Merged> rows = Report.merge(ray, manta, cluster);
    System.out.print(Report.table(rows));
    Map<String, Object> doc = Report.json(rows, ray, manta, cluster, commit);
    if (!notes.isEmpty()) {
      doc.put("notes", List.copyOf(notes));
    }
    if (outJson != null) {
      write(outJson, Json.write(doc));
    }
    if (outMd != null) {
      write(outMd, Report.markdown(rows, doc));
    }
  }

  private static String usage() {
    return "usage: Compare --ray-json RAY.json --manta-json MANTA.json"
        + " [--cluster-json CLUSTER.json] [--json OUT.json] [--md OUT.md] [--commit SHA]"
        + " [--note TEXT]";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(Path p) throws IOException {
    Object doc = Json.parse(Files.readString(p, StandardCharsets.UTF_8));
    if (!(doc instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(p + " is not a JSON object");
    }
    return (Map<String, Object>) doc;
  }

  private static void write(Path p, String text) throws IOException {
    Path parent = p.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(p, text, StandardCharsets.UTF_8);
    System.err.println("wrote " + p);
  }
}
