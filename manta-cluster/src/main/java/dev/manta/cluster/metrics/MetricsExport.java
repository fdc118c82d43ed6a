package dev.manta.cluster.metrics;

import dev.manta.cluster.rpc.ClusterTls;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.micrometer.MetricsEndpoint;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's Prometheus endpoint and its entry in the session's {@code metrics} folder: {@code
 * <role>-<pid>.json}, a Prometheus {@code file_sd_configs} file naming the endpoint's address and
 * the labels {@code role}, {@code pid} and the caller's (a node id, a job id). The file is written
 * atomically once the endpoint listens and removed by {@link #close}; a killed process leaves it,
 * and the next node start on the machine removes the entries of processes that are gone ({@link
 * #removeDead}).
 *
 * <p>In a TLS cluster ({@link Rpc#processTls()}) the endpoint serves HTTPS with the process's
 * certificate, and the entry carries Prometheus's {@code __scheme__="https"} label.
 *
 * <p>Thread-safe: immutable once started.
 */
public final class MetricsExport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsExport.class);

  private final MetricsEndpoint endpoint;
  private final Path file;

  private MetricsExport(MetricsEndpoint endpoint, Path file) {
    this.endpoint = endpoint;
    this.file = file;
  }

  /**
   * Serves {@code binders} and the JVM's metrics at {@code bind:port} (0: a free port) and writes
   * the endpoint's entry into {@code dir}.
   *
   * @throws UncheckedIOException if the port cannot be bound or the entry cannot be written
   */
  public static MetricsExport start(
      String bind,
      int port,
      Path dir,
      String role,
      Map<String, String> labels,
      List<? extends MeterBinder> binders) {
    ClusterTls tls = Rpc.processTls();
    MetricsEndpoint endpoint =
        MetricsEndpoint.start(
            bind,
            port,
            binders,
            tls == null ? null : tls.httpsContext("metrics endpoint (" + role + ")"));
    long pid = ProcessHandle.current().pid();
    Path file = dir.resolve(role + "-" + pid + ".json");
    try {
      Files.createDirectories(dir);
      Map<String, String> all = new TreeMap<>(labels);
      all.put("role", role);
      all.put("pid", Long.toString(pid));
      if (endpoint.isHttps()) {
        all.put("__scheme__", "https"); // Prometheus scrapes the target over HTTPS
      }
      StringBuilder json = new StringBuilder("[{\"targets\":[\"");
      json.append(endpoint.address()).append("\"],\"labels\":{");
      boolean first = true;
      for (Map.Entry<String, String> e : all.entrySet()) {
        json.append(first ? "" : ",").append(quote(e.getKey())).append(':');
        json.append(quote(e.getValue()));
        first = false;
      }
      json.append("}}]\n");
      Path tmp = dir.resolve(file.getFileName() + ".tmp");
      Files.writeString(tmp, json);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      endpoint.close();
      throw new UncheckedIOException("Cannot write the metrics entry " + file, e);
    }
    LOG.info(
        "Metrics of this {} at {}://{}/metrics",
        role,
        endpoint.isHttps() ? "https" : "http",
        endpoint.address());
    return new MetricsExport(endpoint, file);
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /**
   * Removes the entries in {@code dir} of processes that no longer run (killed ones cannot remove
   * their own); returns how many it removed.
   */
  public static int removeDead(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int removed = 0;
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        int dash = name.lastIndexOf('-');
        if (!name.endsWith(".json") || dash < 0) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(name.substring(dash + 1, name.length() - ".json".length()));
        } catch (NumberFormatException e) {
          continue; // not one of ours
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        if (Files.deleteIfExists(f)) {
          removed++;
        }
      }
    } catch (IOException e) {
      LOG.debug("Cannot list {}", dir, e);
    }
    return removed;
  }

  /** The address a scraper uses: {@code host:port}. */
  public String address() {
    return endpoint.address();
  }

  /** The entry this process wrote. */
  public Path file() {
    return file;
  }

  /** Removes the entry and stops the endpoint. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.debug("Cannot remove {}", file, e);
    }
    endpoint.close();
  }
}
