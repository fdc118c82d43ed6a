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

  @Override
  public List<NodeInfo> getAllNodeInfo() {
    return List.of(
        new NodeInfo(
            RayIds.EMBEDDED_NODE,
            "127.0.0.1",
            "localhost",
            0,
            "",
            "",
            true,
            Map.copyOf(manta.totalResources()),
            Map.of()));
  }

  @Override
  public List<ActorInfo> getAllActorInfo() {
    return getAllActorInfo(null, null);
  }

  /** {@inheritDoc} Every actor belongs to this runtime's one job. */
  @Override
  public List<ActorInfo> getAllActorInfo(JobId jobId, ActorState state) {
    List<ActorInfo> out = new ArrayList<>();
    if (jobId != null && !jobId.equals(getCurrentJobId())) {
      return out;
    }
    Address address = new Address(RayIds.EMBEDDED_NODE, "127.0.0.1", 0);
    for (ActorRecord r : runtime.actors()) {
      ActorState s = r.isDead() ? ActorState.DEAD : ActorState.ALIVE;
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
    return (T) (r != null ? RayActor.of(r) : new RayActor<>(actor.rayId()));
  }

  /** {@inheritDoc} Manta does not assign GPU ids: always empty. */
  @Override
  public List<Long> getGpuIds() {
    return List.of();
  }

  @Override
  public String getNamespace() {
    return runtime.getNamespace();
  }

  @Override
  public UniqueId getCurrentNodeId() {
    return RayIds.EMBEDDED_NODE;
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
