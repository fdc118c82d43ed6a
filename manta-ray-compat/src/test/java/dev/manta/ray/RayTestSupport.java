package dev.manta.ray;

import static org.assertj.core.api.Assertions.assertThat;

import io.ray.api.Ray;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts Ray (on Manta: 4 CPUs, resource {@code RES}=2, namespace {@code test}) through {@code
 * Ray.init()} and the {@code ray.*} properties before each test; after it, shuts Ray down and
 * checks that no Manta threads are left.
 */
public final class RayTestSupport implements BeforeEachCallback, AfterEachCallback {
  static final Map<String, String> PROPERTIES =
      Map.of(
          "ray.job.namespace", "test",
          "ray.head-args.0", "--num-cpus=4",
          "ray.head-args.1", "--resources={\"RES\": 2}");

  @Override
  public void beforeEach(ExtensionContext context) {
    if (Ray.isInitialized()) {
      Ray.shutdown();
    }
    PROPERTIES.forEach(System::setProperty);
    try {
      Ray.init();
    } finally {
      PROPERTIES.keySet().forEach(System::clearProperty);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Ray.shutdown();
    assertThat(mantaPlatformThreads()).as("manta- platform threads after shutdown").isEmpty();
  }

  static List<String> mantaPlatformThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("manta-"))
        .toList();
  }
}
