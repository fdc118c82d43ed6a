package dev.manta.cluster.head;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorLookup;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.WorkerDeath;
import dev.manta.cluster.proto.WorkerInfo;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The head's actor states (HeadService, S4): a worker's death makes an actor with restarts left
 * RESTARTING and one without DEAD, out of restarts; the record is keyed by the actor's id and
 * restart count, so news of an older incarnation (an ALIVE with a lower count, the end notice of a
 * worker that no longer hosts it) changes nothing.
 */
class HeadActorStatesTest {
  private final HeadService head = new HeadService("c0ffee", ClusterConfig.defaults());

  @AfterEach
  void close() {
    head.close();
  }

  private static <T> T call(Class<T> type, java.util.function.Consumer<StreamObserver<T>> handler) {
    List<T> got = new ArrayList<>();
    List<Throwable> failed = new ArrayList<>();
    handler.accept(
        new StreamObserver<>() {
          @Override
          public void onNext(T value) {
            got.add(value);
          }

          @Override
          public void onError(Throwable t) {
            failed.add(t);
          }

          @Override
          public void onCompleted() {}
        });
    if (!failed.isEmpty()) {
      throw new AssertionError("the head refused the call", failed.get(0));
    }
    return type.cast(got.get(0));
  }

  private void worker(long prefix, String address) {
    call(
        Empty.class,
        o ->
            head.registerWorker(
                WorkerInfo.newBuilder()
                    .setPrefix(prefix)
                    .setAddress(address)
                    .setNodeId("n1")
                    .setJobId("job1")
                    .build(),
                o));
  }

  private void update(ActorInfo a) {
    call(Empty.class, o -> head.updateActor(a, o));
  }

  private void workerDied(long prefix) {
    call(
        Empty.class,
        o ->
            head.reportWorkerDeath(
                WorkerDeath.newBuilder()
                    .setPrefix(prefix)
                    .setNodeId("n1")
                    .setReason("worker process 42 on node n1 exited with code 137 (killed)")
                    .build(),
                o));
  }

  private ActorInfo record(ActorInfo a) {
    return call(
        ActorInfo.class,
        o ->
            head.getActor(
                ActorLookup.newBuilder()
                    .setId(
                        ActorInfo.newBuilder()
                            .setPrefix(a.getPrefix())
                            .setSequence(a.getSequence()))
                    .build(),
                o));
  }

  @Test
  void workerDeaths_restartingWhileRestartsLast_thenDeadOutOfRestarts_staleNewsDropped() {
    ActorInfo a =
        ActorInfo.newBuilder()
            .setPrefix(7)
            .setSequence(1)
            .setClassName("Counter")
            .setJobId("job1")
            .setMaxRestarts(1)
            .build();
    call(ActorInfo.class, o -> head.registerActor(a, o));
    assertThat(record(a).getState()).isEqualTo(ActorState.PENDING_CREATION);
    worker(9, "127.0.0.1:9");
    update(a.toBuilder().setState(ActorState.ALIVE).setWorkerAddress("127.0.0.1:9").build());

    workerDied(9); // ALIVE -> RESTARTING: a restart is left
    ActorInfo restarting = record(a);
    assertThat(restarting.getState()).isEqualTo(ActorState.RESTARTING);
    assertThat(restarting.getDeathReason()).contains("its worker process died").contains("137");

    worker(10, "127.0.0.1:10");
    update(
        a.toBuilder()
            .setState(ActorState.ALIVE)
            .setWorkerAddress("127.0.0.1:10")
            .setNumRestarts(1)
            .build()); // RESTARTING -> ALIVE, restart 1
    assertThat(record(a).getState()).isEqualTo(ActorState.ALIVE);
    assertThat(record(a).getDeathReason()).isEmpty();

    // An earlier incarnation's news: its worker's end notice, and an ALIVE of restart 0.
    update(
        a.toBuilder()
            .setState(ActorState.DEAD)
            .setWorkerAddress("127.0.0.1:9")
            .setDeathReason("it ended")
            .build());
    update(a.toBuilder().setState(ActorState.ALIVE).setWorkerAddress("127.0.0.1:9").build());
    ActorInfo alive = record(a);
    assertThat(alive.getState()).isEqualTo(ActorState.ALIVE);
    assertThat(alive.getWorkerAddress()).isEqualTo("127.0.0.1:10");
    assertThat(alive.getNumRestarts()).isEqualTo(1);

    workerDied(10); // no restart left: DEAD, saying so
    ActorInfo dead = record(a);
    assertThat(dead.getState()).isEqualTo(ActorState.DEAD);
    assertThat(dead.getDeathReason())
        .contains("its worker process died")
        .contains("out of restarts (restarted 1 times, maxRestarts 1)");
  }

  @Test
  void ownerDiesWhileItsActorRestarts_theActorIsDead() {
    ActorInfo a =
        ActorInfo.newBuilder()
            .setPrefix(8)
            .setSequence(1)
            .setClassName("Counter")
            .setJobId("job1")
            .setMaxRestarts(-1)
            .build();
    worker(8, "127.0.0.1:8"); // the owner
    call(ActorInfo.class, o -> head.registerActor(a, o));
    worker(11, "127.0.0.1:11");
    update(a.toBuilder().setState(ActorState.ALIVE).setWorkerAddress("127.0.0.1:11").build());
    workerDied(11);
    assertThat(record(a).getState()).isEqualTo(ActorState.RESTARTING);

    workerDied(8);

    assertThat(record(a).getState()).isEqualTo(ActorState.DEAD);
    assertThat(record(a).getDeathReason()).contains("its owner died before restarting it");
  }

  @Test
  void ownerDies_itsAliveActorIsDeadNamingIt_itsDetachedOneLivesAndIsThenNotRestarted() {
    worker(12, "127.0.0.1:12"); // the owner: a worker running a task
    worker(13, "127.0.0.1:13");
    worker(14, "127.0.0.1:14");
    ActorInfo child =
        ActorInfo.newBuilder()
            .setPrefix(12)
            .setSequence(1)
            .setName("child")
            .setClassName("Counter")
            .setJobId("job1")
            .build();
    ActorInfo detached =
        child.toBuilder()
            .setSequence(2)
            .setName("kept")
            .setDetached(true)
            .setMaxRestarts(-1)
            .build();
    for (ActorInfo a : List.of(child, detached)) {
      call(ActorInfo.class, o -> head.registerActor(a, o));
    }
    update(child.toBuilder().setState(ActorState.ALIVE).setWorkerAddress("127.0.0.1:13").build());
    update(
        detached.toBuilder().setState(ActorState.ALIVE).setWorkerAddress("127.0.0.1:14").build());

    workerDied(12);

    ActorInfo dead = record(child);
    assertThat(dead.getState()).isEqualTo(ActorState.DEAD);
    assertThat(dead.getDeathReason())
        .contains("killed because its owner, worker process c")
        .contains("137");
    ActorInfo kept = record(detached);
    assertThat(kept.getState()).isEqualTo(ActorState.ALIVE);
    assertThat(kept.getOwnerGone()).isTrue();

    // Its owner is gone: nobody would restart it, so its process's death is final.
    workerDied(14);
    ActorInfo over = record(detached);
    assertThat(over.getState()).isEqualTo(ActorState.DEAD);
    assertThat(over.getDeathReason())
        .contains("its worker process died")
        .contains("it is detached and the process that created it is gone");
  }
}
