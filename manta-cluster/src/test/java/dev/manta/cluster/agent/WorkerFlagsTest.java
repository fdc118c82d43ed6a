package dev.manta.cluster.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.cluster.config.ClusterConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A worker JVM's flags come from the node's settings, which reach the worker that way. */
class WorkerFlagsTest {
  @Test
  void defaults_tieredJit_sharedArchive_noHeap_noProperties() {
    List<String> f = NodeAgent.jvmFlags(List.of("--jdk-flag"), ClusterConfig.defaults());
    assertThat(f)
        .containsExactly(
            "--jdk-flag", "-XX:+UseSerialGC", "-XX:+TieredCompilation", "-Xshare:auto");
  }

  @Test
  void theNodesSettings_shapeTheWorkerJvm_andTheWorkerSettingsArePassedOn() {
    ClusterConfig c =
        ClusterConfig.from(
            Map.of(
                "manta.worker-jit", "c1",
                "manta.worker-heap", "2g",
                "manta.worker-jvm-options", "-XX:AOTCache=app.aot -Dmanta.direct-links=true",
                "manta.direct-links", "false",
                "manta.task-max-retries", "0",
                "manta.heartbeat-ms", "100"),
            Map.of());
    List<String> f = NodeAgent.jvmFlags(List.of(), c);
    assertThat(f)
        .containsExactly(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xmx2g",
            "-Dmanta.direct-links=false",
            "-Dmanta.task-max-retries=0",
            "-XX:AOTCache=app.aot",
            "-Dmanta.direct-links=true"); // the explicit worker option comes last, and wins
  }
}
