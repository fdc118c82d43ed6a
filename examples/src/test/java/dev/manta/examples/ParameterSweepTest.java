package dev.manta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.examples.ParameterSweep.Result;
import dev.manta.examples.ParameterSweep.Samples;
import dev.manta.examples.ParameterSweep.Trial;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParameterSweepTest {
  @BeforeEach
  void start() {
    Manta.init(MantaConfig.builder().numCpus(2).objectStoreBytes(64L << 20).build());
  }

  @AfterEach
  void stop() {
    Manta.shutdown();
  }

  @Test
  void sweep_findsTheCubic_andTheLeaderboardRanksEveryTrial() {
    Samples data = ParameterSweep.samples(2_000, 7);
    List<Integer> degrees = List.of(1, 2, 3, 4, 5, 6);
    List<Double> lambdas = ParameterSweep.lambdas(6);

    Result r = ParameterSweep.run(data, degrees, lambdas, 3);

    // The leaderboard's ranking equals one computed here, trial by trial, without Manta.
    List<Trial> local = new ArrayList<>();
    for (int d : degrees) {
      for (double l : lambdas) {
        local.add(ParameterSweep.evaluate(data, d, l));
      }
    }
    assertThat(r.trials()).isEqualTo(36);
    assertThat(r.best())
        .containsExactlyElementsOf(
            local.stream().sorted(ParameterSweep.Leaderboard.BEST_FIRST).limit(3).toList());
    // The data are a cubic plus noise of variance 0.01: below degree 3 the error is far larger,
    // from degree 3 on it is the noise's.
    Trial best = r.best().get(0);
    assertThat(best.degree()).isGreaterThanOrEqualTo(3);
    assertThat(best.mse()).isBetween(0.005, 0.015);
    assertThat(r.perDegree()).extracting(Trial::degree).containsExactlyElementsOf(degrees);
    for (Trial t : r.perDegree()) {
      assertThat(t)
          .isEqualTo(
              local.stream()
                  .filter(l -> l.degree() == t.degree())
                  .min(ParameterSweep.Leaderboard.BEST_FIRST)
                  .orElseThrow());
    }
    assertThat(local)
        .filteredOn(t -> t.degree() < 3)
        .allSatisfy(t -> assertThat(t.mse()).isGreaterThan(10 * best.mse()));
  }
}
