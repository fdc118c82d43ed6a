/**
 * Ownership and reference counting: the owner's table of the objects it created, what keeps each
 * alive, and freeing at zero. Also the {@link dev.manta.ObjectRef} implementation, whose
 * reachability is the "local reference" count. Knows nothing of how values are stored: it calls
 * back to free them.
 *
 * <p>An object stays alive while any of these is non-zero (see {@link
 * dev.manta.runtime.ownership.OwnedObject}): reachable local refs, reachable borrowed refs (refs
 * that a task or actor received inside an argument), pending tasks that take it as an argument,
 * objects that contain it, or its own producing task still running.
 */
package dev.manta.runtime.ownership;
