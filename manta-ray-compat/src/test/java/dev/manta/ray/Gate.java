package dev.manta.ray;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test actor that holds calls of {@link #pass} until {@link #open} is called: a latch that lives
 * wherever the actor does, so tests keep a result pending without sleeping and without state in the
 * test JVM. Create it with {@code setMaxConcurrency(2)} so that {@code open} runs while a {@code
 * pass} waits.
 */
public class Gate {
  private final CountDownLatch open = new CountDownLatch(1);

  /**
   * Returns {@code x} once the gate is open.
   *
   * @throws IllegalStateException if it stays shut for 30 s (a test forgot to open it)
   */
  public int pass(int x) throws InterruptedException {
    if (!open.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the gate stayed shut for 30 s; call Gate::open");
    }
    return x;
  }

  public boolean open() {
    open.countDown();
    return true;
  }
}
