package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.ActorDiedException;
import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.ObjectRef;
import dev.manta.TaskCancelledException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** init / shutdown / init, and what shutdown does to pending work. Manages Manta itself. */
class LifecycleTest {
  @AfterEach
  void cleanUp() {
    Fns.gate.countDown();
    Manta.shutdown();
    assertThat(MantaTestSupport.mantaPlatformThreads()).isEmpty();
  }

  @Test
  void initShutdownInit_worksRepeatedly() {
    for (int i = 0; i < 3; i++) {
      Manta.init(MantaConfig.builder().numCpus(2).build());
      assertThat(Manta.isInitialized()).isTrue();
      assertThat(Manta.task(Fns::square, i).remote().get()).isEqualTo(i * i);
      Manta.shutdown();
      assertThat(Manta.isInitialized()).isFalse();
    }
  }

  @Test
  void init_twice_isRejected() {
    Manta.init(MantaConfig.builder().numCpus(1).build());
    assertThatThrownBy(Manta::init)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already initialized");
  }

  @Test
  void calls_beforeInitOrAfterShutdown_failClearly() {
    assertThatThrownBy(() -> Manta.put(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Manta.init()");
    Manta.init(MantaConfig.builder().numCpus(1).build());
    ObjectRef<Integer> r = Manta.put(1);
    Manta.shutdown();
    assertThatThrownBy(() -> Manta.get(r))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not initialized");
    Manta.init(MantaConfig.builder().numCpus(1).build());
    assertThatThrownBy(() -> Manta.get(r))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not created by this Manta runtime");
  }

  @Test
  void shutdown_failsPendingWork_andStopsEveryThread() throws Exception {
    Manta.init(MantaConfig.builder().numCpus(1).build());
    CoreWorker worker = MantaTestSupport.current();
    Fns.gate = new CountDownLatch(1);
    ObjectRef<Integer> running = Manta.task(Fns::awaitGate, 1).remote();
    ObjectRef<Integer> queued = Manta.task(Fns::square, 2).remote();
    ObjectRef<Integer> waiting = Manta.task(Fns::square, running).remote();
    ActorHandle<ActorBehaviour.Gate> actor = Manta.actor(ActorBehaviour.Gate::new).remote();
    ObjectRef<Integer> call = actor.task(ActorBehaviour.Gate::pass, 1).remote();
    var runningFuture = running.toCompletableFuture();
    var queuedFuture = queued.toCompletableFuture();
    var waitingFuture = waiting.toCompletableFuture();
    var callFuture = call.toCompletableFuture();
    Manta.shutdown();
    assertThat(worker.liveThreads()).isZero();
    assertThatThrownBy(runningFuture::join).cause().isInstanceOf(TaskCancelledException.class);
    assertThatThrownBy(queuedFuture::join)
        .cause()
        .isInstanceOf(TaskCancelledException.class)
        .hasMessageContaining("shut down");
    assertThatThrownBy(waitingFuture::join).cause().isInstanceOf(TaskCancelledException.class);
    assertThatThrownBy(callFuture::join).cause().isInstanceOf(ActorDiedException.class);
  }

  /** Counts its runs, and always throws. */
  static final java.util.concurrent.atomic.AtomicInteger FAILING_RUNS =
      new java.util.concurrent.atomic.AtomicInteger();

  static int failing(int x) {
    FAILING_RUNS.incrementAndGet();
    throw new IllegalStateException("failing " + x);
  }

  @Test
  void taskMaxRetries_isTheRetryBudgetOfCallsThatSetNone_andACallsOwnWins() {
    Manta.init(MantaConfig.builder().numCpus(1).taskMaxRetries(1).build());
    FAILING_RUNS.set(0);
    ObjectRef<Integer> configured =
        Manta.task(LifecycleTest::failing, 1).retryExceptions(true).remote();
    assertThatThrownBy(configured::get).hasMessageContaining("failing 1");
    assertThat(FAILING_RUNS.get()).isEqualTo(2); // one run, one retry

    FAILING_RUNS.set(0);
    ObjectRef<Integer> own =
        Manta.task(LifecycleTest::failing, 2).maxRetries(3).retryExceptions(true).remote();
    assertThatThrownBy(own::get).hasMessageContaining("failing 2");
    assertThat(FAILING_RUNS.get()).isEqualTo(4);
    Manta.shutdown();

    Manta.init(MantaConfig.builder().numCpus(1).build()); // the default: 3, as in Ray
    FAILING_RUNS.set(0);
    ObjectRef<Integer> dflt = Manta.task(LifecycleTest::failing, 3).retryExceptions(true).remote();
    assertThatThrownBy(dflt::get).hasMessageContaining("failing 3");
    assertThat(FAILING_RUNS.get()).isEqualTo(1 + dev.manta.TaskCall.DEFAULT_MAX_RETRIES);
  }

  @Test
  void config_fromSystemProperties() {
    System.setProperty("manta.num-cpus", "3");
    System.setProperty("manta.resources", "GPU=2");
    try {
      MantaConfig c = MantaConfig.fromEnvironment();
      assertThat(c.numCpus()).isEqualTo(3.0);
      assertThat(c.resources()).containsEntry("GPU", 2.0);
      assertThat(MantaConfig.builder().numCpus(5).build().numCpus()).isEqualTo(5.0);
    } finally {
      System.clearProperty("manta.num-cpus");
      System.clearProperty("manta.resources");
    }
  }
}
