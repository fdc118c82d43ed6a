package dev.manta.runtime.id;

/**
 * An actor's id: the creating worker's 64-bit prefix and a 64-bit sequence number.
 *
 * @param prefix random per worker process
 * @param sequence unique within that worker
 */
public record ActorId(long prefix, long sequence) {
  /** Lowercase hex, 32 digits. */
  public String hex() {
    return Ids.hex(prefix, sequence);
  }

  @Override
  public String toString() {
    return hex();
  }
}
