/**
 * Ray's Java API ({@code io.ray:ray-api}) on Manta. Owns the translation of Ray calls, refs, actor
 * handles, options, {@code ray.*} properties and exceptions to Manta's, and the Ray actor features
 * Manta lacks (restarts on {@code kill(false)}, namespaces, concurrency groups). Owns no
 * scheduling, storage or execution: all of that is Manta's runtime, reached through {@link
 * dev.manta.spi.MantaRuntime}.
 */
package dev.manta.ray;
