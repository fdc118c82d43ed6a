package dev.manta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverheadTest {
  private static Map<String, Object> run(double tasks, double puts) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(
        "rows",
        List.of(
            row("single client tasks sync", "/s", tasks),
            row("single client put gigabytes", "GB/s", puts),
            Map.of("name", "client: get calls", "unit", "/s", "note", "not built: x")));
    return doc;
  }

  private static Map<String, Object> row(String name, String unit, double mean) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("name", name);
    r.put("unit", unit);
    r.put("mean", mean);
    return r;
  }

  @Test
  void rows_judgedAgainstTheBoundAndTheOffRunsSpread() {
    List<Overhead.Row> rows =
        Overhead.rows(
            List.of(run(100, 10), run(100, 12), run(100, 8)), // puts: 40% spread
            List.of(run(98, 8), run(97, 8.5), run(96, 9)));

    assertThat(rows).extracting(Overhead.Row::name).hasSize(2); // the unmeasured row is left out
    Overhead.Row tasks = rows.get(0);
    assertThat(tasks.difference()).isCloseTo(-0.03, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(tasks.verdict()).isEqualTo("within 5%");
    Overhead.Row puts = rows.get(1);
    assertThat(puts.noise()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(puts.verdict()).as("-15%%, under the 40%% spread").isEqualTo("within noise");
  }

  @Test
  void slowerBeyondBoundAndNoise_isSaidSo() {
    List<Overhead.Row> rows =
        Overhead.rows(List.of(run(100, 10), run(101, 10)), List.of(run(80, 10), run(82, 10)));

    assertThat(rows.get(0).verdict()).isEqualTo("slower");
    assertThat(Overhead.markdown(rows, 2, 2))
        .contains("| single client tasks sync | /s |")
        .contains("2 rows: 1 within 5%, 0 within the noise of the off runs, 1 slower, 0 faster.");
  }
}
