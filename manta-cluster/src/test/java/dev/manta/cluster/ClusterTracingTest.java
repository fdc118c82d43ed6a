package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task tree on a real cluster with tracing set on the nodes: worker processes export their spans
 * to an OTLP/HTTP receiver in the test; one trace, children under the task that submitted them (the
 * traceparent crossed processes in the task message), spans from more than one process.
 */
class ClusterTracingTest {
  @TempDir Path dir;

  static int leaf(int x) {
    return x + 1;
  }

  /** Submits two tasks and an actor call from inside a task. */
  static int tree(int x) {
    ObjectRef<Integer> a = Manta.task(ClusterTracingTest::leaf, x).remote();
    ObjectRef<Integer> b = Manta.task(ClusterTracingTest::leaf, x + 10).remote();
    ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
    int n = Manta.get(c.task(Counter::add, 5).remote());
    return Manta.get(a) + Manta.get(b) + n;
  }

  /** A small actor. */
  public static final class Counter {
    int n;

    public int add(int k) {
      n += k;
      return n;
    }
  }

  @Test
  void taskTree_isOneTraceAcrossWorkerProcesses() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        ClusterFixture cluster =
            new ClusterFixture(dir, "-Dmanta.tracing.otlp-endpoint=" + receiver.endpoint())) {
      ClusterFixture.Node head = cluster.startHead(4);
      Manta.init(cluster.address());
      try {
        assertThat(
                Manta.get(Manta.task(ClusterTracingTest::tree, 1).remote(), Duration.ofMinutes(1)))
            .isEqualTo(2 + 12 + 5);
      } finally {
        Manta.shutdown();
      }
      String tree = "ClusterTracingTest::tree";
      String leaf = "ClusterTracingTest::leaf";
      String add = "ClusterTracingTest$Counter::add";
      // Workers export in batches about every second.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  receiver.spans().stream()
                          .filter(s -> s.name().startsWith("ClusterTracingTest"))
                          .count()
                      >= 5);
      List<OtlpReceiver.Received> spans =
          receiver.spans().stream().filter(s -> s.name().startsWith("ClusterTracingTest")).toList();
      Map<String, List<OtlpReceiver.Received>> byName =
          spans.stream().collect(Collectors.groupingBy(OtlpReceiver.Received::name));
      assertThat(byName.keySet())
          .containsExactlyInAnyOrder(tree, leaf, add, "ClusterTracingTest$Counter::new");
      OtlpReceiver.Received root = byName.get(tree).get(0);
      assertThat(root.parentId()).isEmpty(); // the driver runs no span: the tree's root
      assertThat(byName.get(leaf)).hasSize(2);
      assertThat(spans).extracting(OtlpReceiver.Received::traceId).containsOnly(root.traceId());
      assertThat(spans)
          .filteredOn(s -> s != root)
          .extracting(OtlpReceiver.Received::parentId)
          .containsOnly(root.spanId());
      assertThat(spans.stream().map(OtlpReceiver.Received::pid).distinct().count())
          .isGreaterThan(1); // at least the task worker and the actor's worker
      assertThat(spans).extracting(OtlpReceiver.Received::pid).doesNotContain(-1L);
      assertThat(spans) // each span names the node its worker ran on
          .extracting(s -> s.attribute("manta.node.id"))
          .containsOnly(head.nodeId());
    }
  }
}
