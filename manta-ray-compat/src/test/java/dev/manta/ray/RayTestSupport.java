package dev.manta.ray;

import static org.assertj.core.api.Assertions.assertThat;

import io.ray.api.Ray;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts Ray (on Manta: 4 CPUs, resource {@code RES}=2, namespace {@code test}) through {@code
 * Ray.init()} and the {@code ray.*} properties before each test; after it, shuts Ray down and
 * checks that no Manta threads are left.
 *
 * <p>With the system property {@value #CLUSTER_PROPERTY} set to a cluster address, the same tests
 * run as a Ray driver of that cluster instead ({@code ray.address}; manta-cluster runs them so, on
 * a cluster whose nodes total 4 CPUs and {@code RES}=2); tests tagged {@value #EMBEDDED_ONLY} look
 * inside the embedded runtime and are skipped there. Property and tag are those of manta-runtime's
 * {@code MantaTestSupport}, so one cluster suite serves both.
 */
public final class RayTestSupport implements BeforeEachCallback, AfterEachCallback {
  /** The system property naming a cluster to run the tests against. */
  public static final String CLUSTER_PROPERTY = "manta.test.cluster";

  /** The tag of tests that only make sense on the embedded runtime. */
  public static final String EMBEDDED_ONLY = "embedded-only";

  static final Map<String, String> PROPERTIES =
      Map.of(
          "ray.job.namespace", "test",
          "ray.head-args.0", "--num-cpus=4",
          "ray.head-args.1", "--resources={\"RES\": 2}");

  /** Whether the tests run against a cluster. */
  public static boolean clusterMode() {
    return System.getProperty(CLUSTER_PROPERTY) != null;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (Ray.isInitialized()) {
      Ray.shutdown();
    }
    Map<String, String> props = new HashMap<>(PROPERTIES);
    if (clusterMode()) {
      Assumptions.assumeFalse(context.getTags().contains(EMBEDDED_ONLY), "embedded-only test");
      props.put("ray.address", System.getProperty(CLUSTER_PROPERTY));
    }
    props.forEach(System::setProperty);
    try {
      Ray.init();
    } finally {
      props.keySet().forEach(System::clearProperty);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Ray.shutdown();
    if (clusterMode()) {
      return; // as in MantaTestSupport: the thread check is the embedded runtime's
    }
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
