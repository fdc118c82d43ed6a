package dev.manta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings MantaConfig reads: defaults, overrides, refusals (the ones added for the core). */
class MantaConfigTest {
  private static MantaConfig build(
      MantaConfig.Builder b, Map<String, String> props, Map<String, String> env) {
    return b.build(props::get, env::get);
  }

  @Test
  void taskMaxRetries_defaultsToRaysThree_andIsSetByBuilderPropertyOrEnvironment() {
    assertThat(build(MantaConfig.builder(), Map.of(), Map.of()).taskMaxRetries())
        .isEqualTo(TaskCall.DEFAULT_MAX_RETRIES)
        .isEqualTo(3);
    assertThat(
            build(MantaConfig.builder(), Map.of(), Map.of("MANTA_TASK_MAX_RETRIES", "0"))
                .taskMaxRetries())
        .isZero();
    assertThat(
            build(
                    MantaConfig.builder(),
                    Map.of("manta.task-max-retries", "-1"),
                    Map.of("MANTA_TASK_MAX_RETRIES", "0"))
                .taskMaxRetries())
        .isEqualTo(-1);
    assertThat(
            build(
                    MantaConfig.builder().taskMaxRetries(7),
                    Map.of("manta.task-max-retries", "-1"),
                    Map.of())
                .taskMaxRetries())
        .isEqualTo(7);
  }

  @Test
  void taskMaxRetries_outOfRange_isRefused_namingTheSettingAndTheRange() {
    for (String bad : new String[] {"-2", "three", "1.5"}) {
      assertThatThrownBy(
              () -> build(MantaConfig.builder(), Map.of("manta.task-max-retries", bad), Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("manta.task-max-retries / MANTA_TASK_MAX_RETRIES")
          .hasMessageContaining("[-1, 2147483647]")
          .hasMessageContaining("'" + bad + "'");
    }
    assertThatThrownBy(() -> MantaConfig.builder().taskMaxRetries(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskMaxRetries must be >= 0, or -1");
  }

  @Test
  void serializerCodegen_defaultsOn_andAcceptsOnlyBooleans() {
    assertThat(build(MantaConfig.builder(), Map.of(), Map.of()).serializerCodegen()).isTrue();
    assertThat(
            build(MantaConfig.builder(), Map.of("manta.fory.codegen", "false"), Map.of())
                .serializerCodegen())
        .isFalse();
    assertThat(
            build(MantaConfig.builder().serializerCodegen(true), Map.of(), Map.of())
                .serializerCodegen())
        .isTrue();
    assertThatThrownBy(
            () -> build(MantaConfig.builder(), Map.of(), Map.of("MANTA_FORY_CODEGEN", "off")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("manta.fory.codegen / MANTA_FORY_CODEGEN must be true or false")
        .hasMessageContaining("'off'");
  }

  /** A call that only reports its options. */
  private static final class Call extends TaskCall<Integer> {
    @Override
    public ObjectRef<Integer> remote() {
      throw new UnsupportedOperationException();
    }

    int budget(int configured) {
      return requestedMaxRetries(configured);
    }

    boolean retries() {
      return requestedRetryExceptions();
    }

    java.util.List<String> retryTypes() {
      return requestedRetryExceptionTypes();
    }
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"}) // a raw class array, as an unchecked caller could
  void retryExceptions_withTypes_keepsTheirNames_andRefusesNoneOrNonThrowables() {
    Call c = new Call();
    c.retryExceptions(IllegalStateException.class, java.io.UncheckedIOException.class);
    assertThat(c.retries()).isTrue();
    assertThat(c.retryTypes())
        .containsExactly("java.lang.IllegalStateException", "java.io.UncheckedIOException");
    c.retryExceptions(true);
    assertThat(c.retryTypes()).as("true retries every exception").isEmpty();
    c.retryExceptions(IllegalStateException.class).retryExceptions(false);
    assertThat(c.retries()).isFalse();
    assertThat(c.retryTypes()).isEmpty();

    assertThatThrownBy(() -> new Call().retryExceptions(new Class[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retryExceptions(true)");
    assertThatThrownBy(() -> new Call().retryExceptions(new Class[] {String.class}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String is not an exception class");
    assertThatThrownBy(() -> new Call().retryExceptions(IllegalStateException.class, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("exception class 2 is null");
  }

  @Test
  void aTaskCall_withoutMaxRetries_takesTheConfiguredOne_andItsOwnOtherwise() {
    assertThat(new Call().budget(5)).isEqualTo(5);
    assertThat(new Call().budget(-1)).isEqualTo(-1);
    Call own = new Call();
    own.maxRetries(0);
    assertThat(own.budget(5)).isZero();
    Call forever = new Call();
    forever.maxRetries(-1);
    assertThat(forever.budget(5)).isEqualTo(-1);
  }

  @Test
  void infeasible_isUnsetByDefault_setByBuilderPropertyOrEnvironment_andBadValuesAreRefused() {
    MantaConfig d = build(MantaConfig.builder(), Map.of(), Map.of());
    assertThat(d.infeasible()).isEmpty();
    assertThat(d.infeasibleWarning()).isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(
            build(MantaConfig.builder(), Map.of("manta.infeasible", "wait"), Map.of()).infeasible())
        .contains(MantaConfig.Infeasible.WAIT);
    assertThat(
            build(MantaConfig.builder(), Map.of(), Map.of("MANTA_INFEASIBLE", "FAIL")).infeasible())
        .contains(MantaConfig.Infeasible.FAIL);
    assertThat(
            build(
                    MantaConfig.builder().infeasible(MantaConfig.Infeasible.FAIL),
                    Map.of("manta.infeasible", "wait", "manta.infeasible-warning-ms", "250"),
                    Map.of())
                .infeasible())
        .contains(MantaConfig.Infeasible.FAIL);
    assertThat(
            build(MantaConfig.builder(), Map.of("manta.infeasible-warning-ms", "250"), Map.of())
                .infeasibleWarning())
        .isEqualTo(java.time.Duration.ofMillis(250));
    assertThatThrownBy(
            () -> build(MantaConfig.builder(), Map.of("manta.infeasible", "later"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("manta.infeasible / MANTA_INFEASIBLE must be fail")
        .hasMessageContaining("'later'");
    assertThatThrownBy(
            () -> MantaConfig.builder().infeasibleWarning(java.time.Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("infeasibleWarning must be >= 0");
  }
}
