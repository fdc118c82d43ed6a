package dev.manta.ray;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A Ray actor where it lives: the user's instance, what it is ({@link ActorSpec}), and the permits
 * of its concurrency groups. Manta holds this object as the actor; a Ray method call unwraps it
 * (see {@link RayFunction#invoke}). Built by the constructor call where the actor runs, so neither
 * the instance nor the permits are ever serialized: the instance's class may hold threads, locks or
 * anything else, and each group's bound holds across all of the actor's methods.
 *
 * <p>Thread-safe: immutable after construction; the semaphores are thread-safe.
 */
final class HostedActor {
  /*
   * Implementation notes
   *  I1  a call in group g holds one permit of groups.get(g) (of defaultGroup for the default
   *      group) while it runs, so at most maxConcurrency(g) calls of g run at once; the Manta
   *      actor's maxConcurrency is the sum over groups, so every group can run its share.
   *  I2  a group of concurrency 1 (the default group too) runs its calls on one thread of its
   *      own (groupThreads), handed over as for a single-threaded actor, so thread-locals keep
   *      their values between its calls as Ray Java promises; its calls need no permit.
   *  Such an actor is multi-threaded: calls may start out of submission order, even within a
   *  group of concurrency 1 (Ray guarantees order only for single-threaded actors). Manta's
   *  mailbox is one FIFO, so a call waiting for a full group holds a slot and can delay a later
   *  call of another group (Ray queues per group).
   */
  final Object instance;
  final ActorSpec spec;

  /** The spec and Manta's context of the construction, set on the threads running its calls. */
  final RayFunction.Executing executing;

  /**
   * The actor's one thread, for a single-threaded actor ({@link ActorSpec#singleThreaded}), else
   * null. Manta's mailbox runs calls one at a time but on whichever of its drainer threads is
   * running; a Ray actor of concurrency 1 promises one thread, so each call is handed to this
   * executor and its drainer waits for it. A virtual thread; the executor shuts itself down once
   * the actor is unreachable (JDK 21's single-thread executors do).
   */
  private final ExecutorService thread;

  private final Semaphore defaultGroup;
  private final Map<String, Semaphore> groups = new HashMap<>();

  /** The one thread of each group of concurrency 1 ({@code ""}: the default group) (I2). */
  private final Map<String, ExecutorService> groupThreads = new HashMap<>();

  HostedActor(Object instance, RayFunction.Executing executing) {
    ActorSpec spec = executing.spec();
    this.instance = instance;
    this.spec = spec;
    this.executing = executing;
    this.defaultGroup = spec.groups().isEmpty() ? null : new Semaphore(spec.defaultConcurrency());
    spec.groups().forEach((name, n) -> groups.put(name, new Semaphore(n)));
    if (!spec.groups().isEmpty()) {
      if (spec.defaultConcurrency() == 1) {
        groupThreads.put("", oneThread(spec, "default"));
      }
      spec.groups()
          .forEach(
              (name, n) -> {
                if (n == 1) {
                  groupThreads.put(name, oneThread(spec, name));
                }
              });
    }
    this.thread =
        spec.singleThreaded()
            ? Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("ray-actor-" + spec.rayId()).factory())
            : null;
  }

  private static ExecutorService oneThread(ActorSpec spec, String group) {
    return Executors.newSingleThreadExecutor(
        Thread.ofVirtual().name("ray-actor-" + spec.rayId() + "-" + group).factory());
  }

  /**
   * The one thread that runs calls of {@code group} ({@code ""}: the default group; null: no group
   * named): the actor's thread if it is single-threaded, else the thread of a group of concurrency
   * 1 (I2), else null (the call runs on Manta's drainer thread under {@link #permits}).
   */
  ExecutorService thread(String group) {
    if (thread != null || group == null) {
      return thread;
    }
    return groupThreads.get(group);
  }

  /**
   * The permits of {@code group} ({@code ""}: the default group), or null when the actor has no
   * concurrency groups or {@code group} is null.
   *
   * @throws IllegalArgumentException if the actor has no such group (the caller checked it, so this
   *     means the caller and this instance disagree about the actor)
   */
  Semaphore permits(String group) {
    if (group == null || defaultGroup == null) {
      return null;
    }
    if (group.isEmpty()) {
      return defaultGroup;
    }
    Semaphore s = groups.get(group);
    if (s == null) {
      throw new IllegalArgumentException(
          "Actor " + spec.describe() + " has no concurrency group '" + group + "'");
    }
    return s;
  }
}
