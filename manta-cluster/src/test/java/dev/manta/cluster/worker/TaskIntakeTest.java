package dev.manta.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.manta.cluster.proto.ArgMsg;
import dev.manta.cluster.proto.TaskBatch;
import dev.manta.cluster.proto.TaskKind;
import dev.manta.cluster.proto.TaskMsg;
import dev.manta.cluster.rpc.Wire;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.port.ActorProxy;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.InlineValue;
import dev.manta.runtime.store.StoredValue;
import dev.manta.runtime.task.TaskRun;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A worker's intake builds each incoming task through the gate, runs it, and answers its owner. */
class TaskIntakeTest {
  record Report(String owner, TaskId id, StoredValue value) {}

  private final FakeCore core = new FakeCore();
  private final List<Report> reports = new CopyOnWriteArrayList<>();
  private final TaskIntake intake =
      new TaskIntake(
          core,
          (o, id, attempt, v, nested) -> reports.add(new Report(o, id, v)),
          (borrower, ids) -> ids,
          "n1",
          () -> "w:1");

  @AfterEach
  void close() throws InterruptedException {
    core.close();
  }

  private static TaskBatch batch(long ownerPrefix, TaskMsg... tasks) {
    return TaskBatch.newBuilder()
        .setOwnerPrefix(ownerPrefix)
        .setOwnerAddress("owner:" + ownerPrefix)
        .setJobId("job")
        .addAllTasks(List.of(tasks))
        .build();
  }

  private static TaskMsg.Builder msg(long sequence, TaskKind kind, boolean shipFunction) {
    TaskMsg.Builder m =
        TaskMsg.newBuilder()
            .setTaskPrefix(9)
            .setTaskSequence(sequence)
            .setKind(kind)
            .setFunctionId(1)
            .setDemand(Wire.resources(java.util.Map.of("CPU", 1.0)));
    if (shipFunction) {
      m.setFunction(ByteString.copyFromUtf8("serialized function"));
    }
    return m;
  }

  private static ArgMsg refArg(ObjectId id, byte... bytes) {
    return ArgMsg.newBuilder()
        .setRefId(Wire.id(id))
        .setRef(Wire.value(new InlineValue(bytes, 0), "n2", "agent-n2:1"))
        .build();
  }

  @Test
  void acceptAll_task_runsItHereAndReportsItsResultToItsOwner() {
    TaskMsg m =
        msg(1, TaskKind.TASK, true)
            .addArgs(ArgMsg.newBuilder().setValue(ByteString.copyFrom(new byte[] {5})))
            .build();

    intake.acceptAll(batch(9, m));

    assertThat(core.ranLocally).hasSize(1);
    TaskRun t = core.ranLocally.get(0);
    assertThat(t.id()).isEqualTo(new TaskId(9, 1));
    assertThat(((TaskArg.Value) t.args()[0]).bytes()).containsExactly(5);
    assertThat(reports).isEmpty();
    assertThat(intake.unreported()).isEqualTo(1);

    InlineValue result = new InlineValue(new byte[] {6}, 0);
    core.table.complete(t.result, result);

    assertThat(reports).containsExactly(new Report("owner:9", t.id(), result));
    assertThat(intake.unreported()).isZero();
  }

  @Test
  void acceptAll_functionShippedOncePerOwner_isLoadedOncePerOwner() {
    intake.acceptAll(batch(9, msg(1, TaskKind.TASK, true).build()));
    intake.acceptAll(batch(9, msg(2, TaskKind.TASK, false).build()));
    assertThat(core.functionsLoaded).isEqualTo(1);

    intake.acceptAll(batch(8, msg(3, TaskKind.TASK, true).build())); // same id, other owner

    assertThat(core.functionsLoaded).isEqualTo(2);
    assertThat(core.ranLocally).hasSize(3);
  }

  @Test
  void acceptAll_refArgument_isFilledWithItsValueAndItsHoldDropped() {
    ObjectId arg = new ObjectId(new TaskId(9, 50), 1);

    intake.acceptAll(
        batch(9, msg(1, TaskKind.TASK, true).addArgs(refArg(arg, (byte) 7, (byte) 7)).build()));

    TaskRun t = core.ranLocally.get(0);
    OwnedObject o = (OwnedObject) t.args()[0];
    assertThat(o.id()).isEqualTo(arg);
    assertThat(t.argRefs).containsExactly(o);
    assertThat(((InlineValue) o.value().getNow(null)).bytes()).containsExactly(7, 7);
    assertThat(core.argumentHolds).containsEntry(arg, 0);
  }

  @Test
  void acceptAll_callToAnActorNotHostedHere_isAnsweredWithItsDeathAndDropsItsHolds() {
    ObjectId arg = new ObjectId(new TaskId(9, 51), 1);
    TaskMsg call =
        msg(2, TaskKind.ACTOR_CALL, true)
            .setActorPrefix(9)
            .setActorSequence(77)
            .addArgs(refArg(arg, (byte) 1))
            .build();

    intake.acceptAll(batch(9, call));

    assertThat(core.accepted).isEmpty();
    assertThat(reports).hasSize(1);
    Failure f = (Failure) reports.get(0).value();
    assertThat(f.kind()).isEqualTo(Failure.Kind.ACTOR_DIED);
    assertThat(f.message())
        .isEqualTo("Actor " + new ActorId(9, 77).hex() + " is not alive on worker w:1");
    assertThat(core.argumentHolds).containsEntry(arg, 0);
    assertThat(core.valueOf(arg)).isDone();
    assertThat(intake.unreported()).isZero();
  }

  @Test
  void acceptAll_creationThenCall_startTheHostedActorThenQueueOnIt() {
    TaskMsg creation =
        msg(1, TaskKind.ACTOR_CREATION, true)
            .setActorPrefix(9)
            .setActorSequence(3)
            .setActorName("counter")
            .setMaxConcurrency(0)
            .build();
    TaskMsg call = msg(2, TaskKind.ACTOR_CALL, false).setActorPrefix(9).setActorSequence(3).build();

    intake.acceptAll(batch(9, creation));
    intake.acceptAll(batch(9, call));

    assertThat(core.started).extracting(t -> t.id()).containsExactly(new TaskId(9, 1));
    ActorProxy actor = core.hostedActor(new ActorId(9, 3));
    assertThat(actor).isNotNull();
    assertThat(core.enqueued).extracting(t -> t.id()).containsExactly(new TaskId(9, 2));
    assertThat(core.enqueuedOn).containsExactly(actor);
    assertThat(core.enqueued.get(0).actorId()).isEqualTo(actor.id());
    assertThat(core.ranLocally).isEmpty();
  }

  @Test
  void acceptAll_messageOfUnknownKind_isAnsweredWithItsFailureAndLaterTasksStillRun() {
    TaskMsg bad = msg(1, TaskKind.TASK, true).setKindValue(99).setName("odd").build();
    TaskMsg good = msg(2, TaskKind.TASK, true).build();

    intake.acceptAll(batch(9, bad, good));

    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).id()).isEqualTo(new TaskId(9, 1));
    Failure f = (Failure) reports.get(0).value();
    assertThat(f.kind()).isEqualTo(Failure.Kind.TASK_FAILED);
    assertThat(f.message()).contains("unknown task kind");
    assertThat(core.ranLocally).extracting(t -> t.id()).containsExactly(new TaskId(9, 2));
  }
}
