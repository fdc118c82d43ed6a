package dev.manta.runtime.trace;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The process's tracer, or none (the default). Read once from the settings: the system property
 * {@value #ENDPOINT} (or the environment variable {@code MANTA_TRACING_OTLP_ENDPOINT}, else the
 * standard {@code OTEL_EXPORTER_OTLP_ENDPOINT}); set, it needs a {@link TaskTracerProvider} on the
 * class path ({@code manta-opentelemetry}). Worker processes inherit the environment of the node
 * that starts them.
 *
 * <p>Implementation notes: the tracer is a volatile field written by {@link #tracer()}'s first call
 * (under the class lock) and by {@link #install}; runs read it once at start. When off it is null
 * and the task path makes no span objects, only this one read.
 */
public final class Tracing {
  /** The setting naming the OTLP/HTTP endpoint, e.g. {@code http://localhost:4318}. */
  public static final String ENDPOINT = "manta.tracing.otlp-endpoint";

  /**
   * The setting naming the node a process runs on, put on its spans as {@code manta.node.id}; a
   * cluster's worker processes set it to their node's id before their first run.
   */
  public static final String NODE = "manta.tracing.node";

  private static volatile TaskTracer tracer;
  private static boolean read;

  @SuppressWarnings("ThreadLocalUsage") // the span context of the run on this thread
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private Tracing() {}

  /**
   * The process's tracer, made from the settings on first call; null when tracing is off.
   *
   * @throws IllegalArgumentException if the endpoint setting is not an http(s) URL with a host, or
   *     no provider is on the class path
   */
  public static TaskTracer tracer() {
    TaskTracer t = tracer;
    if (t != null) {
      return t;
    }
    synchronized (Tracing.class) {
      if (!read) {
        Map<String, String> settings = new HashMap<>();
        System.getProperties().forEach((k, v) -> settings.put(k.toString(), v.toString()));
        tracer = fromSettings(settings, System.getenv());
        read = true;
      }
      return tracer;
    }
  }

  /** Replaces the process's tracer (null: off); for programs and tests that make their own. */
  public static synchronized void install(TaskTracer t) {
    read = true;
    tracer = t;
  }

  /**
   * The tracer {@code settings} and {@code env} ask for, or null if none is asked for.
   *
   * @throws IllegalArgumentException for a bad endpoint or no provider
   */
  public static TaskTracer fromSettings(Map<String, String> settings, Map<String, String> env) {
    String raw = settings.get(ENDPOINT);
    String from = ENDPOINT;
    if (raw == null) {
      raw = env.get("MANTA_TRACING_OTLP_ENDPOINT");
      from = "MANTA_TRACING_OTLP_ENDPOINT";
    }
    if (raw == null) {
      raw = env.get("OTEL_EXPORTER_OTLP_ENDPOINT");
      from = "OTEL_EXPORTER_OTLP_ENDPOINT";
    }
    if (raw == null || raw.isBlank()) {
      return null;
    }
    URI uri = endpoint(from, raw.strip());
    for (TaskTracerProvider p : ServiceLoader.load(TaskTracerProvider.class)) {
      return p.create(uri, settings);
    }
    throw new IllegalArgumentException(
        from
            + " is set ("
            + raw
            + ") but no tracer is on the class path: add the module dev.manta:manta-opentelemetry,"
            + " or unset it");
  }

  /** Checks an endpoint value: an http or https URL with a host. */
  public static URI endpoint(String from, String raw) {
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw badEndpoint(from, raw, e.getMessage());
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw badEndpoint(from, raw, "the scheme is not http or https");
    }
    if (uri.getHost() == null) {
      throw badEndpoint(from, raw, "it names no host");
    }
    return uri;
  }

  private static IllegalArgumentException badEndpoint(String from, String raw, String why) {
    return new IllegalArgumentException(
        from
            + "="
            + raw
            + " is not an OTLP/HTTP endpoint ("
            + why
            + "); give a URL such as http://localhost:4318");
  }

  /** Whether a tracer is installed (one volatile read). */
  public static boolean enabled() {
    return tracer != null;
  }

  /** The traceparent of the run on this thread, or null (none, or tracing off). */
  public static String current() {
    return tracer == null ? null : CURRENT.get();
  }

  /** Sets the run on this thread's traceparent; returns the one it replaces. */
  static String enter(String traceParent) {
    String old = CURRENT.get();
    CURRENT.set(traceParent);
    return old;
  }

  /** Restores what {@link #enter} replaced. */
  static void exit(String previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  /**
   * Starts the span of a run if tracing is on and enters it on this thread; null when off (nothing
   * made). End it with {@link Scope#close}.
   */
  public static Scope begin(TaskTracer.RunInfo run) {
    TaskTracer t = tracer;
    if (t == null) {
      return null;
    }
    TaskTracer.Span span = t.start(run);
    return new Scope(span, enter(span.traceParent()));
  }

  /** A started span entered on one thread. */
  public static final class Scope {
    private final TaskTracer.Span span;
    private final String previous;

    Scope(TaskTracer.Span span, String previous) {
      this.span = span;
      this.previous = previous;
    }

    /** Leaves the span on this thread (the run's code returned or threw). */
    public void leave() {
      exit(previous);
    }

    /** Ends the span with how the run ended. */
    public void end(String outcome) {
      span.end(outcome);
    }
  }
}
