package dev.manta.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.ObjectRef;
import dev.manta.ObjectStoreStats;
import dev.manta.TaskException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded runtime's metrics, bound to a Prometheus registry and scraped as text: the task,
 * actor and store meters move as work runs, and the endpoint serves the same text over HTTP.
 */
class MantaMetricsTest {
  @TempDir Path dir;

  @BeforeEach
  void start() {
    Manta.init(
        MantaConfig.builder()
            .numCpus(2)
            .objectStoreBytes(16 << 20)
            .spillDirectory(dir.resolve("spill"))
            .build());
  }

  @AfterEach
  void stop() {
    Manta.shutdown();
  }

  static int twice(int x) {
    return 2 * x;
  }

  static int fails(int x) {
    throw new IllegalStateException("no " + x);
  }

  /** An actor with a plain and an asynchronous method. */
  public static final class Counter {
    int n;

    public int add(int k) {
      n += k;
      return n;
    }

    public CompletionStage<Integer> later(int k) {
      return CompletableFuture.supplyAsync(() -> k + 1);
    }
  }

  @Test
  void tasksActorsAndStore_moveAsWorkRuns() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (MantaMetrics metrics = new MantaMetrics()) {
      metrics.bindTo(registry);
      Map<String, Double> before = parse(registry.scrape());
      assertThat(before)
          .containsEntry("manta_tasks{kind=\"task\",state=\"finished\"}", 0.0)
          .containsEntry("manta_actors{state=\"alive\"}", 0.0)
          .containsEntry("manta_object_store_capacity_bytes", (double) (16 << 20));

      for (int i = 0; i < 10; i++) {
        assertThat(Manta.get(Manta.task(MantaMetricsTest::twice, i).remote())).isEqualTo(2 * i);
      }
      ObjectRef<Integer> bad = Manta.task(MantaMetricsTest::fails, 1).remote();
      assertThatThrownBy(() -> Manta.get(bad)).isInstanceOf(TaskException.class);
      ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
      for (int i = 1; i <= 3; i++) {
        Manta.get(c.task(Counter::add, 1).remote());
      }
      assertThat(Manta.get(c.taskAsync(Counter::later, 7).remote())).isEqualTo(8);
      List<ObjectRef<double[]>> big = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        big.add(Manta.put(new double[250_000])); // 2 MB each: 24 MB live in a 16 MB store
      }

      // A run is counted just after its result is stored: wait for the last counts to land.
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                Map<String, Double> m = parse(registry.scrape());
                assertThat(m)
                    .containsEntry("manta_tasks{kind=\"task\",state=\"finished\"}", 10.0)
                    .containsEntry("manta_tasks{kind=\"task\",state=\"failed\"}", 1.0)
                    .containsEntry("manta_tasks{kind=\"task\",state=\"running\"}", 0.0)
                    .containsEntry("manta_tasks{kind=\"actor_call\",state=\"finished\"}", 4.0)
                    .containsEntry("manta_tasks{kind=\"actor_creation\",state=\"finished\"}", 1.0)
                    .containsEntry("manta_task_duration_seconds_count{kind=\"task\"}", 11.0)
                    .containsEntry("manta_task_duration_seconds_count{kind=\"actor_call\"}", 4.0)
                    .containsEntry("manta_actors{state=\"alive\"}", 1.0);
                ObjectStoreStats st = Manta.storeStats(); // the meters read the same statistics
                assertThat(m)
                    .containsEntry("manta_object_store_spills_total", (double) st.spillsTotal())
                    .containsEntry(
                        "manta_object_store_memory_bytes{location=\"spilled\"}",
                        (double) st.spilledBytes())
                    .containsEntry(
                        "manta_object_store_memory_bytes{location=\"used\"}",
                        (double) st.usedBytes())
                    .containsEntry("manta_object_store_objects", (double) st.objectCount());
                assertThat(st.usedBytes() + st.spilledBytes()).isGreaterThan(0);
                assertThat(m.get("manta_object_refs")).isGreaterThanOrEqualTo(12.0);
              });
      assertThat(Manta.get(big.get(0))).hasSize(250_000);
    } finally {
      registry.close();
    }
  }

  @Test
  void afterClose_durationsStop_countsGoOn() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MantaMetrics metrics = new MantaMetrics();
    metrics.bindTo(registry);
    metrics.close();
    Manta.get(Manta.task(MantaMetricsTest::twice, 1).remote());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(parse(registry.scrape()))
                    .containsEntry("manta_tasks{kind=\"task\",state=\"finished\"}", 1.0));
    assertThat(parse(registry.scrape()))
        .containsEntry("manta_task_duration_seconds_count{kind=\"task\"}", 0.0);
    registry.close();
  }

  @Test
  void endpoint_servesPrometheusText_overHttp() throws Exception {
    MetricsEndpoint endpoint;
    try (MetricsEndpoint e = MetricsEndpoint.start("127.0.0.1", 0, List.of(new MantaMetrics()))) {
      endpoint = e;
      Manta.get(Manta.task(MantaMetricsTest::twice, 2).remote());
      HttpClient http = HttpClient.newHttpClient();
      URI uri = URI.create("http://" + e.address() + "/metrics");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                HttpResponse<String> r =
                    http.send(
                        HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
                Map<String, Double> m = parse(r.body());
                assertThat(m).containsEntry("manta_tasks{kind=\"task\",state=\"finished\"}", 1.0);
                assertThat(m.keySet())
                    .anyMatch(k -> k.startsWith("jvm_memory_used_bytes"))
                    .anyMatch(k -> k.startsWith("jvm_threads_live_threads"))
                    .anyMatch(k -> k.startsWith("process_uptime_seconds"));
              });
      HttpResponse<String> post =
          http.send(
              HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
    }
    URI gone = URI.create("http://" + endpoint.address() + "/metrics");
    assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(gone).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void endpoint_onAPortInUse_namesTheAddressAndTheSetting() {
    try (MetricsEndpoint first = MetricsEndpoint.start("127.0.0.1", 0, List.of())) {
      assertThatThrownBy(() -> MetricsEndpoint.start("127.0.0.1", first.port(), List.of()))
          .hasMessageContaining("127.0.0.1:" + first.port())
          .hasMessageContaining("manta.metrics-port");
    }
  }

  @Test
  void notAMantaCore_isRefusedWithTheFix() {
    assertThatThrownBy(() -> new MantaMetrics(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Manta.currentRuntime()");
  }

  /** Prometheus text format: {@code name{labels} value} per sample line, comments skipped. */
  static Map<String, Double> parse(String text) {
    Map<String, Double> out = new HashMap<>();
    for (String line : text.split("\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      assertThat(space).as("sample line: %s", line).isPositive();
      out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return out;
  }
}
