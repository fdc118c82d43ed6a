package dev.manta.cluster.worker;

import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.BorrowBatch;
import dev.manta.cluster.proto.CancelTaskRequest;
import dev.manta.cluster.proto.Chunk;
import dev.manta.cluster.proto.CodeEntry;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.GetObjectRequest;
import dev.manta.cluster.proto.LinkInfo;
import dev.manta.cluster.proto.ResultBatch;
import dev.manta.cluster.proto.TaskBatch;
import dev.manta.cluster.proto.ValueMsg;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.TaskId;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * The {@code CoreWorker} gRPC service every driver and worker serves: what other processes ask of
 * this one. Each method hands the call to the part that owns it and answers; none holds state.
 *
 * <p>Implementation notes: handlers run on the transport's threads (the server is started with a
 * direct executor), so none of them may block; each part it delegates to queues work or completes
 * futures only. {@code fetchCode} reads a file, which is short.
 */
final class CoreWorkerService extends CoreWorkerGrpc.CoreWorkerImplBase {
  private final ReportLinks reports;
  private final TaskIntake intake;
  private final Borrowing borrowing;
  private final RemoteActors actors;
  private final CodeShipper code; // null in a worker: only drivers ship code
  private final Runnable exit;
  private final java.util.function.BiConsumer<TaskId, Boolean> cancel;

  /**
   * The service over the parts; {@code exit} runs when an owner asks this process to exit, {@code
   * cancel} when it cancels a task it sent here (with force or not).
   */
  CoreWorkerService(
      ReportLinks reports,
      TaskIntake intake,
      Borrowing borrowing,
      RemoteActors actors,
      CodeShipper code,
      Runnable exit,
      java.util.function.BiConsumer<TaskId, Boolean> cancel) {
    this.cancel = cancel;
    this.reports = reports;
    this.intake = intake;
    this.borrowing = borrowing;
    this.actors = actors;
    this.code = code;
    this.exit = exit;
  }

  @Override
  public StreamObserver<TaskBatch> submit(StreamObserver<ResultBatch> responses) {
    return reports.acceptStream(responses, intake::acceptAll);
  }

  @Override
  public void openLink(Empty req, StreamObserver<LinkInfo> out) {
    reply(out, LinkInfo.newBuilder().setPort(reports.linkPort()).build());
  }

  @Override
  public void getObject(GetObjectRequest req, StreamObserver<ValueMsg> out) {
    borrowing.serve(req, out);
  }

  @Override
  public void addBorrows(BorrowBatch req, StreamObserver<Empty> out) {
    borrowing.addBorrows(req);
    reply(out, Empty.getDefaultInstance());
  }

  @Override
  public void releaseBorrows(BorrowBatch req, StreamObserver<Empty> out) {
    borrowing.releaseBorrows(req);
    reply(out, Empty.getDefaultInstance());
  }

  @Override
  public void fetchCode(CodeEntry req, StreamObserver<Chunk> out) {
    if (code == null) {
      out.onError(
          Status.NOT_FOUND.withDescription("this process ships no code").asRuntimeException());
      return;
    }
    code.stream(req.getSha256(), out);
  }

  @Override
  public void killActor(ActorInfo req, StreamObserver<Empty> out) {
    actors.killHosted(new ActorId(req.getPrefix(), req.getSequence()));
    reply(out, Empty.getDefaultInstance());
  }

  @Override
  public void cancelTask(CancelTaskRequest req, StreamObserver<Empty> out) {
    reply(out, Empty.getDefaultInstance());
    cancel.accept(new TaskId(req.getTaskPrefix(), req.getTaskSequence()), req.getForce());
  }

  @Override
  public void exit(Empty req, StreamObserver<Empty> out) {
    reply(out, Empty.getDefaultInstance());
    exit.run();
  }

  private static <T> void reply(StreamObserver<T> out, T value) {
    out.onNext(value);
    out.onCompleted();
  }
}
