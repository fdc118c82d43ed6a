package dev.manta.ray;

import io.ray.api.ActorHandle;
import io.ray.api.id.ActorId;
import java.util.Objects;

/**
 * Ray's actor handle: just the Ray actor id, so it can be passed to tasks and stored in values as
 * plain data. Calls look the actor up in the runtime by id, which is what lets a restarted actor
 * keep its handles. Immutable.
 *
 * @param <A> the actor class
 */
final class RayActor<A> implements ActorHandle<A> {
  private final ActorId id;

  RayActor(ActorId id) {
    this.id = Objects.requireNonNull(id, "id");
  }

  @Override
  public ActorId getId() {
    return id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RayActor<?> a && a.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "ActorHandle(" + id + ")";
  }
}
