package dev.manta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.ObjectRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/bench --observe} really observes: metrics are scraped and Manta's events recorded. */
class ObserveTest {
  static int twice(int x) {
    return 2 * x;
  }

  @Test
  void observedRun_scrapesMetricsAndRecordsEveryTaskRun(@TempDir Path dir) {
    Manta.init(MantaConfig.builder().numCpus(2).build());
    try {
      Observe watch = Observe.start(dir.resolve("run.jfr"));
      List<ObjectRef<Integer>> refs = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        refs.add(Manta.task(ObserveTest::twice, i).remote());
      }
      assertThat(Manta.get(refs)).hasSize(200).contains(398);
      Awaitility.await("a scrape of the metrics endpoint")
          .atMost(Duration.ofSeconds(30))
          .until(() -> watch.scrapes() >= 1 || watch.failure() != null);
      assertThat(watch.failure()).isNull();
      watch.close();

      Map<String, Object> seen = watch.summary();
      assertThat((Long) seen.get("metrics_scrapes")).isPositive();
      assertThat((Long) seen.get("metrics_scrape_bytes")).isPositive();
      assertThat(seen.get("jfr_manta_events"))
          .asInstanceOf(
              org.assertj.core.api.InstanceOfAssertFactories.map(String.class, Long.class))
          .hasEntrySatisfying("dev.manta.TaskExecution", n -> assertThat(n).isEqualTo(200));
      assertThat(dir.resolve("run.jfr")).satisfies(f -> assertThat(Files.size(f)).isPositive());
    } finally {
      Manta.shutdown();
    }
  }

  @Test
  void jfrFile_liesBesideTheJson() {
    assertThat(MicroBenchmark.jfrFile(Path.of("out", "on-1.json")))
        .isEqualTo(Path.of("out", "on-1.jfr"));
    assertThat(MicroBenchmark.jfrFile(null).getFileName()).hasToString("bench-observe.jfr");
  }
}
