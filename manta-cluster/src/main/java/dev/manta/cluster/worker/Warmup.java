package dev.manta.cluster.worker;

import com.google.protobuf.ByteString;
import dev.manta.cluster.proto.ArgMsg;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.ResultBatch;
import dev.manta.cluster.proto.ResultMsg;
import dev.manta.cluster.proto.TaskBatch;
import dev.manta.cluster.proto.TaskKind;
import dev.manta.cluster.proto.TaskMsg;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.cluster.rpc.Wire;
import dev.manta.runtime.store.InlineValue;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the per-call path of a worker (a {@code Submit} stream carrying task batches one way and
 * result batches back, through gRPC, Netty, protobuf and the {@link Batcher}) over loopback, many
 * thousand times, before a prestarted worker says it booted.
 *
 * <p>Why: a new JVM interprets that path at first, and on a small machine its calls then cost
 * milliseconds each instead of tens of microseconds until the JIT has compiled it, which takes
 * seconds of an actor's first calls. Doing it here moves that cost to the worker's boot, which
 * happens ahead of demand in the prestarted pool. Bounded by a call count and a time budget.
 */
final class Warmup {
  private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

  /** Calls to run; {@code manta.worker-warmup-calls}, 0 turns the warm-up off. */
  static final int CALLS = Integer.getInteger("manta.worker-warmup-calls", 20_000);

  /** Wall-clock budget. */
  static final Duration BUDGET = Duration.ofMillis(Long.getLong("manta.worker-warmup-ms", 3_000));

  private static final int WINDOW = 32;

  private Warmup() {}

  /** Runs up to {@code calls} round trips within {@code budget}; returns how many completed. */
  static int run(int calls, Duration budget) {
    if (calls <= 0) {
      return 0;
    }
    Server server = Rpc.serve("127.0.0.1", 0, List.of(new Echo()), true);
    ManagedChannel channel = Rpc.channel("127.0.0.1:" + server.getPort());
    AtomicInteger done = new AtomicInteger();
    Semaphore window = new Semaphore(WINDOW);
    long deadline = System.nanoTime() + budget.toNanos();
    try {
      StreamObserver<ResultBatch> results =
          new StreamObserver<>() {
            @Override
            public void onNext(ResultBatch b) {
              for (ResultMsg r : b.getResultsList()) {
                Wire.value(r.getValue(), "warm-up");
              }
              done.addAndGet(b.getResultsCount());
              window.release(b.getResultsCount());
            }

            @Override
            public void onError(Throwable t) {
              window.release(WINDOW);
            }

            @Override
            public void onCompleted() {}
          };
      StreamObserver<TaskBatch> tasks =
          Rpc.deadline(CoreWorkerGrpc.newStub(channel), budget.toMillis() + 5_000).submit(results);
      Batcher<TaskMsg> out =
          new Batcher<>(
              (batch, sent, failed) -> {
                tasks.onNext(
                    TaskBatch.newBuilder()
                        .setOwnerPrefix(1)
                        .setOwnerAddress("warm-up")
                        .setJobId("warm-up")
                        .addAllTasks(batch)
                        .build());
                sent.run();
              },
              (batch, e) -> LOG.debug("warm-up send failed: {}", e.toString()));
      int sent = 0;
      while (sent < calls && System.nanoTime() < deadline) {
        if (!window.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          break;
        }
        out.send(task(sent++));
      }
      // Let the calls on the wire finish (bounded by the budget).
      window.tryAcquire(WINDOW, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      tasks.onCompleted();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug("warm-up stopped: {}", e.toString());
    } finally {
      channel.shutdownNow();
      server.shutdownNow();
    }
    return done.get();
  }

  private static TaskMsg task(int i) {
    return TaskMsg.newBuilder()
        .setTaskPrefix(1)
        .setTaskSequence(i)
        .setKind(TaskKind.ACTOR_CALL)
        .setFunctionId(1)
        .setActorPrefix(1)
        .setActorSequence(1)
        .addArgs(ArgMsg.newBuilder().setValue(ByteString.copyFrom(new byte[] {1, 2, 3, (byte) i})))
        .build();
  }

  /** Answers every task with its first argument as an inline value. */
  private static final class Echo extends CoreWorkerGrpc.CoreWorkerImplBase {
    @Override
    public StreamObserver<TaskBatch> submit(StreamObserver<ResultBatch> responses) {
      Batcher<ResultMsg> back =
          new Batcher<>(
              (batch, sent, failed) -> {
                responses.onNext(ResultBatch.newBuilder().addAllResults(batch).build());
                sent.run();
              },
              (batch, e) -> {});
      return new StreamObserver<>() {
        @Override
        public void onNext(TaskBatch req) {
          for (TaskMsg m : req.getTasksList()) {
            byte[] v = m.getArgs(0).getValue().toByteArray();
            back.send(
                ResultMsg.newBuilder()
                    .setTaskPrefix(m.getTaskPrefix())
                    .setTaskSequence(m.getTaskSequence())
                    .setValue(Wire.value(new InlineValue(v, 0), "warm-up", "warm-up"))
                    .build());
          }
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {
          responses.onCompleted();
        }
      };
    }
  }
}
