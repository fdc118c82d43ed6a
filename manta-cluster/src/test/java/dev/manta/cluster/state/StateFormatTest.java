package dev.manta.cluster.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StateFormatTest {
  private static TaskRow task(String name, String state, long start, long end) {
    return new TaskRow(
        "t-" + name, name, "task", state, "", 0, "node1", "h:1", 42, "job1", start, end, 7);
  }

  @Test
  void filter_equalAndNotEqual_ignoreCase_allMustHold() {
    Listing<TaskRow> l =
        new Listing<>(
            List.of(
                task("a", "RUNNING", 1, 0), task("b", "FINISHED", 1, 5), task("c", "FAILED", 1, 5)),
            List.of());
    assertThat(l.select(Filter.parse(List.of("state=running")), 0).rows())
        .extracting(TaskRow::name)
        .containsExactly("a");
    assertThat(l.select(Filter.parse(List.of("state!=RUNNING", "name!=c")), 0).rows())
        .extracting(TaskRow::name)
        .containsExactly("b");
    assertThat(l.select(Filter.parse(List.of("nosuchkey=x")), 0).rows()).isEmpty();
    assertThat(l.select(Filter.all(), 2).rows()).hasSize(2);
    assertThatThrownBy(() -> Filter.parse(List.of("state")))
        .hasMessageContaining("Filter 'state' is not KEY=VALUE");
  }

  @Test
  void table_alignsColumns_json_escapes() {
    String t =
        StateFormat.table(List.of(task("a", "RUNNING", 1, 0), task("bb\"", "FINISHED", 1, 5)), 4);
    assertThat(t.lines().toList())
        .containsExactly(
            "TASK_ID  NAME  KIND  STATE",
            "t-a      a     task  RUNNING",
            "t-bb\"    bb\"   task  FINISHED");
    String j =
        StateFormat.json(
            new Listing<>(List.of(task("x\"y", "RUNNING", 1, 0)), List.of("h:2: gone")));
    assertThat(j).contains("\"name\":\"x\\\"y\"", "\"unreachable\":[\"h:2: gone\"]");
  }

  @Test
  void timeline_oneCompleteEventPerEndedRun_andAProcessName() {
    String trace =
        Timeline.chromeTrace(List.of(task("a", "RUNNING", 10, 0), task("b", "FINISHED", 10, 25)));
    assertThat(trace)
        .startsWith("{\"traceEvents\":[")
        .contains(
            "{\"name\":\"b\",\"cat\":\"task\",\"ph\":\"X\",\"ts\":10,\"dur\":15,\"pid\":42,\"tid\":7,")
        .contains("\"ph\":\"M\"")
        .doesNotContain("\"name\":\"a\"");
  }
}
