package dev.manta.cluster.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {
  @Test
  void defaults_areTheDocumentedOnes() {
    ClusterConfig c = ClusterConfig.defaults();
    assertThat(c.sharedActors()).isFalse();
    assertThat(c.rpcDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.maxMessageBytes()).isEqualTo(128 << 20);
    assertThat(c.tokenFile()).isEmpty();
    assertThat(c.maxPulls()).isEqualTo(4);
    assertThat(c.codeCache())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "manta", "code"));
    assertThat(c.prestartWorkers()).isEqualTo(2);
    assertThat(c.maxBootingWorkers()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(c.workerNice()).isZero();
    assertThat(c.heartbeat()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.workerC1Only()).isFalse();
    assertThat(c.workerJvmOptions()).isEmpty();
    assertThat(c.workerHeap()).isEmpty();
    assertThat(c.reuseActorWorkers()).isTrue();
    assertThat(c.idleWorker()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.directLinks()).isTrue();
    assertThat(c.kvMaxKeysPerJob()).isEqualTo(10_000);
    assertThat(c.kvMaxBytesPerJob()).isEqualTo(64L << 20);
    assertThat(c.kvMaxBytes()).isEqualTo(512L << 20);
    assertThat(c.kvMaxValueBytes()).isEqualTo(1 << 20);
    assertThat(c.kvMaxKeyBytes()).isEqualTo(1 << 10);
    assertThat(c.healthCheckPeriod()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.healthCheckTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.healthCheckFailureThreshold()).isEqualTo(5);
    assertThat(c.nodeDeathBound()).isEqualTo(Duration.ofSeconds(6));
    assertThat(c.workerProperties()).isEmpty();
  }

  @Test
  void dashboard_defaultsToLoopback8265_andTakesAPortOrNone() {
    ClusterConfig d = ClusterConfig.defaults();
    assertThat(d.dashboardPort()).isEqualTo(8265);
    assertThat(d.dashboardPortChosen()).isFalse();
    assertThat(d.dashboardBind()).isEqualTo("127.0.0.1");
    ClusterConfig off = ClusterConfig.from(Map.of("manta.dashboard-port", "-1"), Map.of());
    assertThat(off.dashboardPort()).isEqualTo(-1);
    ClusterConfig env =
        ClusterConfig.from(
            Map.of(), Map.of("MANTA_DASHBOARD_PORT", "0", "MANTA_DASHBOARD_BIND", "0.0.0.0"));
    assertThat(env.dashboardPort()).isZero();
    assertThat(env.dashboardPortChosen()).isTrue();
    assertThat(env.dashboardBind()).isEqualTo("0.0.0.0");
    assertThatThrownBy(() -> ClusterConfig.from(Map.of("manta.dashboard-port", "http"), Map.of()))
        .hasMessageContaining("manta.dashboard-port (or MANTA_DASHBOARD_PORT)")
        .hasMessageContaining("[-1, 65535]")
        .hasMessageContaining("'http'");
  }

  @Test
  void properties_override_andWinOverTheEnvironment() {
    ClusterConfig c =
        ClusterConfig.from(
            Map.ofEntries(
                Map.entry("manta.rpc-deadline-ms", "2500"),
                Map.entry("manta.max-message-bytes", "64m"),
                Map.entry("manta.token-file", "/secret/token"),
                Map.entry("manta.max-pulls", "8"),
                Map.entry("manta.code-cache", "/cache"),
                Map.entry("manta.prestart-workers", "0"),
                Map.entry("manta.max-booting-workers", "3"),
                Map.entry("manta.worker-nice", "10"),
                Map.entry("manta.heartbeat-ms", "100"),
                Map.entry("manta.worker-jit", "c1"),
                Map.entry("manta.worker-jvm-options", " -Xlog:gc   -Dx=1 "),
                Map.entry("manta.worker-heap", "512m"),
                Map.entry("manta.reuse-actor-workers", "false"),
                Map.entry("manta.idle-worker-ms", "0"),
                Map.entry("manta.connect-timeout-ms", "900"),
                Map.entry("manta.direct-links", "FALSE"),
                Map.entry("manta.kv-max-keys-per-job", "7"),
                Map.entry("manta.kv-max-bytes-per-job", "1k"),
                Map.entry("manta.kv-max-value-bytes", "100"),
                Map.entry("manta.kv-max-key-bytes", "9"),
                Map.entry("manta.health-check-period-ms", "200"),
                Map.entry("manta.health-check-timeout-ms", "300"),
                Map.entry("manta.health-check-failure-threshold", "2"),
                Map.entry("manta.actor-hosting", " shared")),
            Map.of("MANTA_HEARTBEAT_MS", "999", "MANTA_MAX_PULLS", "2"));
    assertThat(c.rpcDeadline()).isEqualTo(Duration.ofMillis(2500));
    assertThat(c.maxMessageBytes()).isEqualTo(64 << 20);
    assertThat(c.tokenFile()).contains(Path.of("/secret/token"));
    assertThat(c.maxPulls()).isEqualTo(8);
    assertThat(c.codeCache()).isEqualTo(Path.of("/cache"));
    assertThat(c.prestartWorkers()).isZero();
    assertThat(c.maxBootingWorkers()).isEqualTo(3);
    assertThat(c.workerNice()).isEqualTo(10);
    assertThat(c.heartbeat()).isEqualTo(Duration.ofMillis(100));
    assertThat(c.workerC1Only()).isTrue();
    assertThat(c.workerJvmOptions()).containsExactly("-Xlog:gc", "-Dx=1");
    assertThat(c.workerHeap()).contains("512m");
    assertThat(c.reuseActorWorkers()).isFalse();
    assertThat(c.idleWorker()).isZero();
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofMillis(900));
    assertThat(c.directLinks()).isFalse();
    assertThat(c.kvMaxKeysPerJob()).isEqualTo(7);
    assertThat(c.kvMaxBytesPerJob()).isEqualTo(1024);
    assertThat(c.kvMaxValueBytes()).isEqualTo(100);
    assertThat(c.kvMaxKeyBytes()).isEqualTo(9);
    assertThat(c.healthCheckPeriod()).isEqualTo(Duration.ofMillis(200));
    assertThat(c.healthCheckTimeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(c.healthCheckFailureThreshold()).isEqualTo(2);
    assertThat(c.nodeDeathBound()).isEqualTo(Duration.ofMillis(200 + 2 * 300));
    assertThat(c.sharedActors()).isTrue();
  }

  @Test
  void theEnvironment_setsWhatThePropertiesDoNot_butNeverTheTokenFile() {
    ClusterConfig c =
        ClusterConfig.from(
            Map.of(),
            Map.of(
                "MANTA_HEALTH_CHECK_FAILURE_THRESHOLD", "9",
                "MANTA_DIRECT_LINKS", "false",
                "MANTA_TOKEN_FILE", "/env/token"));
    assertThat(c.healthCheckFailureThreshold()).isEqualTo(9);
    assertThat(c.directLinks()).isFalse();
    assertThat(c.tokenFile()).isEmpty(); // $MANTA_TOKEN_FILE is ClusterToken's, before the property
  }

  @Test
  void workerProperties_areTheWorkerSettingsGivenAsProperties() {
    ClusterConfig c =
        ClusterConfig.from(
            Map.of(
                "manta.direct-links", "false",
                "manta.task-max-retries", "-1",
                "manta.rpc-deadline-ms", "3000",
                "manta.prestart-workers", "1"),
            Map.of("MANTA_MAX_MESSAGE_BYTES", "16m"));
    assertThat(c.workerProperties())
        .containsOnly(
            Map.entry("manta.rpc-deadline-ms", "3000"),
            Map.entry("manta.direct-links", "false"),
            Map.entry("manta.task-max-retries", "-1"));
  }

  @Test
  void badNumbers_areRefused_namingTheSettingTheValueAndTheRange() {
    refused("manta.heartbeat-ms", "fast", "manta.heartbeat-ms (or MANTA_HEARTBEAT_MS)", "[10, ");
    refused("manta.heartbeat-ms", "5", "must be an integer in [10, 600000] (milliseconds)", "'5'");
    refused("manta.rpc-deadline-ms", "0", "manta.rpc-deadline-ms", "[1, 3600000]");
    refused("manta.max-pulls", "0", "manta.max-pulls", "[1, 256]");
    refused("manta.prestart-workers", "-1", "manta.prestart-workers", "[0, 256]");
    refused("manta.max-booting-workers", "0", "manta.max-booting-workers", "[1, 256]");
    refused("manta.worker-nice", "20", "manta.worker-nice", "[0, 19]");
    refused("manta.max-message-bytes", "1m", "manta.max-message-bytes", "[8388608, 2147483647]");
    refused("manta.max-message-bytes", "lots", "manta.max-message-bytes", "'lots'");
    refused("manta.health-check-failure-threshold", "0", "failure-threshold", "[1, 1000]");
    refused("manta.health-check-period-ms", "1.5", "health-check-period-ms", "'1.5'");
    refused("manta.kv-max-value-bytes", "100m", "kv-max-value-bytes", "[1, 67108864]");
    refused("manta.idle-worker-ms", "-5", "manta.idle-worker-ms", "[0, ");
    refused("manta.max-calls-per-connection", "0", "max-calls-per-connection", "[1, ");
    refused("manta.max-metadata-bytes", "100", "manta.max-metadata-bytes", "[1024, 1048576]");
  }

  @Test
  void theLimitsAndTheValueAllowlist_defaultAndOverride() {
    ClusterConfig d = ClusterConfig.defaults();
    assertThat(d.maxCallsPerConnection()).isEqualTo(10_000);
    assertThat(d.maxMetadataBytes()).isEqualTo(16 << 10);
    assertThat(d.valueClassFilter().allows("java.util.PriorityQueue")).isFalse();
    assertThat(d.valueClassFilter().allowsEverything()).isFalse();
    ClusterConfig c =
        ClusterConfig.from(
            Map.of(
                "manta.max-calls-per-connection", "64",
                "manta.max-metadata-bytes", "4k",
                "manta.serialization-allow", "java.util.PriorityQueue, javax.money."),
            Map.of());
    assertThat(c.maxCallsPerConnection()).isEqualTo(64);
    assertThat(c.maxMetadataBytes()).isEqualTo(4 << 10);
    assertThat(c.valueClassFilter().allows("java.util.PriorityQueue")).isTrue();
    assertThat(c.valueClassFilter().allows("javax.money.Rate")).isTrue();
    assertThat(c.workerProperties()).containsKeys("manta.serialization-allow");
    assertThat(
            ClusterConfig.from(Map.of(), Map.of("MANTA_SERIALIZATION_ALLOW", "*"))
                .valueClassFilter()
                .allowsEverything())
        .isTrue();
    refused("manta.serialization-allow", "java.util. Oops", "not a class name");
  }

  @Test
  void otherBadValues_areRefused_withWhatIsAllowed() {
    refused("manta.direct-links", "yes", "manta.direct-links", "must be true or false, was 'yes'");
    refused("manta.reuse-actor-workers", "1", "reuse-actor-workers", "true or false");
    refused("manta.worker-jit", "c2", "manta.worker-jit", "must be tiered or c1, was 'c2'");
    refused("manta.actor-hosting", "pooled", "must be isolated or shared, was 'pooled'");
    refused("manta.worker-heap", "lots", "manta.worker-heap", "such as 512m or 2g, was 'lots'");
  }

  @Test
  void aRetiredSetting_isRefused_namingWhatReplacedIt() {
    for (var source :
        List.of(
            List.of(Map.of("manta.node-timeout-ms", "2000"), Map.<String, String>of()),
            List.of(Map.<String, String>of(), Map.of("MANTA_NODE_TIMEOUT_MS", "2000")))) {
      assertThatThrownBy(() -> ClusterConfig.from(source.get(0), source.get(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("manta.node-timeout-ms")
          .hasMessageContaining("is no longer read")
          .hasMessageContaining("manta.health-check-period-ms")
          .hasMessageContaining("manta.health-check-failure-threshold");
    }
  }

  private static void refused(String property, String value, String... inMessage) {
    var thrown =
        assertThatThrownBy(() -> ClusterConfig.from(Map.of(property, value), Map.of()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(property)
            .hasMessageContaining(value);
    for (String s : inMessage) {
      thrown.hasMessageContaining(s);
    }
  }

  @Test
  void tracingEndpoint_checkedAndPassedToWorkers() {
    ClusterConfig on =
        ClusterConfig.from(Map.of("manta.tracing.otlp-endpoint", "http://jaeger:4318"), Map.of());
    assertThat(on.workerProperties())
        .containsEntry("manta.tracing.otlp-endpoint", "http://jaeger:4318");
    assertThatThrownBy(
            () ->
                ClusterConfig.from(Map.of(), Map.of("MANTA_TRACING_OTLP_ENDPOINT", "jaeger:4318")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("manta.tracing.otlp-endpoint (or MANTA_TRACING_OTLP_ENDPOINT)")
        .hasMessageContaining("http://localhost:4318");
  }
}
