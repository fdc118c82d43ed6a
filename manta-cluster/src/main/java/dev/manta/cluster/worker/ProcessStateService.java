package dev.manta.cluster.worker;

import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.ObjectRecordMsg;
import dev.manta.cluster.proto.ProcessObjectsReply;
import dev.manta.cluster.proto.ProcessStateGrpc;
import dev.manta.cluster.proto.ProcessTasksReply;
import dev.manta.cluster.proto.TaskRecordMsg;
import dev.manta.runtime.events.TaskRecord;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.port.CoreAccess;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.InlineValue;
import dev.manta.runtime.store.ObjectStore;
import dev.manta.runtime.store.RemoteValue;
import dev.manta.runtime.store.StoreValue;
import dev.manta.runtime.store.StoredValue;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The {@code ProcessState} gRPC service of every driver and worker: the runs this process executed
 * ({@link CoreAccess#recentTasks}), the tasks it submitted that have not run yet ({@link
 * CoreAccess#pendingTasks}), and the objects it owns with what keeps each alive, for the head's
 * state API.
 *
 * <p>Implementation notes: the server runs handlers on transport threads; the object listing asks
 * the node's agent where stored objects are (a blocking call), so both handlers run on {@code
 * offload} (virtual threads). No state of its own.
 */
final class ProcessStateService extends ProcessStateGrpc.ProcessStateImplBase {
  private final Supplier<CoreAccess> core;
  private final Supplier<Borrowing> borrowing;
  private final Supplier<ObjectStore> store;
  private final String nodeId;
  private final Executor offload;
  private static final long PID = ProcessHandle.current().pid();

  ProcessStateService(
      Supplier<CoreAccess> core,
      Supplier<Borrowing> borrowing,
      Supplier<ObjectStore> store,
      String nodeId,
      Executor offload) {
    this.core = core;
    this.borrowing = borrowing;
    this.store = store;
    this.nodeId = nodeId;
    this.offload = offload;
  }

  @Override
  public void processTasks(Empty req, StreamObserver<ProcessTasksReply> out) {
    offload.execute(
        () -> {
          ProcessTasksReply.Builder b = ProcessTasksReply.newBuilder().setPid(PID);
          CoreAccess c = core.get();
          List<TaskRecord> records = new ArrayList<>(c.recentTasks());
          records.addAll(c.pendingTasks()); // the head drops those their executor lists
          for (TaskRecord r : records) {
            b.addTasks(
                TaskRecordMsg.newBuilder()
                    .setTaskId(r.taskId())
                    .setName(r.name())
                    .setKind(r.kind())
                    .setActorId(r.actorId())
                    .setAttempt(r.attempt())
                    .setState(r.state())
                    .setStartMicros(r.startMicros())
                    .setEndMicros(r.endMicros())
                    .setThreadId(r.threadId()));
          }
          out.onNext(b.build());
          out.onCompleted();
        });
  }

  @Override
  public void processObjects(Empty req, StreamObserver<ProcessObjectsReply> out) {
    offload.execute(
        () -> {
          try {
            out.onNext(objects());
            out.onCompleted();
          } catch (RuntimeException e) {
            out.onError(
                Status.UNAVAILABLE
                    .withDescription("Cannot list this process's objects: " + e)
                    .asRuntimeException());
          }
        });
  }

  private ProcessObjectsReply objects() {
    CoreAccess c = core.get();
    // The table also holds stand-ins for objects others own (arguments, results in flight): their
    // owners list them; ids carry the prefix of the process that owns them.
    List<CoreAccess.OwnedObjectState> owned =
        c.ownedObjects().stream().filter(o -> o.id().task().prefix() == c.prefix()).toList();
    Map<ObjectId, Integer> borrowers = borrowing.get().borrowersByObject();
    List<ObjectId> inStore = new ArrayList<>();
    for (CoreAccess.OwnedObjectState o : owned) {
      if (o.value() instanceof StoreValue sv) {
        inStore.add(sv.id());
      }
    }
    // One question to the node's agent for all stored objects.
    List<ObjectStore.Location> where = inStore.isEmpty() ? List.of() : store.get().locate(inStore);
    ProcessObjectsReply.Builder b = ProcessObjectsReply.newBuilder().setPid(PID);
    int next = 0;
    for (CoreAccess.OwnedObjectState o : owned) {
      int lent = borrowers.getOrDefault(o.id(), 0);
      StoredValue v = o.value();
      ObjectRecordMsg.Builder r =
          ObjectRecordMsg.newBuilder()
              .setObjectId(o.id().hex())
              .setSizeBytes(v == null ? 0 : v.sizeBytes())
              .setLocalRefs(o.localRefs())
              .setBorrowers(lent)
              // Borrows are task references at the owner (Borrowing, B2): the rest are tasks.
              .setPendingTasks(Math.max(0, o.taskRefs() - lent))
              .setContainedIn(o.containedIn())
              .setPinned(o.readers() > 0);
      switch (v) {
        case null -> r.setWhere("pending");
        case InlineValue i -> r.setWhere("inline");
        case Failure f -> r.setWhere("failure");
        case RemoteValue rv -> r.setWhere("remote").setNodeId(rv.nodeId());
        case StoreValue sv -> {
          ObjectStore.Location l = where.get(next++);
          r.setWhere(l.where()).setNodeId(nodeId).setPinned(r.getPinned() || l.pinned());
        }
      }
      b.addObjects(r);
    }
    return b.build();
  }
}
