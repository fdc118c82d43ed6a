package dev.manta.runtime.id;

/**
 * A task's id: the issuing worker's 64-bit prefix and a 64-bit sequence number.
 *
 * @param prefix random per worker process
 * @param sequence unique within that worker
 */
public record TaskId(long prefix, long sequence) {
  /** Lowercase hex, 32 digits. */
  public String hex() {
    return Ids.hex(prefix, sequence);
  }

  @Override
  public String toString() {
    return hex();
  }
}
