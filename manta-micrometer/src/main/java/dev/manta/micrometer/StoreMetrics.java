package dev.manta.micrometer;

import dev.manta.ObjectStoreStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * An object store's meters, read from its {@link ObjectStoreStats}: {@code
 * manta_object_store_memory_bytes{location}} for bytes {@code used} in memory, {@code pinned} and
 * {@code spilled} to disk (Ray's {@code ray_object_store_memory}), {@code
 * manta_object_store_capacity_bytes}, {@code manta_object_store_objects}, and the counters {@code
 * manta_object_store_spills_total}, {@code _restores_total}, {@code _evictions_total}, {@code
 * _reclaims_total} and {@code manta_object_store_reclaimed_bytes_total}.
 *
 * <p>Thread-safe. The statistics are read at most once per 500 ms, however many meters a scrape
 * reads (on a cluster driver each read asks the node's agent); a read that fails (the runtime shut
 * down, the agent gone) reports the last values. The registry holds this binder, and so its source,
 * strongly (Micrometer's gauges otherwise hold their object weakly and read NaN once it is
 * collected).
 */
public final class StoreMetrics implements MeterBinder {
  private static final long MEMO_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  private static final ObjectStoreStats NONE =
      new ObjectStoreStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  private final Supplier<ObjectStoreStats> source;
  private volatile Memo memo;

  /** The meters of the store whose statistics {@code source} reads. */
  public StoreMetrics(Supplier<ObjectStoreStats> source) {
    this.source = source;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    memory(registry, "used", ObjectStoreStats::usedBytes);
    memory(registry, "pinned", ObjectStoreStats::pinnedBytes);
    memory(registry, "spilled", ObjectStoreStats::spilledBytes);
    Gauge.builder("manta.object.store.capacity", this, x -> x.stats().capacityBytes())
        .description("Bytes the object store may hold in memory")
        .baseUnit("bytes")
        .strongReference(true)
        .register(registry);
    Gauge.builder("manta.object.store.objects", this, x -> x.stats().objectCount())
        .description("Objects in the object store, in memory or spilled")
        .strongReference(true)
        .register(registry);
    counter(registry, "spills", "Objects written to disk to make room", s -> s.spillsTotal());
    counter(registry, "restores", "Spilled objects read back", s -> s.restoresTotal());
    counter(registry, "evictions", "Objects evicted", s -> s.evictionsTotal());
    counter(
        registry,
        "reclaims",
        "Times the store freed unreachable objects before spilling",
        s -> s.reclaimsTotal());
    FunctionCounter.builder(
            "manta.object.store.reclaimed", this, x -> x.stats().reclaimedBytesTotal())
        .description("Bytes of unreachable objects the store freed before spilling")
        .baseUnit("bytes")
        .register(registry);
  }

  private void memory(
      MeterRegistry registry, String location, ToDoubleFunction<ObjectStoreStats> f) {
    Gauge.builder("manta.object.store.memory", this, x -> f.applyAsDouble(x.stats()))
        .description("Object store bytes by location: in memory, pinned, spilled to disk")
        .tag("location", location)
        .baseUnit("bytes")
        .strongReference(true)
        .register(registry);
  }

  private void counter(
      MeterRegistry registry, String name, String what, ToDoubleFunction<ObjectStoreStats> f) {
    FunctionCounter.builder("manta.object.store." + name, this, x -> f.applyAsDouble(x.stats()))
        .description(what)
        .register(registry);
  }

  private ObjectStoreStats stats() {
    long now = System.nanoTime();
    Memo m = memo;
    if (m == null || now - m.at > MEMO_NANOS) {
      try {
        m = new Memo(source.get(), now);
      } catch (RuntimeException e) {
        return m == null ? NONE : m.value;
      }
      memo = m;
    }
    return m.value;
  }

  private record Memo(ObjectStoreStats value, long at) {}
}
