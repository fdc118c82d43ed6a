package dev.manta.cluster.head;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorLookup;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.LeaseId;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.RegisterNodeReply;
import dev.manta.cluster.proto.StoreInfoReply;
import dev.manta.cluster.proto.WorkerDeath;
import dev.manta.cluster.proto.WorkerInfo;
import io.grpc.Context;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
  void ownerDies_itsAliveActorIsDeadNamingIt_itsDetachedOneLives_notRestartedWithoutItsCreation() {
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

    // Its owner is gone and never sent its creation (S6): the head cannot restart it either.
    workerDied(14);
    ActorInfo over = record(detached);
    assertThat(over.getState()).isEqualTo(ActorState.DEAD);
    assertThat(over.getDeathReason())
        .contains("its worker process died")
        .contains("it is not restarted: the head holds no creation of it to run again");
  }

  /**
   * The owner's death is reported in a server call whose context gRPC cancels once the call
   * completes; the head's notices to the dead owner's actor's worker (kill it) and its node's agent
   * (return its lease) are sent from that call and must outlive it. They once inherited its context
   * and were cancelled in flight when the machine was loaded: the lease leaked and the node's CPU
   * stayed reserved (ClusterActorOwnerTest, issue 17). Here the context is cancelled the moment the
   * report returns, before the calls can have reached a real socket server.
   */
  @Test
  void ownerDiesInACallThatThenEnds_itsActorsWorkerAndLeaseStillHearIt() throws Exception {
    CountDownLatch leaseBack = new CountDownLatch(1);
    CountDownLatch killed = new CountDownLatch(1);
    List<LeaseId> returned = new CopyOnWriteArrayList<>();
    Server fake =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(
                new NodeAgentGrpc.NodeAgentImplBase() {
                  @Override
                  public void returnLease(LeaseId req, StreamObserver<Empty> out) {
                    returned.add(req);
                    out.onNext(Empty.getDefaultInstance());
                    out.onCompleted();
                    leaseBack.countDown();
                  }

                  @Override
                  public void storeInfo(Empty req, StreamObserver<StoreInfoReply> out) {
                    out.onNext(StoreInfoReply.getDefaultInstance());
                    out.onCompleted();
                  }
                })
            .addService(
                new CoreWorkerGrpc.CoreWorkerImplBase() {
                  @Override
                  public void killActor(ActorInfo req, StreamObserver<Empty> out) {
                    out.onNext(Empty.getDefaultInstance());
                    out.onCompleted();
                    killed.countDown();
                  }
                })
            .build()
            .start();
    try {
      String address = "127.0.0.1:" + fake.getPort(); // the agent and the actor's worker
      call(
          RegisterNodeReply.class,
          o ->
              head.registerNode(
                  NodeInfo.newBuilder().setNodeId("n1").setAgentAddress(address).build(), o));
      worker(15, "127.0.0.1:15"); // the owner
      worker(16, address);
      ActorInfo child =
          ActorInfo.newBuilder()
              .setPrefix(15)
              .setSequence(1)
              .setClassName("Counter")
              .setJobId("job1")
              .build();
      call(ActorInfo.class, o -> head.registerActor(child, o));
      update(
          child.toBuilder()
              .setState(ActorState.ALIVE)
              .setWorkerAddress(address)
              .setNodeId("n1")
              .build());

      Context.CancellableContext report = Context.current().withCancellation();
      try {
        report.run(() -> workerDied(15));
      } finally {
        report.cancel(null); // as gRPC does when the report's server call completes
      }

      assertThat(record(child).getState()).isEqualTo(ActorState.DEAD);
      assertThat(killed.await(30, TimeUnit.SECONDS)).as("its worker was told to kill it").isTrue();
      assertThat(leaseBack.await(30, TimeUnit.SECONDS)).as("its lease went back").isTrue();
      assertThat(returned)
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.getActorPrefix()).isEqualTo(15);
                assertThat(l.getActorSequence()).isEqualTo(1);
              });
    } finally {
      fake.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
