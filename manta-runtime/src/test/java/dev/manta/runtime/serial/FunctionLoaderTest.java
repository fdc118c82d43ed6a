package dev.manta.runtime.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Fn1;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/** A worker reads shipped functions through the allowlist for functions. */
class FunctionLoaderTest {
  static int inc(int x) {
    return x + 1;
  }

  private static byte[] bytes(Object o) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(b)) {
      out.writeObject(o);
    }
    return b.toByteArray();
  }

  @Test
  @SuppressWarnings("unchecked")
  void load_rebuildsALambda() throws Exception {
    Fn1<Integer, Integer> f = FunctionLoaderTest::inc;
    var back = (Fn1<Integer, Integer>) FunctionLoader.load(bytes(f), getClass().getClassLoader());
    assertThat(back.apply(1)).isEqualTo(2);
  }

  @Test
  void load_refusesBytesNamingAClassOutsideTheAllowlist_withItsName() throws Exception {
    byte[] gadget = bytes(new PriorityQueue<>(List.of(1, 2)));
    assertThatThrownBy(() -> FunctionLoader.load(gadget, getClass().getClassLoader()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Refused to deserialize a shipped function")
        .hasMessageContaining("java.util.PriorityQueue");
  }

  @Test
  void load_refusesAnAllowedValueThatIsNotAFunction() throws Exception {
    assertThatThrownBy(() -> FunctionLoader.load(bytes("text"), getClass().getClassLoader()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("java.lang.String, not a Manta function");
  }
}
