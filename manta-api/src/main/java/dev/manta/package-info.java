/**
 * Manta's public API: remote tasks ({@link dev.manta.Manta#task}), stateful actors ({@link
 * dev.manta.Manta#actor}), an object store of immutable values ({@link dev.manta.Manta#put}, {@link
 * dev.manta.Manta#get}) and futures for everything ({@link dev.manta.ObjectRef}).
 *
 * <p>This package has no dependencies and no implementation: a runtime on the class path is found
 * with {@link java.util.ServiceLoader} ({@link dev.manta.spi.MantaRuntimeProvider}). Every failure
 * of remote work is a {@link dev.manta.MantaException}; invalid arguments are reported with the
 * JDK's {@link IllegalArgumentException}, {@link NullPointerException} and {@link
 * IllegalStateException}, with a message that names the problem and the fix.
 */
package dev.manta;
