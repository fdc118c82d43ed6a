/**
 * Tracing of task trees: the runtime's seam ({@link dev.manta.runtime.trace.TaskTracer}) and the
 * process-wide switch ({@link dev.manta.runtime.trace.Tracing}). Off by default; the W3C
 * traceparent of the submitting run travels in the task spec.
 */
package dev.manta.runtime.trace;
