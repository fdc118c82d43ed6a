package dev.manta.cluster.worker;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.manta.cluster.proto.ResultBatch;
import dev.manta.cluster.proto.ResultMsg;
import dev.manta.cluster.proto.TaskBatch;
import dev.manta.cluster.rpc.DirectLink;
import dev.manta.cluster.rpc.TaskMessages;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.store.StoredValue;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's end of its owners' push links: the direct-link server owners connect to, the gRPC
 * {@code Submit} streams they open where links are off, and one report link per owner, the latest
 * stream that owner opened, on which every result of that owner's tasks leaves in batches.
 */
final class ReportLinks {
  /*
   * Implementation notes
   *  R1  The latest stream of an owner wins (`reportLinks.put` on its first batch); a stream that
   *      ends removes only itself. A result whose owner has no stream is dropped with a warning:
   *      the owner is gone, and its death fails the task there.
   *  R2  A stream's batches go to the intake on the stream's thread, in order, in the root gRPC
   *      context (work started from them must outlive the call).
   *  Threads: results are written by the thread that completes them, except on a link's reader
   *  thread, which never waits on a write: a batch produced there is written from `offload`. No
   *  locks: the map is concurrent, and a stream's `owner` is touched by its thread only.
   */
  private static final Logger LOG = LoggerFactory.getLogger(ReportLinks.class);

  private final ClusterView view;
  private final String agentAddress;
  private final Executor offload;
  private final Map<String, Batcher<ResultMsg>> reportLinks = new ConcurrentHashMap<>();
  private volatile DirectLink.Server linkServer;

  /** Report links of a process on the node whose agent is at {@code agentAddress}. */
  ReportLinks(ClusterView view, String agentAddress, Executor offload) {
    this.view = view;
    this.agentAddress = agentAddress;
    this.offload = offload;
  }

  /**
   * Starts the direct-link server owners push to (workers only); each batch that arrives goes to
   * {@code intake}, in the root gRPC context.
   */
  void startLinkServer(String bind, Consumer<TaskBatch> intake) {
    this.linkServer = DirectLink.Server.start(bind, link -> acceptLink(link, intake));
  }

  /** The port of this process's direct-link server, or 0 if it takes none. */
  int linkPort() {
    DirectLink.Server links = linkServer;
    return links == null ? 0 : links.port();
  }

  /**
   * The receiving side of an owner's {@code Submit} stream: its batches go to {@code intake}, and
   * results go back on {@code responses}.
   */
  StreamObserver<TaskBatch> acceptStream(
      StreamObserver<ResultBatch> responses, Consumer<TaskBatch> intake) {
    Incoming in =
        new Incoming(
            (batch, done, failed) -> {
              responses.onNext(ResultBatch.newBuilder().addAllResults(batch).build());
              done.run();
            },
            intake);
    return new StreamObserver<>() {
      @Override
      public void onNext(TaskBatch req) {
        in.onBatch(req);
      }

      @Override
      public void onError(Throwable t) {
        in.onEnd();
      }

      @Override
      public void onCompleted() {
        in.onEnd();
        responses.onCompleted();
      }
    };
  }

  /**
   * Takes a direct link from an owner. Results are written by the thread that completes them,
   * except on a link's reader thread, which must never wait on a write (see {@link DirectLink}).
   */
  private DirectLink.Receiver acceptLink(DirectLink link, Consumer<TaskBatch> intake) {
    Incoming in =
        new Incoming(
            (batch, done, failed) -> {
              ResultBatch b = ResultBatch.newBuilder().addAllResults(batch).build();
              if (DirectLink.onReaderThread()) {
                offload.execute(() -> Batcher.sendOn(link::send, b, done, failed));
              } else {
                Batcher.sendOn(link::send, b, done, failed);
              }
            },
            intake);
    return new DirectLink.Receiver() {
      @Override
      public void onFrame(byte[] frame) {
        TaskBatch req;
        try {
          req = TaskBatch.parseFrom(frame);
        } catch (InvalidProtocolBufferException e) {
          LOG.warn("Bad task batch on the link from {}: {}", link.peer(), e.toString());
          link.close();
          return;
        }
        in.onBatch(req);
      }

      @Override
      public void onClosed(Throwable cause) {
        in.onEnd();
      }
    };
  }

  /**
   * Sends the result {@code v} of task {@code id} to its owner at {@code owner}, on that owner's
   * report link (R1), with the objects owned here that {@code v} holds refs to and that were lent
   * to the owner ({@code nested}). Does not block.
   */
  void report(
      String owner, TaskId id, int attempt, StoredValue v, java.util.List<ObjectId> nested) {
    ResultMsg r = TaskMessages.result(id, attempt, v, view.nodeId(), agentAddress, nested);
    Batcher<ResultMsg> back = reportLinks.get(owner);
    if (back == null) {
      LOG.warn("Result of task {} dropped: its owner {} is gone", id.hex(), owner);
      return;
    }
    back.send(r);
  }

  /** Whether every result queued on a report link has left. */
  boolean reportsIdle() {
    for (Batcher<ResultMsg> b : reportLinks.values()) {
      if (!b.idle()) {
        return false;
      }
    }
    return true;
  }

  /** Closes the link server. */
  void close() {
    DirectLink.Server links = linkServer;
    if (links != null) {
      links.close();
    }
  }

  /**
   * The receiving side of one owner's stream (a gRPC {@code Submit} stream or a direct link): its
   * tasks are accepted in order, and the results of every task of that owner leave on it (the
   * latest stream wins). Its methods run on the stream's transport or reader thread.
   */
  private final class Incoming {
    private final Batcher<ResultMsg> back;
    private final Consumer<TaskBatch> intake;
    private String owner; // only touched by the stream's thread

    Incoming(Batcher.Sink<ResultMsg> sink, Consumer<TaskBatch> intake) {
      this.intake = intake;
      this.back =
          new Batcher<>(
              sink,
              (batch, e) ->
                  LOG.warn("Could not return {} results: {}", batch.size(), e.toString()));
    }

    void onBatch(TaskBatch req) {
      if (owner == null) {
        owner = req.getOwnerAddress();
        view.workerAtIfAbsent(req.getOwnerPrefix(), owner);
        reportLinks.put(owner, back);
      }
      // Calls made from here (results, nested work) must outlive this RPC's context.
      Context.ROOT.run(() -> intake.accept(req));
    }

    void onEnd() {
      if (owner != null) {
        reportLinks.remove(owner, back);
      }
    }
  }
}
