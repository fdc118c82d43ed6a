package dev.manta.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed generated code is what {@link GenerateCalls} writes, whitespace aside
 * (google-java-format reflows the generator's output, Javadoc included). Fails naming the file, the
 * first place that differs and the command that regenerates the files.
 */
class GeneratedCallsTest {
  private static final Path ROOT = GenerateCalls.findRoot(Path.of("").toAbsolutePath());

  @Test
  void committedFiles_matchTheGenerator() throws IOException {
    List<String> problems = new ArrayList<>();
    for (GenerateCalls.Part part : GenerateCalls.parts()) {
      Path file = ROOT.resolve(part.path());
      String committed = Files.exists(file) ? GenerateCalls.read(file) : null;
      if (committed == null && part.region() == null) {
        problems.add(part.path() + " is missing.");
        continue;
      }
      String expected;
      try {
        expected = part.applyTo(committed);
      } catch (IllegalStateException e) {
        problems.add(e.getMessage() + ".");
        continue;
      }
      String difference = firstDifference(committed, expected);
      if (difference != null) {
        problems.add(part.path() + " differs from the generator " + difference);
      }
    }
    for (String stale : GenerateCalls.stale(ROOT, GenerateCalls.parts())) {
      problems.add(stale + " is generated but the generator no longer writes it.");
    }
    assertThat(problems).withFailMessage(() -> report(problems)).isEmpty();
  }

  @Test
  void firstDifference_ignoresReflowedWhitespaceAndJavadocMargins() {
    String generated =
        """
        /** A comment that the formatter will wrap because it is long. */
        static <T0, R> TaskCall<R> task(Fn1<T0, R> fn, T0 a0) {
          return runtime().newTask(fn, new Object[] {a0}, 0L);
        }
        """;
    String formatted =
        """
          /**
           * A comment that the formatter
           * will wrap because it is long.
           */
          static <T0, R> TaskCall<R> task(
              Fn1<T0, R> fn,
              T0 a0) {
            return runtime()
                .newTask(fn, new Object[] {a0}, 0L);
          }
        """;

    assertThat(firstDifference(formatted, generated)).isNull();
  }

  @Test
  void firstDifference_namesTheCommittedLineAndBothTexts() {
    String generated = "class A {\n  int f() {\n    return 1;\n  }\n}\n";
    String committed = "class A {\n  int f() {\n    return 2;\n  }\n}\n";

    assertThat(firstDifference(committed, generated))
        .contains("at line 3")
        .contains("committed: return 2;")
        .contains("generator: return 1;");
  }

  @Test
  void firstDifference_reportsMissingEnd() {
    assertThat(firstDifference("int a;\n", "int a;\nint b;\n"))
        .contains("at line 2")
        .contains("committed: (end of file)")
        .contains("generator: int b;");
  }

  private static String report(List<String> problems) {
    return "The generated code does not match its generator, "
        + GenerateCalls.SELF
        + " (the source of truth: change the generator, not the generated files):\n  "
        + String.join("\n  ", problems)
        + "\nRegenerate from the repository root with:\n  "
        + GenerateCalls.REGENERATE
        + "\n";
  }

  /**
   * Where {@code committed} first differs from {@code generated} once whitespace and the leading
   * {@code *} of comment lines are dropped, described for a failure message; null if nowhere.
   */
  static String firstDifference(String committed, String generated) {
    Normalized c = Normalized.of(committed);
    Normalized g = Normalized.of(generated);
    int n = Math.min(c.chars.length(), g.chars.length());
    int i = 0;
    while (i < n && c.chars.charAt(i) == g.chars.charAt(i)) {
      i++;
    }
    if (i == c.chars.length() && i == g.chars.length()) {
      return null;
    }
    int cLine = i < c.chars.length() ? c.lines[i] : c.lastLine() + 1;
    return "at line "
        + cLine
        + " (whitespace aside):\n    committed: "
        + c.line(i)
        + "\n    generator: "
        + g.line(i);
  }

  /**
   * The non-whitespace characters of a text, each with its line (from 1); the leading {@code *} of
   * a line inside a block comment is dropped, since the formatter rewraps comments.
   */
  private static final class Normalized {
    final StringBuilder chars = new StringBuilder();
    final String[] source;
    int[] lines = new int[64];

    private Normalized(String text) {
      source = text.split("\n", -1);
    }

    /** The line of the last non-whitespace character; 0 if there is none. */
    int lastLine() {
      return chars.length() == 0 ? 0 : lines[chars.length() - 1];
    }

    static Normalized of(String text) {
      Normalized out = new Normalized(text);
      boolean inComment = false;
      for (int ln = 0; ln < out.source.length; ln++) {
        String line = out.source[ln];
        int j = 0;
        while (j < line.length() && Character.isWhitespace(line.charAt(j))) {
          j++;
        }
        if (inComment && line.startsWith("*", j) && !line.startsWith("*/", j)) {
          j++;
        }
        while (j < line.length()) {
          if (!inComment && line.startsWith("//", j)) {
            out.add(line.substring(j), ln + 1);
            break;
          }
          if (!inComment && line.startsWith("/*", j)) {
            out.add("/*", ln + 1);
            inComment = true;
            j += 2;
          } else if (inComment && line.startsWith("*/", j)) {
            out.add("*/", ln + 1);
            inComment = false;
            j += 2;
          } else {
            out.add(line.substring(j, j + 1), ln + 1);
            j++;
          }
        }
      }
      return out;
    }

    private void add(String s, int line) {
      for (int k = 0; k < s.length(); k++) {
        char ch = s.charAt(k);
        if (!Character.isWhitespace(ch)) {
          if (chars.length() == lines.length) {
            lines = Arrays.copyOf(lines, lines.length * 2);
          }
          lines[chars.length()] = line;
          chars.append(ch);
        }
      }
    }

    /** The source line holding normalized character {@code i}, stripped; or the end. */
    String line(int i) {
      return i < chars.length() ? source[lines[i] - 1].strip() : "(end of file)";
    }
  }
}
