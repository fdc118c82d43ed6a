package dev.manta.cluster.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final List<Long> attempts = new ArrayList<>();

  /** A call that fails with {@code failures} in turn, then returns "ok". */
  private java.util.function.LongFunction<String> failing(Status.Code... failures) {
    return ms -> {
      attempts.add(ms);
      if (attempts.size() <= failures.length) {
        throw new StatusRuntimeException(Status.fromCode(failures[attempts.size() - 1]));
      }
      return "ok";
    };
  }

  @Test
  void slowPeer_isAskedAgain_eachTimeWithADoubledDeadline() {
    String r =
        Backoff.untilReachable(
            "test",
            10,
            60_000,
            0,
            failing(Status.Code.DEADLINE_EXCEEDED, Status.Code.DEADLINE_EXCEEDED));
    assertThat(r).isEqualTo("ok");
    assertThat(attempts).containsExactly(10L, 20L, 40L);
  }

  @Test
  void refusedConnection_isRetriedOnlyWithinRefusedMs() {
    assertThatThrownBy(
            () -> Backoff.untilReachable("test", 10, 60_000, 0, failing(Status.Code.UNAVAILABLE)))
        .isInstanceOf(StatusRuntimeException.class)
        .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(attempts).hasSize(1);

    attempts.clear();
    assertThat(
            Backoff.untilReachable(
                "test",
                10,
                60_000,
                60_000,
                failing(Status.Code.UNAVAILABLE, Status.Code.UNAVAILABLE)))
        .isEqualTo("ok");
    assertThat(attempts).hasSize(3);
  }

  @Test
  void otherFailures_endTheRetriesAtOnce() {
    assertThatThrownBy(
            () ->
                Backoff.untilReachable(
                    "test", 10, 60_000, 60_000, failing(Status.Code.PERMISSION_DENIED)))
        .isInstanceOf(StatusRuntimeException.class)
        .hasMessageContaining("PERMISSION_DENIED");
    assertThat(attempts).hasSize(1);
  }

  @Test
  void noAttemptGetsMoreThanWhatIsLeftOfTheTotal() {
    Backoff.untilReachable("test", 1_000, 1_500, 0, failing(Status.Code.DEADLINE_EXCEEDED));
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0)).isEqualTo(1_000L);
    assertThat(attempts.get(1)).isLessThanOrEqualTo(1_500L - 100L); // after the first pause
  }
}
