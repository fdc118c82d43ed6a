package dev.manta.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.AsyncFn1;
import dev.manta.Fn0;
import dev.manta.MantaFunction;
import dev.manta.VoidFn1;
import dev.manta.runtime.exec.Invoker;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * {@link FunctionInfo} and {@link Invoker} over the generated table of function interfaces. The top
 * arity is found, not written here, so the test holds for any bound the generator sets.
 */
class FunctionInfoTest {
  /** A function of no Manta interface. */
  @SuppressWarnings("serial")
  static final class Bare implements MantaFunction {}

  @Test
  void maxArity_isTheLargestGeneratedInterface() {
    int n = 0;
    while (find("dev.manta.Fn" + (n + 1)) != null) {
      n++;
    }

    assertThat(FunctionInfo.MAX_ARITY).isEqualTo(n);
    assertThat(find("dev.manta.VoidFn" + n)).isNotNull();
    assertThat(find("dev.manta.AsyncFn" + n)).isNotNull();
  }

  @Test
  void of_givesKindAndArity_ofEachInterface() {
    Fn0<String> value = () -> "v";
    VoidFn1<Object> none = a -> {};
    AsyncFn1<Object, String> async = a -> CompletableFuture.completedFuture("s");

    assertThat(FunctionInfo.of(value))
        .extracting(FunctionInfo::kind, FunctionInfo::arity)
        .containsExactly(FunctionInfo.Kind.VALUE, 0);
    assertThat(FunctionInfo.of(none))
        .extracting(FunctionInfo::kind, FunctionInfo::arity)
        .containsExactly(FunctionInfo.Kind.VOID, 1);
    assertThat(FunctionInfo.of(async))
        .extracting(FunctionInfo::kind, FunctionInfo::arity)
        .containsExactly(FunctionInfo.Kind.ASYNC, 1);
  }

  @Test
  void ofAndInvoke_atTheTopArity_passEveryArgumentInOrder() throws Exception {
    int max = FunctionInfo.MAX_ARITY;
    Object[] args = new Object[max];
    for (int i = 0; i < max; i++) {
      args[i] = i;
    }
    MantaFunction value = joining("dev.manta.Fn" + max);
    MantaFunction none = joining("dev.manta.VoidFn" + max);

    assertThat(FunctionInfo.of(value))
        .extracting(FunctionInfo::kind, FunctionInfo::arity)
        .containsExactly(FunctionInfo.Kind.VALUE, max);
    assertThat(FunctionInfo.of(none))
        .extracting(FunctionInfo::kind, FunctionInfo::arity)
        .containsExactly(FunctionInfo.Kind.VOID, max);
    assertThat(Invoker.invoke(value, args.clone())).isEqualTo(Arrays.toString(args));
    assertThat(Invoker.invoke(none, args.clone())).isNull();
  }

  @Test
  void invoke_anAsyncFunction_returnsItsStage() throws Exception {
    AsyncFn1<String, String> async = s -> CompletableFuture.completedFuture(s + "!");

    Object stage = Invoker.invoke(async, new Object[] {"x"});

    assertThat(((CompletionStage<?>) stage).toCompletableFuture().join()).isEqualTo("x!");
  }

  @Test
  void of_aFunctionOfNoInterface_namesTheInterfacesUpToMaxArity() {
    assertThatThrownBy(() -> FunctionInfo.of(new Bare()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Bare.class.getName())
        .hasMessageContaining("Fn0..Fn" + FunctionInfo.MAX_ARITY)
        .hasMessageContaining("AsyncFn1..AsyncFn" + FunctionInfo.MAX_ARITY);
  }

  /** An implementation of the interface {@code name} whose {@code apply} joins its arguments. */
  private static MantaFunction joining(String name) {
    Class<?> type = find(name);
    assertThat(type).as(name).isNotNull();
    return (MantaFunction)
        Proxy.newProxyInstance(
            FunctionInfoTest.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, a) -> Arrays.toString(a));
  }

  private static Class<?> find(String className) {
    try {
      return Class.forName(className);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }
}
