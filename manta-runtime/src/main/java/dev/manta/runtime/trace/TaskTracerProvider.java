package dev.manta.runtime.trace;

import java.util.Map;

/**
 * Found with {@link java.util.ServiceLoader}: makes the process's tracer from its settings. The
 * module {@code manta-opentelemetry} provides one; without a provider on the class path a setting
 * that asks for tracing is refused.
 */
public interface TaskTracerProvider {
  /**
   * A tracer exporting to {@code endpoint}.
   *
   * @param endpoint the OTLP/HTTP base URL, already checked ({@code http} or {@code https}, a host)
   * @param settings every setting seen, for provider-specific ones
   * @throws IllegalArgumentException for a setting the provider refuses
   */
  TaskTracer create(java.net.URI endpoint, Map<String, String> settings);
}
