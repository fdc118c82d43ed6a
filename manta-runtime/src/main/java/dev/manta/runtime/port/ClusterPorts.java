package dev.manta.runtime.port;

import dev.manta.MantaConfig;
import dev.manta.runtime.CoreWorker;
import dev.manta.runtime.actor.ActorInstance;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.store.ObjectStore;
import dev.manta.runtime.store.StoredValue;
import dev.manta.runtime.task.TaskRun;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * A core worker's ports to the world outside its process: where to run a task, where an actor
 * lives, where an object's bytes are, and who else exists. The embedded runtime implements them in
 * process (tasks go to the core's own scheduler, actors run on its threads); {@code manta-cluster}
 * implements them over gRPC, so the same core runs embedded, as a cluster driver or as a cluster
 * worker, with no mode switch inside it.
 *
 * <p>Every method may be called from any thread and must not block on the network unless its
 * documentation says so.
 */
public interface ClusterPorts {
  /** The node's object store; called once, first, while the core is being built. */
  ObjectStore openStore(MantaConfig config);

  /** Hands the port its core; called once, after the core is wired and before any work. */
  void attach(CoreWorker core);

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

  /** The job this process belongs to. */
  String jobId();

  /** This process's node id. */
  String nodeId();

  /**
   * Where to run a task: takes a READY spec owned here and runs it on some worker. The port
   * completes it later with {@link CoreWorker#completeRemote}.
   */
  void runTask(TaskRun t);

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
  void registerActor(ActorInstance proxy);

  /**
   * Where an actor lives: places the actor whose construction spec {@code creation} (READY) is
   * owned here. On success the port calls {@code proxy.constructed(null)}; on failure it completes
   * the spec with the failure. The actor runs up to {@code maxConcurrency} calls at once.
   */
  void createActor(TaskRun creation, ActorInstance proxy, int maxConcurrency);

  /** Sends a READY→RUNNING call to the remote actor behind {@code proxy}, in order. */
  void sendActorCall(TaskRun call, ActorInstance proxy);

  /**
   * An actor died in this process: a proxy (kill the actor it stands for, if it still lives), or an
   * actor hosted here (tell its owner and the head).
   */
  void actorKilled(ActorInstance actor);

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
   * proxy.constructed(null)} once the actor is placed, so that the calls queued in it leave, or
   * kills the proxy if the actor (or its owner) dies first. Does not block.
   */
  void awaitPlaced(ActorInstance proxy);

  /**
   * An object owned by another process whose ref was deserialized here: a local stand-in that the
   * port completes with the owner's value, or null if no process can serve it (the embedded
   * runtime: an id of a runtime shut down before). Called once per id while the stand-in lives.
   */
  OwnedObject borrow(ObjectId id);

  /** Starts fetching the value of a stand-in from {@link #borrow}, once a ref to it exists. */
  void fetchBorrowed(OwnedObject o);

  /** An object of this process's table was freed; {@code value} may be null. */
  void released(OwnedObject o, StoredValue value);

  /** Stops the port's connections and servers; the core is already shut down. */
  void shutdown();

  /**
   * Runs what the core registers to happen when an object becomes ready (a waiting task's
   * resolution, an actor's death, a user's callback): the port may complete objects on threads that
   * must never block, such as its transport's event loops, and then hands those actions to other
   * threads. The default runs them on the completing thread.
   */
  default Executor callbackExecutor() {
    return Runnable::run;
  }

  /**
   * An actor hosted elsewhere.
   *
   * @param id its id
   * @param name its name, or null
   * @param className its class's simple name
   * @param placed whether it runs on a worker already; if not, see {@link #awaitPlaced}
   */
  record RemoteActor(ActorId id, String name, String className, boolean placed) {}
}
