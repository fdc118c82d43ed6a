package dev.manta.runtime.actor;

import dev.manta.ActorCall;
import dev.manta.ActorCreator;
import dev.manta.ActorHandle;
import dev.manta.MantaFunction;
import dev.manta.ObjectRef;
import dev.manta.runtime.serial.Leased;
import dev.manta.runtime.spec.JvmOptions;
import dev.manta.runtime.spec.ResourceSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Manta's actor handle. Made by {@code Manta.actor} it starts as a creator holding options; the
 * first use as a handle (or {@link #remote()}) creates the actor exactly once. Handles found by
 * name or deserialized are created from the start. Thread-safe.
 *
 * @param <A> the actor class
 */
public final class ActorHandleImpl<A> extends ActorCreator<A> implements Leased {
  /** Creation options, collected before the actor exists. */
  static final class Options {
    String name;
    int maxConcurrency = 1;
    int maxPendingCalls = DEFAULT_MAX_PENDING_CALLS;
    int maxRestarts;
    int maxTaskRetries;
    dev.manta.runtime.port.ActorProxy.Hosting hosting =
        dev.manta.runtime.port.ActorProxy.Hosting.JOB_DEFAULT;
    dev.manta.ActorLifetime lifetime = dev.manta.ActorLifetime.NON_DETACHED;
    double numCpus;
    final Map<String, Double> custom = new LinkedHashMap<>();
    ResourceSet resources = ResourceSet.EMPTY;
    java.util.List<String> jvmOptions = java.util.List.of();
    dev.manta.runtime.spec.LabelSelector labels = dev.manta.runtime.spec.LabelSelector.NONE;
  }

  private final ActorSystem system;
  private final ReentrantLock lock = new ReentrantLock();
  private MantaFunction ctor; // guarded by lock; null once created
  private Object[] ctorArgs; // guarded by lock
  private long ctorMask; // guarded by lock
  private Options options; // guarded by lock
  private volatile ActorInstance actor;
  private volatile Object lease; // keeps the actor alive while this handle is reachable

  ActorHandleImpl(ActorSystem system, MantaFunction ctor, Object[] args, long mask) {
    this.system = system;
    this.ctor = Objects.requireNonNull(ctor, "constructor");
    this.ctorArgs = args;
    this.ctorMask = mask;
    this.options = new Options();
  }

  ActorHandleImpl(ActorSystem system, ActorInstance actor) {
    this.system = system;
    this.actor = actor;
    this.lease = actor.lease();
  }

  @Override
  public Object lease() {
    actor();
    return lease;
  }

  /** The actor, creating it first if this is an unused creator. */
  ActorInstance actor() {
    ActorInstance a = actor;
    if (a != null) {
      return a;
    }
    lock.lock();
    try {
      if (actor == null) {
        Options o = options;
        o.resources = ResourceSet.of(o.numCpus, o.custom).withLabels(o.labels);
        ActorInstance created = system.create(ctor, ctorArgs, ctorMask, o);
        lease = created.lease();
        actor = created;
        ctor = null;
        ctorArgs = null;
        options = null;
      }
      return actor;
    } finally {
      lock.unlock();
    }
  }

  /** The system this handle belongs to. */
  public ActorSystem system() {
    return system;
  }

  /** The actor's id, creating the actor if needed. */
  public dev.manta.runtime.id.ActorId actorId() {
    return actor().id;
  }

  @Override
  public ActorHandle<A> remote() {
    actor();
    return this;
  }

  @Override
  public String id() {
    return actor().id.hex();
  }

  @Override
  public Optional<String> name() {
    ActorInstance a = actor;
    if (a != null) {
      return Optional.ofNullable(a.name);
    }
    lock.lock();
    try {
      return actor != null ? Optional.ofNullable(actor.name) : Optional.ofNullable(options.name);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void kill() {
    system.kill(actor(), "was killed");
  }

  @Override
  public dev.manta.ActorState state() {
    return actor().publicState();
  }

  @Override
  protected <R> ActorCall<R> newCall(MantaFunction method, Object[] args, long refMask) {
    ActorInstance a = actor();
    ActorHandleImpl<A> self = this;
    return new ActorCall<>() {
      @Override
      public ObjectRef<R> remote() {
        try {
          return system.call(a, method, args, refMask);
        } finally {
          java.lang.ref.Reference.reachabilityFence(self); // the handle's lease covers the call
        }
      }
    };
  }

  private Options editable() {
    if (actor != null) {
      throw new IllegalStateException(
          "The actor was already created (remote() was called or the handle was used);"
              + " set options before that");
    }
    return options;
  }

  @Override
  public ActorCreator<A> name(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("actor name must not be blank");
    }
    lock.lock();
    try {
      editable().name = name;
    } finally {
      lock.unlock();
    }
    return this;
  }

  @Override
  public ActorCreator<A> maxConcurrency(int maxConcurrency) {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
    }
    lock.lock();
    try {
      editable().maxConcurrency = maxConcurrency;
    } finally {
      lock.unlock();
    }
    return this;
  }

  @Override
  public ActorCreator<A> maxPendingCalls(int maxPendingCalls) {
    if (maxPendingCalls < 1) {
      throw new IllegalArgumentException("maxPendingCalls must be >= 1, was " + maxPendingCalls);
    }
    lock.lock();
    try {
      editable().maxPendingCalls = maxPendingCalls;
    } finally {
      lock.unlock();
    }
    return this;
  }

  @Override
  public ActorCreator<A> maxRestarts(int maxRestarts) {
    if (maxRestarts < -1) {
      throw new IllegalArgumentException(
          "maxRestarts must be >= 0, or -1 for unlimited; was " + maxRestarts);
    }
    lock.lock();
    try {
      editable().maxRestarts = maxRestarts;
    } finally {
      lock.unlock();
    }
    return this;
  }

  @Override
  public ActorCreator<A> maxTaskRetries(int maxTaskRetries) {
    if (maxTaskRetries < -1) {
      throw new IllegalArgumentException(
          "maxTaskRetries must be >= 0, or -1 for unlimited; was " + maxTaskRetries);
    }
    lock.lock();
    try {
      editable().maxTaskRetries = maxTaskRetries;
    } finally {
      lock.unlock();
    }
    return this;
  }

  @Override
  public ActorCreator<A> isolated(boolean isolated) {
    lock.lock();
    try {
      editable().hosting =
          isolated
              ? dev.manta.runtime.port.ActorProxy.Hosting.ISOLATED
              : dev.manta.runtime.port.ActorProxy.Hosting.SHARED;
    } finally {
      lock.unlock();
    }
    return this;
  }

  @Override
  public ActorCreator<A> lifetime(dev.manta.ActorLifetime lifetime) {
    Objects.requireNonNull(lifetime, "lifetime");
    lock.lock();
    try {
      editable().lifetime = lifetime;
    } finally {
      lock.unlock();
    }
    return this;
  }

  @Override
  public ActorCreator<A> jvmOptions(java.util.List<String> options) {
    java.util.List<String> checked = JvmOptions.check(options);
    lock.lock();
    try {
      editable().jvmOptions = checked;
    } finally {
      lock.unlock();
    }
    return this;
  }

  @Override
  public ActorCreator<A> labelSelector(Map<String, String> selector) {
    dev.manta.runtime.spec.LabelSelector s =
        dev.manta.runtime.spec.LabelSelector.of(checkedLabelSelector(selector));
    lock.lock();
    try {
      editable().labels = s;
    } finally {
      lock.unlock();
    }
    return this;
  }

  @Override
  public ActorCreator<A> numCpus(double cpus) {
    if (!(cpus >= 0) || Double.isInfinite(cpus)) {
      throw new IllegalArgumentException("numCpus must be a finite number >= 0, was " + cpus);
    }
    lock.lock();
    try {
      editable().numCpus = cpus;
    } finally {
      lock.unlock();
    }
    return this;
  }

  @Override
  public ActorCreator<A> resource(String resourceName, double quantity) {
    Objects.requireNonNull(resourceName, "resourceName");
    if (resourceName.equals("CPU")) {
      return numCpus(quantity);
    }
    if (!(quantity >= 0) || Double.isInfinite(quantity)) {
      throw new IllegalArgumentException(
          "resource '" + resourceName + "' must be a finite number >= 0, was " + quantity);
    }
    lock.lock();
    try {
      editable().custom.put(resourceName, quantity);
    } finally {
      lock.unlock();
    }
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActorHandleImpl<?> h && h.actor().id.equals(actor().id);
  }

  @Override
  public int hashCode() {
    return actor().id.hashCode();
  }

  /**
   * The actor's name, class and id, and whether it is alive or dead (as far as this process knows),
   * e.g. {@code ActorHandle('hits' Counter (3f2a…), alive)}; a creator not used yet says so.
   */
  @Override
  public String toString() {
    ActorInstance a = actor;
    if (a == null) {
      String n = name().map(s -> "'" + s + "' ").orElse("");
      return "ActorHandle(" + n + "not yet created)";
    }
    return "ActorHandle(" + a.describe() + ", " + (a.isDead() ? "dead" : "alive") + ")";
  }
}
