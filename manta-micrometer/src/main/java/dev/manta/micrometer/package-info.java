/**
 * Manta's metrics for Micrometer: {@link dev.manta.micrometer.MantaMetrics} binds a runtime's
 * tasks, actors, references and object store to any {@code MeterRegistry}, and {@link
 * dev.manta.micrometer.MetricsEndpoint} serves a registry as Prometheus text over HTTP, as every
 * process of a cluster does. Meter names follow Ray's where Ray has one ({@code ray_tasks} is
 * {@code manta_tasks}); {@code docs/observability.md} lists them all.
 */
package dev.manta.micrometer;
