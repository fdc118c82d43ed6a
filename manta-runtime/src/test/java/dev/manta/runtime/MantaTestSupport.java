package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.Manta;
import dev.manta.runtime.ownership.OwnedObject;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs each test on a {@link MantaFixture}: the one the test class names through {@link
 * MantaFixture.Source}, else the embedded runtime with 2 CPUs. Before the test it starts the
 * fixture (skipping tests tagged {@value MantaFixture#EMBEDDED_ONLY} on any other); after a passing
 * test it runs the fixture's {@link MantaFixture#checkNothingLeft}, shuts Manta down (after a
 * failing one too) and runs {@link MantaFixture#checkStopped}. The first failed check fails the
 * test; later ones are added to it as suppressed.
 *
 * <p>Also holds the helpers the checks share: the running core worker, the {@code manta-} threads
 * of this JVM, and the reading of a reference table's leftovers.
 */
public final class MantaTestSupport implements BeforeEachCallback, AfterEachCallback {
  /** The tag of tests that only make sense on the embedded runtime. */
  public static final String EMBEDDED_ONLY = MantaFixture.EMBEDDED_ONLY;

  /** How long the checks wait for the garbage collector to free what a test dropped. */
  public static final Duration SETTLE = Duration.ofSeconds(30);

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(MantaTestSupport.class);

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (Manta.isInitialized()) {
      Manta.shutdown();
    }
    MantaFixture fixture = fixtureOf(context);
    if (!fixture.isEmbedded()) {
      Assumptions.assumeFalse(
          context.getTags().contains(EMBEDDED_ONLY),
          "embedded-only test: it looks inside the embedded runtime");
    }
    context.getStore(NS).put(MantaFixture.class, fixture);
    fixture.start();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    MantaFixture fixture = context.getStore(NS).remove(MantaFixture.class, MantaFixture.class);
    if (fixture == null) {
      return; // beforeEach skipped the test, or failed before starting Manta
    }
    boolean passed = context.getExecutionException().isEmpty();
    Throwable failure = null;
    CoreWorker last = current();
    if (passed && last != null) {
      try {
        fixture.checkNothingLeft();
      } catch (Exception | AssertionError e) {
        failure = e;
      }
    }
    if (Manta.isInitialized()) {
      Manta.shutdown();
    }
    if (passed) {
      try {
        fixture.checkStopped(last);
      } catch (Exception | AssertionError e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure instanceof Exception e) {
      throw e;
    }
    if (failure != null) {
      throw (AssertionError) failure;
    }
  }

  private static MantaFixture fixtureOf(ExtensionContext context) {
    if (context.getRequiredTestInstance() instanceof MantaFixture.Source<?> source) {
      return source.fixture();
    }
    return new EmbeddedFixture();
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

  /**
   * The objects of {@code worker}'s reference table that {@code leaked} says should be gone, each
   * as {@code id: why it is alive} (see {@link OwnedObject#reasons()}).
   */
  public static List<String> leftObjects(CoreWorker worker, Predicate<OwnedObject> leaked) {
    List<String> out = new ArrayList<>();
    for (OwnedObject o : worker.table().snapshot()) {
      if (leaked.test(o)) {
        out.add(o.id().hex() + ": " + o.reasons());
      }
    }
    return out;
  }

  /**
   * Collects garbage until {@code left} returns an empty list, for up to {@link #SETTLE}; then
   * asserts it is empty, naming what was left as {@code what}.
   */
  public static void awaitNoneLeft(String what, Supplier<List<String>> left) {
    try {
      Awaitility.await(what)
          .atMost(SETTLE)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> {
                System.gc();
                return left.get().isEmpty();
              });
    } catch (ConditionTimeoutException e) {
      // fall through: the assertion below names what is left
    }
    List<String> now = left.get();
    assertThat(now)
        .as(
            "%s (%d left after %s of collecting garbage; the first: %s)",
            what, now.size(), SETTLE, now.stream().limit(10).toList())
        .isEmpty();
  }
}
