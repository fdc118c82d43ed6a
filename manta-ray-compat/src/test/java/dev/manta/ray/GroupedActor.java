package dev.manta.ray;

import io.ray.api.concurrencygroup.annotations.DefConcurrencyGroup;
import io.ray.api.concurrencygroup.annotations.UseConcurrencyGroup;

/** A test actor with a concurrency group declared by annotations. */
@DefConcurrencyGroup(name = "io", maxConcurrency = 2)
public class GroupedActor extends Counter {
  public GroupedActor() {
    super(0);
  }

  /** {@link #meet} in the {@code io} group. */
  @UseConcurrencyGroup(name = "io")
  public boolean ioMeet(int parties, long timeoutMs) throws InterruptedException {
    return meet(parties, timeoutMs);
  }
}
