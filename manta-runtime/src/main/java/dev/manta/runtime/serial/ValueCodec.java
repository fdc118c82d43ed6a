package dev.manta.runtime.serial;

import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.ownership.RefImpl;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.InlineValue;
import dev.manta.runtime.store.StoredValue;
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

  /** A codec over {@code serializer}; exceptions are rebuilt with {@code loader}. */
  public ValueCodec(Serializer serializer, ClassLoader loader) {
    this.serializer = serializer;
    this.loader = loader;
  }

  /**
   * A serialized value and the objects referenced from inside it.
   *
   * @param value the stored form
   * @param contained objects whose refs the value holds (each counted once per occurrence)
   */
  public record Encoded(StoredValue value, List<OwnedObject> contained) {}

  /**
   * Serializes {@code value} for storage.
   *
   * @param marksStage the value came from a {@code CompletionStage} (see {@link InlineValue})
   * @throws IllegalArgumentException if it cannot be serialized
   */
  public Encoded encode(Object value, boolean marksStage) {
    List<OwnedObject> contained = new ArrayList<>(0);
    byte[] bytes = serializer.serialize(value, h -> collect(h, contained));
    return new Encoded(new InlineValue(bytes, marksStage), contained);
  }

  /** Serializes a task argument, adding the objects it references to {@code refsOut}. */
  public byte[] encodeArg(Object value, List<OwnedObject> refsOut) {
    return serializer.serialize(value, h -> collect(h, refsOut));
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
        Object value = serializer.deserialize(in.bytes());
        yield in.marksStage() ? CompletableFuture.completedFuture(value) : value;
      }
      case Failure f -> throw f.toException(loader);
    };
  }

  private static void collect(Object handle, List<OwnedObject> out) {
    if (handle instanceof RefImpl<?> r) {
      out.add(r.object());
    }
  }
}
