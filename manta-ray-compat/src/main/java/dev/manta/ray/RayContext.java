package dev.manta.ray;

import io.ray.api.BaseActorHandle;
import io.ray.api.id.ActorId;
import io.ray.api.id.JobId;
import io.ray.api.id.TaskId;
import io.ray.api.id.UniqueId;
import io.ray.api.runtimecontext.ActorInfo;
import io.ray.api.runtimecontext.ActorState;
import io.ray.api.runtimecontext.Address;
import io.ray.api.runtimecontext.NodeInfo;
import io.ray.api.runtimecontext.RuntimeContext;
import io.ray.api.runtimeenv.RuntimeEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ray's {@link RuntimeContext} for the calling thread, a snapshot taken by {@code
 * Ray.getRuntimeContext()}. Immutable.
 */
final class RayContext implements RuntimeContext {
  private final MantaRayRuntime runtime;
  private final dev.manta.RuntimeContext manta;
  private final ActorSpec actor;

  RayContext(MantaRayRuntime runtime, dev.manta.RuntimeContext manta, ActorSpec actor) {
    this.runtime = runtime;
    this.manta = manta;
    this.actor = actor;
  }

  @Override
  public JobId getCurrentJobId() {
    return RayIds.job(manta.jobId());
  }

  /** {@inheritDoc} {@link TaskId#NIL} outside tasks and actor methods (in the driver). */
  @Override
  public TaskId getCurrentTaskId() {
    return manta.taskId().map(RayIds::task).orElse(TaskId.NIL);
  }

  /** {@inheritDoc} {@link ActorId#NIL} outside actors. */
  @Override
  public ActorId getCurrentActorId() {
    return actor == null ? ActorId.NIL : actor.rayId();
  }

  @Override
  public boolean wasCurrentActorRestarted() {
    return actor != null && actor.restart() > 0;
  }

  /** {@inheritDoc} True for Manta's embedded runtime: everything runs in this process. */
  @Override
  public boolean isLocalMode() {
    return manta.isEmbedded();
  }

  /**
   * {@inheritDoc} Manta's nodes ({@code Manta.nodes()}): the embedded runtime's one node, or every
   * node of the cluster, dead ones included. The address is the node agent's; the object store and
   * raylet socket names are empty (Manta has neither); labels are the node's own ({@code manta
   * start --labels}; embedded, {@code ray.head-args} {@code --labels}) and {@code ray.io/node-id},
   * the node's id in hex.
   */
  @Override
  public List<NodeInfo> getAllNodeInfo() {
    List<NodeInfo> out = new ArrayList<>();
    for (dev.manta.Node n : runtime.manta().nodes()) {
      UniqueId id = RayIds.node(n.id());
      String host = "127.0.0.1";
      int port = 0;
      int colon = n.address().lastIndexOf(':');
      if (colon > 0) {
        host = n.address().substring(0, colon);
        port = Integer.parseInt(n.address().substring(colon + 1));
      }
      Map<String, String> labels = new java.util.TreeMap<>(n.labels());
      if (manta.isEmbedded()) {
        labels.putAll(runtime.headLabels()); // ray.head-args --labels: the one node's
      }
      labels.put(NODE_ID_LABEL, id.toString());
      out.add(
          new NodeInfo(id, host, host, port, "", "", n.alive(), Map.copyOf(n.resources()), labels));
    }
    return out;
  }

  /** The label every node carries, as in Ray: its node id in hex. */
  static final String NODE_ID_LABEL = "ray.io/node-id";

  @Override
  public List<ActorInfo> getAllActorInfo() {
    return getAllActorInfo(null, null);
  }

  /**
   * {@inheritDoc} Every actor belongs to this runtime's one job. States are Ray's: {@code
   * PENDING_CREATION} until the constructor ran, {@code ALIVE}, {@code RESTARTING} while a restart
   * (after its process died, or after {@code Ray.kill} with restarts left) is under way, {@code
   * DEAD}.
   */
  @Override
  public List<ActorInfo> getAllActorInfo(JobId jobId, ActorState state) {
    List<ActorInfo> out = new ArrayList<>();
    if (jobId != null && !jobId.equals(getCurrentJobId())) {
      return out;
    }
    Address address = new Address(RayIds.EMBEDDED_NODE, "127.0.0.1", 0);
    for (ActorRecord r : runtime.actors()) {
      ActorState s = r.rayState();
      if (state == null || state == s) {
        out.add(new ActorInfo(r.rayId, s, r.restarts(), address, r.name == null ? "" : r.name));
      }
    }
    return out;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException outside actors
   */
  @Override
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // Ray's signature
  public <T extends BaseActorHandle> T getCurrentActorHandle() {
    if (actor == null) {
      throw new IllegalStateException(
          "getCurrentActorHandle() must be called from inside an actor method");
    }
    ActorRecord r = runtime.knownActor(actor.rayId());
    if (r != null) {
      return (T) RayActor.of(r);
    }
    // Created by another Ray runtime (this is the actor's cluster worker): a handle to the Manta
    // actor that embodies it, so that the actor can call itself and pass itself on.
    dev.manta.RuntimeContext built = RayFunction.executingMantaContext();
    Optional<dev.manta.ActorHandle<Object>> self =
        built == null ? Optional.empty() : built.<Object>currentActor();
    return (T)
        self.map(h -> new RayActor<>(actor.rayId(), h, actor))
            .orElseGet(() -> new RayActor<>(actor.rayId()));
  }

  /**
   * {@inheritDoc} Embedded: the ids of the node's GPUs the calling task or actor holds (whole GPUs
   * are its own, fractions share one id), as Ray assigns them; on a cluster, empty.
   */
  @Override
  public List<Long> getGpuIds() {
    return List.copyOf(GpuIds.ofCaller(actor).keySet());
  }

  @Override
  public String getNamespace() {
    return runtime.getNamespace();
  }

  @Override
  public UniqueId getCurrentNodeId() {
    return RayIds.node(manta.nodeId());
  }

  /** {@inheritDoc} Runtime environments are not supported: always null. */
  @Override
  public RuntimeEnv getCurrentRuntimeEnv() {
    return null;
  }

  /** Manta's context (mode, job, node, task, actor, resources) and the namespace. */
  @Override
  public String toString() {
    return "Ray" + manta + " in namespace " + getNamespace();
  }
}
