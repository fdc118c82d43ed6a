package dev.manta.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RaySettingsTest {
  private static RaySettings read(Map<String, String> map) {
    Properties p = new Properties();
    map.forEach(p::setProperty);
    return RaySettings.from(p);
  }

  @Test
  void headArgs_setCpusGpusResourcesAndStoreSize() {
    RaySettings s =
        read(
            Map.of(
                "ray.head-args.0", "--num-cpus=3",
                "ray.head-args.1", "--num-gpus=1",
                "ray.head-args.2", "--resources={\"A\": 2, \"B-c\":0.5}",
                "ray.head-args.3", "--object-store-memory",
                "ray.head-args.4", "67108864"));
    assertThat(s.config().numCpus()).isEqualTo(3.0);
    assertThat(s.config().resources()).containsEntry("GPU", 1.0);
    assertThat(s.config().resources()).containsEntry("A", 2.0).containsEntry("B-c", 0.5);
    assertThat(s.config().objectStoreBytes()).isEqualTo(64L << 20);
    assertThat(s.ignored()).isEmpty();
  }

  @Test
  void headArgs_labels_areTheEmbeddedNodesLabels_andBadOnesAreRefused() {
    RaySettings s =
        read(Map.of("ray.head-args.0", "--labels={\"gpu_type\": \"A100\", \"azone\":\"a-1\"}"));
    assertThat(s.labels())
        .containsExactlyInAnyOrderEntriesOf(Map.of("gpu_type", "A100", "azone", "a-1"));
    assertThat(s.ignored()).isEmpty();
    assertThat(read(Map.of("ray.head-args.0", "--labels={}")).labels()).isEmpty();
    assertThatThrownBy(() -> read(Map.of("ray.head-args.0", "--labels={\"a\": 1}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--labels needs a JSON object of strings");
  }

  @Test
  void headArgs_withoutMantaMeaning_areIgnoredAndReported() {
    RaySettings s =
        read(Map.of("ray.head-args.0", "--dashboard-port=8265", "ray.head-args.1", "--block"));
    assertThat(s.ignored()).containsExactly("--dashboard-port=8265", "--block");
  }

  @Test
  void badHeadArgs_areRejectedNamingTheFlag() {
    assertThatThrownBy(() -> read(Map.of("ray.head-args.0", "--num-cpus=many")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--num-cpus");
    assertThatThrownBy(() -> read(Map.of("ray.head-args.0", "--resources=[1]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> read(Map.of("ray.head-args.0", "--resources={\"A\": x}")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jobJvmOptions_readAsOnePropertyOrRaysList_andBadOnesAreRefused() {
    assertThat(read(Map.of()).jobJvmOptions()).isEmpty();
    assertThat(read(Map.of("ray.job.jvm-options", " -DX=1  -Xss4m ")).jobJvmOptions())
        .containsExactly("-DX=1", "-Xss4m");
    assertThat(
            read(Map.of(
                    "ray.job.jvm-options.1", "-DY=998",
                    "ray.job.jvm-options.0", "-DX=999",
                    "ray.job.jvm-options.10", "-DZ=1"))
                .jobJvmOptions())
        .containsExactly("-DX=999", "-DY=998", "-DZ=1");
    assertThatThrownBy(
            () -> read(Map.of("ray.job.jvm-options", "-DX=1", "ray.job.jvm-options.0", "-DY=2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both set");
    assertThatThrownBy(() -> read(Map.of("ray.job.jvm-options.0", "-DX=1 -DY=2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ray.job.jvm-options.0='-DX=1 -DY=2' is not one JVM option");
    assertThatThrownBy(() -> read(Map.of("ray.job.jvm-options.3", "Main")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ray.job.jvm-options.3");
  }

  @Test
  void namespace_isTheJobNamespaceOrAnAnonymousOne() {
    assertThat(read(Map.of("ray.job.namespace", "prod")).namespace()).isEqualTo("prod");
    String a = read(Map.of()).namespace();
    String b = read(Map.of()).namespace();
    assertThat(a).isNotBlank().isNotEqualTo(b);
  }

  @Test
  void defaultActorLifetime_isNonDetachedUnlessTheJobSaysDetached() {
    assertThat(read(Map.of()).detachedByDefault()).isFalse();
    assertThat(read(Map.of("ray.job.default-actor-lifetime", "DETACHED")).detachedByDefault())
        .isTrue();
    assertThat(read(Map.of("ray.job.default-actor-lifetime", "non_detached")).detachedByDefault())
        .isFalse();
    assertThatThrownBy(() -> read(Map.of("ray.job.default-actor-lifetime", "forever")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ray.job.default-actor-lifetime")
        .hasMessageContaining("forever");
  }

  @Test
  void address_namesAClusterUnlessRunModeIsLocal() {
    assertThat(read(Map.of()).config().address()).isEmpty();
    assertThat(read(Map.of("ray.address", "10.0.0.1:6379")).config().address())
        .contains("10.0.0.1:6379");
    assertThat(
            read(Map.of("ray.address", "10.0.0.1:6379", "ray.run-mode", "local"))
                .config()
                .address())
        .isEmpty();
    assertThatThrownBy(() -> read(Map.of("ray.run-mode", "SINGLE_PROCESS")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ray.run-mode");
  }

  @Test
  void address_withoutAClusterRuntime_failsStartClearly() {
    RaySettings s = read(Map.of("ray.address", "10.0.0.1:6379"));
    assertThatThrownBy(() -> MantaRayRuntime.start(s))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("manta-cluster");
  }

  @Test
  void defaultRunMode_withoutAddress_asksForALocalCluster_withTheHeadArgsAsNodeFlags() {
    RaySettings s =
        read(
            Map.of(
                "ray.head-args.0", "--num-cpus=3",
                "ray.head-args.1", "--num-gpus=2",
                "ray.head-args.2", "--resources={\"A\": 0.5}",
                "ray.head-args.3", "--labels={\"zone\": \"a\"}",
                "ray.local-cluster.jvm-options", " -Xmx256m  -Dx=y "));
    assertThat(s.localCluster()).isTrue();
    assertThat(s.explicitCluster()).isFalse();
    assertThat(s.nodeFlags())
        .containsExactly(
            "--num-cpus", "3", "--resources", "{\"A\": 0.5, \"GPU\": 2.0}", "--labels", "zone=a");
    assertThat(s.nodeJvmOptions()).containsExactly("-Xmx256m", "-Dx=y");
    assertThat(read(Map.of("ray.run-mode", "LOCAL")).localCluster()).isFalse();
    assertThat(read(Map.of("ray.address", "10.0.0.1:6379")).localCluster()).isFalse();
  }

  @Test
  void explicitClusterRunMode_withoutManta_cluster_isRefused_whileTheDefaultRunsEmbedded() {
    RaySettings explicit = read(Map.of("ray.run-mode", "CLUSTER"));
    assertThat(explicit.explicitCluster()).isTrue();
    assertThatThrownBy(() -> MantaRayRuntime.start(explicit))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("manta-cluster")
        .hasMessageContaining("ray.run-mode=LOCAL");
    MantaRayRuntime embedded = MantaRayRuntime.start(read(Map.of()));
    try {
      assertThat(embedded.manta().runtimeContext().isEmbedded()).isTrue();
    } finally {
      embedded.shutdown();
    }
  }
}
