package dev.manta.cluster.head;

import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.ArgMsg;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.LeaseGrant;
import dev.manta.cluster.proto.LeaseId;
import dev.manta.cluster.proto.LeaseReply;
import dev.manta.cluster.proto.LeaseRequest;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.ResultBatch;
import dev.manta.cluster.proto.ResultMsg;
import dev.manta.cluster.proto.StoredMsg;
import dev.manta.cluster.proto.TaskBatch;
import dev.manta.cluster.proto.TaskMsg;
import dev.manta.cluster.rpc.Backoff;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.cluster.rpc.Wire;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.StoredValue;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head's restarts of detached actors whose owner is gone, as Ray's GCS restarts actors: the
 * head leases a worker for the actor's job on a live node whose resources fit, sends it the actor's
 * creation as its owner first sent it (kept in the head's {@code actor_specs} table), and on the
 * constructor's success lists the actor ALIVE there with one restart more. A restart that finds no
 * node within the restart wait ({@code manta.actor-restart-wait-ms}) or whose constructor throws
 * leaves the actor DEAD, saying why.
 */
final class DetachedRestarts {
  /*
   * Implementation notes
   *  D1  At most one restart of an actor runs at a time: `running` holds its key, with its
   *      thread, from start() until the thread ends; start() of a key already there is a no-op.
   *      close() interrupts them all and from then on none changes the head's tables (checked
   *      before each change), so a restarted head on the same storage resumes them.
   *  D2  The head's record decides, never this class's memory: before it sends the creation and
   *      before it reports ALIVE, the restart reads the record and goes on only while it is
   *      RESTARTING with the restart count it began with (a kill meanwhile made it DEAD: the new
   *      worker's lease goes back and nothing is reported). The ALIVE it reports carries the
   *      count one higher, so the head's stale() check drops any older incarnation's news.
   *  D3  The head acts as the creation's owner on one Submit stream of its own (owner prefix
   *      `ownerPrefix`, random per head, and a function id fresh per restart, so a reused worker
   *      never runs a function it cached under another owner's id), closed once the result came.
   *  Threads: each restart runs on a virtual thread of its own (a lease blocks, a constructor may
   *  take long), in the root gRPC context (it outlives the call that began it). The record is read
   *  and written only through `table`, which the head synchronizes.
   */
  private static final Logger LOG = LoggerFactory.getLogger(DetachedRestarts.class);

  /** What a restart needs of the head's tables. */
  interface Table {
    /** The head's record of actor {@code key} now, or null. */
    ActorInfo actor(String key);

    /** The creation of actor {@code key} its owner sent, or null. */
    TaskMsg creation(String key);

    /** Every node the head knows. */
    Collection<NodeInfo> nodes();

    /** Applies {@code update} to the actor's record (the head's own change, S4). */
    void change(ActorInfo update);
  }

  private final Table table;
  private final Rpc.Channels channels;
  private final long waitMs;
  private final long ownerPrefix = new SecureRandom().nextLong();
  private final AtomicInteger functionIds = new AtomicInteger();
  private final java.util.Map<String, Thread> running = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** Restarts reading and writing {@code table}, reaching nodes over {@code channels}. */
  DetachedRestarts(Table table, Rpc.Channels channels, long waitMs) {
    this.table = table;
    this.channels = channels;
    this.waitMs = waitMs;
  }

  /**
   * Why actor {@code key} (detached, its owner gone) cannot be restarted by the head, or null if it
   * can: the head must hold its creation, and none of its ref arguments may live in a node's store
   * (its owner, which kept it there, is gone, as Ray loses an actor whose arguments are lost).
   */
  String whyNot(String key) {
    TaskMsg c = table.creation(key);
    if (c == null) {
      return "the head holds no creation of it to run again (its owner did not send one)";
    }
    for (ArgMsg a : c.getArgsList()) {
      if (a.hasRef() && a.getRef().hasStored()) {
        StoredMsg s = a.getRef().getStored();
        return "its constructor argument "
            + Wire.id(a.getRefId()).hex()
            + " ("
            + s.getLength()
            + " bytes) was an object in the store of node "
            + s.getNodeId()
            + " owned by its creator, which is gone, so the argument is lost (only an inline"
            + " argument travels with the actor's creation: pass a small value, or a value"
            + " rather than a ref, to a detached actor that must restart after its creator)";
      }
    }
    return null;
  }

  /** Begins restarting actor {@code key}, RESTARTING at the head (D1); does not block. */
  void start(String key) {
    Thread t =
        Thread.ofVirtual()
            .name("manta-head-restart-" + key)
            .unstarted(
                Context.ROOT.wrap(
                    () -> {
                      try {
                        restart(key);
                      } catch (RuntimeException e) {
                        LOG.warn("Restarting actor {} failed", key, e);
                        ActorInfo a = table.actor(key);
                        if (!closed && a != null && a.getState() == ActorState.RESTARTING) {
                          dead(a, "the head failed to restart it: " + Rpc.rootMessage(e));
                        }
                      } finally {
                        running.remove(key, Thread.currentThread());
                      }
                    }));
    if (closed || running.putIfAbsent(key, t) != null) {
      return; // D1
    }
    t.start();
  }

  /** Stops every restart in flight (the head closes): none changes the tables after this. */
  void close() {
    closed = true;
    running.values().forEach(Thread::interrupt);
  }

  private void restart(String key) {
    ActorInfo a = table.actor(key);
    TaskMsg creation = table.creation(key);
    if (a == null || a.getState() != ActorState.RESTARTING || creation == null) {
      return;
    }
    int n = a.getNumRestarts() + 1;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
    LOG.info(
        "Restarting detached actor {} ({}) whose owner is gone (restart {} of {})",
        key,
        a.getClassName(),
        n,
        a.getMaxRestarts() < 0 ? "unlimited" : Integer.toString(a.getMaxRestarts()));
    Placed p;
    try {
      p = Backoff.untilDone("Restarting detached actor " + key, waitMs, () -> lease(a, creation));
    } catch (RuntimeException e) {
      dead(
          a,
          "the head could not place it again within "
              + waitMs
              + " ms (manta.actor-restart-wait-ms): "
              + Rpc.rootMessage(e));
      return;
    }
    if (!stillRestarting(key, a)) { // D2: killed meanwhile
      returnLease(p);
      return;
    }
    ResultMsg r;
    try {
      r =
          construct(
              p,
              a.getJobId(),
              creation,
              n,
              Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
    } catch (RuntimeException e) {
      returnLease(p);
      if (stillRestarting(key, a)) {
        dead(a, "its constructor did not run again (restart " + n + "): " + Rpc.rootMessage(e));
      }
      return;
    }
    StoredValue v = Wire.value(r.getValue(), p.grant.getNodeId());
    if (v instanceof Failure f) {
      returnLease(p);
      if (stillRestarting(key, a)) {
        dead(
            a,
            "its constructor threw "
                + (f.exceptionClass() == null || f.exceptionClass().isEmpty()
                    ? f.message()
                    : f.exceptionClass() + ": " + f.message())
                + " when the head restarted it (restart "
                + n
                + ")");
      }
      return;
    }
    if (!stillRestarting(key, a)) {
      returnLease(p); // D2: killed while its constructor ran; the head ends it where it runs
      return;
    }
    table.change(
        ActorInfo.newBuilder()
            .setPrefix(a.getPrefix())
            .setSequence(a.getSequence())
            .setState(ActorState.ALIVE)
            .setWorkerAddress(p.grant.getWorkerAddress())
            .setNodeId(p.grant.getNodeId())
            .setNumRestarts(n)
            .build());
    LOG.info("Detached actor {} runs again on node {} (restart {})", key, p.grant.getNodeId(), n);
  }

  private boolean stillRestarting(String key, ActorInfo began) {
    ActorInfo now = table.actor(key);
    return !closed
        && now != null
        && now.getState() == ActorState.RESTARTING
        && now.getNumRestarts() == began.getNumRestarts();
  }

  private void dead(ActorInfo a, String why) {
    if (closed) {
      return; // the head stopped: a restarted head resumes the restart (HeadService, S6)
    }
    table.change(
        ActorInfo.newBuilder()
            .setPrefix(a.getPrefix())
            .setSequence(a.getSequence())
            .setState(ActorState.DEAD)
            .setDeathReason(a.getDeathReason() + "; " + why)
            .build());
  }

  /** A lease of a worker for the actor, and the agent that granted it. */
  private record Placed(LeaseGrant grant, String agent) {}

  /** Leases a worker of its own for actor {@code a} on a live node that fits its demand. */
  private Placed lease(ActorInfo a, TaskMsg creation) {
    ResourceSet demand = Wire.resources(creation.getDemand());
    List<NodeInfo> fits = new ArrayList<>();
    for (NodeInfo n : table.nodes()) {
      if (n.getAlive() && Wire.fits(demand, n, false)) {
        // Those with room now first; the agents spill over among themselves as for any lease.
        if (Wire.fits(demand, n, true)) {
          fits.add(0, n);
        } else {
          fits.add(n);
        }
      }
    }
    if (fits.isEmpty()) {
      throw new IllegalStateException("no live node has " + demand + " in all");
    }
    LeaseRequest req =
        LeaseRequest.newBuilder()
            .setJobId(a.getJobId())
            .setDemand(creation.getDemand())
            .setForActor(true)
            .setShared(false) // a detached actor has a JVM of its own
            .setDetached(true)
            .setActorPrefix(a.getPrefix())
            .setActorSequence(a.getSequence())
            .build();
    RuntimeException last = null;
    for (NodeInfo n : fits) {
      String agent = n.getAgentAddress();
      for (int hop = 0; hop < 3; hop++) {
        LeaseReply reply;
        try {
          reply =
              Rpc.deadline(NodeAgentGrpc.newBlockingStub(channels.get(agent)), waitMs)
                  .leaseWorker(req);
        } catch (StatusRuntimeException e) {
          last = new IllegalStateException(Rpc.explain(e, "node agent", agent), e);
          break;
        }
        switch (reply.getOutcomeCase()) {
          case GRANTED -> {
            return new Placed(reply.getGranted(), agent);
          }
          case SPILLBACK_AGENT -> agent = reply.getSpillbackAgent();
          default -> {
            last = new IllegalStateException(reply.getRefused());
            hop = 3;
          }
        }
      }
    }
    throw last != null ? last : new IllegalStateException("every node sent the lease elsewhere");
  }

  /** Runs the creation on the leased worker, as its owner (D3); returns its result. */
  private ResultMsg construct(Placed p, String jobId, TaskMsg creation, int attempt, long leftMs) {
    TaskMsg task =
        creation.toBuilder()
            .setAttempt(attempt)
            .setFunctionId(functionIds.incrementAndGet())
            .build();
    CompletableFuture<ResultMsg> result = new CompletableFuture<>();
    StreamObserver<TaskBatch> out =
        CoreWorkerGrpc.newStub(channels.get(p.grant.getWorkerAddress()))
            .submit(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ResultBatch b) {
                    for (ResultMsg r : b.getResultsList()) {
                      if (r.getTaskPrefix() == task.getTaskPrefix()
                          && r.getTaskSequence() == task.getTaskSequence()) {
                        result.complete(r);
                      }
                    }
                  }

                  @Override
                  public void onError(Throwable t) {
                    result.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {
                    result.completeExceptionally(
                        new IllegalStateException("the worker ended the stream before the result"));
                  }
                });
    out.onNext(
        TaskBatch.newBuilder()
            .setOwnerPrefix(ownerPrefix)
            .setOwnerAddress("manta-head")
            .setJobId(jobId)
            .addTasks(task)
            .build());
    try {
      return result.get(leftMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "its constructor did not finish within the restart wait (" + leftMs + " ms left)", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "worker " + p.grant.getWorkerAddress() + ": " + Rpc.rootMessage(e.getCause()),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      try {
        out.onCompleted();
      } catch (RuntimeException ignored) {
        // the stream failed already
      }
    }
  }

  private void returnLease(Placed p) {
    try {
      Rpc.deadline(NodeAgentGrpc.newBlockingStub(channels.get(p.agent)))
          .returnLease(LeaseId.newBuilder().setLeaseId(p.grant.getLeaseId()).build());
    } catch (StatusRuntimeException e) {
      LOG.warn("Could not return lease {} to {}: {}", p.grant.getLeaseId(), p.agent, e.toString());
    }
  }
}
