package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.Manta;
import dev.manta.MantaConfig;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts Manta (2 CPUs) before each test and, after it, shuts it down and checks that nothing
 * leaked: no task or actor threads, no {@code manta-} platform threads.
 *
 * <p>With the system property {@value #CLUSTER_PROPERTY} set to a cluster address, the same tests
 * run as a driver of that cluster instead (manta-cluster runs them so); tests tagged {@value
 * #EMBEDDED_ONLY} look inside the embedded runtime and are skipped there.
 */
public final class MantaTestSupport implements BeforeEachCallback, AfterEachCallback {
  /** The system property naming a cluster to run the tests against. */
  public static final String CLUSTER_PROPERTY = "manta.test.cluster";

  /** The tag of tests that only make sense on the embedded runtime. */
  public static final String EMBEDDED_ONLY = "embedded-only";

  /** Whether the tests run against a cluster. */
  public static boolean clusterMode() {
    return System.getProperty(CLUSTER_PROPERTY) != null;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (Manta.isInitialized()) {
      Manta.shutdown();
    }
    if (clusterMode()) {
      org.junit.jupiter.api.Assumptions.assumeFalse(
          context.getTags().contains(EMBEDDED_ONLY), "embedded-only test");
      Manta.init(System.getProperty(CLUSTER_PROPERTY));
      return;
    }
    Manta.init(MantaConfig.builder().numCpus(2).build());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (clusterMode()) {
      if (Manta.isInitialized()) {
        Manta.shutdown();
      }
      return;
    }
    CoreWorker worker = current();
    Manta.shutdown();
    if (worker != null) {
      assertThat(worker.liveThreads()).as("task/actor threads after shutdown").isZero();
    }
    assertThat(mantaPlatformThreads()).as("manta- platform threads after shutdown").isEmpty();
  }

  /** The running core worker, or null. */
  public static CoreWorker current() {
    try {
      Field f = Manta.class.getDeclaredField("current");
      f.setAccessible(true);
      return (CoreWorker) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new LinkageError("cannot read Manta.current", e);
    }
  }

  /** Names of live platform threads whose name starts with {@code manta-}. */
  public static List<String> mantaPlatformThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("manta-"))
        .toList();
  }
}
