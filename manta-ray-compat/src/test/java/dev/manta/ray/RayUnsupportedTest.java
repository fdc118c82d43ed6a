package dev.manta.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ray.api.ActorHandle;
import io.ray.api.PlacementGroups;
import io.ray.api.Ray;
import io.ray.api.function.CppFunction;
import io.ray.api.function.PyActorClass;
import io.ray.api.function.PyFunction;
import io.ray.api.id.PlacementGroupId;
import io.ray.api.options.PlacementGroupCreationOptions;
import io.ray.api.placementgroup.PlacementStrategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RayTestSupport.class)
class RayUnsupportedTest implements RayTestSupport.Source {
  @Test
  void crossLanguageCalls_throwSayingMantaRunsJvmCodeOnly() {
    assertThatThrownBy(() -> Ray.task(PyFunction.of("mod", "fn", Integer.class), 1).remote())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("mod.fn")
        .hasMessageContaining("JVM code only");
    assertThatThrownBy(() -> Ray.actor(PyActorClass.of("mod", "Cls")).remote())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("JVM code only");
    assertThatThrownBy(() -> Ray.task(CppFunction.of("f", Integer.class)).remote())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("JVM code only");
  }

  @Test
  void placementGroups_throwNamingTheFeature() {
    PlacementGroupCreationOptions opts =
        new PlacementGroupCreationOptions(
            "pg", List.of(Map.of("CPU", 1.0)), PlacementStrategy.PACK);
    assertThatThrownBy(() -> PlacementGroups.createPlacementGroup(opts))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Placement groups");
    assertThat(PlacementGroups.getAllPlacementGroups()).isEmpty();
    assertThat(PlacementGroups.getPlacementGroup("pg")).isNull();
    assertThatThrownBy(() -> PlacementGroups.removePlacementGroup(PlacementGroupId.fromRandom()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void runtimeEnvAndParallelActors_throwNamingTheFeature() {
    assertThatThrownBy(() -> Ray.internal().createRuntimeEnv())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Runtime environments");
    assertThatThrownBy(() -> Ray.internal().getParallelActorContext())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Parallel actors");
  }

  @Test
  void jvmOptions_areAcceptedAndTheActorRunsInThisJvm() {
    ActorHandle<Counter> c = Ray.actor(Counter::new, 1).setJvmOptions(List.of("-Xmx1g")).remote();
    assertThat(c.task(Counter::get).remote().get()).isEqualTo(1);
    assertThat(Ray.getRuntimeContext().getGpuIds()).isEmpty();
    assertThat(Ray.internal().getAvailableResourceIds()).isEmpty();
  }
}
