package dev.manta.ray.example;

import io.ray.api.ActorHandle;
import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A plain Ray Java program: it imports {@code io.ray.api} only and knows nothing of Manta. Tasks
 * count words in lines, an actor merges the counts, a named actor is looked up by name. Run it with
 * Manta's {@code manta-ray-compat} jar on the class path instead of Ray's runtime (see the README).
 */
public final class WordCount {
  private static final Pattern NON_WORD = Pattern.compile("\\W+");

  private WordCount() {}

  /** Counts the words of one line (a Ray task). */
  public static Map<String, Integer> countWords(String line) {
    Map<String, Integer> counts = new TreeMap<>();
    NON_WORD
        .splitAsStream(line.toLowerCase(Locale.ROOT))
        .filter(w -> !w.isEmpty())
        .forEach(w -> counts.merge(w, 1, Integer::sum));
    return counts;
  }

  /** Merges counts (a Ray actor). */
  public static final class Totals {
    private final Map<String, Integer> totals = new TreeMap<>();

    public int merge(Map<String, Integer> counts) {
      counts.forEach((w, n) -> totals.merge(w, n, Integer::sum));
      return totals.size();
    }

    public Map<String, Integer> top(int n) {
      Map<String, Integer> out = new TreeMap<>();
      totals.entrySet().stream()
          .sorted((a, b) -> b.getValue() - a.getValue())
          .limit(n)
          .forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    }
  }

  public static void main(String[] args) {
    Ray.init();
    try {
      List<String> lines =
          List.of(
              "the quick brown fox", "jumps over the lazy dog", "the dog sleeps", "the fox runs");
      ActorHandle<Totals> totals = Ray.actor(Totals::new).setName("totals").remote();
      List<ObjectRef<Integer>> merged = new ArrayList<>();
      for (String line : lines) {
        ObjectRef<Map<String, Integer>> counts = Ray.task(WordCount::countWords, line).remote();
        merged.add(totals.task(Totals::merge, counts).remote());
      }
      Ray.get(merged);
      ActorHandle<Totals> byName = Ray.<ActorHandle<Totals>>getActor("totals").orElseThrow();
      System.out.println("top words: " + byName.task(Totals::top, 2).remote().get());
      System.out.println("local mode: " + Ray.getRuntimeContext().isLocalMode());
    } finally {
      Ray.shutdown();
    }
  }
}
