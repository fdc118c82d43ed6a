package dev.manta.runtime.store;

/**
 * What an object holds once it is ready: its serialized bytes, or the failure that replaces them.
 * Immutable.
 */
public sealed interface StoredValue permits InlineValue, StoreValue, RemoteValue, Failure {
  /** Serialized size in bytes (0 for a failure). */
  long sizeBytes();

  /** Where the value is, for {@code memorySummary}. */
  String location();
}
