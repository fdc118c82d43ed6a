package dev.manta.runtime.port;

import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.StoredValue;
import java.util.Map;
import java.util.Optional;

/**
 * A core worker's ports to the world outside its process: where to run a task, where an actor
 * lives, where an object's bytes are, and who else exists. The embedded runtime implements them in
 * process (tasks go to the core's own scheduler, actors run on its threads); {@code manta-cluster}
 * implements them over gRPC, so the same core runs embedded, as a cluster driver or as a cluster
 * worker, with no mode switch inside it.
 *
 * <p>A {@link PortsFactory} opens them, given the core's {@link CoreAccess}, through which alone
 * they act on the core. Every method may be called from any thread and must not block on the
 * network unless its documentation says so.
 */
public interface ClusterPorts {
  /**
   * Starts serving (servers, subscriptions, registration): called once, after the core is fully
   * wired. Until then the ports must not call {@link CoreAccess}. The default does nothing.
   */
  default void start() {}

  /**
   * Whether actors created here run in this process (the embedded runtime) rather than behind a
   * proxy that forwards their calls to another process.
   */
  boolean inProcess();

  /** Where this core runs, for logs and summaries: {@code embedded}, or the cluster node. */
  String describe();

  /** Whether some node could ever run a task or actor demanding {@code demand}. */
  boolean feasible(ResourceSet demand);

  /** A description of the cluster's resources, for errors and the runtime context. */
  Map<String, Double> totalResources();

  /** This process's node id. */
  String nodeId();

  /**
   * Every node known (alive or dead), sorted by id; for {@code Manta.nodes()}. By default this
   * process's node alone, with {@link #totalResources()} and no labels.
   */
  default java.util.List<dev.manta.Node> nodes() {
    return java.util.List.of(
        new dev.manta.Node(nodeId(), "", true, totalResources(), java.util.Map.of()));
  }

  /**
   * Where to run a task: takes a READY task owned here and runs it on some worker (or here, with
   * {@link CoreAccess#runLocally}). The port completes it later with {@link CoreAccess#complete}.
   */
  void runTask(TaskHandle t);

  /**
   * Makes an actor that was just created here known to the whole cluster, as pending, so that any
   * process receiving a handle to it can find it. Called once per actor, before {@code
   * Manta.actor(..).remote()} returns and so before any handle to it can leave this process; the
   * actor's placement ({@link #createActor}) may come much later, once its constructor's arguments
   * are ready. Blocks for one round trip to the head.
   *
   * @throws IllegalArgumentException if the actor's name is taken in this job's namespace
   * @throws IllegalStateException if the head cannot be reached
   */
  void registerActor(ActorProxy proxy);

  /**
   * Where an actor lives: places the actor whose construction spec {@code creation} (READY) is
   * owned here. On success the port calls {@link ActorProxy#placed()}; on failure it completes the
   * creation with the failure. The actor runs up to {@link ActorProxy#maxConcurrency()} calls at
   * once.
   */
  void createActor(TaskHandle creation, ActorProxy proxy);

  /** Sends a READY→RUNNING call to the remote actor behind {@code proxy}, in order. */
  void sendActorCall(TaskHandle call, ActorProxy proxy);

  /**
   * An actor died in this process: a proxy (kill the actor it stands for, if it still lives), or an
   * actor hosted here (tell its owner and the head).
   */
  void actorKilled(ActorProxy actor);

  /**
   * Cancels a task owned here that is on the wire to a worker of another process: if it is, the
   * port completes it with {@code why} (its result is dropped when it comes), asks its worker to
   * interrupt it (with {@code force}, to exit at once) and returns true. False if it is not on the
   * wire (not yet sent, or run here): the core cancels it itself. Does not block.
   */
  default boolean cancelRemote(TaskHandle t, Failure why, boolean force) {
    return false;
  }

  /**
   * Looks up a named actor in this job's namespace, placed or still being placed; empty if it is
   * dead or unknown. Blocks for one round trip, never until the actor is placed.
   */
  Optional<RemoteActor> findActor(String name);

  /**
   * Looks up an actor by id, for a deserialized handle: placed or still being placed; empty if it
   * is dead or unknown. Blocks for one round trip, never until the actor is placed.
   */
  Optional<RemoteActor> findActor(ActorId id);

  /**
   * For a proxy built here from a {@link RemoteActor} that was not yet placed: calls {@code
   * ActorProxy#placed()} once the actor is placed, so that the calls queued in it leave, or kills
   * the proxy if the actor (or its owner) dies first. Does not block.
   */
  void awaitPlaced(ActorProxy proxy);

  /**
   * Whether objects owned by other processes can be borrowed here; if not (the embedded runtime), a
   * ref to an id this process does not know is gone (an id of a runtime shut down before).
   */
  boolean canBorrow();

  /**
   * The core made a stand-in for object {@code id}, owned by another process, whose ref was
   * deserialized here: the port registers the borrow with the owner. Called once per stand-in.
   * Blocks for one round trip.
   */
  void borrowed(ObjectId id);

  /**
   * Starts fetching the value of stand-in {@code id} from its owner, once a ref to it exists; the
   * port completes it with {@link CoreAccess#completeObject}. Does not block.
   */
  void fetchBorrowed(ObjectId id);

  /**
   * Waits at most {@code timeoutNanos} (0: does not wait), and no longer than the cluster takes to
   * declare a silent node dead, until node {@code nodeId} is known dead: returns why it died, or
   * null if it is alive then. A core asks when it could not read an object's bytes from that node,
   * to tell a lost object from a passing error. The embedded runtime has no other node: null.
   */
  default String awaitNodeDeath(String nodeId, long timeoutNanos) {
    return null;
  }

  /**
   * Why the bytes of {@code v}, a ready value of this process's table, are known lost now: the node
   * holding them (a {@link dev.manta.runtime.store.RemoteValue}'s, or this process's node for a
   * {@link dev.manta.runtime.store.StoreValue}) is already known dead; else null, also for values
   * that live in this process's memory. Never blocks.
   */
  default String knownLost(StoredValue v) {
    String node = nodeOf(v);
    return node == null ? null : awaitNodeDeath(node, 0);
  }

  /**
   * The node holding the bytes of {@code v}: a {@link dev.manta.runtime.store.RemoteValue}'s, this
   * process's for a {@link dev.manta.runtime.store.StoreValue}; null for a value in memory (or
   * null).
   */
  default String nodeOf(StoredValue v) {
    return v instanceof dev.manta.runtime.store.RemoteValue rv
        ? rv.nodeId()
        : v instanceof dev.manta.runtime.store.StoreValue ? nodeId() : null;
  }

  /** Object {@code id} of this process's table was freed; {@code value} may be null. */
  void released(ObjectId id, StoredValue value);

  /** Stops the port's connections and servers; the core is already shut down. */
  void shutdown();

  /**
   * An actor hosted elsewhere.
   *
   * @param id its id
   * @param name its name, or null
   * @param className its class's simple name
   * @param placed whether it runs on a worker already; if not, see {@link #awaitPlaced}
   * @param maxPendingCalls the limit its creator set; a proxy here counts this process's calls
   *     against it (each caller has its own count, as in Ray)
   */
  record RemoteActor(
      ActorId id, String name, String className, boolean placed, int maxPendingCalls) {}
}
