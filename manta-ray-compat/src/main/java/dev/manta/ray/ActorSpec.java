package dev.manta.ray;

import io.ray.api.id.ActorId;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a Ray actor's constructor carries to wherever the actor lives (this JVM when embedded, a
 * worker JVM on a cluster): plain data, so the constructor function stays a value that can be
 * shipped, compared and cached. The actor instance is never serialized; it is built from the
 * constructor and its arguments where it lives, with a {@link HostedActor} around it.
 *
 * @param rayId the Ray actor id its handles carry
 * @param name the actor's Ray name, or null
 * @param restart 0 for the first instance, n for the n-th restart
 * @param defaultConcurrency calls of the default group that may run at once, or 0 when the actor
 *     has no concurrency groups (then Manta's {@code maxConcurrency} alone bounds its calls)
 * @param groups each concurrency group's name and maxConcurrency, in declaration order
 * @param singleThreaded maxConcurrency 1 and no concurrency groups: every call runs on the actor's
 *     one thread, as Ray promises such an actor (so thread-locals keep their values between calls)
 */
record ActorSpec(
    ActorId rayId,
    String name,
    int restart,
    int defaultConcurrency,
    Map<String, Integer> groups,
    boolean singleThreaded)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  ActorSpec {
    Objects.requireNonNull(rayId, "rayId");
    // declaration order (Map.copyOf loses it), read-only, serializable
    groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
  }

  /** The spec of the same actor's {@code restartNumber}-th restart. */
  ActorSpec restarted(int restartNumber) {
    return new ActorSpec(rayId, name, restartNumber, defaultConcurrency, groups, singleThreaded);
  }

  /** {@code 'name' id}, or the id alone, for messages. */
  String describe() {
    return (name == null ? "" : "'" + name + "' ") + rayId;
  }
}
