/**
 * Programs a new user reads and copies, each a {@code main} on the public API only; {@code
 * bin/example NAME [--cluster]} runs one (see {@code examples/README.md}):
 *
 * <ul>
 *   <li>{@link dev.manta.examples.WordCount} ({@code wordcount}): tasks count words, an actor adds
 *       the counts up;
 *   <li>{@link dev.manta.examples.ParameterSweep} ({@code sweep}): hundreds of tasks over one
 *       shared data set, a results actor;
 *   <li>{@link dev.manta.examples.Pipeline} ({@code pipeline}): three actors passing arrays of
 *       several MiB through the object store;
 *   <li>{@link dev.manta.examples.RayPrimes} ({@code ray}): a program written against Ray's Java
 *       API, run on Manta;
 *   <li>{@link dev.manta.examples.MonteCarloDemo} ({@code montecarlo}, also {@code bin/demo}): the
 *       main demo.
 * </ul>
 */
package dev.manta.examples;
