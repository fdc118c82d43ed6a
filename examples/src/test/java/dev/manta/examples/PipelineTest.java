package dev.manta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.examples.Pipeline.BatchSummary;
import dev.manta.examples.Pipeline.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipelineTest {
  private static final int SAMPLES = 50_000; // 400 KB per array: above the inline threshold

  @BeforeEach
  void start() {
    Manta.init(MantaConfig.builder().numCpus(2).objectStoreBytes(64L << 20).build());
  }

  @AfterEach
  void stop() {
    Manta.shutdown();
  }

  @Test
  void pipeline_equalsTheStagesRunInOrderHere_andPassesArraysThroughTheStore() {
    int batches = 7;

    Result r = Pipeline.run(batches, SAMPLES);

    // The same three stages as plain objects in this thread: the actors' results must match,
    // including the smoother's state carried from batch to batch.
    Pipeline.Source source = new Pipeline.Source(SAMPLES);
    Pipeline.Smoother smoother = new Pipeline.Smoother();
    Pipeline.Summary summary = new Pipeline.Summary();
    List<BatchSummary> expected = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      expected.add(summary.summarize(b, smoother.smooth(source.generate(b))));
    }
    assertThat(r.batches()).containsExactlyElementsOf(expected);
    assertThat(r.totalRms()).isEqualTo(summary.totalRms());

    long arrayBytes = SAMPLES * 8L;
    assertThat(r.store().peakUsedBytes())
        .as("arrays went through the store")
        .isGreaterThanOrEqualTo(2 * arrayBytes);
    assertThat(r.store().peakUsedBytes())
        .as("at most IN_FLIGHT batches of two arrays, plus a little")
        .isLessThan((2L * Pipeline.IN_FLIGHT + 2) * (arrayBytes + 4096));
    assertThat(r.store().spillsTotal()).isZero();
    assertThat(r.store().usedBytes()).as("every array freed").isZero();
  }

  @Test
  void smoother_continuesAcrossBatchBorders() {
    double[] all = new Pipeline.Source(1000).generate(0);
    double[] first = java.util.Arrays.copyOfRange(all, 0, 300);
    double[] second = java.util.Arrays.copyOfRange(all, 300, 1000);
    Pipeline.Smoother split = new Pipeline.Smoother();
    double[] a = split.smooth(first);
    double[] b = split.smooth(second);
    double[] whole = new Pipeline.Smoother().smooth(all);
    for (int i = 0; i < 1000; i++) {
      assertThat(i < 300 ? a[i] : b[i - 300]).as("sample %d", i).isCloseTo(whole[i], within());
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }
}
