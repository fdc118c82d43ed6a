package dev.manta.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ray.api.ActorHandle;
import io.ray.api.Ray;
import io.ray.api.exception.RayActorException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** {@link RayActorTest}, each test as a Ray driver of the shared real cluster. */
class ClusterRayActorTest extends RayActorTest {
  @Override
  public RayTestSupport.Mode rayMode() throws Exception {
    return new RayTestSupport.Mode(RayClusterSuite.use());
  }

  /**
   * With {@code ray.job.default-actor-lifetime=DETACHED} an actor that sets no lifetime outlives
   * the actor that created it, in a worker JVM (whose Ray runtime learns the job's default from the
   * functions it runs); a sibling made NON_DETACHED dies with their creator, which shows that the
   * creator's death was handled before the detached one is asked.
   */
  @Test
  void defaultActorLifetimeDetached_anActorsChildOutlivesItsDeath() throws Exception {
    Ray.shutdown();
    System.setProperty("ray.address", RayClusterSuite.use());
    System.setProperty("ray.job.default-actor-lifetime", "DETACHED");
    try {
      Ray.init();
    } finally {
      System.clearProperty("ray.address");
      System.clearProperty("ray.job.default-actor-lifetime");
    }
    ActorHandle<Counter> owner = Ray.actor(Counter::new, 0).remote();
    ActorHandle<Counter> detached = owner.task(Counter::createChild, 5, false).remote().get();
    ActorHandle<Counter> tied = owner.task(Counter::createChild, 7, true).remote().get();
    assertThat(detached.task(Counter::get).remote().get()).isEqualTo(5);
    assertThat(tied.task(Counter::get).remote().get()).isEqualTo(7);

    assertThatThrownBy(() -> owner.task(Counter::halt).remote().get())
        .isInstanceOf(RayActorException.class); // the creator's JVM dies
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              try {
                tied.task(Counter::get).remote().get();
                return false;
              } catch (RayActorException e) {
                return true;
              }
            });
    assertThat(detached.task(Counter::add, 1).remote().get()).isEqualTo(6);
    detached.kill();
  }

  /**
   * An actor whose worker JVM dies is restarted by Manta's core (not by the Ray layer, as after
   * {@code kill(false)}); its new instance knows, in the constructor and in its methods.
   */
  @Test
  void aWorkerDeath_restartsTheActor_whichKnowsItWasRestarted() {
    ActorHandle<Counter> c = Ray.actor(Counter::new, 7).setMaxRestarts(1).remote();
    assertThat(c.task(Counter::restarted).remote().get()).isFalse();
    assertThat(c.task(Counter::restartedAtBirth).remote().get()).isFalse();
    long pid = c.task(Counter::pid).remote().get();
    assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());

    // The call in flight dies with the process (maxTaskRetries 0: at most once).
    assertThatThrownBy(() -> c.task(Counter::halt).remote().get())
        .isInstanceOf(RayActorException.class);
    // Calls made while it restarts fail at once, as in Ray: wait until one reaches it.
    Awaitility.await()
        .atMost(Duration.ofSeconds(90))
        .ignoreExceptions()
        .until(() -> c.task(Counter::restarted).remote().get());
    assertThat(c.task(Counter::restartedAtBirth).remote().get()).isTrue();
    assertThat(c.task(Counter::pid).remote().get()).isNotEqualTo(pid);
    assertThat(c.task(Counter::get).remote().get()).isEqualTo(7); // the constructor's state
  }
}
