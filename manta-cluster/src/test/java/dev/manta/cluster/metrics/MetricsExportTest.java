package dev.manta.cluster.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process's metrics entry: written as Prometheus file_sd JSON, served, removed, cleaned up. */
class MetricsExportTest {
  @TempDir Path dir;

  @Test
  void start_writesAFileSdEntry_thatNamesAServingEndpoint_andCloseRemovesIt() throws Exception {
    Path file;
    try (MetricsExport e =
        MetricsExport.start("127.0.0.1", 0, dir, "node", Map.of("node", "n\"1"), List.of())) {
      file = e.file();
      long pid = ProcessHandle.current().pid();
      assertThat(file.getFileName().toString()).isEqualTo("node-" + pid + ".json");
      assertThat(Files.readString(file))
          .isEqualTo(
              "[{\"targets\":[\""
                  + e.address()
                  + "\"],\"labels\":{\"node\":\"n\\\"1\",\"pid\":\""
                  + pid
                  + "\",\"role\":\"node\"}}]\n");
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://" + e.address() + "/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("jvm_memory_used_bytes");
    }
    assertThat(file).doesNotExist();
    try (var left = Files.list(dir)) {
      assertThat(left.toList()).as("no temporary file left").isEmpty();
    }
  }

  @Test
  void removeDead_removesOnlyTheEntriesOfProcessesThatAreGone() throws Exception {
    Process p =
        new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    p.waitFor();
    Path dead = Files.writeString(dir.resolve("worker-" + p.pid() + ".json"), "[]");
    Path live =
        Files.writeString(dir.resolve("node-" + ProcessHandle.current().pid() + ".json"), "[]");
    Path other = Files.writeString(dir.resolve("notes.json"), "{}");

    assertThat(MetricsExport.removeDead(dir)).isEqualTo(1);
    assertThat(dead).doesNotExist();
    assertThat(live).exists();
    assertThat(other).exists();
    assertThat(MetricsExport.removeDead(dir.resolve("missing"))).isZero();
  }
}
