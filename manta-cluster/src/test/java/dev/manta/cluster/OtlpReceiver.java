package dev.manta.cluster;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A test's OTLP/HTTP receiver: accepts POST /v1/traces (protobuf), keeps every span with the pid of
 * the process that sent it. Thread-safe (the list is guarded by this).
 */
final class OtlpReceiver /* a copy of manta-opentelemetry's test receiver */
    implements AutoCloseable {
  /** A received span, ids in hex. */
  record Received(String name, String traceId, String spanId, String parentId, long pid, Span raw) {
    /** The span's string attribute {@code key}, or null. */
    String attribute(String key) {
      return raw.getAttributesList().stream()
          .filter(a -> a.getKey().equals(key))
          .map(a -> a.getValue().getStringValue())
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Received> spans = new ArrayList<>();
  private int posts;

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/traces",
        ex -> {
          try (InputStream in = ex.getRequestBody()) {
            ExportTraceServiceRequest req = ExportTraceServiceRequest.parseFrom(in.readAllBytes());
            add(req);
            ex.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            ex.sendResponseHeaders(200, -1);
          } catch (IOException e) {
            ex.sendResponseHeaders(400, -1);
          } finally {
            ex.close();
          }
        });
    server.start();
  }

  private synchronized void add(ExportTraceServiceRequest req) {
    posts++;
    HexFormat hex = HexFormat.of();
    for (ResourceSpans rs : req.getResourceSpansList()) {
      long pid =
          rs.getResource().getAttributesList().stream()
              .filter(a -> a.getKey().equals("process.pid"))
              .mapToLong(a -> a.getValue().getIntValue())
              .findFirst()
              .orElse(-1);
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (Span s : ss.getSpansList()) {
          spans.add(
              new Received(
                  s.getName(),
                  hex.formatHex(s.getTraceId().toByteArray()),
                  hex.formatHex(s.getSpanId().toByteArray()),
                  hex.formatHex(s.getParentSpanId().toByteArray()),
                  pid,
                  s));
        }
      }
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized List<Received> spans() {
    return List.copyOf(spans);
  }

  synchronized int posts() {
    return posts;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
