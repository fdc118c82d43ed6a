package dev.manta.cluster.worker;

import static dev.manta.cluster.rpc.Rpc.rootMessage;

import dev.manta.cluster.proto.LeaseGrant;
import dev.manta.cluster.rpc.TaskMessages.Outgoing;
import dev.manta.cluster.rpc.Wire;
import dev.manta.runtime.port.CoreAccess;
import dev.manta.runtime.port.TaskHandle;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.store.Failure;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where work goes: picks a node for a task (feasible, least loaded by this owner's work in flight,
 * this node on ties) and sends the task under that node's task lease, or runs it here when this
 * process is the job's task worker there; picks and leases a node for an actor. A node whose lease
 * failed is avoided for a while, and the work is placed again on the nodes not yet tried.
 */
final class TaskPlacement {
  /*
   * Implementation notes
   *  P1  A task's CPU counts in its node's load from the pick until its result completes (in the
   *      in-flight table, or here for a task run locally) or its lease fails, so concurrent picks
   *      spread out before any result is back.
   *  P2  A task whose lease failed is placed again, from `offload`, on the feasible nodes not in
   *      its `tried` set, each failure appended to `failures`; once none is left it fails with
   *      every node and reason, so a crashed agent not yet declared dead costs a retry, not the
   *      task. Refusals (no node can ever meet the demand) are not retried.
   *  P3  Tasks go under their node's lease in submission order (Leases, L2).
   *  P4  With `waits` (manta.infeasible=wait), a task no live node has the resources for is not
   *      failed: whenFeasible re-checks the view at each node change (ClusterView, V3), and the
   *      task is placed again once a node has them, unless its result completed meanwhile
   *      (cancelled, or the core shut down), which also ends the wait. It holds no load (P1)
   *      while it waits. An actor's placement waits on the same future (RemoteActors).
   *  Threads: runTask is called by the core's submitting thread; dispatch runs on the lease's
   *  thread or the submitting one; no locks of its own.
   */
  private static final Logger LOG = LoggerFactory.getLogger(TaskPlacement.class);
  private static final double TIE = 1e-9;

  private final CoreAccess core;
  private final ClusterView view;
  private final Leases leases;
  private final InflightTable inflight;
  private final OwnerLinks links;
  private final Executor offload;
  private final Supplier<String> address;
  private final java.util.function.BooleanSupplier waits;

  /** Placement for the process serving at {@code address} (known once its server runs). */
  TaskPlacement(
      CoreAccess core,
      ClusterView view,
      Leases leases,
      InflightTable inflight,
      OwnerLinks links,
      Executor offload,
      Supplier<String> address,
      java.util.function.BooleanSupplier waits) {
    this.waits = waits;
    this.core = core;
    this.view = view;
    this.leases = leases;
    this.inflight = inflight;
    this.links = links;
    this.offload = offload;
    this.address = address;
  }

  /** Runs a READY task owned here on some node; its result completes it later. Does not block. */
  void runTask(TaskHandle t) {
    runTask(t, Set.of(), "");
  }

  /**
   * Places {@code t} on a node not in {@code tried} (the nodes whose lease already failed for it,
   * {@code failures} saying why); fails it once no feasible node is left (P2).
   */
  private void runTask(TaskHandle t, Set<String> tried, String failures) {
    NodeView n = pick(t.resources(), tried);
    if (n == null && !tried.isEmpty()) {
      inflight.failUnsent(
          t,
          Failure.workerDied(
              t.id().hex(),
              String.join(",", tried),
              "Task "
                  + t.displayName()
                  + " could not get a worker on any node that has "
                  + t.resources()
                  + ":"
                  + failures));
      return;
    }
    if (n == null && waits.getAsBoolean()) {
      waitForNode(t); // P4
      return;
    }
    if (n == null) {
      inflight.failUnsent(
          t,
          Failure.nodeDied(
              t.id().hex(),
              "",
              "Task "
                  + t.displayName()
                  + " needs "
                  + t.resources()
                  + " but no live node has that much; cluster: "
                  + view.totalResources()));
      return;
    }
    long cpu = NodeView.fixed(t.resources().toMap().getOrDefault("CPU", 0.0));
    n.inflightCpu.addAndGet(cpu); // P1
    leases.whenGranted(leases.taskLease(n), (g, e) -> dispatch(t, n, cpu, g, e, tried, failures));
  }

  /** Places {@code t} once a live node has its resources, unless it completes first (P4). */
  private void waitForNode(TaskHandle t) {
    java.util.concurrent.CompletableFuture<dev.manta.runtime.store.StoredValue> result =
        core.resultOf(t);
    java.util.concurrent.CompletableFuture<Void> feasible = whenFeasible(t.resources());
    result.whenComplete((v, e) -> feasible.cancel(false));
    feasible.thenRunAsync(
        () -> {
          if (!result.isDone()) {
            runTask(t, Set.of(), "");
          }
        },
        offload);
  }

  /** Whether work that no live node has the resources for waits for one (P4). */
  boolean waitsForNodes() {
    return waits.getAsBoolean();
  }

  /**
   * A future completed once some live node has {@code demand} (at once if one has it now); cancel
   * it to stop waiting (P4). Does not block.
   */
  java.util.concurrent.CompletableFuture<Void> whenFeasible(ResourceSet demand) {
    java.util.concurrent.CompletableFuture<Void> done =
        new java.util.concurrent.CompletableFuture<>();
    awaitFeasible(demand, done);
    return done;
  }

  private void awaitFeasible(
      ResourceSet demand, java.util.concurrent.CompletableFuture<Void> done) {
    java.util.concurrent.CompletableFuture<Void> change = view.nextNodeChange(); // before the check
    if (done.isDone()) {
      return;
    }
    if (view.feasible(demand)) {
      done.complete(null);
      return;
    }
    change.thenRunAsync(() -> awaitFeasible(demand, done), offload);
  }

  private void dispatch(
      TaskHandle t,
      NodeView n,
      long cpu,
      LeaseGrant g,
      Throwable e,
      Set<String> tried,
      String failures) {
    String node = n.info.getNodeId();
    if (e != null) {
      n.inflightCpu.addAndGet(-cpu);
      n.leaseFailed();
      LOG.warn(
          "Task {} could not get a worker on node {} ({}); placing it elsewhere",
          t.id().hex(),
          node,
          rootMessage(e));
      Set<String> now = new HashSet<>(tried);
      now.add(node);
      String why = failures + " node " + node + ": " + rootMessage(e) + ";";
      offload.execute(() -> runTask(t, Set.copyOf(now), why));
      return;
    }
    if (g.getWorkerAddress().equals(address.get())) {
      // This process is the job's task worker here: run it on the local scheduler.
      core.resultOf(t).whenComplete((v, x) -> n.inflightCpu.addAndGet(-cpu));
      core.runLocally(t);
      return;
    }
    inflight.add(new InflightTable.Entry(t, g.getWorkerAddress(), g.getNodeId(), cpu, null));
    links.push(g.getWorkerAddress(), new Outgoing(t.spec(), t.attempt(), null, 0));
  }

  /**
   * The node for a demand: feasible, not in {@code tried}, least loaded by this owner's in-flight
   * CPU, this one on ties; a node whose lease failed lately only when no other is left.
   */
  private NodeView pick(ResourceSet demand, Set<String> tried) {
    NodeView n = pick(demand, tried, true);
    return n != null ? n : pick(demand, tried, false);
  }

  private NodeView pick(ResourceSet demand, Set<String> tried, boolean skipAvoided) {
    NodeView best = null;
    double bestLoad = Double.MAX_VALUE;
    double cpu = demand.toMap().getOrDefault("CPU", 0.0);
    long now = System.nanoTime();
    for (NodeView v : view.nodes()) {
      if (!v.info.getAlive()
          || !Wire.fits(demand, v.info, false)
          || tried.contains(v.info.getNodeId())
          || (skipAvoided && v.avoided(now))) {
        continue;
      }
      double total = Math.max(v.totalCpu(), TIE);
      double load = (v.inflightCpu.get() / NodeView.CPU_UNIT + cpu) / total;
      boolean local = v.info.getNodeId().equals(view.nodeId());
      if (load < bestLoad - TIE || (Math.abs(load - bestLoad) <= TIE && local)) {
        best = v;
        bestLoad = load;
      }
    }
    return best;
  }

  /**
   * Leases a worker for an actor's creation (with {@code shared}, the JVM its job shares among its
   * actors on the node), trying another feasible node when a node's agent does not answer (see
   * {@link NodeView#UNREACHABLE_AVOID_NANOS}). Blocks.
   *
   * @throws IllegalArgumentException if no live node has the demand, or an agent refuses it
   * @throws IllegalStateException if no node that has it answered, naming each and why
   */
  LeaseGrant leaseForActor(TaskHandle creation, boolean shared, boolean detached) {
    return leaseForActor(creation, shared, detached, java.util.List.of());
  }

  /**
   * As {@link #leaseForActor(TaskHandle, boolean, boolean)}, for an actor whose worker JVM is
   * started with {@code jvmOptions} (none if empty; then never {@code shared}). Blocks.
   */
  LeaseGrant leaseForActor(
      TaskHandle creation, boolean shared, boolean detached, java.util.List<String> jvmOptions) {
    Set<String> tried = new HashSet<>();
    StringBuilder failures = new StringBuilder();
    while (true) {
      NodeView n = pickForActor(creation.resources(), tried);
      if (n == null) {
        throw new IllegalStateException(
            "no node that has " + creation.resources() + " answered:" + failures);
      }
      try {
        return leases.lease(
            n.info.getAgentAddress(),
            creation.resources(),
            true,
            shared,
            creation.actorId(),
            detached,
            jvmOptions);
      } catch (IllegalStateException e) { // the agent did not answer; refusals propagate
        n.leaseFailed();
        tried.add(n.info.getNodeId());
        failures.append(" node ").append(n.info.getNodeId()).append(": ");
        failures.append(rootMessage(e)).append(';');
        LOG.warn(
            "Actor {} could not get a worker on node {} ({}); placing it elsewhere",
            creation.id().hex(),
            n.info.getNodeId(),
            rootMessage(e));
      }
    }
  }

  /** The local node if feasible (its agent spills back if it has no room now), else a pick. */
  private NodeView pickForActor(ResourceSet demand, Set<String> tried) {
    String nodeId = view.nodeId();
    NodeView local = view.node(nodeId);
    if (local != null
        && local.info.getAlive()
        && !tried.contains(nodeId)
        && !local.avoided(System.nanoTime())
        && Wire.fits(demand, local.info, false)) {
      return local;
    }
    NodeView n = pick(demand, tried);
    if (n == null && tried.isEmpty()) {
      throw new IllegalArgumentException("no live node has " + demand);
    }
    return n;
  }
}
