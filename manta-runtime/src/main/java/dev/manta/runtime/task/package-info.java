/**
 * Tasks: their specs, resource demands, asynchronous dependency resolution and resource-aware
 * dispatch onto virtual threads. Owns the scheduler's resource accounting and the rule that a task
 * blocked in {@code get} gives its CPU back. Knows nothing of how functions are invoked or values
 * stored: {@code exec} runs a spec, {@code ownership} counts its argument refs.
 */
package dev.manta.runtime.task;
