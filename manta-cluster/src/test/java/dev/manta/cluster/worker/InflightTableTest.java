package dev.manta.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.cluster.proto.ResultBatch;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.cluster.rpc.TaskMessages;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.port.ActorProxy;
import dev.manta.runtime.port.TaskHandle;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.InlineValue;
import dev.manta.runtime.store.StoredValue;
import dev.manta.runtime.task.TaskRun;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-flight table completes each remote spec once, on the thread its rules name, and releases
 * its node's load once.
 */
class InflightTableTest {
  private final FakeCore core = new FakeCore();
  private final Rpc.Channels channels = new Rpc.Channels();
  private final ClusterView view = FakeCore.view(channels, "n1", "n2");
  private final Queue<Runnable> offloaded = new ArrayDeque<>();
  private final List<InflightTable.Entry> created = new java.util.ArrayList<>();
  private final InflightTable table = new InflightTable(core, view, offloaded::add, created::add);

  @AfterEach
  void close() throws InterruptedException {
    channels.close();
    core.close();
  }

  private static final StoredValue PLAIN = new InlineValue(new byte[] {42}, 0);

  private static ResultBatch results(TaskRun t, StoredValue v) {
    return ResultBatch.newBuilder()
        .addResults(TaskMessages.result(t.id(), t.attempt, v, "n2", "a:1", java.util.List.of()))
        .build();
  }

  private InflightTable.Entry send(TaskRun t, String worker, String node, long cpu) {
    view.node(node).inflightCpu.addAndGet(cpu); // as placement counts it
    InflightTable.Entry e = new InflightTable.Entry(t, worker, node, cpu, null);
    table.add(e);
    return e;
  }

  private void runOffloaded() {
    Runnable r;
    while ((r = offloaded.poll()) != null) {
      r.run();
    }
  }

  @Test
  void aTaskLostWithItsWorker_withRetriesLeft_runsAgainAndOnlyTheNewTrysResultCounts() {
    List<TaskHandle> retried = new java.util.ArrayList<>();
    table.onRetry(retried::add);
    TaskRun t = FakeCore.retriable(10, 2);
    send(t, "w:1", "n2", NodeView.fixed(1));
    ResultBatch late = results(t, PLAIN); // what the dead worker might still have sent

    table.failWhere(e -> e.worker().equals("w:1"), "its worker died", (e, m) -> null);

    assertThat(core.completions).isEmpty();
    assertThat(table.size()).isZero();
    assertThat(view.node("n2").inflightCpu.get()).isZero(); // released once, at removal
    assertThat(retried).isEmpty(); // placed again off the reporting thread
    runOffloaded();
    assertThat(retried).containsExactly(t);
    assertThat(t.attempt).isEqualTo(1);

    send(t, "w:2", "n1", 0); // the new try's placement
    table.completeAll(late);
    assertThat(core.completions).isEmpty(); // an earlier try's result is dropped
    table.completeAll(results(t, PLAIN));
    assertThat(core.completions).extracting(FakeCore.Completion::spec).containsExactly(t);
  }

  @Test
  void aTaskLostOnceMoreThanItsRetries_fails() {
    table.onRetry(r -> {});
    TaskRun t = FakeCore.retriable(11, 1);
    Failure lost = Failure.workerDied(t.id().hex(), "n2", "lost");
    send(t, "w:1", "n2", 0);
    table.failWhere(e -> true, "its worker died", (e, m) -> lost);
    runOffloaded();
    assertThat(t.attempt).isEqualTo(1);
    send(t, "w:2", "n2", 0);

    table.failWhere(e -> true, "its worker died", (e, m) -> lost);

    assertThat(core.completions).extracting(FakeCore.Completion::value).containsExactly(lost);
  }

  @Test
  void aTaskWithUnlimitedRetries_runsAgainEachTime() {
    List<TaskHandle> retried = new java.util.ArrayList<>();
    table.onRetry(retried::add);
    TaskRun t = FakeCore.retriable(12, -1);
    for (int i = 0; i < 5; i++) {
      send(t, "w:" + i, "n2", 0);
      table.failWhere(e -> true, "its worker died", (e, m) -> null);
      runOffloaded();
    }
    assertThat(retried).hasSize(5);
    assertThat(t.attempt).isEqualTo(5);
    assertThat(core.completions).isEmpty();
  }

  @Test
  void aCancelledTask_isNeverRetried() {
    table.onRetry(r -> {});
    TaskRun t = FakeCore.retriable(13, 3);
    t.state.set(TaskRun.CANCELLED);
    Failure lost = Failure.workerDied(t.id().hex(), "n2", "lost");
    send(t, "w:1", "n2", 0);

    table.failWhere(e -> true, "its worker died", (e, m) -> lost);

    assertThat(core.completions).extracting(FakeCore.Completion::value).containsExactly(lost);
    assertThat(t.attempt).isZero();
  }

  @Test
  void completeAll_plainValue_completesOnTheReadingThreadAndReleasesLoad() {
    TaskRun t = FakeCore.task(1, 1);
    send(t, "w:1", "n2", NodeView.fixed(1));

    table.completeAll(results(t, PLAIN));

    assertThat(core.completions).hasSize(1);
    assertThat(core.completions.get(0).spec()).isSameAs(t);
    assertThat(core.completions.get(0).thread()).isSameAs(Thread.currentThread());
    assertThat(((InlineValue) core.completions.get(0).value()).bytes()).containsExactly(42);
    assertThat(offloaded).isEmpty();
    assertThat(view.node("n2").inflightCpu.get()).isZero();
    assertThat(table.size()).isZero();
  }

  @Test
  void completeAll_failure_completesOnlyOnTheOffloadExecutor() {
    TaskRun t = FakeCore.task(2, 0);
    send(t, "w:1", "n2", 0);
    Failure boom = Failure.workerDied(t.id().hex(), "n2", "boom");

    table.completeAll(results(t, boom));

    assertThat(core.completions).isEmpty();
    assertThat(table.size()).isZero(); // removed at once: a racing failure cannot complete it
    runOffloaded();
    assertThat(core.completions).extracting(FakeCore.Completion::value).containsExactly(boom);
  }

  @Test
  void completeAll_specHoldingRefs_completesOnlyOnTheOffloadExecutor() {
    OwnedObject arg = core.object(new ObjectId(new TaskId(1, 99), 1), PLAIN);
    TaskRun t =
        FakeCore.spec(
            new TaskId(1, 3), TaskSpec.Kind.TASK, new TaskArg[] {arg}, List.of(arg), 0, null);
    send(t, "w:1", "n2", 0);

    table.completeAll(results(t, PLAIN));

    assertThat(core.completions).isEmpty();
    runOffloaded();
    assertThat(core.completions).hasSize(1);
  }

  @Test
  void completeAll_resultOfASpecNotInFlight_isDropped() {
    table.completeAll(results(FakeCore.task(4, 0), PLAIN));

    assertThat(core.completions).isEmpty();
    assertThat(offloaded).isEmpty();
  }

  @Test
  void fail_thenLateResult_completesOnceAndReleasesLoadOnce() {
    TaskRun t = FakeCore.task(5, 2);
    InflightTable.Entry e = send(t, "w:1", "n2", NodeView.fixed(2));
    Failure lost = Failure.workerDied(t.id().hex(), "n2", "lost");

    table.fail(e, lost);
    table.fail(e, lost);
    table.completeAll(results(t, PLAIN));
    runOffloaded();

    assertThat(core.completions).extracting(FakeCore.Completion::value).containsExactly(lost);
    assertThat(view.node("n2").inflightCpu.get()).isZero();
  }

  @Test
  void failWhere_failsOnlySelectedSpecs_actorWorkWithTheActorsDeath() {
    ActorProxy proxy = core.actor(new ActorId(7, 1), "Counter", true);
    TaskRun onDead = FakeCore.task(6, 0);
    TaskRun elsewhere = FakeCore.task(7, 0);
    TaskRun call =
        FakeCore.spec(
            new TaskId(1, 8), TaskSpec.Kind.ACTOR_CALL, new TaskArg[0], List.of(), 0, proxy);
    send(onDead, "dead:1", "n2", 0);
    send(elsewhere, "alive:1", "n2", 0);
    table.add(new InflightTable.Entry(call, "dead:1", "n2", 0, proxy));

    table.failWhere(
        f -> f.worker().equals("dead:1"),
        "its worker died",
        (f, msg) -> Failure.workerDied(f.spec().id().hex(), f.nodeId(), msg));

    assertThat(core.completions).extracting(c -> c.spec()).containsExactlyInAnyOrder(onDead, call);
    StoredValue taskFailure = completionOf(onDead);
    StoredValue callFailure = completionOf(call);
    assertThat(((Failure) taskFailure).kind()).isEqualTo(Failure.Kind.WORKER_DIED);
    assertThat(((Failure) taskFailure).message())
        .contains("(" + onDead.id().hex() + ") was lost, its worker died");
    assertThat(((Failure) callFailure).kind()).isEqualTo(Failure.Kind.ACTOR_DIED);
    assertThat(((Failure) callFailure).message())
        .contains("Actor " + proxy.id().hex() + " died, its worker died; call");
    assertThat(table.size()).isEqualTo(1);
  }

  @Test
  void failCalls_failsTheCallsOfThatProxyOnly() {
    ActorProxy a = core.actor(new ActorId(7, 1), "A", true);
    ActorProxy b = core.actor(new ActorId(7, 2), "B", true);
    TaskRun callA =
        FakeCore.spec(new TaskId(1, 9), TaskSpec.Kind.ACTOR_CALL, new TaskArg[0], List.of(), 0, a);
    TaskRun callB =
        FakeCore.spec(new TaskId(1, 10), TaskSpec.Kind.ACTOR_CALL, new TaskArg[0], List.of(), 0, b);
    table.add(new InflightTable.Entry(callA, "w:1", "n2", 0, a));
    table.add(new InflightTable.Entry(callB, "w:1", "n2", 0, b));
    Failure killed = Failure.actorDied(a.id().hex(), "A", "killed", null);

    table.failCalls(a, killed);

    assertThat(core.completions).extracting(c -> c.spec()).containsExactly(callA);
    assertThat(table.proxyOf(b.id())).isSameAs(b);
    assertThat(table.proxyOf(a.id())).isNull();
  }

  @Test
  void creation_staysInFlightUntilItsResultCompletedIt_andPublishesFirst() {
    ActorProxy proxy = core.actor(new ActorId(7, 3), "Counter", true);
    TaskRun creation =
        FakeCore.spec(
            new TaskId(1, 11), TaskSpec.Kind.ACTOR_CREATION, new TaskArg[0], List.of(), 0, proxy);
    table.add(new InflightTable.Entry(creation, "w:1", "n2", 0, proxy));

    table.completeAll(results(creation, PLAIN));

    assertThat(table.creating(proxy.id())).isTrue(); // the head's DEAD must not win meanwhile
    assertThat(core.completions).isEmpty();
    runOffloaded();
    assertThat(created).extracting(InflightTable.Entry::spec).containsExactly(creation);
    assertThat(core.completions).extracting(c -> c.spec()).containsExactly(creation);
    assertThat(table.creating(proxy.id())).isFalse();
  }

  @Test
  void creation_failedByItsWorkerBeforeItsResult_isNotPublished() {
    ActorProxy proxy = core.actor(new ActorId(7, 4), "Counter", true);
    TaskRun creation =
        FakeCore.spec(
            new TaskId(1, 12), TaskSpec.Kind.ACTOR_CREATION, new TaskArg[0], List.of(), 0, proxy);
    InflightTable.Entry e = new InflightTable.Entry(creation, "w:1", "n2", 0, proxy);
    table.add(e);

    table.completeAll(results(creation, PLAIN));
    table.fail(e, Failure.workerDied(creation.id().hex(), "n2", "worker died"));
    runOffloaded();

    assertThat(created).isEmpty();
    assertThat(core.completions).hasSize(1);
    assertThat(core.completions.get(0).value()).isInstanceOf(Failure.class);
  }

  private StoredValue completionOf(TaskRun t) {
    return core.completions.stream().filter(c -> c.spec() == t).findFirst().orElseThrow().value();
  }
}
