package dev.manta.ray;

/**
 * Stands for a {@code null} argument: Ray passes nulls, Manta refuses them, so a null travels as
 * this constant and {@link RayFunction#invoke} turns it back. ({@code put} values and returns may
 * be null as they are: Manta's runtime stores a null.)
 */
enum RayNull {
  INSTANCE
}
