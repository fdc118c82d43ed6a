package dev.manta.cluster.worker;

import dev.manta.cluster.proto.LeaseGrant;
import dev.manta.cluster.proto.LeaseReply;
import dev.manta.cluster.proto.LeaseRequest;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.cluster.rpc.Wire;
import dev.manta.runtime.spec.ResourceSet;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker leases from the nodes' agents: one task lease per node for this job (the job's task worker
 * there, shared by every task this owner places on that node), and a lease per actor. Follows
 * spillbacks from agent to agent, and hands tasks their node's lease in submission order.
 */
final class Leases {
  /*
   * Implementation notes
   *  L1  taskLeases holds at most one lease future per node. A future that fails is removed by
   *      the thread that failed it, so the next task asks again; a granted one stays until its
   *      node dies or its worker dies.
   *  L2  (T1) Tasks sent under one task lease leave in submission order: while the lease is
   *      pending they queue in `waiters`, drained in order once it completes; a task that finds no
   *      queue and the lease done goes at once. A future runs its dependents in no promised order
   *      (CompletableFuture: the last registered first), so tasks queue here instead of each
   *      waiting on the lease: otherwise a task holding refs to earlier tasks' results reached the
   *      worker before them, borrowed those results from the owner, and the worker then refused
   *      the earlier tasks as duplicates ("object ... already exists").
   *  Locks: `waitersLock` guards `waiters`; nothing else is called under it (a dispatch writes to
   *  a link, so it runs after the lock is released).
   *  Threads: a lease request blocks, so a task lease is requested on a virtual thread of its own;
   *  its dependents (the queued dispatches) run on that thread, or on the caller's if the lease
   *  was already done.
   */
  private static final Logger LOG = LoggerFactory.getLogger(Leases.class);

  /** How many agents a lease request may visit before the last one must grant or refuse it. */
  private static final int MAX_HOPS = 4;

  /** How often a worker that failed to start is retried on the same agent. */
  private static final int MAX_START_FAILURES = 2;

  private static final long LEASE_DEADLINE_MS = 180_000;

  private final Rpc.Channels channels;
  private final String jobId;
  private final ClusterView view;
  private final Map<String, CompletableFuture<LeaseGrant>> taskLeases = new ConcurrentHashMap<>();

  // @GuardedBy("waitersLock"); by lease future, identity; removed once drained
  private final IdentityHashMap<CompletableFuture<LeaseGrant>, ArrayDeque<Runnable>> waiters =
      new IdentityHashMap<>();
  private final ReentrantLock waitersLock = new ReentrantLock();

  Leases(Rpc.Channels channels, String jobId, ClusterView view) {
    this.channels = channels;
    this.jobId = jobId;
    this.view = view;
  }

  /** The job's task lease on node {@code n}: pending, granted, or failed (L1). Does not block. */
  CompletableFuture<LeaseGrant> taskLease(NodeView n) {
    return taskLeases.computeIfAbsent(
        n.info.getNodeId(),
        k -> {
          CompletableFuture<LeaseGrant> f = new CompletableFuture<>();
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      f.complete(lease(n.info.getAgentAddress(), ResourceSet.EMPTY, false));
                    } catch (RuntimeException e) {
                      taskLeases.remove(k, f);
                      f.completeExceptionally(e);
                    }
                  });
          return f;
        });
  }

  /**
   * Runs {@code then} with {@code lease}'s grant or failure once it completes, after every action
   * given for the same lease before it (L2). Does not block.
   */
  void whenGranted(CompletableFuture<LeaseGrant> lease, BiConsumer<LeaseGrant, Throwable> then) {
    Runnable action = () -> lease.whenComplete(then);
    boolean queued;
    boolean first = false;
    waitersLock.lock();
    try {
      ArrayDeque<Runnable> q = waiters.get(lease);
      queued = q != null || !lease.isDone();
      if (queued) {
        if (q == null) {
          q = new ArrayDeque<>();
          waiters.put(lease, q);
          first = true;
        }
        q.add(action);
      }
    } finally {
      waitersLock.unlock();
    }
    if (!queued) {
      action.run(); // nothing queued before it: going now keeps the order
    } else if (first) {
      lease.whenComplete((g, e) -> drain(lease));
    }
  }

  /** Runs the actions queued behind {@code lease} in order; later ones then go directly. */
  private void drain(CompletableFuture<LeaseGrant> lease) {
    while (true) {
      Runnable next;
      waitersLock.lock();
      try {
        ArrayDeque<Runnable> q = waiters.get(lease);
        next = q == null ? null : q.poll();
        if (next == null) {
          waiters.remove(lease);
          return;
        }
      } finally {
        waitersLock.unlock();
      }
      next.run(); // outside the lock: dispatching writes to a link
    }
  }

  /**
   * Leases a worker from the agent at {@code agent}, following spillbacks; records the worker's
   * address in the view. Blocks.
   *
   * @throws IllegalArgumentException if an agent refuses the demand (no node can ever meet it)
   * @throws IllegalStateException if an agent does not answer, or the request bounced too often
   */
  LeaseGrant lease(String agent, ResourceSet demand, boolean forActor) {
    return lease(agent, demand, forActor, false);
  }

  /**
   * As {@link #lease(String, ResourceSet, boolean)}; with {@code shared} an actor's lease names the
   * JVM its job shares among its actors on the granting node.
   */
  LeaseGrant lease(String agent, ResourceSet demand, boolean forActor, boolean shared) {
    return lease(agent, demand, forActor, shared, null, false);
  }

  /**
   * As {@link #lease(String, ResourceSet, boolean, boolean)}, for actor {@code actor} (named in the
   * lease, so that it can be returned by the actor's id), {@code detached} or not.
   */
  LeaseGrant lease(
      String agent,
      ResourceSet demand,
      boolean forActor,
      boolean shared,
      dev.manta.runtime.id.ActorId actor,
      boolean detached) {
    return lease(agent, demand, forActor, shared, actor, detached, List.of());
  }

  /**
   * As {@link #lease(String, ResourceSet, boolean, boolean, dev.manta.runtime.id.ActorId,
   * boolean)}, for an actor whose worker JVM is started with {@code jvmOptions} (none if empty).
   */
  LeaseGrant lease(
      String agent,
      ResourceSet demand,
      boolean forActor,
      boolean shared,
      dev.manta.runtime.id.ActorId actor,
      boolean detached,
      List<String> jvmOptions) {
    int startFailures = 0;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      LeaseReply r;
      try {
        r =
            Rpc.deadline(NodeAgentGrpc.newBlockingStub(channels.get(agent)), LEASE_DEADLINE_MS)
                .leaseWorker(
                    request(demand, forActor, shared, actor, detached)
                        .addAllJvmOptions(jvmOptions)
                        .setNoSpillback(hop == MAX_HOPS - 1)
                        .build());
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.INTERNAL
            && startFailures++ < MAX_START_FAILURES) {
          LOG.warn("A worker failed to start on {} ({}); trying another", agent, e.getStatus());
          hop--;
          continue;
        }
        throw new IllegalStateException(Rpc.explain(e, "node agent", agent), e);
      }
      switch (r.getOutcomeCase()) {
        case GRANTED -> {
          LeaseGrant g = r.getGranted();
          view.workerAt(g.getWorkerPrefix(), g.getWorkerAddress());
          return g;
        }
        case SPILLBACK_AGENT -> agent = r.getSpillbackAgent();
        case REFUSED -> throw new IllegalArgumentException(r.getRefused());
        default -> throw new IllegalStateException("empty lease reply from " + agent);
      }
    }
    throw new IllegalStateException("lease request bounced between nodes");
  }

  private LeaseRequest.Builder request(
      ResourceSet demand,
      boolean forActor,
      boolean shared,
      dev.manta.runtime.id.ActorId actor,
      boolean detached) {
    LeaseRequest.Builder b =
        LeaseRequest.newBuilder()
            .setJobId(jobId)
            .setDemand(Wire.resources(demand))
            .setForActor(forActor)
            .setShared(shared)
            .setDetached(detached);
    if (actor != null) {
      b.setActorPrefix(actor.prefix()).setActorSequence(actor.sequence());
    }
    return b;
  }

  /** Forgets the task lease on a dead node, so that a later task asks its agent again. */
  void nodeDied(String nodeId) {
    taskLeases.remove(nodeId);
  }

  /** Forgets the granted task leases of a dead worker. */
  void workerDied(String address) {
    taskLeases
        .entrySet()
        .removeIf(e -> e.getValue().isDone() && address.equals(grantAddress(e.getValue())));
  }

  private static String grantAddress(CompletableFuture<LeaseGrant> f) {
    try {
      return f.getNow(null) == null ? null : f.getNow(null).getWorkerAddress();
    } catch (RuntimeException e) {
      return null; // a failed lease names no worker
    }
  }
}
