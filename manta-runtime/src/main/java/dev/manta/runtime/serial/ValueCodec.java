package dev.manta.runtime.serial;

import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.ownership.RefImpl;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.InlineValue;
import dev.manta.runtime.store.ObjectStore;
import dev.manta.runtime.store.RemoteValue;
import dev.manta.runtime.store.StoreValue;
import dev.manta.runtime.store.StoredValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Turns user values into stored values and back, recording the refs a value contains so that
 * ownership can count them. Thread-safe.
 */
public final class ValueCodec {
  private final Serializer serializer;
  private final ClassLoader loader;
  private final ObjectStore store;
  private final int inlineThresholdBytes;

  /**
   * A codec over {@code serializer}; values larger than {@code inlineThresholdBytes} go to {@code
   * store}; exceptions are rebuilt with {@code loader}.
   */
  public ValueCodec(
      Serializer serializer, ClassLoader loader, ObjectStore store, int inlineThresholdBytes) {
    this.serializer = serializer;
    this.loader = loader;
    this.store = store;
    this.inlineThresholdBytes = inlineThresholdBytes;
  }

  /**
   * A serialized value and the objects referenced from inside it.
   *
   * @param value the stored form
   * @param contained objects whose refs the value holds (each counted once per occurrence)
   * @param keepAlive leases of handles (actors) inside the value
   */
  public record Encoded(StoredValue value, List<OwnedObject> contained, List<Object> keepAlive) {}

  /**
   * Serializes {@code value} as object {@code id}: inline if small, else into the node store. A
   * {@link ByteBuffer} is stored as its raw bytes, so that {@code get} can return a zero-copy view.
   *
   * @param marksStage the value came from a {@code CompletionStage} (see {@link InlineValue})
   * @throws IllegalArgumentException if it cannot be serialized
   * @throws dev.manta.ObjectStoreFullException if the store has no room for it
   */
  public Encoded encode(ObjectId id, Object value, boolean marksStage) {
    List<OwnedObject> contained = new ArrayList<>(0);
    List<Object> keep = new ArrayList<>(0);
    int flags = marksStage ? InlineValue.MARKS_STAGE : 0;
    int kind = value == null ? 0 : PrimitiveArrays.kindOf(value);
    if (kind != 0) {
      long length = PrimitiveArrays.byteLength(value);
      if (length > inlineThresholdBytes && length <= Integer.MAX_VALUE) {
        // Large primitive array: one copy straight into store memory, no serializer.
        int arrayFlags = flags | (kind << InlineValue.ARRAY_SHIFT);
        serializer.learn(value.getClass());
        StoredValue v =
            store.put(id, (int) length, arrayFlags, buf -> PrimitiveArrays.write(value, buf));
        return new Encoded(v, List.of(), List.of());
      }
    }
    byte[] bytes;
    if (value instanceof ByteBuffer bb) {
      bytes = new byte[bb.remaining()];
      bb.duplicate().get(bytes);
      flags |= InlineValue.RAW_BYTES;
    } else {
      bytes = serializer.serialize(value, h -> collect(h, contained, keep));
    }
    StoredValue v =
        bytes.length > inlineThresholdBytes
            ? store.put(id, bytes, flags)
            : new InlineValue(bytes, flags);
    return new Encoded(v, contained, keep);
  }

  /**
   * Serializes a task argument, adding the objects it references to {@code refsOut} and the leases
   * of handles inside it to {@code keepOut}.
   */
  public byte[] encodeArg(Object value, List<OwnedObject> refsOut, List<Object> keepOut) {
    return serializer.serialize(value, h -> collect(h, refsOut, keepOut));
  }

  /** Remembers the loader of a remote function's class, for its argument and return types. */
  public void learn(Class<?> c) {
    serializer.learn(c);
  }

  /** Rebuilds a task argument from {@link #encodeArg}. */
  public Object decodeArg(byte[] bytes) {
    return serializer.deserialize(bytes);
  }

  /**
   * The user's value for a stored value.
   *
   * @throws dev.manta.MantaException the stored failure, as a fresh exception
   */
  public Object decode(OwnedObject o, StoredValue v) {
    return switch (v) {
      case InlineValue in -> {
        Object value =
            (in.flags() & InlineValue.RAW_BYTES) != 0
                ? ByteBuffer.wrap(in.bytes()).asReadOnlyBuffer()
                : serializer.deserialize(in.bytes());
        yield (in.flags() & InlineValue.MARKS_STAGE) != 0
            ? CompletableFuture.completedFuture(value)
            : value;
      }
      case StoreValue sv -> {
        Object value;
        if ((sv.flags() & InlineValue.RAW_BYTES) != 0) {
          value = store.view(sv.id());
        } else {
          int kind = (sv.flags() & InlineValue.ARRAY_MASK) >>> InlineValue.ARRAY_SHIFT;
          try (ObjectStore.Pin pin = store.pin(sv.id())) {
            value =
                kind != 0
                    ? PrimitiveArrays.read(kind, pin.bytes())
                    : serializer.deserialize(pin.bytes());
          }
        }
        yield (sv.flags() & InlineValue.MARKS_STAGE) != 0
            ? CompletableFuture.completedFuture(value)
            : value;
      }
      case RemoteValue rv -> decode(o, store.localize(rv));
      case Failure f -> throw f.toException(loader);
    };
  }

  private static void collect(Object handle, List<OwnedObject> out, List<Object> keep) {
    if (handle instanceof RefImpl<?> r) {
      out.add(r.object());
    } else if (handle instanceof Leased l) {
      keep.add(l.lease());
    }
  }
}
