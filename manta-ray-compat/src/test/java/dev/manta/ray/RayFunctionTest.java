package dev.manta.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ray.api.function.RayFunc;
import io.ray.api.function.RayFunc0;
import io.ray.api.function.RayFunc1;
import io.ray.api.function.RayFunc2;
import io.ray.api.id.ActorId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link RayFunction} is a value (the contract of Manta's {@code AdaptedFunction}): on a cluster an
 * owner ships each distinct function once and the worker reuses it for every equal one, so equal
 * must mean "does the same", and a copy must do what the original does. (A copy is not equal to its
 * original: a deserialized lambda has a class of its own. Only the owner compares functions.)
 */
class RayFunctionTest {
  private static final String NS = "test";
  private static final RayFunc0<Adder> NEW_ADDER = Adder::new;
  private static final RayFunc2<Adder, Integer, Integer> ADD = Adder::add;
  private static final RayFunc1<Adder, Integer> TOTAL = Adder::total;

  private static ActorSpec spec() {
    return new ActorSpec(ActorId.fromRandom(), null, 0, 0, Map.of(), false);
  }

  @Test
  void equal_exactlyWhenRoleTargetActorAndGroupAreTheSame() {
    ActorSpec spec = spec();
    assertThat(RayFunction.method(ADD, null, NS))
        .isEqualTo(RayFunction.method(ADD, null, NS))
        .hasSameHashCodeAs(RayFunction.method(ADD, null, NS))
        .isNotEqualTo(RayFunction.method(TOTAL, null, NS))
        .isNotEqualTo(RayFunction.method(ADD, "io", NS))
        .isNotEqualTo(RayFunction.method(ADD, null, "other"))
        .isNotEqualTo(RayFunction.task(ADD, NS));
    assertThat(RayFunction.constructor(NEW_ADDER, spec, NS))
        .isEqualTo(RayFunction.constructor(NEW_ADDER, spec, NS))
        .isNotEqualTo(RayFunction.constructor(NEW_ADDER, spec.restarted(1), NS))
        .isNotEqualTo(RayFunction.constructor(NEW_ADDER, spec(), NS))
        .isNotEqualTo(RayFunction.method(ADD, null, NS));
  }

  @Test
  void serializedCopies_runWhatTheOriginalsRun() throws Exception {
    RayFunction ctor = copy(RayFunction.constructor(NEW_ADDER, spec(), NS));
    RayFunction add = copy(RayFunction.method(ADD, null, NS));
    RayFunction total = copy(RayFunction.method(TOTAL, null, NS));
    Object actor = ctor.invoke(new Object[] {});
    assertThat(actor).isInstanceOf(HostedActor.class);
    assertThat(((HostedActor) actor).instance).isInstanceOf(Adder.class);
    assertThat(add.invoke(new Object[] {actor, 3})).isEqualTo(3);
    assertThat(add.invoke(new Object[] {actor, 4})).isEqualTo(7);
    assertThat(total.invoke(new Object[] {actor})).isEqualTo(7);
  }

  @Test
  void maxRayArity_isTheLargestFunctionOfRaysApi() {
    int n = 0;
    while (exists("io.ray.api.function.RayFunc" + (n + 1))) {
      n++;
    }

    assertThat(RayFunction.MAX_RAY_ARITY).isEqualTo(n);
    assertThat(exists("io.ray.api.function.RayFuncVoid" + n)).isTrue();
  }

  @Test
  void aRayFuncOfNoArity_isRefusedNamingRaysInterfaces() {
    RayFunc bare = new RayFunc() {};

    assertThatThrownBy(() -> RayFunction.task(bare, NS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RayFunc0..RayFunc" + RayFunction.MAX_RAY_ARITY)
        .hasMessageContaining("RayFuncVoid0..RayFuncVoid" + RayFunction.MAX_RAY_ARITY);
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static RayFunction copy(RayFunction f) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(f);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (RayFunction) in.readObject();
    }
  }
}
