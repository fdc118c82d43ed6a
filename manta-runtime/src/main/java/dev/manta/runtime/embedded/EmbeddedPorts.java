package dev.manta.runtime.embedded;

import dev.manta.MantaConfig;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.port.ActorProxy;
import dev.manta.runtime.port.ClusterPorts;
import dev.manta.runtime.port.CoreAccess;
import dev.manta.runtime.port.PortsFactory;
import dev.manta.runtime.port.TaskHandle;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.store.NodeStore;
import dev.manta.runtime.store.ObjectStore;
import dev.manta.runtime.store.StoreValue;
import dev.manta.runtime.store.StoredValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ports of the embedded runtime: everything stays in this process. Tasks go to the core's own
 * scheduler, actors run on the core's threads, objects live in a {@link NodeStore} of this process,
 * and nothing is ever borrowed from another process.
 *
 * <p>Implementation notes: its own factory; stateless after {@link #open}, which the core calls
 * once before any work; every method then runs on the caller's thread and completes nothing itself
 * (the core's scheduler and actor threads do).
 */
final class EmbeddedPorts implements PortsFactory, ClusterPorts {
  private final MantaConfig config;
  private final ResourceSet total;
  private final String jobId = String.format("%08x", new java.security.SecureRandom().nextInt());
  private ObjectStore store;
  private CoreAccess core;

  EmbeddedPorts(MantaConfig config) {
    this.config = config;
    this.total = ResourceSet.of(config.numCpus(), config.resources());
  }

  @Override
  public ObjectStore openStore(MantaConfig config) {
    store =
        new NodeStore(
            config.objectStoreBytes(), config.spillDirectory(), config.storeFullTimeout());
    return store;
  }

  @Override
  public ClusterPorts open(CoreAccess core) {
    this.core = core;
    return this;
  }

  @Override
  public boolean inProcess() {
    return true;
  }

  @Override
  public String describe() {
    return "embedded";
  }

  @Override
  public boolean feasible(ResourceSet demand) {
    return demand.feasibleOn(total, Map.of(), nodeId()); // the embedded node has no labels
  }

  @Override
  public Map<String, Double> totalResources() {
    Map<String, Double> totals = new LinkedHashMap<>();
    totals.put("CPU", config.numCpus());
    totals.putAll(config.resources());
    return totals;
  }

  @Override
  public String jobId() {
    return jobId;
  }

  @Override
  public String nodeId() {
    return "embedded";
  }

  @Override
  public void runTask(TaskHandle t) {
    core.runLocally(t);
  }

  @Override
  public void registerActor(ActorProxy actor) {
    // Nothing else could look it up.
  }

  @Override
  public void createActor(TaskHandle creation, ActorProxy actor) {
    core.startActorHere(creation, actor);
  }

  @Override
  public void sendActorCall(TaskHandle call, ActorProxy proxy) {
    throw new IllegalStateException("embedded actors run their calls themselves: " + call);
  }

  @Override
  public void actorKilled(ActorProxy actor) {
    // No other process knows it.
  }

  @Override
  public Optional<RemoteActor> findActor(String name) {
    return Optional.empty();
  }

  @Override
  public Optional<RemoteActor> findActor(ActorId id) {
    return Optional.empty();
  }

  @Override
  public void awaitPlaced(ActorProxy proxy) {
    throw new IllegalStateException("embedded actors are never placed elsewhere: " + proxy);
  }

  @Override
  public boolean canBorrow() {
    return false; // an id of another runtime (one shut down before): it is gone
  }

  @Override
  public void borrowed(ObjectId id) {
    throw new IllegalStateException("nothing is borrowed in the embedded runtime: " + id.hex());
  }

  @Override
  public void fetchBorrowed(ObjectId id) {
    throw new IllegalStateException("nothing is borrowed in the embedded runtime: " + id.hex());
  }

  @Override
  public void released(ObjectId id, StoredValue value) {
    if (value instanceof StoreValue sv) {
      store.free(sv.id());
    }
  }

  @Override
  public void shutdown() {
    // The core closed the store; nothing else is open.
  }
}
