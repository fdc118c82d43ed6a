package dev.manta.runtime.serial;

import dev.manta.runtime.serial.filter.RefusedTypeException;
import dev.manta.runtime.serial.filter.ValueClassFilter;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.Reference;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import org.apache.fory.Fory;
import org.apache.fory.ThreadSafeFory;
import org.apache.fory.config.CompatibleMode;
import org.apache.fory.config.Language;
import org.apache.fory.context.ReadContext;
import org.apache.fory.context.WriteContext;
import org.apache.fory.resolver.TypeResolver;

/**
 * Copies values to bytes and back with Apache Fory.
 *
 * <p>Why Fory: it needs no {@code Serializable} marker (records and plain classes work), keeps
 * object identity and cycles with reference tracking, supports a class allowlist for cluster mode
 * ({@code requireClassRegistration}), and measured about 160 ns for a small record round trip here,
 * against about 330 ns for Kryo and several microseconds for Java serialization.
 *
 * <p>Thread-safety: safe for concurrent use. Fory instances are single-threaded; Fory's own
 * thread-safe pool lends one per call, so virtual threads do not each build one.
 */
public final class Serializer {
  /*
   * Implementation notes
   *  - The handle codecs need to know which value is being written (to record the refs it
   *    contains): `SINK` carries a per-call consumer through Fory's callbacks. Serialization
   *    never nests, so one slot per thread is enough.
   *  - Fory's own pool (buildThreadSafeForyPool), not a pool of separately built instances: the
   *    pool's instances share one registry of type metadata (Fory's SharedRegistry).
   *  - Handle classes are registered as types with fixed ids (HandleCodec.typeId), not only
   *    with a serializer. Fory 1.6 runs in COMPATIBLE mode with scoped meta share (its default,
   *    pinned here): a class that has a serializer but no registered type is written by name
   *    with its class meta, and a process whose first contact with the class is a read
   *    rebuilds its type info from that meta; from then on it writes the handle as a struct
   *    (a TypeDef of ActorHandleImpl's Java fields, then the codec's longs), which every other
   *    process decodes field by field into an empty handle or fails on. A cluster worker's
   *    first contact is always a read (its arguments), so a handle it returned or put never
   *    came back (issue 15). With a type id, every process writes and reads the id and the
   *    codec's longs, whatever it saw first. SerializerTest reads before writing on purpose.
   *  - Classes that hold threads, streams, sockets or locks are refused before Fory sees them:
   *    a copy of such an object would be a silent lie.
   */
  /** Fory's internal type ids are below this (its INTERNAL_NATIVE_ID_LIMIT). */
  private static final int BUILT_IN_TYPE_IDS = 250;

  private static final ThreadLocal<Consumer<Object>> SINK = new ThreadLocal<>();
  private static final List<Class<?>> NEVER_SERIALIZABLE =
      List.of(
          Thread.class,
          ThreadGroup.class,
          ClassLoader.class,
          InputStream.class,
          OutputStream.class,
          Socket.class,
          ServerSocket.class,
          Channel.class,
          Lock.class,
          ExecutorService.class,
          Reference.class);

  private static final java.util.concurrent.atomic.AtomicBoolean WARMING =
      new java.util.concurrent.atomic.AtomicBoolean();

  private final ThreadSafeFory fory;
  private final LoaderChain loaders;

  /**
   * Starts loading and initializing Fory on a daemon thread, once per process, and returns at once.
   * The first Fory a JVM builds costs it 0.25–0.4 s (class loading and Fory's static tables); the
   * ones after cost a few milliseconds. A process that will build a serializer soon, after other
   * slow work of its own (a driver joining a cluster asks the head first), calls this at the start
   * of that work so that a second core does it meanwhile. The instance built is dropped; nothing it
   * did is observable but time.
   */
  public static void warmUp() {
    if (!WARMING.compareAndSet(false, true)) {
      return;
    }
    Thread.ofPlatform()
        .daemon()
        .name("manta-serializer-warmup")
        .start(
            () -> {
              try {
                settings().build();
              } catch (RuntimeException | LinkageError e) {
                // Only time is lost: the real serializer reports whatever is wrong.
              }
            });
  }

  /** A serializer that writes the given handle classes with their codecs, generating code. */
  public Serializer(List<HandleCodec<?>> codecs, ClassLoader classLoader) {
    this(codecs, classLoader, true);
  }

  /**
   * A serializer that writes the given handle classes with their codecs; {@code codegen} false uses
   * Fory's reflective path instead of generated code ({@code MantaConfig#serializerCodegen}).
   */
  public Serializer(List<HandleCodec<?>> codecs, ClassLoader classLoader, boolean codegen) {
    this(codecs, classLoader, codegen, null);
  }

  /**
   * A serializer as above that, with a {@code filter} (cluster mode), reads and writes only the
   * classes it allows, refusing others by name before they are loaded; null: every class (embedded
   * mode, where no bytes come from another process).
   */
  public Serializer(
      List<HandleCodec<?>> codecs,
      ClassLoader classLoader,
      boolean codegen,
      ValueClassFilter filter) {
    List<HandleCodec<?>> all = List.copyOf(codecs);
    checkTypeIds(all);
    this.loaders = new LoaderChain(classLoader);
    var builder = settings().withCodegen(codegen).withClassLoader(loaders);
    if (filter != null) {
      // Fory asks before it loads a class named in the bytes, and before it makes a serializer
      // for a class it writes; it remembers each name accepted (see ValueClassFilter).
      builder.withTypeChecker((resolver, className) -> check(filter, className));
    }
    this.fory =
        builder.buildThreadSafeForyPool(
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    fory.registerCallback(
        f -> {
          for (HandleCodec<?> codec : all) {
            register(f, codec);
          }
          if (filter != null) {
            refuseBuiltIns(f, filter);
          }
        });
  }

  /** Fory's settings every serializer of Manta's shares (and the warm-up builds with). */
  private static org.apache.fory.config.ForyBuilder settings() {
    return Fory.builder()
        .withLanguage(Language.JAVA)
        .withRefTracking(true)
        .withCompatibleMode(CompatibleMode.COMPATIBLE)
        .requireClassRegistration(false)
        .suppressClassRegistrationWarnings(true);
  }

  /**
   * Puts a refusing serializer in place of each of Fory's built-in ones for a JDK class that {@code
   * filter} refuses ({@code PriorityQueue}, {@code Class}, and what the filter's setting leaves
   * out): those travel as a type id, not a name, so the type checker never sees them. Their classes
   * are the JDK's, loaded when Fory registered them; what is refused is rebuilding one from bytes.
   */
  private static void refuseBuiltIns(Fory f, ValueClassFilter filter) {
    TypeResolver resolver = f.getTypeResolver();
    for (int id = 0; id < BUILT_IN_TYPE_IDS; id++) {
      Class<?> c;
      try {
        org.apache.fory.resolver.TypeInfo info = resolver.getTypeInfoByTypeId(id);
        c = info == null ? null : info.getType();
      } catch (RuntimeException e) {
        continue; // an id Fory keeps for user types, or none
      }
      if (c == null
          || c.getName().startsWith("org.apache.fory.") // Fory's own stubs and types
          || c.isPrimitive()
          || c.isInterface()
          || java.lang.reflect.Modifier.isAbstract(c.getModifiers())
          || filter.allows(c.getName())) {
        continue;
      }
      refuse(resolver, c, filter);
    }
  }

  private static <T> void refuse(TypeResolver resolver, Class<T> c, ValueClassFilter filter) {
    resolver.registerInternalSerializer(c, new RefusingSerializer<>(resolver, c, filter));
  }

  /** Stands in for a built-in serializer of a refused class: reading or writing one throws. */
  private static final class RefusingSerializer<T>
      extends org.apache.fory.serializer.Serializer<T> {
    private final ValueClassFilter filter;

    RefusingSerializer(TypeResolver resolver, Class<T> type, ValueClassFilter filter) {
      super(resolver.getConfig(), type);
      this.filter = filter;
    }

    @Override
    public void write(WriteContext ctx, T value) {
      filter.check(type.getName());
      throw new IllegalStateException("unreachable: " + type.getName() + " is refused");
    }

    @Override
    public T read(ReadContext ctx) {
      filter.check(type.getName());
      throw new IllegalStateException("unreachable: " + type.getName() + " is refused");
    }
  }

  /**
   * Serializes {@code value}; each handle met on the way is passed to {@code onHandle}.
   *
   * @throws IllegalArgumentException if the value (or an object inside it) cannot be serialized, or
   *     is of a class the filter refuses (then its cause is a {@link RefusedTypeException}); the
   *     message names the class
   */
  public byte[] serialize(Object value, Consumer<Object> onHandle) {
    checkSerializable(value);
    if (value != null) {
      loaders.learn(value.getClass());
    }
    Consumer<Object> previous = SINK.get();
    SINK.set(onHandle);
    try {
      return fory.serialize(value);
    } catch (RuntimeException e) {
      RefusedTypeException refused = refusal(e);
      if (refused != null) {
        throw new IllegalArgumentException(refused.getMessage(), refused);
      }
      throw cannotSerialize(value, e);
    } catch (StackOverflowError e) {
      throw cannotSerialize(value, e);
    } finally {
      SINK.set(previous);
    }
  }

  private static IllegalArgumentException cannotSerialize(Object value, Throwable e) {
    return new IllegalArgumentException(
        "Cannot serialize a "
            + value.getClass().getName()
            + ": "
            + rootMessage(e)
            + ". Manta copies every argument, return value and put value; use plain data"
            + " (records, collections, arrays, classes with serializable fields) and pass"
            + " resources such as streams or threads by name instead",
        e);
  }

  /** Remembers where {@code c} comes from, so values of classes from its loader deserialize. */
  public void learn(Class<?> c) {
    loaders.learn(c);
  }

  /**
   * Rebuilds a value from {@link #serialize} output.
   *
   * @throws RefusedTypeException if the bytes name a class the filter refuses (never loaded)
   * @throws IllegalStateException if the bytes cannot be read (a class missing here, say)
   */
  public Object deserialize(byte[] bytes) {
    try {
      return fory.deserialize(bytes);
    } catch (RuntimeException e) {
      throw cannotDeserialize(e, bytes.length);
    }
  }

  private static RuntimeException cannotDeserialize(RuntimeException e, int length) {
    RefusedTypeException refused = refusal(e);
    if (refused != null) {
      return refused;
    }
    return new IllegalStateException(
        "Cannot deserialize a value of " + length + " bytes: " + rootMessage(e), e);
  }

  private static boolean check(ValueClassFilter filter, String className) {
    filter.check(className); // throws: Fory's own refusal would not name the setting
    return true;
  }

  /** The filter's refusal inside {@code e}, which Fory may have wrapped, or null. */
  private static RefusedTypeException refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RefusedTypeException r) {
        return r;
      }
    }
    return null;
  }

  /** Rebuilds a value from bytes in a buffer (for example a view of store memory). */
  public Object deserialize(ByteBuffer bytes) {
    int length = bytes.remaining();
    try {
      return fory.deserialize(bytes);
    } catch (RuntimeException e) {
      throw cannotDeserialize(e, length);
    }
  }

  /**
   * What went wrong at the bottom of {@code e}: Fory wraps a failure inside a value (a handle
   * codec's, a missing class) in exceptions whose message lists only the objects read so far.
   */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : root.toString();
  }

  private static void checkSerializable(Object value) {
    if (value == null) {
      return;
    }
    Class<?> c = value.getClass();
    for (Class<?> bad : NEVER_SERIALIZABLE) {
      if (bad.isAssignableFrom(c)) {
        throw new IllegalArgumentException(
            "Cannot serialize a "
                + c.getName()
                + ": a "
                + bad.getSimpleName()
                + " is a live resource of this process, not data. Pass what it reads or"
                + " produces instead, or create it inside the task or actor");
      }
    }
  }

  private static void checkTypeIds(List<HandleCodec<?>> codecs) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (HandleCodec<?> c : codecs) {
      int id = c.typeId();
      if (id < 1 || id > 255 || !seen.add(id)) {
        throw new IllegalArgumentException(
            "Handle codec for "
                + c.type().getName()
                + " has type id "
                + id
                + "; each codec needs its own id from 1 to 255");
      }
    }
  }

  private static <T> void register(Fory fory, HandleCodec<T> codec) {
    // The serializer first: it makes the registered type an extension type (see the notes).
    fory.registerSerializer(
        codec.type(),
        (java.util.function.Function<TypeResolver, org.apache.fory.serializer.Serializer<?>>)
            resolver -> new HandleSerializer<>(resolver, codec));
    fory.register(codec.type(), codec.typeId());
  }

  /** Fory glue for one handle class. */
  private static final class HandleSerializer<T> extends org.apache.fory.serializer.Serializer<T> {
    private final HandleCodec<T> codec;

    HandleSerializer(TypeResolver resolver, HandleCodec<T> codec) {
      super(resolver.getConfig(), codec.type());
      this.codec = codec;
    }

    @Override
    public void write(WriteContext ctx, T value) {
      long[] parts = new long[3];
      codec.write(value, parts);
      ctx.writeInt64(parts[0]);
      ctx.writeInt64(parts[1]);
      ctx.writeInt64(parts[2]);
      Consumer<Object> sink = SINK.get();
      if (sink != null) {
        sink.accept(value);
      }
    }

    @Override
    public T read(ReadContext ctx) {
      long[] parts = {ctx.readInt64(), ctx.readInt64(), ctx.readInt64()};
      return codec.read(parts);
    }
  }
}
