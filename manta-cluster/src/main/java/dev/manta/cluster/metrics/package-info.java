/**
 * The Prometheus endpoints of a cluster's processes: each node process (head and agent), each
 * worker and, on request, a driver serves {@code GET /metrics} on loopback (or its {@code --bind}
 * address), and writes where in its session's {@code metrics} folder, one file per process in
 * Prometheus's {@code file_sd_configs} format, so a Prometheus on the machine finds every process
 * with one glob. {@code docs/observability.md} lists the meters and the settings.
 */
package dev.manta.cluster.metrics;
