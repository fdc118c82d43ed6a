package dev.manta.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ray.api.ActorHandle;
import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import io.ray.api.exception.RayActorException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A task or actor that asks for resources the embedded node lacks: refused at submit by default,
 * kept pending with a warning under {@code ray.infeasible=pending} (Ray's behaviour).
 */
class RayInfeasibleTest {
  private static final Map<String, String> PROPS =
      Map.of(
          "ray.run-mode", "LOCAL",
          "ray.head-args.0", "--num-cpus=2",
          "manta.infeasible-warning-ms", "50");

  private static void init(Map<String, String> extra) {
    PROPS.forEach(System::setProperty);
    extra.forEach(System::setProperty);
    try {
      Ray.init();
    } finally {
      PROPS.keySet().forEach(System::clearProperty);
      extra.keySet().forEach(System::clearProperty);
    }
  }

  static int square(int x) {
    return x * x;
  }

  @AfterEach
  void shutdown() {
    Ray.shutdown();
  }

  @Test
  void byDefault_embedded_aTaskOrActorNoNodeCanRun_isRefusedAtSubmit() {
    init(Map.of());
    assertThatThrownBy(
            () -> Ray.task(RayInfeasibleTest::square, 3).setResource("special", 1.0).remote())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("special")
        .hasMessageContaining("manta.infeasible=wait");
    assertThatThrownBy(() -> Ray.actor(Counter::new, 1).setResource("special", 1.0).remote())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("special");
  }

  @Test
  void pending_keepsTheTaskAndActorWaiting_warnsOnceEach_andAKillEndsTheActorsWait()
      throws Exception {
    try (LogCapture log = new LogCapture()) {
      init(Map.of("ray.infeasible", "pending"));
      ObjectRef<Integer> task =
          Ray.task(RayInfeasibleTest::square, 3)
              .setResource("special", 1.0)
              .setName("needs-special")
              .remote();
      ActorHandle<Counter> actor = Ray.actor(Counter::new, 1).setResource("special", 2.0).remote();
      log.awaitLine(Duration.ofSeconds(30), "Task needs-special", "special=1.0", "no live node");
      log.awaitLine(Duration.ofSeconds(30), "Actor", "Counter", "special=2.0", "no live node");
      // Both warned, and still waiting: nothing can run them on this node.
      assertThat(Ray.wait(List.of(task), 1, 0).getReady()).isEmpty();
      ObjectRef<Integer> call = actor.task(Counter::get).remote();
      assertThat(Ray.wait(List.of(call), 1, 0).getReady()).isEmpty();
      // Work that fits still runs beside them.
      assertThat(Ray.task(RayInfeasibleTest::square, 4).remote().get()).isEqualTo(16);

      actor.kill();
      assertThatThrownBy(call::get).isInstanceOf(RayActorException.class);
      assertThat(log.linesWith("Task needs-special", "no live node")).isEqualTo(1);
      assertThat(log.linesWith("Actor", "Counter", "no live node")).isEqualTo(1);
    }
  }

  @Test
  void badInfeasibleSetting_isRefusedNamingTheValues() {
    Properties p = new Properties();
    p.setProperty("ray.infeasible", "maybe");
    assertThatThrownBy(() -> RaySettings.from(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ray.infeasible must be pending")
        .hasMessageContaining("maybe");
  }
}
