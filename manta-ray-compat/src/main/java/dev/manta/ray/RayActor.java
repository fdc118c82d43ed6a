package dev.manta.ray;

import io.ray.api.ActorHandle;
import io.ray.api.id.ActorId;
import java.util.Objects;

/**
 * Ray's actor handle: the Ray actor id, plus, where the handle was made by the JVM that created the
 * actor, the Manta actor that embodied it then and its {@link ActorSpec}. Plain data, so it can be
 * passed to tasks and stored in values. In the creating JVM calls look the actor up by id, which is
 * what lets a restarted actor keep its handles; in another JVM (a cluster worker that received the
 * handle) the Manta actor it carries is the route. Equality is the Ray id's. Immutable.
 *
 * @param <A> the actor class
 */
final class RayActor<A> implements ActorHandle<A> {
  private final ActorId id;
  private final dev.manta.ActorHandle<Object> manta; // null: made where the actor is unknown
  private final ActorSpec spec; // null with manta

  RayActor(ActorId id) {
    this(id, null, null);
  }

  RayActor(ActorId id, dev.manta.ActorHandle<Object> manta, ActorSpec spec) {
    this.id = Objects.requireNonNull(id, "id");
    this.manta = manta;
    this.spec = spec;
  }

  /** A handle of {@code record}'s actor that carries its current Manta actor. */
  static <A> RayActor<A> of(ActorRecord record) {
    return new RayActor<>(record.rayId, record.current(), record.spec());
  }

  @Override
  public ActorId getId() {
    return id;
  }

  /** The Manta actor this handle was made with, or null. */
  dev.manta.ActorHandle<Object> manta() {
    return manta;
  }

  /** The actor's spec, or null when {@link #manta()} is. */
  ActorSpec spec() {
    return spec;
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
