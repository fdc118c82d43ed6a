package dev.manta.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {
  private static final Map<String, String> SSD_EU = Map.of("zone", "eu-1", "disk", "ssd");

  @Test
  void eachConditionForm_matchesAsRaysLabelSelector() {
    assertThat(LabelSelector.of(Map.of("zone", "eu-1")).matches(SSD_EU, "n1")).isTrue();
    assertThat(LabelSelector.of(Map.of("zone", "us-1")).matches(SSD_EU, "n1")).isFalse();
    assertThat(LabelSelector.of(Map.of("zone", "!us-1")).matches(SSD_EU, "n1")).isTrue();
    assertThat(LabelSelector.of(Map.of("zone", "!eu-1")).matches(SSD_EU, "n1")).isFalse();
    assertThat(LabelSelector.of(Map.of("disk", "in(nvme, ssd)")).matches(SSD_EU, "n1")).isTrue();
    assertThat(LabelSelector.of(Map.of("disk", "in(nvme,hdd)")).matches(SSD_EU, "n1")).isFalse();
    assertThat(LabelSelector.of(Map.of("disk", "!in(nvme,hdd)")).matches(SSD_EU, "n1")).isTrue();
    assertThat(LabelSelector.of(Map.of("disk", "!in(ssd)")).matches(SSD_EU, "n1")).isFalse();
  }

  @Test
  void anAbsentLabel_meetsOnlyNegatedConditions() {
    assertThat(LabelSelector.of(Map.of("gpu", "a100")).matches(SSD_EU, "n1")).isFalse();
    assertThat(LabelSelector.of(Map.of("gpu", "in(a100,h100)")).matches(SSD_EU, "n1")).isFalse();
    assertThat(LabelSelector.of(Map.of("gpu", "!a100")).matches(SSD_EU, "n1")).isTrue();
    assertThat(LabelSelector.of(Map.of("gpu", "!in(a100)")).matches(Map.of(), "n1")).isTrue();
  }

  @Test
  void everyConditionMustHold_andTheNodeIdIsALabel() {
    LabelSelector s = LabelSelector.of(Map.of("zone", "eu-1", "disk", "hdd"));
    assertThat(s.matches(SSD_EU, "n1")).isFalse();
    assertThat(s.matches(Map.of("zone", "eu-1", "disk", "hdd"), "n1")).isTrue();
    LabelSelector pin = LabelSelector.of(Map.of(LabelSelector.NODE_ID, "n2"));
    assertThat(pin.matches(SSD_EU, "n2")).isTrue();
    assertThat(pin.matches(SSD_EU, "n1")).isFalse();
    assertThat(LabelSelector.NONE.matches(Map.of(), "n1")).isTrue();
    assertThat(LabelSelector.of(Map.of())).isSameAs(LabelSelector.NONE);
  }

  @Test
  void malformedConditions_areRefusedNamingTheKey() {
    assertThatThrownBy(() -> LabelSelector.of(Map.of(" ", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> LabelSelector.of(Map.of("zone", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'zone'");
    assertThatThrownBy(() -> LabelSelector.of(Map.of("zone", "in(a,b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'zone'")
        .hasMessageContaining("')'");
    assertThatThrownBy(() -> LabelSelector.of(Map.of("zone", "in(a,,b)")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty value");
    assertThatThrownBy(() -> LabelSelector.of(Map.of("zone", "!")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty value");
  }

  @Test
  void aDemandCarriesItsSelector_amountsIgnoreIt() {
    LabelSelector s = LabelSelector.of(Map.of("zone", "eu-1"));
    ResourceSet d = ResourceSet.ONE_CPU.withLabels(s);
    assertThat(d.labels()).isEqualTo(s);
    assertThat(d).isNotEqualTo(ResourceSet.ONE_CPU);
    assertThat(d.withLabels(LabelSelector.NONE)).isEqualTo(ResourceSet.ONE_CPU);
    assertThat(d.toMap()).isEqualTo(Map.of("CPU", 1.0));
    ResourceSet total = ResourceSet.of(2, Map.of());
    assertThat(d.feasibleIn(total)).isTrue();
    assertThat(d.feasibleOn(total, SSD_EU, "n1")).isTrue();
    assertThat(d.feasibleOn(total, Map.of("zone", "us-1"), "n1")).isFalse();
    assertThat(d.toString()).contains("on nodes labelled {zone=eu-1}");
  }
}
