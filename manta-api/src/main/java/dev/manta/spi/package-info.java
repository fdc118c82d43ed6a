/**
 * The service-provider interface between the API and a runtime: {@link
 * dev.manta.spi.MantaRuntimeProvider} is found with {@link java.util.ServiceLoader} and starts a
 * {@link dev.manta.spi.MantaRuntime}. Users do not need this package.
 */
package dev.manta.spi;
