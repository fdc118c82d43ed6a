package dev.manta.cluster.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Fn1;
import dev.manta.Fn2;
import dev.manta.MantaFunction;
import dev.manta.cluster.proto.ResultMsg;
import dev.manta.cluster.proto.TaskMsg;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.spec.FunctionInfo;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.InlineValue;
import dev.manta.runtime.store.RemoteValue;
import dev.manta.runtime.store.StoreValue;
import dev.manta.runtime.store.StoredValue;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The task codec round-trips specs and results, and ships each function once per link. */
class TaskMessagesTest {
  /** A ref argument as a port sees it: an id. */
  private record Ref(ObjectId id) implements TaskArg.Ref {}

  /** The ready values of the ref arguments, as the owner's table would give them. */
  private final Map<ObjectId, StoredValue> values = new java.util.HashMap<>();

  static int square(int x) {
    return x * x;
  }

  static int add(int a, int b) {
    return a + b;
  }

  private static TaskSpec spec(
      TaskId id,
      TaskSpec.Kind kind,
      MantaFunction fn,
      TaskArg[] args,
      ResourceSet demand,
      String name,
      ActorId actor) {
    return new TaskSpec(id, kind, fn, FunctionInfo.of(fn), args, demand, name, 3, true, actor);
  }

  @Test
  void encodeDecode_task_keepsEveryField() throws Exception {
    Fn1<Integer, Integer> fn = TaskMessagesTest::square;
    Ref ref = new Ref(new ObjectId(new TaskId(5, 6), 1));
    values.put(ref.id(), new InlineValue(new byte[] {7, 8}, 2));
    byte[] plain = {1, 2, 3};
    TaskSpec t =
        spec(
            new TaskId(11, 12),
            TaskSpec.Kind.TASK,
            fn,
            new TaskArg[] {new TaskArg.Value(plain), ref},
            ResourceSet.of(2, Map.of("GPU", 1.0)),
            "sq",
            null);

    TaskMsg msg =
        TaskMessages.encode(
            new TaskMessages.Outgoing(t, 0, null, 0),
            new TaskMessages.FunctionIds(),
            values::get,
            "node-a",
            "agent-a:1");
    TaskMessages.Incoming in = TaskMessages.decode(TaskMsg.parseFrom(msg.toByteArray()));

    assertThat(in.id()).isEqualTo(new TaskId(11, 12));
    assertThat(in.kind()).isEqualTo(TaskSpec.Kind.TASK);
    assertThat(in.demand()).isEqualTo(ResourceSet.of(2, Map.of("GPU", 1.0)));
    assertThat(in.name()).isEqualTo("sq");
    assertThat(in.maxRetries()).isEqualTo(3);
    assertThat(in.retryExceptions()).isTrue();
    assertThat(in.actor()).isNull();
    assertThat(in.actorName()).isNull();
    assertThat(in.args()).hasSize(2);
    assertThat(((TaskMessages.ValueArg) in.args().get(0)).bytes().toByteArray())
        .containsExactly(1, 2, 3);
    TaskMessages.RefArg r = (TaskMessages.RefArg) in.args().get(1);
    assertThat(r.id()).isEqualTo(ref.id());
    InlineValue v = (InlineValue) r.value("node-b");
    assertThat(v.bytes()).containsExactly(7, 8);
    assertThat(v.flags()).isEqualTo(2);
    @SuppressWarnings("unchecked")
    Fn1<Integer, Integer> shipped =
        (Fn1<Integer, Integer>) deserialize(in.function().toByteArray());
    assertThat(shipped.apply(4)).isEqualTo(16);
  }

  @Test
  void encode_sameFunctionTwice_shipsItOnceUnderOneId() {
    TaskMessages.FunctionIds ids = new TaskMessages.FunctionIds();
    Fn1<Integer, Integer> sq = TaskMessagesTest::square;
    Fn2<Integer, Integer, Integer> plus = TaskMessagesTest::add;

    TaskMsg first = encode(taskOf(1, sq), ids);
    TaskMsg again = encode(taskOf(2, sq), ids);
    TaskMsg other = encode(taskOf(3, plus), ids);

    assertThat(first.getFunction().isEmpty()).isFalse();
    assertThat(again.getFunction().isEmpty()).isTrue();
    assertThat(again.getFunctionId()).isEqualTo(first.getFunctionId());
    assertThat(other.getFunction().isEmpty()).isFalse();
    assertThat(other.getFunctionId()).isNotEqualTo(first.getFunctionId());
    // A new link (new ids) ships the function again.
    assertThat(encode(taskOf(4, sq), new TaskMessages.FunctionIds()).getFunction().isEmpty())
        .isFalse();
  }

  @Test
  void encodeDecode_actorCreation_carriesActorNameAndConcurrency() {
    Fn1<Integer, Integer> ctor = TaskMessagesTest::square;
    TaskSpec t =
        spec(
            new TaskId(21, 30),
            TaskSpec.Kind.ACTOR_CREATION,
            ctor,
            new TaskArg[0],
            ResourceSet.EMPTY,
            null,
            new ActorId(21, 22));

    TaskMessages.Incoming in =
        TaskMessages.decode(
            encode(new TaskMessages.Outgoing(t, 2, "counter", 4), new TaskMessages.FunctionIds()));

    assertThat(in.kind()).isEqualTo(TaskSpec.Kind.ACTOR_CREATION);
    assertThat(in.actor()).isEqualTo(new ActorId(21, 22));
    assertThat(in.actorName()).isEqualTo("counter");
    assertThat(in.maxConcurrency()).isEqualTo(4);
    assertThat(in.name()).isNull();
  }

  @Test
  void decode_unknownKind_throwsIllegalArgument() {
    TaskMsg m = TaskMsg.newBuilder().setKindValue(99).build();

    assertThatThrownBy(() -> TaskMessages.decode(m))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown task kind");
  }

  @Test
  void result_roundTripsValuesAndFailures() throws Exception {
    TaskId id = new TaskId(41, 42);
    ObjectId oid = new ObjectId(id, 1);
    Failure failed = Failure.workerDied(id.hex(), "node-a", "Task x was lost");

    StoredValue stored = roundTrip(id, new StoreValue(oid, 100, 1), "node-a");
    StoredValue remote = roundTrip(id, new StoreValue(oid, 100, 1), "node-b");
    StoredValue failure = roundTrip(id, failed, "node-b");

    assertThat(stored).isEqualTo(new StoreValue(oid, 100, 1));
    assertThat(remote).isEqualTo(new RemoteValue(oid, 100, 1, "node-a", "agent-a:1"));
    assertThat(failure).isEqualTo(failed);
  }

  private static StoredValue roundTrip(TaskId id, StoredValue v, String at) throws Exception {
    ResultMsg r =
        ResultMsg.parseFrom(
            TaskMessages.result(id, 0, v, "node-a", "agent-a:1", java.util.List.of())
                .toByteArray());
    assertThat(TaskMessages.taskId(r)).isEqualTo(id);
    return TaskMessages.value(r, at);
  }

  private static TaskSpec taskOf(long sequence, MantaFunction fn) {
    return spec(
        new TaskId(1, sequence),
        TaskSpec.Kind.TASK,
        fn,
        new TaskArg[0],
        ResourceSet.ONE_CPU,
        null,
        null);
  }

  private TaskMsg encode(TaskSpec t, TaskMessages.FunctionIds ids) {
    return encode(new TaskMessages.Outgoing(t, 0, null, 0), ids);
  }

  private TaskMsg encode(TaskMessages.Outgoing o, TaskMessages.FunctionIds ids) {
    return TaskMessages.encode(o, ids, values::get, "node-a", "agent-a:1");
  }

  private static Object deserialize(byte[] bytes) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }
}
