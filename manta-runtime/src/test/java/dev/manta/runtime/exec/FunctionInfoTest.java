package dev.manta.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.AsyncFn1;
import dev.manta.Fn0;
import dev.manta.Fn7;
import dev.manta.MantaFunction;
import dev.manta.VoidFn7;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** {@link FunctionInfo} and {@link Invoker} over the generated table of function interfaces. */
class FunctionInfoTest {
  /** A function of no Manta interface. */
  @SuppressWarnings("serial")
  static final class Bare implements MantaFunction {}

  @Test
  void maxArity_isTheLargestGeneratedInterface() throws Exception {
    int n = 0;
    while (exists("dev.manta.Fn" + (n + 1))) {
      n++;
    }

    assertThat(FunctionInfo.MAX_ARITY).isEqualTo(n);
    assertThat(exists("dev.manta.VoidFn" + n)).isTrue();
    assertThat(exists("dev.manta.AsyncFn" + n)).isTrue();
  }

  @Test
  void of_givesKindAndArity_ofEachInterface() {
    Fn0<String> value = () -> "v";
    VoidFn7<Object, Object, Object, Object, Object, Object, Object> none =
        (a, b, c, d, e, f, g) -> {};
    AsyncFn1<Object, String> async = a -> CompletableFuture.completedFuture("s");

    assertThat(FunctionInfo.of(value))
        .extracting(FunctionInfo::kind, FunctionInfo::arity)
        .containsExactly(FunctionInfo.Kind.VALUE, 0);
    assertThat(FunctionInfo.of(none))
        .extracting(FunctionInfo::kind, FunctionInfo::arity)
        .containsExactly(FunctionInfo.Kind.VOID, 7);
    assertThat(FunctionInfo.of(async))
        .extracting(FunctionInfo::kind, FunctionInfo::arity)
        .containsExactly(FunctionInfo.Kind.ASYNC, 1);
  }

  @Test
  void of_aFunctionOfNoInterface_namesTheInterfacesUpToMaxArity() {
    assertThatThrownBy(() -> FunctionInfo.of(new Bare()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Bare.class.getName())
        .hasMessageContaining("Fn0..Fn" + FunctionInfo.MAX_ARITY)
        .hasMessageContaining("AsyncFn1..AsyncFn" + FunctionInfo.MAX_ARITY);
  }

  @Test
  void invoke_passesEveryArgumentInOrder() throws Exception {
    Fn7<Object, Object, Object, Object, Object, Object, Object, String> fn =
        (a, b, c, d, e, f, g) -> "" + a + b + c + d + e + f + g;
    AsyncFn1<String, String> async = s -> CompletableFuture.completedFuture(s + "!");

    assertThat(Invoker.invoke(fn, new Object[] {1, 2, 3, 4, 5, 6, 7})).isEqualTo("1234567");
    assertThat(
            Invoker.invoke(
                (VoidFn7<?, ?, ?, ?, ?, ?, ?>) (a, b, c, d, e, f, g) -> {}, new Object[7]))
        .isNull();
    assertThat(
            ((CompletionStage<?>) Invoker.invoke(async, new Object[] {"x"}))
                .toCompletableFuture()
                .join())
        .isEqualTo("x!");
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
