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
