package dev.manta.cluster.worker;

import io.grpc.stub.StreamObserver;
import java.util.function.Consumer;

/** Small stream observers for asynchronous calls. */
final class Callbacks {
  private Callbacks() {}

  /** Ignores the reply and any error (best-effort notifications). */
  static <T> StreamObserver<T> ignore() {
    return of(v -> {}, e -> {});
  }

  /** Calls {@code ok} with the single reply, or {@code failed} with the error. */
  static <T> StreamObserver<T> of(Consumer<T> ok, Consumer<Throwable> failed) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        ok.accept(value);
      }

      @Override
      public void onError(Throwable t) {
        failed.accept(t);
      }

      @Override
      public void onCompleted() {}
    };
  }
}
