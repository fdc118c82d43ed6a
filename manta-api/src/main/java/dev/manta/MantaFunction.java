package dev.manta;

import java.io.Serializable;

/**
 * The common type of every remote function, actor constructor and actor method reference ({@link
 * Fn0} to {@link Fn7}, {@link VoidFn0} to {@link VoidFn7}, {@link AsyncFn1} to {@link AsyncFn7}).
 *
 * <p>A remote function must be a method reference or a lambda that captures nothing: Manta
 * identifies it by the method it names, so that the same call can run in another process. A
 * capturing lambda is rejected when the call is submitted; pass what it would capture as an
 * argument instead. These interfaces are {@link Serializable} only so that Manta can read which
 * method a lambda names; users never serialize them.
 */
public interface MantaFunction extends Serializable {}
