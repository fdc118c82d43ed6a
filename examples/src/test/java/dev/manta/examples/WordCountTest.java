package dev.manta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.examples.WordCount.Count;
import dev.manta.examples.WordCount.Document;
import dev.manta.examples.WordCount.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordCountTest {
  @BeforeEach
  void start() {
    Manta.init(MantaConfig.builder().numCpus(2).objectStoreBytes(64L << 20).build());
  }

  @AfterEach
  void stop() {
    Manta.shutdown();
  }

  @Test
  void countsTheWordsOfADirectory_acrossChunksAndFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.txt"), "The cat sat on the mat.\nThe dog didn't.\n");
    // 25 lines: three chunks of LINES_PER_CHUNK (10) lines, so three tasks for this file.
    Files.write(dir.resolve("b.txt"), IntStream.range(0, 25).mapToObj(i -> "cat " + i).toList());

    Result r = WordCount.run(WordCount.readDirectory(dir), 3);

    assertThat(r.files()).isEqualTo(2);
    assertThat(r.lines()).isEqualTo(27);
    assertThat(r.tasks()).isEqualTo(1 + 3);
    // a.txt: the x3, cat, sat, on, mat, dog, didn't = 9; b.txt: 25 x (cat, a number) = 50
    assertThat(r.words()).isEqualTo(59);
    assertThat(r.distinct()).isEqualTo(7 + 25);
    assertThat(r.top())
        .containsExactly(new Count("cat", 26), new Count("the", 3), new Count("0", 1));
  }

  @Test
  void bundledTexts_matchACountInThisJvm() {
    List<Document> docs = WordCount.bundled();
    Map<String, Long> expected = new HashMap<>();
    for (Document d : docs) {
      WordCount.countWords(String.join("\n", d.lines()))
          .forEach((w, n) -> expected.merge(w, n, Long::sum));
    }

    Result r = WordCount.run(docs, 5);

    assertThat(r.files()).isEqualTo(3);
    assertThat(r.words()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
    assertThat(r.distinct()).isEqualTo(expected.size());
    assertThat(r.top().get(0)).isEqualTo(new Count("the", expected.get("the")));
    assertThat(r.tasks()).isGreaterThan(r.files()); // the longer texts are split
  }

  @Test
  void readDirectory_rejectsAFile_namingTheFix(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("x.txt"), "x");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> WordCount.readDirectory(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a directory");
  }
}
