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
 * <p>Where Ray runs is the test class's choice, as with manta-runtime's behaviour suites: a test
 * class implements {@link Source}; its default is embedded, and manta-cluster's {@code
 * ClusterRay*Test} subclasses return a {@link Mode} naming a cluster (on a cluster whose nodes
 * total 4 CPUs and {@code RES}=2), which makes each test a Ray driver of that cluster ({@code
 * ray.address}). Tests tagged {@value #EMBEDDED_ONLY} look inside the embedded runtime and are
 * skipped on a cluster.
 */
public final class RayTestSupport implements BeforeEachCallback, AfterEachCallback {
  /** The tag of tests that only make sense on the embedded runtime. */
  public static final String EMBEDDED_ONLY = "embedded-only";

  static final Map<String, String> PROPERTIES =
      Map.of(
          "ray.job.namespace", "test",
          "ray.head-args.0", "--num-cpus=4",
          "ray.head-args.1", "--resources={\"RES\": 2}");

  /**
   * Where a test's Ray runs.
   *
   * @param clusterAddress the cluster the test drives, or null for the embedded runtime
   */
  public record Mode(String clusterAddress) {
    /** Ray on Manta's embedded runtime, in the test JVM. */
    public static final Mode EMBEDDED = new Mode(null);

    /** Whether Ray runs in the test JVM. */
    public boolean isEmbedded() {
      return clusterAddress == null;
    }
  }

  /** Implemented by a test class to say where its tests' Ray runs. */
  public interface Source {
    /** The mode of the next test; embedded unless a subclass says otherwise. */
    default Mode rayMode() throws Exception {
      return Mode.EMBEDDED;
    }
  }

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(RayTestSupport.class);

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (Ray.isInitialized()) {
      Ray.shutdown();
    }
    Mode mode = modeOf(context);
    context.getStore(NS).put(Mode.class, mode);
    Map<String, String> props = new HashMap<>(PROPERTIES);
    if (mode.isEmbedded()) {
      props.put("ray.run-mode", "LOCAL"); // in this JVM, whatever the class path holds
    } else {
      Assumptions.assumeFalse(context.getTags().contains(EMBEDDED_ONLY), "embedded-only test");
      props.put("ray.address", mode.clusterAddress());
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
    Mode mode = context.getStore(NS).remove(Mode.class, Mode.class);
    if (mode == null || !mode.isEmbedded()) {
      return; // as in MantaTestSupport: the thread check is the embedded runtime's
    }
    assertThat(mantaPlatformThreads()).as("manta- platform threads after shutdown").isEmpty();
  }

  /** The mode of the running test. */
  static Mode modeOf(ExtensionContext context) throws Exception {
    return context.getTestInstance().orElseThrow() instanceof Source s
        ? s.rayMode()
        : Mode.EMBEDDED;
  }

  static List<String> mantaPlatformThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("manta-"))
        .toList();
  }
}
