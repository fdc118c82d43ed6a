/**
 * OpenTelemetry spans of Manta's task executions and actor calls, exported over OTLP/HTTP. On the
 * class path it is found by {@link dev.manta.runtime.trace.Tracing}; it does nothing unless {@code
 * manta.tracing.otlp-endpoint} (or {@code OTEL_EXPORTER_OTLP_ENDPOINT}) is set.
 */
package dev.manta.opentelemetry;
