package dev.manta.cluster.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends items to one peer in batches, one batch in flight at a time: items queue while a batch is
 * on the wire and leave together in the next one, so many small calls share one RPC and order is
 * kept. Thread-safe; the sink is never called concurrently.
 *
 * @param <T> the item type
 */
final class Batcher<T> {
  /**
   * The sending side of a stream of {@code M}: a direct link or a gRPC stream. Not thread-safe:
   * only a batcher's sink calls it, one batch at a time.
   */
  interface Channel<M> {
    void send(M message) throws java.io.IOException;
  }

  /**
   * Sends one batch on {@code c} for a sink: calls exactly one of {@code done} and {@code failed}.
   */
  static <M> void sendOn(
      Channel<M> c, M message, Runnable done, java.util.function.Consumer<Throwable> failed) {
    try {
      c.send(message);
    } catch (java.io.IOException | RuntimeException e) {
      failed.accept(e);
      return;
    }
    done.run();
  }

  /** Sends one batch; must call exactly one of the callbacks when the peer answered or failed. */
  interface Sink<T> {
    void send(List<T> batch, Runnable done, java.util.function.Consumer<Throwable> failed);
  }

  private static final int MAX_BATCH = 4096;

  private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean sending = new AtomicBoolean();
  private final Sink<T> sink;
  private final java.util.function.BiConsumer<List<T>, Throwable> onFailure;

  Batcher(Sink<T> sink, java.util.function.BiConsumer<List<T>, Throwable> onFailure) {
    this.sink = sink;
    this.onFailure = onFailure;
  }

  /** Whether nothing is queued or on the wire. */
  boolean idle() {
    return queue.isEmpty() && !sending.get();
  }

  void send(T item) {
    queue.add(item);
    pump();
  }

  private void pump() {
    while (!queue.isEmpty() && sending.compareAndSet(false, true)) {
      List<T> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
      T item;
      while (batch.size() < MAX_BATCH && (item = queue.poll()) != null) {
        batch.add(item);
      }
      if (batch.isEmpty()) {
        sending.set(false);
        continue;
      }
      try {
        io.grpc.Context.ROOT.run(
            () ->
                sink.send(
                    batch,
                    () -> {
                      sending.set(false);
                      pump();
                    },
                    e -> {
                      sending.set(false);
                      onFailure.accept(batch, e);
                      pump();
                    }));
      } catch (RuntimeException e) {
        sending.set(false);
        onFailure.accept(batch, e);
      }
      return;
    }
  }
}
