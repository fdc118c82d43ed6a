package dev.manta.processor.bench;

import dev.manta.ActorCreator;
import dev.manta.ActorHandle;
import dev.manta.MantaConfig;
import dev.manta.MantaFunction;
import dev.manta.ObjectRef;
import dev.manta.ObjectStoreStats;
import dev.manta.RuntimeContext;
import dev.manta.TaskCall;
import dev.manta.WaitResult;
import dev.manta.spi.MantaRuntime;
import dev.manta.spi.MantaRuntimeProvider;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A runtime that submits nothing: {@code newTask} returns a call whose {@code remote()} gives one
 * constant ref. It isolates the cost of the API layer (stub or method reference) from the cost of
 * running tasks. Chosen only when the config asks for the resource {@value #MARKER}.
 */
public final class NullRuntime implements MantaRuntime {
  /** The resource name that selects this runtime. */
  public static final String MARKER = "null-runtime-for-benchmarks";

  /** Where each call goes, so that the JIT cannot drop the call objects. */
  static volatile Object sink;

  private static final ObjectRef<Object> REF =
      new ObjectRef<>() {
        @Override
        public String id() {
          return "0";
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public CompletableFuture<Object> toCompletableFuture() {
          return CompletableFuture.completedFuture(null);
        }
      };

  /** Finds {@link NullRuntime} through ServiceLoader. */
  public static final class Provider implements MantaRuntimeProvider {
    /** For ServiceLoader. */
    public Provider() {}

    @Override
    public int priority(MantaConfig config) {
      return config.resources().containsKey(MARKER) ? 1_000 : 0;
    }

    @Override
    public MantaRuntime start(MantaConfig config) {
      return new NullRuntime();
    }
  }

  private static final class Call<R> extends TaskCall<R> {
    final MantaFunction fn;
    final Object[] args;

    Call(MantaFunction fn, Object[] args) {
      this.fn = fn;
      this.args = args;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ObjectRef<R> remote() {
      sink = this;
      return (ObjectRef<R>) REF;
    }
  }

  @Override
  public <R> TaskCall<R> newTask(MantaFunction fn, Object[] args, long refMask) {
    return new Call<>(fn, args);
  }

  @Override
  public <A> ActorCreator<A> newActor(MantaFunction constructor, Object[] args, long refMask) {
    throw new UnsupportedOperationException("NullRuntime runs no actors");
  }

  @Override
  public <T> ObjectRef<T> put(T value) {
    throw new UnsupportedOperationException("NullRuntime measures the API layer only");
  }

  @Override
  public <T> T get(ObjectRef<T> ref, long timeoutNanos) {
    throw new UnsupportedOperationException("NullRuntime measures the API layer only");
  }

  @Override
  public <T> List<T> getAll(List<? extends ObjectRef<? extends T>> refs, long timeoutNanos) {
    throw new UnsupportedOperationException("NullRuntime measures the API layer only");
  }

  @Override
  public <T> WaitResult<T> wait(
      List<? extends ObjectRef<T>> refs, int numReturns, long timeoutNanos) {
    throw new UnsupportedOperationException("NullRuntime measures the API layer only");
  }

  @Override
  public boolean cancel(ObjectRef<?> ref, boolean force) {
    return false;
  }

  @Override
  public void free(Collection<? extends ObjectRef<?>> refs) {}

  @Override
  public <A> Optional<ActorHandle<A>> findActor(String name) {
    return Optional.empty();
  }

  @Override
  public ObjectStoreStats storeStats() {
    throw new UnsupportedOperationException("NullRuntime measures the API layer only");
  }

  @Override
  public List<dev.manta.Node> nodes() {
    return List.of();
  }

  @Override
  public String memorySummary() {
    return "";
  }

  @Override
  public RuntimeContext runtimeContext() {
    throw new UnsupportedOperationException("NullRuntime measures the API layer only");
  }

  @Override
  public void exitActor() {
    throw new UnsupportedOperationException("NullRuntime measures the API layer only");
  }

  @Override
  public void shutdown() {}
}
