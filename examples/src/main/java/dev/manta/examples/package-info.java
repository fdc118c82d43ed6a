/**
 * Runnable programs a new user reads first; {@code bin/demo} runs {@link
 * dev.manta.examples.MonteCarloDemo} on the embedded runtime.
 */
package dev.manta.examples;
