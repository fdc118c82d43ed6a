package dev.manta.cluster.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The failure detector's logic, on a clock the test moves: no waiting. */
class NodeHealthTest {
  private long nowNanos = 1_000_000_000L;
  private final NodeHealth health = new NodeHealth(100, 300, 3, () -> nowNanos);

  private void advanceMs(long ms) {
    nowNanos += TimeUnit.MILLISECONDS.toNanos(ms);
  }

  private static List<String> checked(NodeHealth.Tick t) {
    return t.checks().stream().map(NodeHealth.Check::nodeId).toList();
  }

  @Test
  void theFirstCheck_isDueOnePeriodAfterTheNodeJoins_andThenEveryPeriod() {
    health.watch("n");
    advanceMs(99);
    assertThat(checked(health.tick())).isEmpty();
    advanceMs(1);
    NodeHealth.Tick t = health.tick();
    assertThat(checked(t)).containsExactly("n");
    assertThat(health.answered("n", t.checks().get(0).seq(), null)).isEmpty();
    advanceMs(50);
    assertThat(checked(health.tick())).isEmpty();
    advanceMs(50);
    assertThat(checked(health.tick())).containsExactly("n");
  }

  @Test
  void atMostOneCheckRuns_perNode() {
    health.watch("n");
    advanceMs(100);
    assertThat(checked(health.tick())).containsExactly("n");
    advanceMs(150); // a period has passed, but the check is still out (and not yet timed out)
    assertThat(checked(health.tick())).isEmpty();
  }

  @Test
  void thresholdFailedAnswersInARow_declareTheNodeDead_once_withTheReason() {
    health.watch("n");
    for (int i = 1; i <= 2; i++) {
      advanceMs(100);
      NodeHealth.Check c = health.tick().checks().get(0);
      assertThat(health.answered("n", c.seq(), "UNAVAILABLE: refused")).isEmpty();
    }
    advanceMs(100);
    NodeHealth.Check c = health.tick().checks().get(0);
    NodeHealth.Death d = health.answered("n", c.seq(), "UNAVAILABLE: refused").orElseThrow();
    assertThat(d.nodeId()).isEqualTo("n");
    assertThat(d.reason())
        .contains("failed 3 health checks in a row")
        .contains("one every 100 ms")
        .contains("each given 300 ms")
        .contains("manta.health-check-period-ms")
        .endsWith("last: UNAVAILABLE: refused");
    assertThat(health.watches("n")).isFalse();
    advanceMs(1_000);
    NodeHealth.Tick after = health.tick();
    assertThat(after.checks()).isEmpty();
    assertThat(after.deaths()).isEmpty();
    assertThat(health.answered("n", c.seq(), "late")).isEmpty();
  }

  @Test
  void oneAnsweredCheck_resetsTheCount() {
    health.watch("n");
    for (String outcome : new String[] {"down", "down", null, "down", "down"}) {
      advanceMs(100);
      NodeHealth.Check c = health.tick().checks().get(0);
      assertThat(health.answered("n", c.seq(), outcome)).isEmpty();
    }
    assertThat(health.watches("n")).isTrue();
  }

  @Test
  void aCheckUnansweredPastTheTimeout_fails_andItsLateAnswerIsIgnored() {
    health.watch("n");
    advanceMs(100);
    long first = health.tick().checks().get(0).seq();
    advanceMs(299);
    NodeHealth.Tick t = health.tick();
    assertThat(t.deaths()).isEmpty();
    assertThat(t.checks()).isEmpty(); // still in flight, not yet timed out
    advanceMs(1);
    t = health.tick(); // the first check times out (1 failure); the next is due at once
    assertThat(checked(t)).containsExactly("n");
    assertThat(health.answered("n", first, null)).isEmpty(); // too late: does not reset the count
    advanceMs(300);
    t = health.tick(); // the second times out (2 failures); the third goes out
    assertThat(t.deaths()).isEmpty();
    assertThat(checked(t)).containsExactly("n");
    advanceMs(300);
    t = health.tick(); // the third times out: dead
    assertThat(t.deaths()).extracting(NodeHealth.Death::nodeId).containsExactly("n");
    assertThat(t.deaths().get(0).reason())
        .contains("failed 3 health checks in a row")
        .endsWith("last: no answer within 300 ms");
    assertThat(t.checks()).isEmpty();
    assertThat(health.watches("n")).isFalse();
  }

  @Test
  void aNodeThatJoinsAgain_startsFromACleanCount_andEarlierChecksAnswerNothing() {
    health.watch("n");
    advanceMs(100);
    NodeHealth.Check old = health.tick().checks().get(0);
    health.answered("n", old.seq(), "down");
    advanceMs(100);
    NodeHealth.Check old2 = health.tick().checks().get(0);
    health.watch("n"); // re-registered
    assertThat(health.answered("n", old2.seq(), "down")).isEmpty();
    for (int i = 0; i < 2; i++) {
      advanceMs(100);
      NodeHealth.Check c = health.tick().checks().get(0);
      assertThat(health.answered("n", c.seq(), "down")).isEmpty();
    }
    assertThat(health.watches("n")).isTrue();
  }

  @Test
  void nodesAreCheckedApart() {
    health.watch("a");
    advanceMs(50);
    health.watch("b");
    advanceMs(50);
    assertThat(checked(health.tick())).containsExactly("a");
    advanceMs(50);
    assertThat(checked(health.tick())).containsExactly("b");
  }

  @Test
  void theTickIsFinerThanThePeriodAndTheTimeout() {
    assertThat(health.tickMillis()).isEqualTo(25);
    assertThat(new NodeHealth(10, 10, 1, System::nanoTime).tickMillis()).isEqualTo(2);
  }

  @Test
  void nonsenseSettings_areRefused() {
    assertThatThrownBy(() -> new NodeHealth(0, 10, 1, System::nanoTime))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period > 0");
    assertThatThrownBy(() -> new NodeHealth(10, 10, 0, System::nanoTime))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold >= 1");
  }
}
