package dev.manta.micrometer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A Prometheus text endpoint: {@code GET /metrics} on an address of this process answers a scrape
 * of its registry, which holds the JVM's own metrics (memory, GC, threads, class loading, CPU,
 * uptime) and whatever binders the process adds (a core's {@link MantaMetrics}, an agent's pool).
 *
 * <p>Thread-safe. Each scrape runs on a virtual thread of the endpoint's own; {@link #close} stops
 * the server and the JVM binders (the GC binder holds a listener).
 */
public final class MetricsEndpoint implements AutoCloseable {
  private final PrometheusMeterRegistry registry;
  private final HttpServer server;
  private final ExecutorService threads;
  private final JvmGcMetrics gc = new JvmGcMetrics();

  private MetricsEndpoint(PrometheusMeterRegistry registry, HttpServer server, ExecutorService t) {
    this.registry = registry;
    this.server = server;
    this.threads = t;
  }

  /**
   * Serves a new registry, holding the JVM's metrics and {@code binders}, at {@code
   * http://bind:port/metrics}; port 0 picks a free port (see {@link #port}).
   *
   * @throws UncheckedIOException if the address cannot be bound, naming it
   */
  public static MetricsEndpoint start(String bind, int port, List<? extends MeterBinder> binders) {
    return start(bind, port, binders, null);
  }

  /**
   * As {@link #start(String, int, List)}, over HTTPS with {@code tls} (server-side TLS; scrapers
   * trust its certificate's CA) when it is not null.
   */
  public static MetricsEndpoint start(
      String bind, int port, List<? extends MeterBinder> binders, SSLContext tls) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    HttpServer server;
    try {
      InetSocketAddress at = new InetSocketAddress(bind, port);
      if (tls == null) {
        server = HttpServer.create(at, 16);
      } else {
        HttpsServer https = HttpsServer.create(at, 16);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        server = https;
      }
    } catch (IOException e) {
      registry.close();
      throw new UncheckedIOException(
          "Cannot serve metrics on "
              + bind
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "); choose a free port with manta.metrics-port, or 0 for any",
          e);
    }
    ExecutorService threads =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("manta-metrics-", 0).factory());
    MetricsEndpoint endpoint = new MetricsEndpoint(registry, server, threads);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    endpoint.gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    for (MeterBinder b : binders) {
      b.bindTo(registry);
    }
    server.createContext("/metrics", endpoint::scrape);
    server.setExecutor(threads);
    server.start();
    return endpoint;
  }

  private void scrape(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The registry this endpoint serves, to add meters to. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The port the endpoint listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Whether the endpoint serves HTTPS. */
  public boolean isHttps() {
    return server instanceof HttpsServer;
  }

  /** The address a scraper uses: {@code host:port}. */
  public String address() {
    InetSocketAddress a = server.getAddress();
    return a.getHostString() + ":" + a.getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    gc.close();
    registry.close();
  }
}
