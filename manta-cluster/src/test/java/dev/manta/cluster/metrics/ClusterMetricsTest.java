package dev.manta.cluster.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.cluster.ClusterFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster's Prometheus endpoints: the node process and each worker list themselves in the
 * session's metrics folder, serve Prometheus text, and their counters move as a driver's work runs;
 * the entries go when the processes stop.
 */
class ClusterMetricsTest {
  @TempDir Path dir;

  static int square(int x) {
    return x * x;
  }

  /** A counter actor. */
  public static final class Counter {
    private int n;

    public int add(int d) {
      n += d;
      return n;
    }
  }

  @Test
  void nodeAndWorkers_serveMetricsThatMoveWithTheWork() throws Exception {
    Path metrics = dir.resolve("metrics");
    ClusterFixture cluster = new ClusterFixture(dir); // close() may throw InterruptedException
    try {
      cluster.startHead(2);
      Manta.init(cluster.address());
      try {
        List<ObjectRef<Integer>> refs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          refs.add(Manta.task(ClusterMetricsTest::square, i).remote());
        }
        for (int i = 0; i < 20; i++) {
          assertThat(Manta.get(refs.get(i))).isEqualTo(i * i);
        }
        ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
        for (int i = 1; i <= 3; i++) {
          assertThat(Manta.get(c.task(Counter::add, 1).remote())).isEqualTo(i);
        }
        ObjectRef<byte[]> big = Manta.put(new byte[5 << 20]);

        String node = targets(metrics, "node-").get(0);
        Map<String, Double> n = scrape(node);
        assertThat(n)
            .containsEntry("manta_resources{resource=\"CPU\",state=\"total\"}", 2.0)
            .containsKey("manta_object_store_capacity_bytes")
            .containsKey("manta_workers{state=\"idle\"}");
        assertThat(n.get("manta_workers{state=\"all\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(n.get("manta_object_store_memory_bytes{location=\"used\"}"))
            .isGreaterThanOrEqualTo(5 << 20);
        assertThat(n.get("manta_worker_start_seconds{stat=\"max\"}")).isPositive();
        assertThat(n.keySet()).anyMatch(k -> k.startsWith("jvm_gc_"));
        // The head runs in this node process: its tables, by state.
        assertThat(n)
            .containsEntry("manta_nodes{state=\"alive\"}", 1.0)
            .containsEntry("manta_nodes{state=\"dead\"}", 0.0)
            .containsEntry("manta_cluster_actors{state=\"alive\"}", 1.0)
            .containsEntry("manta_jobs{state=\"running\"}", 1.0);

        // Each worker counts the runs it ended, just after storing each result: wait for them.
        Awaitility.await("the workers' counts of the driver's work")
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  double tasks = 0;
                  double calls = 0;
                  for (String w : targets(metrics, "worker-")) {
                    Map<String, Double> m = scrape(w);
                    tasks += m.getOrDefault("manta_tasks{kind=\"task\",state=\"finished\"}", 0.0);
                    calls +=
                        m.getOrDefault("manta_tasks{kind=\"actor_call\",state=\"finished\"}", 0.0);
                  }
                  assertThat(tasks).isEqualTo(20.0);
                  assertThat(calls).isEqualTo(3.0);
                });
        assertThat(Manta.get(big)).hasSize(5 << 20);
      } finally {
        Manta.shutdown();
      }
    } finally {
      cluster.close();
    }
    Awaitility.await("every metrics entry removed once its process stopped")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              try (var left = Files.list(metrics)) {
                assertThat(left.toList()).isEmpty();
              }
            });
  }

  private static final Pattern TARGET = Pattern.compile("\"targets\":\\[\"([^\"]+)\"\\]");

  /** The endpoint addresses of the entries in {@code dir} whose names start with {@code prefix}. */
  private static List<String> targets(Path dir, String prefix) throws Exception {
    List<String> out = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith(prefix) && name.endsWith(".json")) {
          Matcher m = TARGET.matcher(Files.readString(f));
          assertThat(m.find()).as("targets in %s", f).isTrue();
          out.add(m.group(1));
        }
      }
    }
    return out;
  }

  private static Map<String, Double> scrape(String address) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://" + address + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    Map<String, Double> out = new HashMap<>();
    for (String line : r.body().split("\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return out;
  }
}
