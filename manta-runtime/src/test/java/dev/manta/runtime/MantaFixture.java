package dev.manta.runtime;

/**
 * A Manta that the behaviour suites run against, one test at a time: the embedded runtime in this
 * JVM ({@link EmbeddedFixture}), or a driver of a real cluster (manta-cluster's tests). A suite is
 * written once, as an abstract class over its fixture type ({@code TaskBehaviour<F extends
 * MantaFixture>}), and each mode is a subclass that names its fixture by implementing {@link
 * Source}; {@link MantaTestSupport} starts the fixture before each test and runs its checks after.
 *
 * <p>After a test that passed, {@link #checkNothingLeft} runs while Manta still runs, then Manta
 * shuts down, then {@link #checkStopped} runs: together they say that the test left nothing behind,
 * in whatever form the mode can observe. After a failed test only the shutdown runs, since what a
 * failed test left says nothing new.
 */
public interface MantaFixture {
  /** The tag of tests that look inside the embedded runtime: other fixtures skip them. */
  String EMBEDDED_ONLY = "embedded-only";

  /** Whether Manta runs in this JVM, so that tests tagged {@value #EMBEDDED_ONLY} run. */
  boolean isEmbedded();

  /** Starts Manta for one test ({@code Manta.init}); Manta is not initialized when called. */
  void start() throws Exception;

  /**
   * While Manta still runs after a passing test: whatever the test made and dropped is gone (the
   * test's refs and handles are unreachable now that its method returned), and the internal
   * structures that can check themselves pass their checks. Waits for the garbage collector where
   * freeing depends on it, up to a deadline.
   *
   * @throws AssertionError naming what was left and why it is alive
   */
  void checkNothingLeft() throws Exception;

  /**
   * After {@code Manta.shutdown()} of a passing test: no thread, process or stored object of the
   * test is left.
   *
   * @param last the core worker that ran the test (in this JVM: the embedded runtime or the
   *     driver), or null if none was running at the end
   * @throws AssertionError naming what was left
   */
  void checkStopped(CoreWorker last) throws Exception;

  /**
   * Implemented by a suite's concrete class to say which fixture its tests run on. Called once per
   * test, before it; a fixture shared by several tests (a cluster) is returned again each time.
   *
   * @param <F> the fixture type
   */
  interface Source<F extends MantaFixture> {
    /** The fixture for the next test. */
    F fixture();
  }
}
