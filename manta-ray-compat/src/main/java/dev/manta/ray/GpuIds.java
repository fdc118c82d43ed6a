package dev.manta.ray;

import io.ray.api.id.ActorId;
import io.ray.api.runtimecontext.ResourceValue;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded node's GPU instances (ids 0 to n-1 for its {@code GPU} resource n), handed to the
 * tasks and actors that ask for GPUs, as Ray's raylet assigns GPU ids: a whole GPU to one holder at
 * a time, fractions of one GPU shared while they sum to at most 1. What {@code
 * RuntimeContext.getGpuIds()} and {@code getAvailableResourceIds()} report. A task holds its ids
 * while it runs; an actor from its construction until it is killed or exits.
 *
 * <p>Embedded only: one pool per {@link MantaRayRuntime} of the embedded runtime. On a cluster the
 * nodes would have to assign them (not done: the ids are empty there).
 *
 * <p>Implementation notes: {@code use} (id to the share in use, 0 to 1) and {@code actors} are
 * guarded by this object's monitor; the holder of a task's ids is the thread running it ({@link
 * #TASK}), released in the same call. Manta's scheduler admits GPU work only up to the node's
 * quantity, so a request finds its share free; if not (a restart racing its predecessor's release)
 * it gets what is free, which may be fewer ids.
 */
final class GpuIds {
  private static volatile GpuIds current; // the embedded runtime's, or null

  /** The ids of the task this thread runs, with the share of each. */
  private static final ThreadLocal<Map<Long, Double>> TASK = new ThreadLocal<>();

  private final double[] use;
  private final Map<ActorId, Map<Long, Double>> actors = new HashMap<>();

  private GpuIds(int gpus) {
    this.use = new double[gpus];
  }

  /** Makes the pool of an embedded node with {@code gpus} GPUs the current one. */
  static void install(double gpus) {
    current = new GpuIds((int) Math.floor(gpus));
  }

  /** Forgets the pool (the embedded runtime stopped). */
  static void uninstall() {
    current = null;
  }

  /** The current pool, or null (not embedded, or no GPUs). */
  static GpuIds current() {
    GpuIds g = current;
    return g == null || g.use.length == 0 ? null : g;
  }

  /** Takes ids for {@code amount} GPUs: whole ones to itself, a fraction on a shared one. */
  synchronized Map<Long, Double> take(double amount) {
    Map<Long, Double> out = new LinkedHashMap<>();
    int whole = (int) Math.floor(amount);
    double part = amount - whole;
    for (int i = 0; i < use.length && out.size() < whole; i++) {
      if (use[i] == 0) {
        use[i] = 1;
        out.put((long) i, 1.0);
      }
    }
    if (part > 1e-9) {
      int best = -1; // the fullest GPU the fraction still fits on, so fractions pack as in Ray
      for (int i = 0; i < use.length; i++) {
        if (!out.containsKey((long) i)
            && use[i] + part <= 1 + 1e-9
            && (best < 0 || use[i] > use[best])) {
          best = i;
        }
      }
      if (best >= 0) {
        use[best] += part;
        out.put((long) best, part);
      }
    }
    return out;
  }

  /** Gives back what {@link #take} gave. */
  synchronized void give(Map<Long, Double> ids) {
    ids.forEach((id, share) -> use[id.intValue()] = Math.max(0, use[id.intValue()] - share));
  }

  /** Takes ids for actor {@code id}, held until {@link #releaseActor}. */
  void takeForActor(ActorId id, double amount) {
    Map<Long, Double> ids = take(amount);
    synchronized (this) {
      Map<Long, Double> old = actors.put(id, ids);
      if (old != null) {
        give(old); // an earlier instance's, not given back yet
      }
    }
  }

  /** Gives back actor {@code id}'s ids, if it holds any. */
  synchronized void releaseActor(ActorId id) {
    Map<Long, Double> ids = actors.remove(id);
    if (ids != null) {
      give(ids);
    }
  }

  synchronized Map<Long, Double> ofActor(ActorId id) {
    return actors.getOrDefault(id, Map.of());
  }

  /** Runs a task's body holding ids for {@code amount} GPUs. */
  static Object runTask(double amount, Body body) throws Exception {
    GpuIds g = current();
    if (g == null || amount <= 0) {
      return body.run();
    }
    Map<Long, Double> ids = g.take(amount);
    Map<Long, Double> previous = TASK.get();
    TASK.set(ids);
    try {
      return body.run();
    } finally {
      TASK.set(previous);
      g.give(ids);
    }
  }

  /** The GPU ids of the caller: of the actor it runs in, else of its task; empty if none. */
  static Map<Long, Double> ofCaller(ActorSpec actor) {
    GpuIds g = current();
    if (g == null) {
      return Map.of();
    }
    if (actor != null) {
      return g.ofActor(actor.rayId());
    }
    Map<Long, Double> t = TASK.get();
    return t == null ? Map.of() : t;
  }

  /** Ray's form: {@code GPU} to the ids with their shares; empty without GPU ids. */
  static Map<String, List<ResourceValue>> asResourceIds(Map<Long, Double> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<ResourceValue> values = new ArrayList<>();
    ids.forEach((id, share) -> values.add(resourceValue(id, share)));
    return Map.of("GPU", List.copyOf(values));
  }

  private static ResourceValue resourceValue(long id, double share) {
    try {
      // Ray's constructor is package-private (its runtime makes them); the API has no other
      Constructor<ResourceValue> c =
          ResourceValue.class.getDeclaredConstructor(long.class, double.class);
      c.setAccessible(true);
      return c.newInstance(id, share);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("Cannot make Ray's ResourceValue of this ray-api", e);
    }
  }

  /** A task's body. */
  interface Body {
    Object run() throws Exception;
  }
}
