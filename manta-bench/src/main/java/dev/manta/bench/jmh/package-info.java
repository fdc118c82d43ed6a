/**
 * JMH benchmarks of Manta's hot paths, to guide optimisation: a task's submit and completion, an
 * actor call, a serializer round trip, a store put and get. Run them with {@code java -jar
 * manta-bench/target/benchmarks.jar} (JMH's own options apply, e.g. {@code TaskBenchmark -f 1}).
 * They measure one path each and are no substitute for the Ray rows of {@code bin/bench}.
 */
package dev.manta.bench.jmh;
