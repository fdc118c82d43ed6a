package dev.manta.processor.example;

import dev.manta.RemoteActor;
import dev.manta.Resource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An actor counting hits; its stub is {@code CounterActor}. */
@RemoteActor(maxPendingCalls = 1_000, resources = @Resource(name = "counter-slot", amount = 0))
public class Counter {
  private long value;

  /** Starts at {@code start}. */
  public Counter(long start) {
    value = start;
  }

  /** Adds one and returns the new value. */
  public long increment() {
    return ++value;
  }

  /** Adds {@code n}. */
  public void add(long n) {
    value += n;
  }

  /** The current value, asynchronously. */
  public CompletionStage<String> describe() {
    return CompletableFuture.completedFuture("counter at " + value);
  }
}
