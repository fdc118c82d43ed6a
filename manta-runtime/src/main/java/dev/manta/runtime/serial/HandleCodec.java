package dev.manta.runtime.serial;

/**
 * Writes and reads one of Manta's handle classes (object refs, actor handles) inside serialized
 * values. The core implements it: writing a ref records it as contained in the value being written;
 * reading one binds it to the runtime that reads it.
 *
 * @param <T> the handle class
 */
public interface HandleCodec<T> {
  /** The exact runtime class of the handles this codec writes. */
  Class<T> type();

  /**
   * The handle class's type id in serialized values, the same in every process (so it must not
   * depend on registration order) and unique among the codecs of one serializer; 1 to 255.
   */
  int typeId();

  /** Writes {@code handle} as up to three longs into {@code out}. */
  void write(T handle, long[] out);

  /** Rebuilds a handle from the longs {@link #write} produced. */
  T read(long[] in);
}
