package dev.manta.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static final String RAY =
      """
      {"ray_version": "2.58.0",
       "machine": {"cores": 2, "memory_gib": 23.5, "python": "3.11.7"},
       "rows": [{"name": "single client tasks sync", "unit": "/s", "mean": 200.0, "std": 20.0},
                {"name": "placement group create/removal", "unit": "/s", "mean": 197.0, "std": 6.9},
                {"name": "single client put gigabytes", "unit": "GB/s", "mean": 0.5, "std": 0.1}],
       "duration_s": 900.0}
      """;
  private static final String MANTA =
      """
      {"runtime": "manta", "date": "2026-11-28T00:00:00Z",
       "machine": {"cores": 2, "memory_gib": 23.5, "jdk": "Eclipse Adoptium 25"},
       "timing": {"warmup_s": 1.0, "trials": 4, "trial_s": 2.0, "num_cpus": 2},
       "rows": [{"name": "single client put gigabytes", "unit": "GB/s", "mean": 1.0, "std": 0.0},
                {"name": "single client tasks sync", "unit": "/s", "mean": 1000.0, "std": 5.0},
                {"name": "placement group create/removal", "unit": "/s", "mean": null,
                 "std": null, "note": "not built: placement groups"}]}
      """;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String s) {
    return (Map<String, Object>) Json.parse(s);
  }

  @Test
  void merge_followsRaysOrder_andComputesMantaOverRay() {
    List<Report.Merged> rows = Report.merge(parse(RAY), parse(MANTA));

    assertThat(rows)
        .extracting(Report.Merged::name)
        .containsExactly(
            "single client put gigabytes",
            "single client tasks sync",
            "placement group create/removal");
    assertThat(rows.get(0).ratio()).isEqualTo(2.0);
    assertThat(rows.get(1).ratio()).isEqualTo(5.0);
    assertThat(rows.get(2).ratio()).isNull();
    assertThat(rows.get(2).note()).isEqualTo("not built: placement groups");
    assertThat(Report.geometricMeanRatio(rows))
        .isCloseTo(Math.sqrt(10), org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  @SuppressWarnings("unchecked")
  void json_hasTheIssuesFields_andMarkdownHasEveryRow() {
    Map<String, Object> ray = parse(RAY);
    Map<String, Object> manta = parse(MANTA);
    List<Report.Merged> rows = Report.merge(ray, manta);

    Map<String, Object> doc = parse(Json.write(Report.json(rows, ray, manta, "abc1234")));
    String md = Report.markdown(rows, doc);

    assertThat((Map<String, Object>) doc.get("machine"))
        .containsEntry("cores", 2.0)
        .containsEntry("jdk", "Eclipse Adoptium 25")
        .containsEntry("python", "3.11.7");
    Map<String, Object> first = ((List<Map<String, Object>>) doc.get("rows")).get(0);
    assertThat(first)
        .containsEntry("name", "single client put gigabytes")
        .containsEntry("unit", "GB/s")
        .containsEntry("ray", 0.5)
        .containsEntry("manta_embedded", 1.0)
        .containsEntry("manta_cluster", null);
    assertThat(md)
        .contains("`abc1234`")
        .contains("| single client tasks sync | /s | 200.0 ± 20.00 | 1,000 ± 5.00 | 5.00x |")
        .contains("not built: placement groups");
  }

  private static final String CLUSTER =
      """
      {"runtime": "manta", "mode": "cluster", "date": "2026-11-28T01:00:00Z",
       "timing": {"warmup_s": 1.0, "trials": 4, "trial_s": 2.0, "num_cpus": 2},
       "cluster": {"nodes": 1, "head_num_cpus": 2},
       "rows": [{"name": "single client put gigabytes", "unit": "GB/s", "mean": 0.4, "std": 0.0},
                {"name": "single client tasks sync", "unit": "/s", "mean": 1500.0, "std": 5.0},
                {"name": "placement group create/removal", "unit": "/s", "mean": null,
                 "std": null, "note": "not built: placement groups"}]}
      """;

  @Test
  @SuppressWarnings("unchecked")
  void clusterRun_fillsTheClusterColumn_andListsTaskAndActorRowsUnderTarget() {
    Map<String, Object> ray = parse(RAY);
    Map<String, Object> manta = parse(MANTA);
    Map<String, Object> cluster = parse(CLUSTER);
    List<Report.Merged> rows = Report.merge(ray, manta, cluster);

    assertThat(rows.get(0).clusterRatio()).isCloseTo(0.8, within(1e-9));
    assertThat(rows.get(1).clusterRatio()).isEqualTo(7.5);
    assertThat(rows.get(2).clusterNote()).isEqualTo("not built: placement groups");
    Map<String, Object> doc = parse(Json.write(Report.json(rows, ray, manta, cluster, "abc")));
    String md = Report.markdown(rows, doc);

    Map<String, Object> sync = ((List<Map<String, Object>>) doc.get("rows")).get(1);
    assertThat(sync)
        .containsEntry("manta_cluster", 1500.0)
        .containsEntry("ratio", 5.0)
        .containsEntry("ratio_cluster", 7.5);
    // Only task and actor rows count toward the target; the put row (0.8x) does not.
    assertThat((List<Object>) doc.get("cluster_rows_under_target"))
        .containsExactly("single client tasks sync");
    assertThat(md)
        .contains(
            "| single client tasks sync | /s | 200.0 ± 20.00 | 1,000 ± 5.00 | 5.00x"
                + " | 1,500 ± 5.00 | 7.50x |")
        .contains("- single client tasks sync: 7.50x");
  }

  @Test
  void aRowRayHasNoFigureFor_hasNoClusterTarget() {
    var mantaOnly =
        new Report.Merged(
            "actors created per second (1,000 actors)",
            "/s",
            null,
            null,
            9e4,
            1.0,
            null,
            240.0,
            1.0,
            null);
    var underTarget =
        new Report.Merged(
            "1:1 actor calls sync", "/s", 800.0, 1.0, 9e4, 1.0, null, 5000.0, 1.0, null);
    assertThat(mantaOnly.missesClusterTarget()).isFalse();
    assertThat(underTarget.missesClusterTarget()).isTrue();
  }

  @Test
  void withoutAClusterRun_theColumnSaysSo() {
    List<Report.Merged> rows = Report.merge(parse(RAY), parse(MANTA));

    assertThat(rows).allSatisfy(r -> assertThat(r.clusterNote()).isEqualTo(Report.NO_CLUSTER));
  }

  @Test
  void json_roundTripsStringsNumbersAndNulls_andWritesNaNAsNull() {
    var in = new java.util.LinkedHashMap<String, Object>();
    in.put("a", List.of(1.5, "x\"\n", Map.of()));
    in.put("b", Double.NaN);
    in.put("c", null);

    Object doc = Json.parse(Json.write(in));

    var expected = new java.util.LinkedHashMap<String, Object>();
    expected.put("a", List.of(1.5, "x\"\n", Map.of()));
    expected.put("b", null);
    expected.put("c", null);
    assertThat(doc).isEqualTo(expected);
    assertThatThrownBy(() -> Json.parse("{\"a\": }")).hasMessageContaining("offset 6");
  }
}
