package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.PendingCallsLimitException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** {@link ActorBehaviour}, each test as the driver of a job on a real cluster. */
class ClusterActorTest extends ActorBehaviour<ClusterDriverFixture>
    implements ClusterDriverFixture.Source {

  /**
   * A restart budget is accepted on a cluster (restarts after a worker's death are tested in
   * dev.manta.cluster.ClusterActorRestartTest) and changes nothing while the actor lives.
   */
  @Test
  void maxRestartsAndMaxTaskRetries_areAccepted_andTheActorServes() {
    ActorHandle<Counter> c =
        Manta.actor(Counter::new, 0).maxRestarts(2).maxTaskRetries(-1).remote();
    assertThat(Manta.get(c.task(Counter::add, 3).remote(), Duration.ofSeconds(60))).isEqualTo(3);
    c.kill();
  }

  /** Each call waits until four calls have arrived, from whichever processes. */
  public static final class Holder {
    private final CountDownLatch arrived = new CountDownLatch(4);

    public Holder() {}

    public int hold(int x) throws InterruptedException {
      arrived.countDown();
      arrived.await();
      return x;
    }
  }

  /** In a worker: two calls on {@code h} are accepted, the third is refused by this process. */
  static String callThrice(ActorHandle<Holder> h) {
    h.task(Holder::hold, 10).remote();
    h.task(Holder::hold, 11).remote();
    try {
      h.task(Holder::hold, 12).remote();
      return "third accepted";
    } catch (PendingCallsLimitException e) {
      return "third refused: " + e.getMessage();
    }
  }

  /**
   * maxPendingCalls counts per calling process, as in Ray: the driver's two pending calls do not
   * use up a task's, and the task (a borrower in another JVM) is refused beyond its own two. The
   * four accepted calls are pending at once: none returns before all four have arrived.
   */
  @Test
  void maxPendingCalls_countsEachCallingProcessOnItsOwn() {
    ActorHandle<Holder> h = Manta.actor(Holder::new).maxConcurrency(8).maxPendingCalls(2).remote();
    List<ObjectRef<Integer>> mine =
        List.of(h.task(Holder::hold, 1).remote(), h.task(Holder::hold, 2).remote());
    assertThatThrownBy(() -> h.task(Holder::hold, 3).remote())
        .isInstanceOf(PendingCallsLimitException.class)
        .hasMessageContaining("2 pending calls");
    assertThat(
            Manta.get(Manta.task(ClusterActorTest::callThrice, h).remote(), Duration.ofSeconds(60)))
        .startsWith("third refused")
        .contains("2 pending calls");
    assertThat(Manta.get(mine, Duration.ofSeconds(60))).containsExactly(1, 2);
    h.kill();
  }
}
