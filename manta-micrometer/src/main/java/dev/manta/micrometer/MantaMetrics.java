package dev.manta.micrometer;

import dev.manta.Manta;
import dev.manta.runtime.CoreWorker;
import dev.manta.runtime.metrics.CoreMetrics;
import dev.manta.spi.MantaRuntime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Binds a Manta runtime's metrics to a Micrometer {@link MeterRegistry}: in embedded mode, a
 * program passes its own registry; every cluster process binds its own to its Prometheus endpoint.
 *
 * <pre>{@code
 * Manta.init();
 * new MantaMetrics().bindTo(registry);
 * }</pre>
 *
 * <p>Meters (Prometheus names; the registry's naming convention applies to others):
 *
 * <ul>
 *   <li>{@code manta_tasks{kind, state}}: runs by {@code kind} ({@code task}, {@code actor_call},
 *       {@code actor_creation}) and {@code state}: {@code running} now, and {@code finished},
 *       {@code failed}, {@code cancelled} since the runtime started (Ray's {@code ray_tasks});
 *   <li>{@code manta_task_duration_seconds{kind}}: a histogram of run times, start to stored
 *       result, recorded only while bound;
 *   <li>{@code manta_actors{state="alive"}}: actors alive in this process;
 *   <li>{@code manta_object_refs}: objects this process's reference table tracks;
 *   <li>the meters of the object store this process uses ({@link StoreMetrics}): on a cluster, its
 *       node's.
 * </ul>
 *
 * <p>Tasks are not labelled by function name: a label per function would cost a map lookup per run
 * and let a program's many lambdas grow the registry without bound.
 *
 * <p>Thread-safe. Binding costs nothing per task beyond the counters every runtime keeps, except
 * the duration histogram: two clock reads and one record per run, while bound. Make one {@code
 * MantaMetrics} per runtime and bind it to as many registries as needed: a runtime sends its
 * durations to one {@code MantaMetrics} at a time, the last one bound. {@link #close} stops the
 * durations; the other meters read the runtime when scraped, and keep their last values after it
 * shuts down.
 */
public final class MantaMetrics implements MeterBinder, AutoCloseable {
  private final CoreWorker core;
  private final List<Map<CoreMetrics.Kind, Timer>> timers = new CopyOnWriteArrayList<>();

  /** The metrics of the runtime {@link Manta#init} started in this process. */
  public MantaMetrics() {
    this(Manta.currentRuntime());
  }

  /**
   * The metrics of {@code runtime}.
   *
   * @throws IllegalArgumentException if {@code runtime} is not a Manta core (a test double, or
   *     another runtime behind the SPI)
   */
  public MantaMetrics(MantaRuntime runtime) {
    if (!(runtime instanceof CoreWorker c)) {
      throw new IllegalArgumentException(
          "MantaMetrics reads a Manta core, not "
              + (runtime == null ? "null" : runtime.getClass().getName())
              + "; pass Manta.currentRuntime() after Manta.init()");
    }
    this.core = c;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    CoreMetrics m = core.metrics();
    for (CoreMetrics.Kind kind : CoreMetrics.Kind.values()) {
      Gauge.builder("manta.tasks", m, x -> x.running(kind))
          .description("Task runs by kind and state: running now, or ended so far")
          .tag("kind", kind.label())
          .tag("state", "running")
          .register(registry);
      for (CoreMetrics.Outcome o : CoreMetrics.Outcome.values()) {
        Gauge.builder("manta.tasks", m, x -> x.ended(kind, o))
            .description("Task runs by kind and state: running now, or ended so far")
            .tag("kind", kind.label())
            .tag("state", o.label())
            .register(registry);
      }
    }
    Map<CoreMetrics.Kind, Timer> byKind = new EnumMap<>(CoreMetrics.Kind.class);
    for (CoreMetrics.Kind kind : CoreMetrics.Kind.values()) {
      byKind.put(
          kind,
          Timer.builder("manta.task.duration")
              .description("Run time of a task, actor call or actor creation, start to result")
              .tag("kind", kind.label())
              .publishPercentileHistogram()
              .register(registry));
    }
    timers.add(byKind);
    m.durations(this::record);

    Gauge.builder("manta.actors", core, CoreWorker::liveActors)
        .description("Actors alive in this process")
        .tag("state", "alive")
        .register(registry);
    Gauge.builder("manta.object.refs", core, CoreWorker::liveObjects)
        .description("Objects the reference table of this process tracks")
        .register(registry);
    new StoreMetrics(core::storeStats).bindTo(registry);
  }

  private void record(CoreMetrics.Kind kind, long nanos) {
    for (Map<CoreMetrics.Kind, Timer> t : timers) {
      t.get(kind).record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /** Stops recording durations; the meters stay in their registries. */
  @Override
  public void close() {
    timers.clear();
    core.metrics().durations(null);
  }
}
