/**
 * Values as the object store holds them: serialized bytes (inline, small) or a failure that stands
 * in for a value (errors are objects). Knows nothing of reference counts: {@code ownership} tells
 * it what to free.
 */
package dev.manta.runtime.store;
