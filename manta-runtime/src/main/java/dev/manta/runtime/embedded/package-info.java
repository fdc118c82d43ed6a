/**
 * The embedded runtime: the default of {@code Manta.init()}, one core worker in the user's JVM.
 * Registered as a {@link dev.manta.spi.MantaRuntimeProvider} through {@code ServiceLoader}.
 */
package dev.manta.runtime.embedded;
