package dev.manta.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.cluster.proto.LeaseGrant;
import dev.manta.cluster.rpc.Rpc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Work given a task lease leaves in the order it was given (L2), whatever the lease's fate. */
class LeasesTest {
  private final Rpc.Channels channels = new Rpc.Channels();
  private final Leases leases = new Leases(channels, "job", null);

  @AfterEach
  void close() {
    channels.close();
  }

  @Test
  void whenGranted_givenWhilePending_runsInSubmissionOrderThenDirectly() {
    CompletableFuture<LeaseGrant> lease = new CompletableFuture<>();
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 50; i++) {
      int n = i;
      leases.whenGranted(lease, (g, e) -> order.add(n));
    }
    assertThat(order).isEmpty();

    lease.complete(LeaseGrant.newBuilder().setWorkerAddress("w:1").build());
    leases.whenGranted(lease, (g, e) -> order.add(50));

    assertThat(order).containsExactlyElementsOf(IntStream.rangeClosed(0, 50).boxed().toList());
  }

  @Test
  void whenGranted_failedLease_givesEveryWaiterTheFailureInOrder() {
    CompletableFuture<LeaseGrant> lease = new CompletableFuture<>();
    List<String> seen = new ArrayList<>();
    leases.whenGranted(lease, (g, e) -> seen.add("a:" + e.getMessage()));
    leases.whenGranted(lease, (g, e) -> seen.add("b:" + e.getMessage()));

    lease.completeExceptionally(new IllegalStateException("agent gone"));

    assertThat(seen).containsExactly("a:agent gone", "b:agent gone");
  }
}
