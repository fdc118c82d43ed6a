package dev.manta.runtime.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Handles inside values between serializers of different processes: here two {@link Serializer}s in
 * one JVM, each with its own Fory pool, as a driver and a worker have.
 */
class SerializerTest {
  /** A handle class with fields of its own, which its codec does not write. */
  static final class Token {
    final long id;
    final Object notWritten = new Object();
    final String alsoNotWritten = "local";

    Token(long id) {
      this.id = id;
    }
  }

  /** A value that holds a handle. */
  record Holder(String label, Object handle) {}

  private static final class TokenCodec implements HandleCodec<Token> {
    @Override
    public Class<Token> type() {
      return Token.class;
    }

    @Override
    public int typeId() {
      return 7;
    }

    @Override
    public void write(Token t, long[] out) {
      out[0] = t.id;
    }

    @Override
    public Token read(long[] in) {
      return new Token(in[0]);
    }
  }

  private static Serializer newProcess() {
    return new Serializer(List.of(new TokenCodec()), SerializerTest.class.getClassLoader());
  }

  static Stream<Function<Token, Object>> shapes() {
    return Stream.of(
        t -> t,
        t -> List.of(t),
        t -> new ArrayList<>(List.of(t, t)),
        t -> new Holder("holder", t),
        t -> Map.of("key", t));
  }

  /** The ids of every token in {@code value}, whatever shape it has. */
  private static List<Long> ids(Object value) {
    return switch (value) {
      case Token t -> List.of(t.id);
      case List<?> l -> l.stream().flatMap(e -> ids(e).stream()).toList();
      case Holder h -> ids(h.handle());
      case Map<?, ?> m -> m.values().stream().flatMap(e -> ids(e).stream()).toList();
      default -> throw new AssertionError("unexpected " + value);
    };
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void handleReadBeforeAnyWrite_isWrittenBackAsItsCodecWrites(Function<Token, Object> shape)
      throws Exception {
    Serializer driver = newProcess();
    Serializer worker = newProcess();
    Object sent = shape.apply(new Token(42));
    byte[] toWorker = driver.serialize(sent, h -> {});
    // The worker's first contact with Token is a read, on several pooled Fory instances.
    List<Object> received = onVirtualThreads(8, () -> worker.deserialize(toWorker));
    for (Object r : received) {
      assertThat(ids(r)).isEqualTo(ids(sent));
    }
    List<byte[]> back = onVirtualThreads(8, () -> worker.serialize(received.get(0), h -> {}));
    for (byte[] b : back) {
      assertThat(b).as("the worker writes what the driver wrote").isEqualTo(toWorker);
      assertThat(ids(driver.deserialize(b))).isEqualTo(ids(sent));
    }
  }

  private static <T> List<T> onVirtualThreads(int n, Callable<T> work) throws Exception {
    List<Future<T>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(work));
      }
    }
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  @Test
  void handleCodecThatThrows_failsDeserialize_withItsMessage() {
    Serializer writer = newProcess();
    Serializer reader =
        new Serializer(
            List.of(
                new HandleCodec<Token>() {
                  @Override
                  public Class<Token> type() {
                    return Token.class;
                  }

                  @Override
                  public int typeId() {
                    return 7;
                  }

                  @Override
                  public void write(Token t, long[] out) {
                    out[0] = t.id;
                  }

                  @Override
                  public Token read(long[] in) {
                    throw new IllegalStateException("Actor " + in[0] + " is unknown here");
                  }
                }),
            SerializerTest.class.getClassLoader());
    byte[] bytes = writer.serialize(new ArrayList<>(List.of(new Token(5))), h -> {});
    assertThatThrownBy(() -> reader.deserialize(bytes))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot deserialize a value of " + bytes.length + " bytes")
        .hasMessageContaining("Actor 5 is unknown here");
  }

  @Test
  void codecsSharingATypeId_areRefused() {
    assertThatThrownBy(
            () ->
                new Serializer(
                    List.of(new TokenCodec(), new TokenCodec()),
                    SerializerTest.class.getClassLoader()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("type id 7")
        .hasMessageContaining("its own id");
  }
}
