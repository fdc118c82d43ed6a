package dev.manta.cluster.worker;

import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorLookup;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.LeaseGrant;
import dev.manta.cluster.proto.LeaseId;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.cluster.rpc.TaskMessages;
import dev.manta.cluster.rpc.TaskMessages.Outgoing;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.port.ActorProxy;
import dev.manta.runtime.port.ClusterPorts.RemoteActor;
import dev.manta.runtime.port.CoreAccess;
import dev.manta.runtime.port.TaskHandle;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.StoredValue;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Actors in a cluster, as this process sees them: where the actors it has proxies for run (placed
 * by this owner, or learned from the head's directory), the proxies of other owners' actors still
 * waiting to be placed, the deaths of actors, reported to the head and to their workers, and the
 * restarts of actors whose worker or node died: an owner runs the constructor again on a live node
 * and sends again the calls that may run twice; a borrower holds its calls until the head says the
 * owner's restart is done.
 */
final class RemoteActors {
  /*
   * Implementation notes
   *  A1  An actor owned here is registered PENDING at the head before remote() returns
   *      (register): no handle reaches another process before the head knows its actor.
   *  A2  A proxy of another owner's actor is in awaitingPlacement iff it was made while the
   *      actor was PENDING and no ALIVE or DEAD has been seen for it since. It leaves on the
   *      first of: the head's ALIVE or DEAD event, the recheck after awaitPlaced or after a
   *      resubscription, its death here. placed() and placementFailed() remove it before they
   *      act, so exactly one of them settles it. Nothing polls: after the one recheck, only the
   *      head's events settle it.
   *  A3  `places` has an entry for an actor while calls may be sent to it: put when this owner
   *      placed it or the head reported it ALIVE, removed by the head's DEAD event or when its
   *      proxy dies here (killed() — a worker's or node's death kills the proxies placed there,
   *      diedWhere). A call to an actor without a place fails at once.
   *  A4  The head's DEAD for an actor whose creation is in flight is ignored: the creation's own
   *      result follows and carries the constructor's error (InflightTable, I2).
   *  R6  An owned actor that may restart (maxRestarts != 0) holds its creation's ref arguments
   *      (CoreAccess.pinArguments) from create() until the one removal of its `creations` entry
   *      in killed(), so a restart reads them again although the caller dropped its refs.
   *  R7  A handle's kill of an actor owned elsewhere (killedByHandle) ends it where it runs:
   *      DEAD at the head, KillActor to its worker, its lease returned by the actor's id.
   *  R8  A detached actor owned here outlives this process's shutdown: killed() then forgets it
   *      here only (it stays ALIVE at the head and keeps its worker and lease); the head marks
   *      it owner_gone once this process's job ends.
   *  A5  An actor owned here that no live node has the resources for waits, before its lease,
   *      on TaskPlacement.whenFeasible (P4) while the placement allows waiting; its future is in
   *      `awaitingNode` for that time, and killed() cancels it, so a kill (or the shutdown's
   *      kills) ends the wait and the creation completes with the actor's death.
   *  R9  The first ALIVE of a detached actor owned here that may restart carries its creation
   *      (ActorInfo.creation): the head restarts it from that once this process is gone
   *      (head/DetachedRestarts); while this process lives it restarts the actor itself.
   *  R10 A borrower may hear of a restart only from the head's ALIVE with a higher restart count
   *      (the worker's death notice names a worker id it does not know): it then restarts its
   *      proxy at once, in place (restartedUnseen), its calls in flight treated as in R2.
   *  Threads: events arrive on the subscription's transport thread; a placement runs on a virtual
   *  thread of its own (a lease blocks); a recheck on a `manta-actor-await` virtual thread;
   *  killed() runs on the killing thread, in the root gRPC context. No locks: the maps are
   *  concurrent and each decision is one atomic map operation.
   */
  private static final Logger LOG = LoggerFactory.getLogger(RemoteActors.class);
  private static final ThreadFactory AWAIT_THREADS =
      Thread.ofVirtual().name("manta-actor-await-", 1).factory();

  /** Where an actor runs: its worker, node, and (if leased by this owner) lease and agent. */
  record Place(String worker, String nodeId, long leaseId, String agent) {}

  /** An actor being restarted (R1-R4). */
  private static final class Restart {
    final ActorProxy proxy;
    final long deadlineNanos;
    volatile String cause; // what killed its last process
    final List<TaskHandle> held = new java.util.ArrayList<>(); // R2; guarded by this
    boolean done; // guarded by this

    Restart(ActorProxy proxy, String cause, long deadlineNanos) {
      this.proxy = proxy;
      this.cause = cause;
      this.deadlineNanos = deadlineNanos;
    }
  }

  private final CoreAccess core;
  private final ActorDirectory head;
  private final String headAddress;
  private final ClusterView view;
  private final Rpc.Channels channels;
  private final InflightTable inflight;
  private final OwnerLinks links;
  private final TaskPlacement placement;
  private final String namespace;
  private final String jobId;
  private final BooleanSupplier closed;
  private final Consumer<ActorProxy> hostedEnded;
  private final Map<ActorId, Place> places = new ConcurrentHashMap<>();
  private final Map<ActorId, ActorProxy> knownProxies = new ConcurrentHashMap<>();

  /** The creations of the actors owned here, to run again when one restarts (R3). */
  private final Map<ActorId, TaskHandle> creations = new ConcurrentHashMap<>();

  /** Actors owned here whose first creation completed (R3). */
  private final Set<ActorId> constructed = ConcurrentHashMap.newKeySet();

  /** Restarts begun of each actor owned here (R1). */
  private final Map<ActorId, Integer> restartsDone = new ConcurrentHashMap<>();

  /** Actors restarting now (R1, R4). */
  private final Map<ActorId, Restart> restarting = new ConcurrentHashMap<>();

  /** How often each call in flight to a restarted actor was sent again (R2), by actor. */
  private final Map<ActorId, Map<dev.manta.runtime.id.TaskId, Integer>> resent =
      new ConcurrentHashMap<>();

  /** What the head last said of actors owned elsewhere: their restart budget (R1). */
  private final Map<ActorId, ActorInfo> infos = new ConcurrentHashMap<>();

  private final Supplier<String> selfAddress;

  /** The job's manta.actor-hosting: whether actors that do not choose share a JVM per node. */
  private final boolean sharedByDefault;

  /**
   * Proxies of actors other processes own that were still being placed when their handle arrived
   * here (A2): their calls queue until the head publishes the actor ALIVE, or fail when it
   * publishes it DEAD. Also in knownProxies.
   */
  private final Map<ActorId, ActorProxy> awaitingPlacement = new ConcurrentHashMap<>();

  /** Actors owned here waiting for a node that has their resources (A5). */
  private final Map<ActorId, java.util.concurrent.CompletableFuture<Void>> awaitingNode =
      new ConcurrentHashMap<>();

  /**
   * The actors of a process of job {@code jobId}, named in {@code namespace}; {@code hostedEnded}
   * runs with an actor hosted here once it died; {@code selfAddress} is this process's server.
   */
  RemoteActors(
      CoreAccess core,
      ActorDirectory head,
      ClusterView view,
      Rpc.Channels channels,
      InflightTable inflight,
      OwnerLinks links,
      TaskPlacement placement,
      String namespace,
      String jobId,
      BooleanSupplier closed,
      Consumer<ActorProxy> hostedEnded,
      Supplier<String> selfAddress,
      boolean sharedByDefault) {
    this.selfAddress = selfAddress;
    this.sharedByDefault = sharedByDefault;
    this.core = core;
    this.head = head;
    this.headAddress = view.headAddress();
    this.view = view;
    this.channels = channels;
    this.inflight = inflight;
    this.links = links;
    this.placement = placement;
    this.namespace = namespace;
    this.jobId = jobId;
    this.closed = closed;
    this.hostedEnded = hostedEnded;
  }

  // --- actors owned here ---

  /**
   * Registers an actor just created here as PENDING at the head (A1). Blocks for one round trip.
   *
   * @throws IllegalArgumentException if its name is taken in the namespace
   * @throws IllegalStateException if the head cannot be reached
   */
  void register(ActorProxy proxy) {
    publish(proxy, ActorState.PENDING_CREATION, "", "");
  }

  /** Places an actor owned here on a node, on a thread of its own; does not block. */
  void create(TaskHandle creation, ActorProxy proxy) {
    knownProxies.put(proxy.id(), proxy);
    if (proxy.maxRestarts() != 0) {
      // Kept only where it may run again, with its ref arguments (R6).
      core.pinArguments(creation);
      creations.put(proxy.id(), creation);
    }
    Thread.ofVirtual().start(() -> place(creation, proxy));
  }

  private void place(TaskHandle creation, ActorProxy proxy) {
    try {
      if (placement.waitsForNodes() && !view.feasible(creation.resources())) {
        java.util.concurrent.CompletableFuture<Void> node =
            placement.whenFeasible(creation.resources());
        awaitingNode.put(proxy.id(), node);
        try {
          if (proxy.deathOrNull() == null) { // else killed before the put: do not wait (A5)
            node.join();
          }
        } catch (java.util.concurrent.CancellationException killed) {
          // handled below
        } finally {
          awaitingNode.remove(proxy.id(), node);
        }
        Failure death = proxy.deathOrNull();
        if (death != null || closed.getAsBoolean()) {
          inflight.failUnsent(
              creation,
              death != null
                  ? death
                  : Failure.ofThrowable(
                      creation.id().hex(),
                      creation.displayName(),
                      new IllegalStateException(
                          "Actor "
                              + proxy.id().hex()
                              + " was waiting for a node with "
                              + creation.resources()
                              + " when its runtime shut down")));
          return;
        }
      }
      LeaseGrant g =
          placement.leaseForActor(
              creation,
              shared(proxy),
              proxy.detached(),
              proxy.jvmOptions()); // registered by register
      String agent = view.agentOf(g.getNodeId());
      places.put(proxy.id(), new Place(g.getWorkerAddress(), g.getNodeId(), g.getLeaseId(), agent));
      inflight.add(
          new InflightTable.Entry(creation, g.getWorkerAddress(), g.getNodeId(), 0, proxy));
      links.push(
          g.getWorkerAddress(),
          new Outgoing(
              creation.spec(),
              creation.attempt(),
              proxy.name(),
              Math.max(1, proxy.maxConcurrency())));
    } catch (RuntimeException e) {
      inflight.failUnsent(
          creation,
          Failure.ofThrowable(
              creation.id().hex(),
              creation.displayName(),
              new IllegalStateException(
                  "Actor " + proxy.id().hex() + " could not be placed: " + Rpc.rootMessage(e), e)));
    }
  }

  /** Whether actor {@code p} (owned here) runs in its job's shared JVM of a node. */
  private boolean shared(ActorProxy p) {
    if (p.detached()) {
      return false; // a detached actor outlives its job's shared JVM: it has a JVM of its own
    }
    if (!p.jvmOptions().isEmpty()) {
      return false; // its JVM is started with its own options
    }
    return switch (p.hosting()) {
      case SHARED -> true;
      case ISOLATED -> false;
      case JOB_DEFAULT -> sharedByDefault;
    };
  }

  /**
   * A creation's constructor succeeded: the head hears the actor is ALIVE where it runs, and the
   * calls queued in its proxy leave. Called by the in-flight table before the creation completes.
   */
  void created(InflightTable.Entry creation) {
    ActorProxy a = creation.actor();
    if (creations.containsKey(a.id())) {
      constructed.add(a.id()); // R3: a restart's creation is then an `again` one
    }
    Restart r = restarting.get(a.id());
    if (r != null) {
      finishRestart(r, creation.worker(), creation.nodeId());
      return;
    }
    // The head lists it ALIVE before its first call leaves (R5): a process that asks the head
    // about an actor that answered a call finds it ALIVE where it runs.
    ActorInfo alive = info(a, ActorState.ALIVE, creation.worker(), creation.nodeId());
    if (a.detached() && a.maxRestarts() != 0 && creations.containsKey(a.id())) {
      alive = withCreation(alive, creation.spec(), a); // R9
    }
    aliveThen(alive, a::placed);
  }

  /**
   * R9: {@code alive} with the actor's creation as it went to its worker, for the head, which
   * restarts a detached actor once its owner is gone. Its ref arguments are ready (the constructor
   * ran): each travels with its value, inline or as a place in a node's store.
   */
  private ActorInfo withCreation(ActorInfo alive, TaskHandle creation, ActorProxy a) {
    try {
      return alive.toBuilder()
          .setCreation(
              TaskMessages.encode(
                  new Outgoing(creation.spec(), 0, a.name(), Math.max(1, a.maxConcurrency())),
                  new TaskMessages.FunctionIds(),
                  core::readyValue,
                  view.nodeId(),
                  view.agentOf(view.nodeId())))
          .build();
    } catch (RuntimeException e) {
      LOG.warn(
          "Actor {}'s creation could not be sent to the head, which then cannot restart it once"
              + " this process is gone: {}",
          a.id().hex(),
          e.toString());
      return alive;
    }
  }

  /** Publishes {@code a} ALIVE at {@code worker}, then runs {@code then} (R5). */
  private void aliveThen(ActorProxy a, String worker, String node, Runnable then) {
    aliveThen(info(a, ActorState.ALIVE, worker, node), then);
  }

  /** Publishes {@code alive} (an ALIVE record), then runs {@code then} (R5). */
  private void aliveThen(ActorInfo alive, Runnable then) {
    String id = Long.toHexString(alive.getPrefix()) + ":" + alive.getSequence();
    try {
      head.updateThen(alive, then);
    } catch (RuntimeException e) {
      LOG.warn("Could not tell the head actor {} is alive: {}", id, e.toString());
      then.run();
    }
  }

  /**
   * The result of a restart's creation (InflightTable, I5), on the offload executor: the restart is
   * done, or given up with the constructor's error.
   */
  void restarted(InflightTable.Entry creation, StoredValue v) {
    if (!(v instanceof Failure f)) {
      created(creation);
      return;
    }
    Restart r = restarting.get(creation.actor().id());
    if (r != null) {
      giveUp(
          r,
          "its constructor threw "
              + (f.exceptionClass() == null ? f.message() : f.exceptionClass())
              + " when it was restarted (restart "
              + restartsDone.getOrDefault(creation.actor().id(), 0)
              + ")",
          f);
    }
  }

  private void publish(ActorProxy a, ActorState state, String worker, String node) {
    ActorInfo b = info(a, state, worker, node);
    try {
      if (state == ActorState.PENDING_CREATION) {
        head.register(b);
      } else {
        head.update(b);
      }
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        throw new IllegalArgumentException(e.getStatus().getDescription(), e);
      }
      throw new IllegalStateException(Rpc.explain(e, "head", headAddress), e);
    }
  }

  /** The head's record of actor {@code a} owned here, in {@code state}. */
  private ActorInfo info(ActorProxy a, ActorState state, String worker, String node) {
    ActorInfo.Builder b =
        ActorInfo.newBuilder()
            .setPrefix(a.id().prefix())
            .setSequence(a.id().sequence())
            .setNamespace(namespace)
            .setClassName(a.className())
            .setState(state)
            .setWorkerAddress(worker)
            .setNodeId(node)
            .setJobId(jobId)
            .setMaxRestarts(a.maxRestarts())
            .setMaxTaskRetries(a.maxTaskRetries())
            .setMaxPendingCalls(a.maxPendingCalls())
            .setDetached(a.detached())
            .setNumRestarts(restartsDone.getOrDefault(a.id(), 0));
    if (a.name() != null) {
      b.setName(a.name());
    }
    return b.build();
  }

  // --- calls ---

  /** Sends a call to the actor behind {@code proxy}, in order; fails it if it has no place (A3). */
  void send(TaskHandle call, ActorProxy proxy) {
    Restart r = restarting.get(proxy.id());
    if (r != null) {
      synchronized (r) {
        if (!r.done) {
          r.held.add(call); // R2: leaves when the actor runs again
          return;
        }
      }
    }
    Place p = places.get(proxy.id());
    if (p == null) {
      Failure death = proxy.deathOrNull();
      inflight.failUnsent(
          call,
          death != null
              ? death
              : Failure.actorDied(
                  proxy.id().hex(),
                  proxy.className(),
                  "Actor " + proxy.id().hex() + " has no known location (it died?)",
                  null));
      return;
    }
    knownProxies.putIfAbsent(proxy.id(), proxy);
    inflight.add(new InflightTable.Entry(call, p.worker(), p.nodeId(), 0, proxy));
    links.push(p.worker(), new Outgoing(call.spec(), call.attempt(), null, 0));
  }

  // --- lookups ---

  /** The actor named {@code name} in this job's namespace, placed or pending. Blocks. */
  Optional<RemoteActor> find(String name) {
    return lookup(ActorLookup.newBuilder().setName(name).setNamespace(namespace).build());
  }

  /** The actor with id {@code id}, placed or pending. Blocks. */
  Optional<RemoteActor> find(ActorId id) {
    return lookup(byId(id));
  }

  private static ActorLookup byId(ActorId id) {
    return ActorLookup.newBuilder()
        .setId(ActorInfo.newBuilder().setPrefix(id.prefix()).setSequence(id.sequence()))
        .build();
  }

  private Optional<RemoteActor> lookup(ActorLookup q) {
    ActorInfo a = head.get(q);
    if (a == null || a.getState() == ActorState.DEAD) {
      return Optional.empty();
    }
    ActorId id = new ActorId(a.getPrefix(), a.getSequence());
    infos.put(id, a);
    boolean placed = a.getState() == ActorState.ALIVE;
    if (placed) {
      places.putIfAbsent(id, placeOf(a));
    }
    return Optional.of(
        new RemoteActor(
            id,
            a.getName().isEmpty() ? null : a.getName(),
            a.getClassName(),
            placed,
            a.getMaxPendingCalls() > 0
                ? a.getMaxPendingCalls()
                : dev.manta.ActorCreator.DEFAULT_MAX_PENDING_CALLS));
  }

  private Place placeOf(ActorInfo a) {
    return new Place(a.getWorkerAddress(), a.getNodeId(), 0, view.agentOf(a.getNodeId()));
  }

  // --- waiting for placement (A2) ---

  /**
   * Settles {@code proxy} (an actor of another owner, pending when looked up) once its actor is
   * placed or dead. Does not block.
   */
  void awaitPlaced(ActorProxy proxy) {
    knownProxies.putIfAbsent(proxy.id(), proxy);
    awaitingPlacement.put(proxy.id(), proxy);
    // The ALIVE event may have come between the lookup and now: ask once more.
    AWAIT_THREADS.newThread(() -> recheck(proxy.id())).start();
  }

  /** Asks the head about every proxy still awaiting placement (events may have been lost). */
  void recheckAwaiting() {
    for (ActorId id : List.copyOf(awaitingPlacement.keySet())) {
      recheck(id);
    }
  }

  /** Settles a proxy awaiting placement from what the head says now, if it says more. */
  private void recheck(ActorId id) {
    if (!awaitingPlacement.containsKey(id) || closed.getAsBoolean()) {
      return;
    }
    ActorInfo a;
    try {
      a = head.get(byId(id));
    } catch (IllegalStateException e) {
      LOG.debug("Could not ask the head about actor {}: {}", id.hex(), e.toString());
      return; // the subscription still brings its fate; resubscribing asks again
    }
    if (a == null) {
      placementFailed(id, "the head no longer knows it");
    } else if (a.getState() == ActorState.ALIVE) {
      placed(id, a);
    } else if (a.getState() == ActorState.DEAD) {
      placementFailed(id, a.getDeathReason());
    }
  }

  private void placed(ActorId id, ActorInfo a) {
    ActorProxy proxy = awaitingPlacement.remove(id);
    if (proxy != null) {
      places.putIfAbsent(id, placeOf(a));
      proxy.placed();
    }
  }

  private void placementFailed(ActorId id, String reason) {
    ActorProxy proxy = awaitingPlacement.remove(id);
    if (proxy != null) {
      proxy.kill(
          Failure.actorDied(
              id.hex(),
              proxy.className(),
              "Actor " + id.hex() + " died before it was placed: " + reason,
              null));
    }
  }

  // --- deaths ---

  /** The head has news of an actor: placed (A2) or dead (A3, A4). */
  void onEvent(ActorInfo a) {
    ActorId eid = new ActorId(a.getPrefix(), a.getSequence());
    ActorInfo before = null;
    if (eid.prefix() != core.prefix() && knownProxies.containsKey(eid)) {
      before = infos.put(eid, a); // only of actors this process holds a proxy of
    }
    if (a.getState() == ActorState.ALIVE) {
      placed(eid, a);
      Restart r = restarting.get(eid);
      if (r != null && eid.prefix() != core.prefix()) {
        // A borrower: its owner restarted the actor (R4).
        places.put(eid, placeOf(a));
        finishRestart(r, a.getWorkerAddress(), a.getNodeId());
      } else if (before != null && a.getNumRestarts() > before.getNumRestarts()) {
        restartedUnseen(eid, a);
      }
    }
    if (a.getState() == ActorState.DEAD) {
      ActorId id = new ActorId(a.getPrefix(), a.getSequence());
      if (inflight.creating(id)) {
        return; // A4: its creation's own result says why, with the constructor's error
      }
      placementFailed(id, a.getDeathReason());
      Restart r = restarting.get(id);
      if (r != null) {
        places.remove(id);
        giveUp(r, "the head says it is dead: " + a.getDeathReason(), null);
        return;
      }
      ActorProxy proxy = proxyOrNull(id);
      if (proxy != null) {
        // Its place stays until the proxy's death is handled (killed), which returns the lease of
        // an actor owned here: one that ended by itself (exitActor) kept its worker JVM and its
        // resources until its job ended when the place was dropped first.
        proxy.kill(
            Failure.actorDied(
                id.hex(),
                proxy.className(),
                "Actor " + id.hex() + " died: " + a.getDeathReason(),
                null));
      }
      places.remove(id);
    }
  }

  /**
   * R10: actor {@code id}, owned elsewhere, runs again as {@code a} says, and this process did not
   * see its process die (it knows the worker's address, not its id, so the head's notice of the
   * worker's death named nobody it knew, and its link to the old worker has not timed out yet). Its
   * calls in flight to the old worker are sent again or fail as a restart's are (R2), and later
   * calls go to the new worker.
   */
  private void restartedUnseen(ActorId id, ActorInfo a) {
    ActorProxy p = knownProxies.get(id);
    Place old = places.get(id);
    if (p == null || old == null || old.worker().equals(a.getWorkerAddress())) {
      if (p != null) {
        places.put(id, placeOf(a));
      }
      return;
    }
    Restart r =
        new Restart(
            p,
            "its worker process " + old.worker() + " died and it was restarted elsewhere",
            System.nanoTime());
    if (restarting.putIfAbsent(id, r) != null) {
      return; // a restart seen here settles it
    }
    places.replace(id, old, placeOf(a));
    holdInFlight(r, id, p, r.cause);
    finishRestart(r, a.getWorkerAddress(), a.getNodeId());
  }

  private ActorProxy proxyOrNull(ActorId id) {
    ActorProxy p = inflight.proxyOf(id);
    return p != null ? p : knownProxies.get(id);
  }

  /** Kills the proxies of the actors whose place {@code gone} selects, saying {@code why}. */
  void diedWhere(Predicate<Place> gone, String why) {
    for (Map.Entry<ActorId, Place> e : places.entrySet()) {
      if (gone.test(e.getValue())) {
        ActorProxy p = knownProxies.get(e.getKey());
        if (p != null) {
          p.kill(
              Failure.actorDied(
                  e.getKey().hex(),
                  p.className(),
                  "Actor " + e.getKey().hex() + " died, " + why + outOfRestarts(e.getKey(), p),
                  null));
        }
      }
    }
  }

  /** Why an actor whose process died is not restarted, if it could have been; else empty. */
  private String outOfRestarts(ActorId id, ActorProxy p) {
    int max;
    int done;
    if (id.prefix() == core.prefix()) {
      max = p.maxRestarts();
      done = restartsDone.getOrDefault(id, 0);
    } else {
      ActorInfo a = infos.get(id);
      if (a == null) {
        return "";
      }
      max = a.getMaxRestarts();
      done = a.getNumRestarts();
    }
    return max == 0
        ? ""
        : "; it is out of restarts (restarted " + done + " times, maxRestarts " + max + ")";
  }

  // --- restarts (R1-R5) ---

  /** Whether the actor {@code id} may restart once more (R1). */
  private boolean mayRestart(ActorId id, ActorProxy p) {
    if (id.prefix() == core.prefix()) {
      if (!creations.containsKey(id)) {
        return false;
      }
      int max = p.maxRestarts();
      return max == -1 || restartsDone.getOrDefault(id, 0) < max;
    }
    ActorInfo a = infos.get(id);
    return a != null
        && (a.getMaxRestarts() == -1 || a.getNumRestarts() < a.getMaxRestarts())
        && a.getMaxRestarts() != 0;
  }

  /**
   * Begins restarting the actors placed where {@code gone} selects that may restart (R1), saying
   * {@code why} their process is gone: their work in flight leaves the in-flight table, so call
   * this before it fails that place's work. The others are left to {@link #diedWhere}.
   */
  void restartWhere(Predicate<Place> gone, String why) {
    for (Map.Entry<ActorId, Place> e : places.entrySet()) {
      ActorId id = e.getKey();
      ActorProxy p = knownProxies.get(id);
      if (!gone.test(e.getValue()) || p == null || !mayRestart(id, p)) {
        continue;
      }
      Restart r = restarting.get(id);
      boolean again = r != null; // its restart's worker died while constructing (R4)
      if (r == null) {
        r = new Restart(p, why, System.nanoTime() + Rpc.actorRestartWaitMs() * 1_000_000L); // R1
        restarting.put(id, r);
      } else {
        r.cause = why;
      }
      if (!places.remove(id, e.getValue())) {
        continue;
      }
      if (!again && !p.restarting()) {
        restarting.remove(id, r);
        continue; // died meanwhile: killed() fails what it holds
      }
      holdInFlight(r, id, p, why);
      LOG.warn("Actor {} ({}) lost its process, {}; restarting it", id.hex(), p.className(), why);
      Restart started = r;
      if (id.prefix() == core.prefix()) {
        Thread.ofVirtual().name("manta-actor-restart").start(() -> replace(started));
      }
      if (!again) {
        // Calls wait for a restart only this long (its owner's placement, the constructor).
        java.util.concurrent.CompletableFuture.delayedExecutor(
                Rpc.actorRestartWaitMs(), java.util.concurrent.TimeUnit.MILLISECONDS)
            .execute(
                () ->
                    giveUp(
                        started,
                        "it did not run again within "
                            + Rpc.actorRestartWaitMs()
                            + " ms (manta.actor-restart-wait-ms)",
                        null));
      }
    }
  }

  /**
   * Takes the actor's work off the wire: calls to send again are held first, the rest fail (R2).
   */
  private void holdInFlight(Restart r, ActorId id, ActorProxy p, String why) {
    int retries;
    if (id.prefix() == core.prefix()) {
      retries = p.maxTaskRetries();
    } else {
      ActorInfo a = infos.get(id);
      retries = a == null ? 0 : a.getMaxTaskRetries();
    }
    List<TaskHandle> again = new java.util.ArrayList<>();
    List<TaskHandle> lost = new java.util.ArrayList<>();
    for (InflightTable.Entry f : inflight.takeActorWork(p)) {
      if (f.spec().kind() != dev.manta.runtime.spec.TaskSpec.Kind.ACTOR_CALL) {
        continue; // a creation: the restart sends it again (R3)
      }
      Map<dev.manta.runtime.id.TaskId, Integer> counts =
          resent.computeIfAbsent(id, k -> new ConcurrentHashMap<>());
      int n = counts.merge(f.spec().id(), 1, Integer::sum);
      if (retries == -1 || n <= retries) {
        again.add(f.spec());
      } else {
        counts.remove(f.spec().id());
        lost.add(f.spec());
      }
    }
    synchronized (r) {
      r.held.addAll(0, again);
    }
    for (TaskHandle t : lost) {
      inflight.failUnsent(
          t,
          Failure.actorDied(
              id.hex(),
              p.className(),
              "Actor "
                  + id.hex()
                  + " died, "
                  + why
                  + ", while call "
                  + t.displayName()
                  + " ran; the actor restarts, but "
                  + (retries == 0
                      ? "a call in flight is not sent again (maxTaskRetries is 0: at most once)"
                      : "this call was sent " + retries + " times already (maxTaskRetries)"),
              null));
    }
  }

  /** Places the creation of an actor owned here again, with backoff, until the deadline (R3). */
  private void replace(Restart r) {
    ActorProxy p = r.proxy;
    TaskHandle creation = creations.get(p.id());
    if (creation == null) {
      giveUp(r, "its creation is gone", null);
      return;
    }
    int n = restartsDone.merge(p.id(), 1, Integer::sum);
    long leftMs = Math.max(1, (r.deadlineNanos - System.nanoTime()) / 1_000_000L);
    LeaseGrant g;
    try {
      g =
          dev.manta.cluster.rpc.Backoff.untilDone(
              "Restarting actor " + p.id().hex(),
              leftMs,
              () -> placement.leaseForActor(creation, shared(p), p.detached(), p.jvmOptions()));
    } catch (RuntimeException e) {
      giveUp(
          r,
          "it could not be placed again within "
              + Rpc.actorRestartWaitMs()
              + " ms (manta.actor-restart-wait-ms): "
              + Rpc.rootMessage(e),
          null);
      return;
    }
    String agent = view.agentOf(g.getNodeId());
    synchronized (r) {
      if (r.done || restarting.get(p.id()) != r) {
        // given up meanwhile (killed): the new worker goes back
        Rpc.deadline(NodeAgentGrpc.newStub(channels.get(agent)))
            .returnLease(
                LeaseId.newBuilder().setLeaseId(g.getLeaseId()).build(), Callbacks.ignore());
        return;
      }
      places.put(p.id(), new Place(g.getWorkerAddress(), g.getNodeId(), g.getLeaseId(), agent));
    }
    LOG.info(
        "Restarting actor {} ({}) on node {} (restart {} of {})",
        p.id().hex(),
        p.className(),
        g.getNodeId(),
        n,
        p.maxRestarts() < 0 ? "unlimited" : Integer.toString(p.maxRestarts()));
    core.nextRestart(creation); // the new instance knows its restart; an older reply is dropped
    inflight.add(
        new InflightTable.Entry(
            creation, g.getWorkerAddress(), g.getNodeId(), 0, p, constructed.contains(p.id())));
    links.push(
        g.getWorkerAddress(),
        new Outgoing(
            creation.spec(), creation.attempt(), p.name(), Math.max(1, p.maxConcurrency())));
  }

  /** The actor runs again at {@code worker}: the held calls leave, then the proxy's (R2, R4). */
  private void finishRestart(Restart r, String worker, String nodeId) {
    ActorProxy p = r.proxy;
    if (!restarting.remove(p.id(), r)) {
      return; // settled already
    }
    Runnable resume =
        () -> {
          synchronized (r) {
            r.done = true;
            for (TaskHandle call : r.held) {
              inflight.add(new InflightTable.Entry(call, worker, nodeId, 0, p));
              links.push(worker, new Outgoing(call.spec(), call.attempt(), null, 0));
            }
            r.held.clear();
          }
          LOG.info("Actor {} ({}) runs again on node {}", p.id().hex(), p.className(), nodeId);
          p.placed();
        };
    if (p.id().prefix() == core.prefix()) {
      aliveThen(p, worker, nodeId, resume); // R5: the head lists it ALIVE before calls leave
    } else {
      resume.run();
    }
  }

  /** The restart failed: the actor dies, saying why, and the held calls fail with it (R4). */
  private void giveUp(Restart r, String why, Failure cause) {
    ActorProxy p = r.proxy;
    if (!restarting.remove(p.id(), r)) {
      return; // settled already
    }
    Failure death =
        Failure.actorDied(
            p.id().hex(),
            p.className(),
            "Actor " + p.id().hex() + " died, " + r.cause + "; " + why,
            cause);
    p.kill(death); // killed() marks it dead at the head and returns its lease
    failHeld(r, death);
  }

  private void failHeld(Restart r, Failure death) {
    List<TaskHandle> held;
    synchronized (r) {
      r.done = true;
      held = List.copyOf(r.held);
      r.held.clear();
    }
    for (TaskHandle t : held) {
      inflight.failUnsent(t, death);
    }
  }

  /**
   * An actor died in this process: a proxy (its calls in flight fail; if owned here, the head marks
   * it dead, its worker is told to kill it and its lease goes back), or an actor hosted here (the
   * head marks it dead and tells every holder of a handle).
   */
  void killed(ActorProxy actor) {
    // Its notices (kill, lease return, head update) must outlive a server call it may run in.
    Context.ROOT.run(() -> killedDetached(actor));
  }

  private void killedDetached(ActorProxy actor) {
    if (actor.isProxy()) {
      java.util.concurrent.CompletableFuture<Void> waiting = awaitingNode.remove(actor.id());
      if (waiting != null) {
        waiting.cancel(false); // A5: it was waiting for a node
      }
      knownProxies.remove(actor.id(), actor);
      awaitingPlacement.remove(actor.id(), actor);
      TaskHandle creation = creations.remove(actor.id());
      if (creation != null) {
        core.unpinArguments(creation); // R6: it never runs again
      }
      constructed.remove(actor.id());
      restartsDone.remove(actor.id());
      resent.remove(actor.id());
      ActorInfo known = infos.remove(actor.id());
      Place p = places.remove(actor.id());
      // In-flight calls fail with the death too, and the calls a restart held (R4).
      Failure why = actor.deathOrNull();
      Restart r = restarting.remove(actor.id());
      if (why != null) {
        inflight.failCalls(actor, why);
        if (r != null) {
          failHeld(r, why);
        }
      }
      boolean owner = actor.id().prefix() == core.prefix();
      if (owner && actor.detached() && actor.endedByShutdown()) {
        return; // R8: a detached actor outlives its creator's shutdown; the head takes it over
      }
      if (owner && !closed.getAsBoolean()) {
        // Synchronously, so a lookup by name right after kill() no longer finds it.
        try {
          head.updateAndWait(dead(actor, why == null ? "killed" : why.message()));
        } catch (StatusRuntimeException e) {
          LOG.warn("Could not mark actor {} dead at the head: {}", actor.id().hex(), e.toString());
        }
      }
      if (!owner && actor.killedByHandle() && !closed.getAsBoolean()) {
        killElsewhere(actor, p, known); // R7
        return;
      }
      if (p != null && owner) {
        Rpc.deadline(CoreWorkerGrpc.newStub(channels.get(p.worker())))
            .killActor(
                ActorInfo.newBuilder()
                    .setPrefix(actor.id().prefix())
                    .setSequence(actor.id().sequence())
                    .build(),
                Callbacks.ignore());
        if (p.leaseId() != 0 && !p.agent().isEmpty()) {
          Rpc.deadline(NodeAgentGrpc.newStub(channels.get(p.agent())))
              .returnLease(
                  LeaseId.newBuilder().setLeaseId(p.leaseId()).build(), Callbacks.ignore());
        }
      }
      return;
    }
    // Hosted here: the head marks it dead and tells every holder of a handle. The notice names
    // this worker, so the head drops it if the actor runs elsewhere by now (R5).
    Failure why = actor.deathOrNull();
    if (!closed.getAsBoolean()) {
      String self = selfAddress.get();
      head.update(
          dead(actor, why == null ? "it ended" : why.message()).toBuilder()
              .setWorkerAddress(self == null ? "" : self)
              .build());
    }
    hostedEnded.accept(actor);
  }

  /**
   * R7: a handle in this process killed an actor another process owns (its owner may be gone, as a
   * detached actor's): the head marks it dead (which tells its owner, if alive), its worker is told
   * to end it, and its lease goes back by the actor's id (this process does not know the lease).
   */
  private void killElsewhere(ActorProxy actor, Place p, ActorInfo known) {
    try {
      head.updateAndWait(dead(actor, "killed"));
    } catch (StatusRuntimeException e) {
      LOG.warn("Could not mark actor {} dead at the head: {}", actor.id().hex(), e.toString());
    }
    Place at = p;
    if (at == null) {
      ActorInfo a = known;
      if (a == null || a.getWorkerAddress().isEmpty()) {
        return; // not placed: the head's DEAD is all there is to say
      }
      at = placeOf(a);
    }
    ActorInfo id =
        ActorInfo.newBuilder()
            .setPrefix(actor.id().prefix())
            .setSequence(actor.id().sequence())
            .build();
    Rpc.deadline(CoreWorkerGrpc.newStub(channels.get(at.worker())))
        .killActor(id, Callbacks.ignore());
    if (!at.agent().isEmpty()) {
      Rpc.deadline(NodeAgentGrpc.newStub(channels.get(at.agent())))
          .returnLease(
              LeaseId.newBuilder()
                  .setActorPrefix(actor.id().prefix())
                  .setActorSequence(actor.id().sequence())
                  .build(),
              Callbacks.ignore());
    }
  }

  private static ActorInfo dead(ActorProxy actor, String reason) {
    return ActorInfo.newBuilder()
        .setPrefix(actor.id().prefix())
        .setSequence(actor.id().sequence())
        .setState(ActorState.DEAD)
        .setDeathReason(reason)
        .build();
  }

  /** An owner asked this process to kill an actor it hosts (a no-op if it is gone already). */
  void killHosted(ActorId id) {
    ActorProxy a = core.hostedActor(id);
    if (a != null) {
      a.kill(
          Failure.actorDied(
              a.id().hex(), a.className(), "Actor " + a.id().hex() + " was killed", null));
    }
  }
}
