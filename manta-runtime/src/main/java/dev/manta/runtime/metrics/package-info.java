/**
 * What a core counts about its own work, for metrics exporters: task runs ended by kind and
 * outcome, and, only while an exporter asks for them, run durations. The counters cost one
 * uncontended {@link java.util.concurrent.atomic.LongAdder} increment per run; with no duration
 * sink set, a run pays one volatile read more. The Micrometer binding ({@code
 * dev.manta.micrometer.MantaMetrics}) reads them; this package depends on nothing but the JDK.
 */
package dev.manta.runtime.metrics;
