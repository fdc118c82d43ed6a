package dev.manta.cluster.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --labels}: what a node accepts as its labels, and how it refuses the rest. */
class NodeLabelsTest {
  @Test
  void pairs_areReadInOrder_withSpacesTrimmed_andEmptyValuesKept() {
    assertThat(NodeAgent.parseLabels("zone=eu-1, disk = ssd,gpu.type/x=,rack_2=a"))
        .containsExactly(
            Map.entry("zone", "eu-1"),
            Map.entry("disk", "ssd"),
            Map.entry("gpu.type/x", ""),
            Map.entry("rack_2", "a"));
    assertThat(NodeAgent.parseLabels("")).isEmpty();
    assertThat(NodeAgent.parseLabels("  ")).isEmpty();
  }

  @Test
  void malformedPairs_areRefused_namingThePairAndTheForm() {
    for (String bad : new String[] {"zone", "=x", "zone=a,", "a b=c", "k=v=w", ",k=v"}) {
      assertThatThrownBy(() -> NodeAgent.parseLabels(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--labels")
          .hasMessageContaining("key=value pairs separated by commas");
    }
  }

  @Test
  void reservedPrefixes_andRepeatedKeys_areRefused() {
    assertThatThrownBy(() -> NodeAgent.parseLabels("ray.io/node-id=1"))
        .hasMessageContaining("ray.io/")
        .hasMessageContaining("the runtime sets itself");
    assertThatThrownBy(() -> NodeAgent.parseLabels("manta.io/x=1"))
        .hasMessageContaining("manta.io/");
    assertThatThrownBy(() -> NodeAgent.parseLabels("a=1,a=2")).hasMessageContaining("twice");
  }
}
