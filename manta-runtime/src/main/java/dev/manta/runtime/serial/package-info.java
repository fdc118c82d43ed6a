/**
 * The one serializer for arguments, returns and {@code put} values: Apache Fory in Java mode with
 * reference tracking, plus codecs for Manta's own handles ({@code ObjectRef}, {@code ActorHandle})
 * so that refs nested in values keep their identity and are counted. Also encodes exceptions (Java
 * serialization, falling back to class, message and stack trace text). Knows nothing of where bytes
 * are stored.
 */
package dev.manta.runtime.serial;
