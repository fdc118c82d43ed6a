package dev.manta.cluster.agent;

import dev.manta.ObjectStoreStats;
import dev.manta.micrometer.StoreMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A node agent's meters: its object store ({@link StoreMetrics}), its worker JVMs ({@code
 * manta_workers{state="all"|"idle"}}, {@code manta_worker_start_seconds{stat="median"|"max"}} over
 * the JVM starts so far), its resources ({@code manta_resources{resource, state="total"|
 * "available"}}), and the objects it pulled from other nodes ({@code manta_object_transfers_total},
 * {@code manta_object_transfer_bytes_total}).
 *
 * <p>Thread-safe: every meter reads the agent's thread-safe state when scraped. The gauges hold
 * their objects strongly (Micrometer's default is weakly, and this binder's objects have no other
 * holder); the counters read the agent's own counters, which the agent holds.
 */
final class NodeMetrics implements MeterBinder {
  private final Supplier<ObjectStoreStats> store;
  private final WorkerPool pool;
  private final Map<String, Double> total;
  private final Supplier<Map<String, Double>> available;
  private final AtomicLong pulls;
  private final AtomicLong pulledBytes;

  NodeMetrics(
      Supplier<ObjectStoreStats> store,
      WorkerPool pool,
      Map<String, Double> total,
      Supplier<Map<String, Double>> available,
      AtomicLong pulls,
      AtomicLong pulledBytes) {
    this.store = store;
    this.pool = pool;
    this.total = Map.copyOf(total);
    this.available = available;
    this.pulls = pulls;
    this.pulledBytes = pulledBytes;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    new StoreMetrics(store).bindTo(registry);
    Gauge.builder("manta.workers", pool, WorkerPool::size)
        .description("Worker JVMs of this node: all live ones, and the idle ones among them")
        .tag("state", "all")
        .strongReference(true)
        .register(registry);
    Gauge.builder("manta.workers", pool, WorkerPool::idleCount)
        .description("Worker JVMs of this node: all live ones, and the idle ones among them")
        .tag("state", "idle")
        .strongReference(true)
        .register(registry);
    Gauge.builder("manta.worker.start", pool, p -> startSeconds(p, false))
        .description("Worker JVM start times so far (launch to booted): median and max")
        .tag("stat", "median")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
    Gauge.builder("manta.worker.start", pool, p -> startSeconds(p, true))
        .description("Worker JVM start times so far (launch to booted): median and max")
        .tag("stat", "max")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
    for (String r : total.keySet()) {
      Gauge.builder("manta.resources", total, t -> t.get(r))
          .description("This node's resources: its total, and what is not reserved")
          .tag("resource", r)
          .tag("state", "total")
          .strongReference(true)
          .register(registry);
      Gauge.builder("manta.resources", available, a -> a.get().getOrDefault(r, 0.0))
          .description("This node's resources: its total, and what is not reserved")
          .tag("resource", r)
          .tag("state", "available")
          .strongReference(true)
          .register(registry);
    }
    FunctionCounter.builder("manta.object.transfers", pulls, AtomicLong::get)
        .description("Objects this node pulled from other nodes")
        .register(registry);
    FunctionCounter.builder("manta.object.transfer", pulledBytes, AtomicLong::get)
        .description("Bytes this node pulled from other nodes")
        .baseUnit("bytes")
        .register(registry);
  }

  private static double startSeconds(WorkerPool pool, boolean max) {
    List<Long> micros = new ArrayList<>(pool.bootMicros());
    if (micros.isEmpty()) {
      return 0;
    }
    Collections.sort(micros);
    long m = max ? micros.get(micros.size() - 1) : micros.get(micros.size() / 2);
    return m / 1e6;
  }
}
