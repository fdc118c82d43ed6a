package dev.manta.cluster.worker;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.ResultBatch;
import dev.manta.cluster.proto.TaskBatch;
import dev.manta.cluster.rpc.DirectLink;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.cluster.rpc.TaskMessages;
import dev.manta.cluster.rpc.TaskMessages.Outgoing;
import dev.manta.runtime.port.CoreAccess;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An owner's push links: one per worker, a {@link Batcher} of specs over a {@link DirectLink} (or,
 * where links are off, a gRPC {@code Submit} stream), on which the worker's results come back and
 * go to the {@link InflightTable}. The worker's end of these streams is {@link ReportLinks}.
 */
final class OwnerLinks {
  /*
   * Implementation notes
   *  K1  At most one push link per worker in `pushLinks`. A link that ends or fails is removed
   *      once (its `gone` flag); the failure timeout plus 3 s later, whatever is still in flight
   *      to that worker fails. A death report (worker exit from its agent, node death from the
   *      head) says why and usually comes first, failing those specs with its reason.
   *  K2  A push link's channel is opened by its first batch, off the sending thread (opening asks
   *      the worker over gRPC, and the sender may be a transport thread); the channel list and the
   *      function ids are then touched only by the batcher's sender, one batch at a time.
   *  Threads: results read on a link's reader thread or a gRPC event loop complete there, under
   *  the in-flight table's transport-thread rules (I3); opening a channel runs on `offload`.
   */
  private static final Logger LOG = LoggerFactory.getLogger(OwnerLinks.class);

  /** How long a submit stream may live; liveness comes from heartbeats and death events. */
  private static final long STREAM_DEADLINE_MS = TimeUnit.DAYS.toMillis(30);

  /** How long after the failure timeout a lost link fails its specs if no death was reported. */
  private static final long LOST_GRACE_MS = 3_000;

  private final CoreAccess core;
  private final Rpc.Channels channels;
  private final ClusterView view;
  private final InflightTable inflight;
  private final String jobId;
  private final String agentAddress;
  private final boolean directLinks;
  private final Executor offload;
  private final Supplier<String> address;
  private final BooleanSupplier closed;
  private final BiConsumer<String, String> workerLost;
  private final Map<String, Batcher<Outgoing>> pushLinks = new ConcurrentHashMap<>();
  private final Map<String, DirectLink> outLinks = new ConcurrentHashMap<>(); // by worker

  /**
   * Push links of a process of job {@code jobId} whose node's agent is at {@code agentAddress},
   * serving at {@code address} (known once its server runs). Results read from push links complete
   * in {@code inflight}; {@code workerLost} gets a worker's address and why, when its link ended
   * and no death was reported (K1). {@code directLinks} says whether to open direct links to
   * workers that take them.
   */
  OwnerLinks(
      CoreAccess core,
      Rpc.Channels channels,
      ClusterView view,
      InflightTable inflight,
      String jobId,
      String agentAddress,
      boolean directLinks,
      Executor offload,
      Supplier<String> address,
      BooleanSupplier closed,
      BiConsumer<String, String> workerLost) {
    this.core = core;
    this.channels = channels;
    this.view = view;
    this.inflight = inflight;
    this.jobId = jobId;
    this.agentAddress = agentAddress;
    this.directLinks = directLinks;
    this.offload = offload;
    this.address = address;
    this.closed = closed;
    this.workerLost = workerLost;
  }

  /** Sends {@code o} to {@code worker}, after what was sent to it before. Does not block. */
  void push(String worker, Outgoing o) {
    pushLinks.computeIfAbsent(worker, this::newPushLink).send(o);
  }

  /** Closes the direct link to a dead worker: a dead machine sends no FIN to end its reader. */
  void workerDied(String worker) {
    DirectLink link = outLinks.remove(worker);
    if (link != null) {
      link.close();
    }
  }

  private Batcher<Outgoing> newPushLink(String worker) {
    TaskMessages.FunctionIds fnIds = new TaskMessages.FunctionIds(); // K2
    AtomicBoolean gone = new AtomicBoolean();
    Runnable lost =
        () -> {
          if (gone.compareAndSet(false, true) && !closed.getAsBoolean()) {
            pushLinks.remove(worker);
            long waitMs = view.failureTimeoutMs() + LOST_GRACE_MS; // K1
            CompletableFuture.delayedExecutor(waitMs, TimeUnit.MILLISECONDS)
                .execute(
                    () -> {
                      if (!closed.getAsBoolean()) {
                        workerLost.accept(
                            worker,
                            "its connection ended and no death was reported within "
                                + waitMs
                                + " ms");
                      }
                    });
          }
        };
    List<Batcher.Channel<TaskBatch>> channel = new ArrayList<>(1); // K2
    return new Batcher<>(
        (batch, done, failed) -> {
          TaskBatch.Builder b =
              TaskBatch.newBuilder()
                  .setOwnerPrefix(core.prefix())
                  .setOwnerAddress(address.get())
                  .setJobId(jobId);
          for (Outgoing o : batch) {
            b.addTasks(
                TaskMessages.encode(o, fnIds, core::readyValue, view.nodeId(), agentAddress));
          }
          TaskBatch message = b.build();
          if (!channel.isEmpty()) {
            Batcher.sendOn(channel.get(0), message, done, failed);
            return;
          }
          // The first batch opens the channel, which asks the worker over gRPC: not on this
          // thread, which may be a transport thread.
          offload.execute(
              () -> {
                try {
                  channel.add(openPush(worker, lost));
                } catch (RuntimeException e) {
                  failed.accept(e);
                  return;
                }
                Batcher.sendOn(channel.get(0), message, done, failed);
              });
        },
        (batch, e) -> {
          LOG.warn("Sending to worker {} failed: {}", worker, e.toString());
          lost.run();
        });
  }

  /**
   * Opens the channel to {@code worker}: a direct link if it takes them (results are completed on
   * the link's reader thread), else a gRPC stream (results completed on its event loop). {@code
   * lost} runs when the channel ends.
   */
  private Batcher.Channel<TaskBatch> openPush(String worker, Runnable lost) {
    int port = 0;
    if (directLinks) {
      try {
        port =
            Rpc.deadline(CoreWorkerGrpc.newBlockingStub(channels.get(worker)))
                .openLink(Empty.getDefaultInstance())
                .getPort();
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
          throw new IllegalStateException(Rpc.explain(e, "worker", worker), e);
        }
        // a worker of an earlier build, without links: Submit serves it
      }
    }
    if (port != 0) {
      return openLink(worker, port, lost);
    }
    // Results arrive on the transport's event loop (no hand-off to another thread): the in-flight
    // table completes there only what cannot block (InflightTable, I3).
    CoreWorkerGrpc.CoreWorkerStub stub =
        Rpc.deadline(CoreWorkerGrpc.newStub(channels.get(worker)), STREAM_DEADLINE_MS)
            .withExecutor(Runnable::run);
    StreamObserver<ResultBatch> results =
        new StreamObserver<>() {
          @Override
          public void onNext(ResultBatch b) {
            Context.ROOT.run(() -> inflight.completeAll(b));
          }

          @Override
          public void onError(Throwable t) {
            LOG.debug("submit stream to {} ended: {}", worker, t.toString());
            lost.run();
          }

          @Override
          public void onCompleted() {
            lost.run();
          }
        };
    StreamObserver<TaskBatch> tasks = submitStream(stub, results);
    return tasks::onNext;
  }

  private Batcher.Channel<TaskBatch> openLink(String worker, int port, Runnable lost) {
    String host = worker.substring(0, worker.lastIndexOf(':'));
    try {
      DirectLink link =
          DirectLink.connect(
              host,
              port,
              l ->
                  new DirectLink.Receiver() {
                    @Override
                    public void onFrame(byte[] frame) {
                      try {
                        inflight.completeAll(ResultBatch.parseFrom(frame));
                      } catch (InvalidProtocolBufferException e) {
                        LOG.warn("Bad result batch from worker {}: {}", worker, e.toString());
                        l.close();
                      }
                    }

                    @Override
                    public void onClosed(Throwable cause) {
                      outLinks.remove(worker, l);
                      if (cause != null) {
                        LOG.debug("link to {} ended: {}", worker, cause.toString());
                      }
                      lost.run();
                    }
                  });
      DirectLink stale = outLinks.put(worker, link);
      if (stale != null) {
        stale.close(); // its stream was declared lost already
      }
      if (closed.getAsBoolean()) {
        link.close();
      }
      return link::send;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot open a link to worker " + worker + ": " + e.getMessage(), e);
    }
  }

  /** Opens a submit stream outside any caller's RPC context, so it outlives that RPC. */
  private static StreamObserver<TaskBatch> submitStream(
      CoreWorkerGrpc.CoreWorkerStub stub, StreamObserver<ResultBatch> results) {
    Context previous = Context.ROOT.attach();
    try {
      return stub.submit(results);
    } finally {
      Context.ROOT.detach(previous);
    }
  }

  /**
   * Closes every push link's direct link and waits, 2 s at most for all of them, for their reader
   * threads, so that none outlives the port's shutdown.
   */
  void close() {
    for (DirectLink l : outLinks.values()) {
      l.close();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    for (DirectLink l : outLinks.values()) {
      try {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (!l.awaitReader(Math.max(1, left))) {
          LOG.warn("the reader of the link to {} did not end within 2 s of its close", l.peer());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
