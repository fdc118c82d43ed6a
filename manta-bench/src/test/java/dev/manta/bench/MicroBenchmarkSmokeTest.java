package dev.manta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.Manta;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs every Ray row once with tiny counts (1% of Ray's sizes, one call per trial), so the
 * benchmark code keeps compiling and working. Measures nothing.
 */
class MicroBenchmarkSmokeTest {
  @Test
  void everyRow_runsOrSaysWhyNot() {
    var progress = new ByteArrayOutputStream();
    var options =
        new MicroBenchmark.Options(Timing.smoke(), Duration.ZERO, "", "", 0.01, 2, Duration.ZERO);

    List<MicroBenchmark.Result> results =
        MicroBenchmark.run(options, new PrintStream(progress, true, StandardCharsets.UTF_8));

    assertThat(Manta.isInitialized()).as("run() shuts down the runtime it started").isFalse();
    assertThat(results)
        .extracting(MicroBenchmark.Result::name)
        .containsExactlyElementsOf(RayRows.all().stream().map(Row::name).toList());
    for (MicroBenchmark.Result r : results) {
      if (r.measurement().isPresent()) {
        assertThat(r.measurement().get().mean()).as(r.name()).isPositive();
        assertThat(r.note()).as(r.name()).isEmpty();
      } else {
        assertThat(r.note())
            .as(r.name())
            .hasValueSatisfying(n -> assertThat(n).startsWith("not built: "));
      }
    }
    assertThat(results.stream().filter(r -> r.measurement().isPresent()).count())
        .as("rows Manta runs")
        // Ray's 22 rows Manta runs, the put-gigabytes row with free, and the two actor-creation
        // rows (1,000 actors; 10,000 on one node)
        .isEqualTo(25);
  }

  @Test
  void json_hasRaysRowShape() {
    var m = Measurement.of(List.of(1.0, 3.0));
    var ran =
        new MicroBenchmark.Result(
            "single client tasks sync", "/s", java.util.Optional.of(m), java.util.Optional.empty());
    var notBuilt =
        new MicroBenchmark.Result(
            "client: get calls",
            "/s",
            java.util.Optional.empty(),
            java.util.Optional.of("not built: x"));

    Object doc =
        Json.parse(
            Json.write(
                MicroBenchmark.toJson(
                    List.of(ran, notBuilt), MicroBenchmark.Options.defaults(), Duration.ZERO)));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) ((Map<?, ?>) doc).get("rows");
    assertThat(rows.get(0))
        .containsEntry("name", "single client tasks sync")
        .containsEntry("unit", "/s")
        .containsEntry("mean", 2.0)
        .containsEntry("std", 1.0);
    assertThat(rows.get(1)).containsEntry("mean", null).containsEntry("note", "not built: x");
  }
}
