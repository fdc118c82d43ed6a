package dev.manta.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Fn1;
import dev.manta.Manta;
import dev.manta.MantaFunction;
import dev.manta.ObjectRef;
import dev.manta.TaskException;
import dev.manta.processor.example.Counter;
import dev.manta.processor.example.CounterActor;
import dev.manta.processor.example.ExamplePrograms;
import dev.manta.processor.example.Stats;
import dev.manta.processor.example.Stats_;
import dev.manta.runtime.exec.Invoker;
import dev.manta.runtime.spec.FunctionInfo;
import dev.manta.spi.FunctionRegistry;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs stubs that the processor generated while this module's tests compiled (from the classes in
 * {@code example}), on the embedded runtime.
 */
@ExtendWith(MantaSession.class)
class StubsExampleTest {

  @Test
  void stubProgram_computesWhatThePlainProgramComputes() {
    String plain = ExamplePrograms.plain();
    assertThat(ExamplePrograms.withStubs()).isEqualTo(plain).isEqualTo("5.0 73 counter at 73");
  }

  @Test
  void stubParameters_takeValuesOrRefs() {
    ObjectRef<Long> total = Manta.put(20L);
    assertThat(Stats_.mean(total, 4).get()).isEqualTo(5.0);
    assertThat(Stats_.mean(20L, Manta.put(5)).get()).isEqualTo(4.0);
    assertThat(Stats_.mean(total, Manta.put(2)).get()).isEqualTo(10.0);
    CounterActor c = CounterActor.remote(Manta.put(7L));
    c.add(Manta.put(3L));
    assertThat(c.increment().get()).isEqualTo(11L);
  }

  @Test
  void checkedException_ofRemoteFunction_isTheCauseOfGet() {
    ObjectRef<Long> bad = Stats_.parse("forty-two");
    assertThatThrownBy(bad::get)
        .isInstanceOf(TaskException.class)
        .cause()
        .isInstanceOf(IOException.class)
        .hasMessage("not a number: 'forty-two'");
  }

  @Test
  void builderName_overridesNothingDeclared_andFindsTheActor() {
    CounterActor created =
        CounterActor.builder().name("found-by-name").maxConcurrency(1).remote(1L);
    CounterActor found = CounterActor.of(Manta.<Counter>getActor("found-by-name"));
    assertThat(found.increment().get()).isEqualTo(2L);
    assertThat(found).isEqualTo(created).hasSameHashCodeAs(created);
    assertThat(created.handle().name()).contains("found-by-name");
  }

  @Test
  void withOptions_appliesCallSiteOptions_andIsReusable() {
    Stats_.Options options = Stats_.withOptions().name("parse-once").numCpus(0).maxRetries(0);
    assertThat(options.parse("5").get()).isEqualTo(5L);
    assertThatThrownBy(() -> options.parse("x").get())
        .isInstanceOf(TaskException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThatThrownBy(() -> Stats_.withOptions().numCpus(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numCpus must be a finite number >= 0, was -1.0");
  }

  @Test
  void registry_isFoundByServiceLoader_andItsKeysMatchWhatTheRuntimeSeesInTheLambda()
      throws Exception {
    Map<String, MantaFunction> all = FunctionRegistry.loadAll(getClass().getClassLoader());
    String pkg = "dev.manta.processor.example.";
    assertThat(all)
        .containsKeys(
            pkg + "Stats#sum(long[])",
            pkg + "Stats#mean(long,int)",
            pkg + "Stats#parse(java.lang.String)",
            pkg + "Counter#new(long)",
            pkg + "Counter#increment()",
            pkg + "Counter#add(long)",
            pkg + "Counter#describe()");
    for (Map.Entry<String, MantaFunction> e : all.entrySet()) {
      FunctionInfo info = FunctionInfo.of(e.getValue());
      assertThat(FunctionRegistry.key(info.implClass(), info.implMethod(), info.implSignature()))
          .as("key of %s", info.name())
          .isEqualTo(e.getKey());
    }
    // Resolved by key, the function runs without reflection.
    Object sum =
        Invoker.invoke(all.get(pkg + "Stats#sum(long[])"), new Object[] {new long[] {1, 2}});
    assertThat(sum).isEqualTo(3L);
    Fn1<long[], Long> plain = Stats::sum;
    assertThat(FunctionInfo.of(plain).implSignature())
        .isEqualTo(FunctionInfo.of(all.get(pkg + "Stats#sum(long[])")).implSignature());
  }
}
