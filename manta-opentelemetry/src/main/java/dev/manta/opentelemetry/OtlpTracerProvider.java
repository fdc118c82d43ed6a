package dev.manta.opentelemetry;

import dev.manta.runtime.trace.TaskTracer;
import dev.manta.runtime.trace.TaskTracerProvider;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Makes a {@link TaskTracer} on the OpenTelemetry SDK: one span per run, batched and sent to {@code
 * <endpoint>/v1/traces} over OTLP/HTTP (protobuf). Settings it reads besides the endpoint: {@value
 * #SERVICE} (the service name, default {@code manta}) and {@value #NODE} (the node id put on every
 * span; cluster processes set it).
 */
public final class OtlpTracerProvider implements TaskTracerProvider {
  /** The service name of the spans. */
  public static final String SERVICE = "manta.tracing.service-name";

  /** The node id attribute of the spans. */
  public static final String NODE = dev.manta.runtime.trace.Tracing.NODE;

  /** Makes providers for the service loader. */
  public OtlpTracerProvider() {}

  @Override
  public TaskTracer create(URI endpoint, Map<String, String> settings) {
    String base = endpoint.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    OtlpHttpSpanExporter exporter =
        OtlpHttpSpanExporter.builder().setEndpoint(base + "/v1/traces").build();
    long pid = ProcessHandle.current().pid();
    Resource resource =
        Resource.getDefault()
            .merge(
                Resource.create(
                    Attributes.of(
                        AttributeKey.stringKey("service.name"),
                        settings.getOrDefault(SERVICE, "manta"),
                        AttributeKey.longKey("process.pid"),
                        pid)));
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(resource)
            .addSpanProcessor(
                BatchSpanProcessor.builder(exporter)
                    .setScheduleDelay(Duration.ofSeconds(1))
                    .build())
            .build();
    return new OtlpTracer(provider, settings.get(NODE), pid);
  }

  /** The tracer: thread-safe, as the SDK's tracer is. */
  static final class OtlpTracer implements TaskTracer {
    private static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("manta.task.id");
    private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("manta.task.attempt");
    private static final AttributeKey<String> KIND = AttributeKey.stringKey("manta.task.kind");
    private static final AttributeKey<String> ACTOR = AttributeKey.stringKey("manta.actor.id");
    private static final AttributeKey<String> NODE_ID = AttributeKey.stringKey("manta.node.id");
    private static final AttributeKey<Long> PID = AttributeKey.longKey("manta.worker.pid");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("manta.outcome");

    private static final TextMapGetter<String> FROM_PARENT =
        new TextMapGetter<>() {
          @Override
          public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
          }

          @Override
          public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
          }
        };

    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final String node;
    private final long pid;

    OtlpTracer(SdkTracerProvider provider, String node, long pid) {
      this.provider = provider;
      this.tracer = provider.get("dev.manta");
      this.node = node;
      this.pid = pid;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(this::close, "manta-tracing-flush")); // workers exit so
    }

    @Override
    public TaskTracer.Span start(RunInfo run) {
      Context parent =
          run.parent() == null
              ? Context.root()
              : W3CTraceContextPropagator.getInstance()
                  .extract(Context.root(), run.parent(), FROM_PARENT);
      var b =
          tracer
              .spanBuilder(run.name())
              .setParent(parent)
              .setSpanKind(SpanKind.INTERNAL)
              .setAttribute(TASK_ID, run.taskId())
              .setAttribute(ATTEMPT, (long) run.attempt())
              .setAttribute(KIND, run.kind())
              .setAttribute(PID, pid);
      if (run.actorId() != null) {
        b.setAttribute(ACTOR, run.actorId());
      }
      if (node != null) {
        b.setAttribute(NODE_ID, node);
      }
      io.opentelemetry.api.trace.Span span = b.startSpan();
      SpanContext c = span.getSpanContext();
      String traceParent =
          "00-" + c.getTraceId() + "-" + c.getSpanId() + "-" + c.getTraceFlags().asHex();
      return new TaskTracer.Span() {
        @Override
        public String traceParent() {
          return traceParent;
        }

        @Override
        public void end(String outcome) {
          span.setAttribute(OUTCOME, outcome);
          if (!"FINISHED".equals(outcome)) {
            span.setStatus(StatusCode.ERROR, outcome);
          }
          span.end();
        }
      };
    }

    @Override
    public void close() {
      provider.shutdown().join(10, TimeUnit.SECONDS);
    }
  }
}
