package dev.manta.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.ObjectRef;
import dev.manta.runtime.trace.TaskTracer;
import dev.manta.runtime.trace.Tracing;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spans of an embedded task tree, received by a real OTLP/HTTP server in the test: one trace, each
 * nested task and actor call a child of the task that submitted it; none with tracing off.
 */
class TaskTracingTest {
  @AfterEach
  void stop() {
    Manta.shutdown();
    Tracing.install(null);
  }

  static int leaf(int x) {
    return x + 1;
  }

  /** Submits two tasks and an actor call from inside a task; returns what they sum to. */
  static int tree(int x) {
    ObjectRef<Integer> a = Manta.task(TaskTracingTest::leaf, x).remote();
    ObjectRef<Integer> b = Manta.task(TaskTracingTest::leaf, x + 10).remote();
    ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
    int n = Manta.get(c.task(Counter::add, 5).remote());
    return Manta.get(a) + Manta.get(b) + n;
  }

  /** Returns the traceparent the task sees, or "none". */
  static String seen(int x) {
    String p = Tracing.current();
    return p == null ? "none" : p;
  }

  /** A small actor. */
  public static final class Counter {
    int n;

    public int add(int k) {
      n += k;
      return n;
    }
  }

  private static void init() {
    Manta.init(MantaConfig.builder().numCpus(4).objectStoreBytes(16 << 20).build());
  }

  private static String attr(OtlpReceiver.Received s, String key) {
    for (KeyValue kv : s.raw().getAttributesList()) {
      if (kv.getKey().equals(key)) {
        return kv.getValue().hasIntValue()
            ? Long.toString(kv.getValue().getIntValue())
            : kv.getValue().getStringValue();
      }
    }
    return null;
  }

  @Test
  void taskTree_isOneTraceWithChildrenUnderTheirSubmitter() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      TaskTracer tracer = new OtlpTracerProvider().create(receiver.endpoint(), Map.of());
      Tracing.install(tracer);
      init();
      assertThat(Manta.get(Manta.task(TaskTracingTest::tree, 1).remote())).isEqualTo(2 + 12 + 5);
      Manta.shutdown();
      tracer.close(); // flushes: every span is at the receiver when it returns

      List<OtlpReceiver.Received> spans = receiver.spans();
      Map<String, List<OtlpReceiver.Received>> byName =
          spans.stream().collect(Collectors.groupingBy(OtlpReceiver.Received::name));
      String tree = "TaskTracingTest::tree";
      String leaf = "TaskTracingTest::leaf";
      String add = "TaskTracingTest$Counter::add";
      assertThat(byName.keySet())
          .containsExactlyInAnyOrder(tree, leaf, add, "TaskTracingTest$Counter::new");
      OtlpReceiver.Received root = byName.get(tree).get(0);
      assertThat(root.parentId()).isEmpty();
      assertThat(spans).extracting(OtlpReceiver.Received::traceId).containsOnly(root.traceId());
      assertThat(byName.get(leaf)).hasSize(2);
      assertThat(spans)
          .filteredOn(s -> s != root)
          .extracting(OtlpReceiver.Received::parentId)
          .containsOnly(root.spanId());
      OtlpReceiver.Received call = byName.get(add).get(0);
      assertThat(attr(call, "manta.task.kind")).isEqualTo("actor call");
      assertThat(attr(call, "manta.actor.id")).isNotBlank();
      assertThat(attr(root, "manta.task.id")).isNotBlank();
      assertThat(attr(root, "manta.task.attempt")).isEqualTo("0");
      assertThat(attr(root, "manta.worker.pid"))
          .isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }
  }

  @Test
  void tracingOff_noContextAndNothingExported() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      Tracing.install(null);
      init();
      assertThat(Manta.get(Manta.task(TaskTracingTest::tree, 1).remote())).isEqualTo(19);
      assertThat(Manta.get(Manta.task(TaskTracingTest::seen, 1).remote())).isEqualTo("none");
      assertThat(Tracing.enabled()).isFalse();
      assertThat(receiver.posts()).isZero();
    }
  }

  @Test
  void badEndpoint_isRefusedNamingTheSetting() {
    assertThatThrownBy(
            () -> Tracing.fromSettings(Map.of(Tracing.ENDPOINT, "localhost:4318"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("manta.tracing.otlp-endpoint=localhost:4318")
        .hasMessageContaining("http://localhost:4318");
    assertThatThrownBy(
            () -> Tracing.fromSettings(Map.of(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT");
    assertThat(Tracing.fromSettings(Map.of(), Map.of())).isNull();
  }

  @Test
  void endpointSetting_findsThisProvider() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      TaskTracer t =
          Tracing.fromSettings(Map.of(Tracing.ENDPOINT, receiver.endpoint() + "/"), Map.of());
      assertThat(t).isInstanceOf(OtlpTracerProvider.OtlpTracer.class);
      TaskTracer.Span s = t.start(new TaskTracer.RunInfo("f", "task", "ab", 0, null, null));
      assertThat(s.traceParent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
      s.end("FINISHED");
      t.close();
      assertThat(receiver.spans()).extracting(OtlpReceiver.Received::name).containsExactly("f");
    }
  }
}
