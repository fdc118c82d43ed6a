/**
 * Ray's {@code ray microbenchmark} rows, run on Manta with the same names, batch sizes, argument
 * sizes, client counts and timing loop ({@link dev.manta.bench.MicroBenchmark}, {@code bin/bench}),
 * and the merge of a Ray run with a Manta run into one table ({@link dev.manta.bench.Compare},
 * {@code bin/bench-compare}).
 *
 * <p>Owns the workload definitions ({@code RayRows}, {@code Workloads}), the timing loop ({@code
 * Timing}, a port of Ray's {@code ray_microbenchmark_helpers.timeit}) and the JSON/Markdown
 * reports. Knows nothing of Manta's internals: every row goes through the public {@code dev.manta}
 * API, as a user's program would. JMH benchmarks of the hot paths live in {@code
 * dev.manta.bench.jmh}.
 */
package dev.manta.bench;
