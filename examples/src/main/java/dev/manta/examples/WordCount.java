package dev.manta.examples;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Word count: tasks count the words of chunks of text files in parallel, and an actor adds their
 * counts up.
 *
 * <pre>
 * bin/example wordcount [DIRECTORY]            # embedded runtime
 * bin/example wordcount [DIRECTORY] --cluster  # the same program as a cluster driver
 * </pre>
 *
 * <p>Without a directory it counts three short texts bundled with the examples. What it shows:
 *
 * <ul>
 *   <li>a remote task is a plain static method ({@link #countWords}), submitted with {@code
 *       Manta.task(WordCount::countWords, text).remote()}, which returns at once;
 *   <li>an actor ({@link WordTotals}) holds state; its methods run one call at a time, so it needs
 *       no locks;
 *   <li>a task's {@link ObjectRef} can be an actor call's argument: the actor receives the value
 *       once the task has finished, and the driver never waits for the partial counts itself.
 * </ul>
 *
 * <p>The driver reads the files and sends their text: on a cluster the tasks may run on machines
 * that do not have the files.
 */
public final class WordCount {
  /** Lines per task: a big file becomes many tasks, a small one a single task. */
  static final int LINES_PER_CHUNK = 10;

  /** The texts counted when no directory is given (resources next to this class). */
  static final List<String> BUNDLED = List.of("harbour.txt", "orchard.txt", "workshop.txt");

  /** A word: letters and digits, with inner apostrophes ({@code don't}, {@code harbour's}). */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}\\p{N}]+)*");

  private WordCount() {}

  /** A file's name and its lines. */
  record Document(String name, List<String> lines) {}

  /** A word and how often it occurs. */
  public record Count(String word, long count) {}

  /**
   * What a run found.
   *
   * @param files the files counted
   * @param lines their lines
   * @param tasks the tasks that counted them (one per chunk of {@link #LINES_PER_CHUNK} lines)
   * @param words all words, repeats included
   * @param distinct different words
   * @param top the most frequent words, most frequent first (ties in alphabetical order)
   */
  public record Result(
      int files, int lines, int tasks, long words, int distinct, List<Count> top) {}

  /** The remote task: counts the words of one chunk of text, case-insensitively. */
  static Map<String, Long> countWords(String text) {
    Map<String, Long> counts = new HashMap<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      counts.merge(m.group(), 1L, Long::sum);
    }
    return counts;
  }

  /**
   * The aggregating actor: adds up the counts of every chunk. Manta runs one call at a time (the
   * default {@code maxConcurrency} of 1), in the order the calls were sent, so plain fields do.
   */
  public static final class WordTotals {
    private final Map<String, Long> totals = new HashMap<>();
    private long words;

    /** An empty tally. */
    public WordTotals() {}

    /** Adds one chunk's counts; returns how many different words it knows now. */
    public int add(Map<String, Long> counts) {
      counts.forEach(
          (word, n) -> {
            totals.merge(word, n, Long::sum);
            words += n;
          });
      return totals.size();
    }

    /** All words counted, repeats included. */
    public long words() {
      return words;
    }

    /** Different words counted. */
    public int distinct() {
      return totals.size();
    }

    /** The {@code n} most frequent words, most frequent first, ties in alphabetical order. */
    public List<Count> top(int n) {
      return totals.entrySet().stream()
          .map(e -> new Count(e.getKey(), e.getValue()))
          .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::word))
          .limit(n)
          .toList();
    }
  }

  /**
   * Counts the words of {@code docs} with one task per chunk of {@link #LINES_PER_CHUNK} lines and
   * a {@link WordTotals} actor. Manta must be initialized.
   */
  static Result run(List<Document> docs, int topN) {
    ActorHandle<WordTotals> totals = Manta.actor(WordTotals::new).remote();
    List<ObjectRef<Integer>> added = new ArrayList<>();
    int lines = 0;
    for (Document doc : docs) {
      lines += doc.lines().size();
      for (int from = 0; from < doc.lines().size(); from += LINES_PER_CHUNK) {
        int to = Math.min(from + LINES_PER_CHUNK, doc.lines().size());
        String chunk = String.join("\n", doc.lines().subList(from, to));
        // The task starts as soon as a CPU is free; remote() returns its ref at once.
        ObjectRef<Map<String, Long>> counts = Manta.task(WordCount::countWords, chunk).remote();
        // A ref as an argument: the actor gets the map when the task has produced it.
        added.add(totals.task(WordTotals::add, counts).remote());
      }
    }
    Manta.get(added); // every chunk has been added (a failed task would throw here)
    long words = totals.task(WordTotals::words).remote().get();
    int distinct = totals.task(WordTotals::distinct).remote().get();
    List<Count> top = totals.task(WordTotals::top, topN).remote().get();
    totals.kill(); // or just drop the handle: an unnamed actor stops when its last handle goes
    return new Result(docs.size(), lines, added.size(), words, distinct, top);
  }

  /** Reads every regular file of {@code dir} (not its subfolders), in name order, as UTF-8. */
  static List<Document> readDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "'" + dir + "' is not a directory; pass a folder of text files, or nothing");
    }
    List<Document> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        docs.add(new Document(f.getFileName().toString(), Files.readAllLines(f)));
      }
    }
    return docs;
  }

  /** The bundled texts. */
  static List<Document> bundled() {
    List<Document> docs = new ArrayList<>();
    for (String name : BUNDLED) {
      try (InputStream in = WordCount.class.getResourceAsStream("texts/" + name)) {
        if (in == null) {
          throw new IllegalStateException("Bundled text texts/" + name + " is missing");
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        docs.add(new Document(name, text.lines().toList()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return docs;
  }

  /** Counts the files of the directory {@code args[0]}, or the bundled texts. */
  public static void main(String[] args) throws IOException {
    List<Document> docs = args.length > 0 ? readDirectory(Path.of(args[0])) : bundled();
    Manta.init(); // embedded, or a cluster driver when MANTA_ADDRESS is set
    try {
      var context = Manta.runtimeContext();
      System.out.printf(
          "Word count on %s, %.0f CPUs%n",
          context.isEmbedded()
              ? "the embedded runtime"
              : "a cluster, driver on node " + context.nodeId(),
          context.totalResources().getOrDefault("CPU", 0.0));
      long start = System.nanoTime();
      Result r = run(docs, 10);
      System.out.printf(
          "%d files, %,d lines -> %d tasks of up to %d lines, added up by one actor%n",
          r.files(), r.lines(), r.tasks(), LINES_PER_CHUNK);
      System.out.printf("%,d words, %,d distinct%n", r.words(), r.distinct());
      StringBuilder top = new StringBuilder("top " + r.top().size() + ":");
      for (Count c : r.top()) {
        top.append(' ').append(c.word()).append('=').append(c.count());
      }
      System.out.println(top);
      System.out.printf("done in %.2f s%n", (System.nanoTime() - start) / 1e9);
    } finally {
      Manta.shutdown();
    }
  }
}
