package dev.manta.cluster.worker;

import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorLookup;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.LeaseGrant;
import dev.manta.cluster.proto.LeaseId;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.cluster.rpc.TaskMessages.Outgoing;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.port.ActorProxy;
import dev.manta.runtime.port.ClusterPorts.RemoteActor;
import dev.manta.runtime.port.CoreAccess;
import dev.manta.runtime.port.TaskHandle;
import dev.manta.runtime.store.Failure;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Actors in a cluster, as this process sees them: where the actors it has proxies for run (placed
 * by this owner, or learned from the head's directory), the proxies of other owners' actors still
 * waiting to be placed, and the deaths of actors, reported to the head and to their workers. Where
 * actor restarts will live.
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

  /**
   * Proxies of actors other processes own that were still being placed when their handle arrived
   * here (A2): their calls queue until the head publishes the actor ALIVE, or fail when it
   * publishes it DEAD. Also in knownProxies.
   */
  private final Map<ActorId, ActorProxy> awaitingPlacement = new ConcurrentHashMap<>();

  /**
   * The actors of a process of job {@code jobId}, named in {@code namespace}; {@code hostedEnded}
   * runs with an actor hosted here once it died.
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
      Consumer<ActorProxy> hostedEnded) {
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
    publish(proxy, ActorState.PENDING, "", "");
  }

  /** Places an actor owned here on a node, on a thread of its own; does not block. */
  void create(TaskHandle creation, ActorProxy proxy) {
    knownProxies.put(proxy.id(), proxy);
    Thread.ofVirtual().start(() -> place(creation, proxy));
  }

  private void place(TaskHandle creation, ActorProxy proxy) {
    try {
      LeaseGrant g = placement.leaseForActor(creation); // registered PENDING by register
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

  /**
   * A creation's constructor succeeded: the head hears the actor is ALIVE where it runs, and the
   * calls queued in its proxy leave. Called by the in-flight table before the creation completes.
   */
  void created(InflightTable.Entry creation) {
    publish(creation.actor(), ActorState.ALIVE, creation.worker(), creation.nodeId());
    creation.actor().placed();
  }

  private void publish(ActorProxy a, ActorState state, String worker, String node) {
    ActorInfo.Builder b =
        ActorInfo.newBuilder()
            .setPrefix(a.id().prefix())
            .setSequence(a.id().sequence())
            .setNamespace(namespace)
            .setClassName(a.className())
            .setState(state)
            .setWorkerAddress(worker)
            .setNodeId(node)
            .setJobId(jobId);
    if (a.name() != null) {
      b.setName(a.name());
    }
    try {
      if (state == ActorState.PENDING) {
        head.register(b.build());
      } else {
        head.update(b.build());
      }
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        throw new IllegalArgumentException(e.getStatus().getDescription(), e);
      }
      throw new IllegalStateException(Rpc.explain(e, "head", headAddress), e);
    }
  }

  // --- calls ---

  /** Sends a call to the actor behind {@code proxy}, in order; fails it if it has no place (A3). */
  void send(TaskHandle call, ActorProxy proxy) {
    Place p = places.get(proxy.id());
    if (p == null) {
      inflight.failUnsent(
          call,
          Failure.actorDied(
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
    boolean placed = a.getState() == ActorState.ALIVE;
    if (placed) {
      places.putIfAbsent(id, placeOf(a));
    }
    return Optional.of(
        new RemoteActor(id, a.getName().isEmpty() ? null : a.getName(), a.getClassName(), placed));
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
    if (a.getState() == ActorState.ALIVE) {
      placed(new ActorId(a.getPrefix(), a.getSequence()), a);
    }
    if (a.getState() == ActorState.DEAD) {
      ActorId id = new ActorId(a.getPrefix(), a.getSequence());
      if (inflight.creating(id)) {
        return; // A4: its creation's own result says why, with the constructor's error
      }
      places.remove(id);
      placementFailed(id, a.getDeathReason());
      ActorProxy proxy = proxyOrNull(id);
      if (proxy != null) {
        proxy.kill(
            Failure.actorDied(
                id.hex(),
                proxy.className(),
                "Actor " + id.hex() + " died: " + a.getDeathReason(),
                null));
      }
    }
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
                  "Actor " + e.getKey().hex() + " died, " + why,
                  null));
        }
      }
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
      knownProxies.remove(actor.id(), actor);
      awaitingPlacement.remove(actor.id(), actor);
      Place p = places.remove(actor.id());
      // In-flight calls fail with the death too.
      Failure why = actor.deathOrNull();
      if (why != null) {
        inflight.failCalls(actor, why);
      }
      boolean owner = actor.id().prefix() == core.prefix();
      if (owner && !closed.getAsBoolean()) {
        // Synchronously, so a lookup by name right after kill() no longer finds it.
        try {
          head.updateAndWait(dead(actor, why == null ? "killed" : why.message()));
        } catch (StatusRuntimeException e) {
          LOG.warn("Could not mark actor {} dead at the head: {}", actor.id().hex(), e.toString());
        }
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
    // Hosted here: the head marks it dead and tells every holder of a handle.
    Failure why = actor.deathOrNull();
    if (!closed.getAsBoolean()) {
      head.update(dead(actor, why == null ? "it ended" : why.message()));
    }
    hostedEnded.accept(actor);
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
