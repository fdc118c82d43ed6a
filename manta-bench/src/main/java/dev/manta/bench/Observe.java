package dev.manta.bench;

import dev.manta.micrometer.MantaMetrics;
import dev.manta.micrometer.MetricsEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a user who watches a production run turns on, so that {@code bin/bench --observe} measures
 * its cost: the core's Micrometer metrics ({@link MantaMetrics}, run-duration timers included)
 * served in Prometheus text on a loopback port and scraped once a second (Prometheus's default is
 * every 15 s: this is the heavier case), and a JDK Flight Recorder recording with JFR's {@code
 * default} settings, which have Manta's events on (task executions, actor calls, spills, restores,
 * transfers).
 *
 * <p>Made on the benchmark's main thread before the runtime runs a row, and closed on it after the
 * last row; the scraper is a daemon virtual thread of its own. {@link #close} reports what was
 * observed, so a run shows that metrics and events were really produced, not merely switched on.
 */
final class Observe implements AutoCloseable {
  private static final Duration SCRAPE_PERIOD = Duration.ofSeconds(1);

  private final MantaMetrics metrics;
  private final MetricsEndpoint endpoint;
  private final Recording recording;
  private final Path jfrFile;
  private final Thread scraper;
  private final AtomicLong scrapes = new AtomicLong();
  private final AtomicLong scrapeBytes = new AtomicLong();
  private volatile Exception failure; // written by the scraper, read by close()

  private Observe(MantaMetrics metrics, MetricsEndpoint endpoint, Recording r, Path jfrFile) {
    this.metrics = metrics;
    this.endpoint = endpoint;
    this.recording = r;
    this.jfrFile = jfrFile;
    this.scraper = Thread.ofVirtual().name("bench-scraper").unstarted(this::scrapeLoop);
  }

  /** Binds metrics to the running runtime, starts the endpoint, its scraper and a recording. */
  static Observe start(Path jfrFile) {
    MantaMetrics metrics = new MantaMetrics();
    MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, List.of(metrics));
    Recording r;
    try {
      r = new Recording(Configuration.getConfiguration("default"));
    } catch (IOException | ParseException e) {
      endpoint.close();
      metrics.close();
      throw new IllegalStateException("JFR's default settings cannot be read: " + e, e);
    }
    r.setName("manta-bench");
    r.setToDisk(true);
    r.start();
    Observe o = new Observe(metrics, endpoint, r, jfrFile);
    o.scraper.start();
    return o;
  }

  private void scrapeLoop() {
    URI metricsUri = URI.create("http://" + endpoint.address() + "/metrics");
    HttpRequest get = HttpRequest.newBuilder(metricsUri).GET().build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      while (!Thread.currentThread().isInterrupted()) {
        HttpResponse<byte[]> reply = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
        if (reply.statusCode() != 200) {
          throw new IOException(metricsUri + " answered " + reply.statusCode());
        }
        scrapes.incrementAndGet();
        scrapeBytes.addAndGet(reply.body().length);
        Thread.sleep(SCRAPE_PERIOD); // the scrape period: a schedule, not a wait for an event
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      failure = e; // close() reports it: a run whose scrapes failed was not observed
    }
  }

  /** Why the scraper stopped early, or null while it scrapes. */
  Exception failure() {
    return failure;
  }

  /**
   * Stops everything and says what was observed: the scrapes made, and the recording's Manta events
   * by type (read back from {@code jfrFile}, which stays for JDK Mission Control).
   */
  @Override
  public void close() {
    scraper.interrupt();
    try {
      scraper.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    recording.stop();
    Map<String, Long> events = new TreeMap<>();
    try {
      Path parent = jfrFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      recording.dump(jfrFile);
      try (RecordingFile f = new RecordingFile(jfrFile)) {
        while (f.hasMoreEvents()) {
          RecordedEvent e = f.readEvent();
          String type = e.getEventType().getName();
          if (type.startsWith("dev.manta.")) {
            events.merge(type, 1L, Long::sum);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write or read the recording " + jfrFile, e);
    } finally {
      recording.close();
      endpoint.close();
      metrics.close();
    }
    if (failure != null) {
      throw new IllegalStateException("scraping the metrics endpoint failed: " + failure, failure);
    }
    summary.put("metrics_scrapes", scrapes.get());
    summary.put("metrics_scrape_bytes", scrapeBytes.get());
    summary.put("jfr_file", jfrFile.toString());
    summary.put("jfr_manta_events", events);
  }

  private final Map<String, Object> summary = new LinkedHashMap<>();

  /** Scrapes answered so far. */
  long scrapes() {
    return scrapes.get();
  }

  /** What {@link #close} observed, for the JSON's {@code observe} field (empty before). */
  Map<String, Object> summary() {
    return summary;
  }
}
