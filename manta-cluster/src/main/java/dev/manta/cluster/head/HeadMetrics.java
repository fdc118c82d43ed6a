package dev.manta.cluster.head;

import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.JobInfo;
import dev.manta.cluster.proto.NodeInfo;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Map;

/**
 * The head's meters, read from its tables when scraped: {@code manta_nodes{state="alive"|"dead"}}
 * (Ray's {@code ray_cluster_active_nodes}), {@code manta_cluster_actors{state}} for every actor of
 * the cluster by state ({@code pending_creation}, {@code alive}, {@code restarting}, {@code dead};
 * Ray's {@code ray_actors}), and {@code manta_jobs{state="running"|"finished"}}.
 *
 * <p>Thread-safe: the tables are concurrent maps, counted on the scraping thread. The gauges hold
 * the maps strongly; the head holds them for its lifetime anyway.
 */
final class HeadMetrics implements MeterBinder {
  private final Map<String, NodeInfo> nodes;
  private final Map<String, ActorInfo> actors;
  private final Map<String, JobInfo> jobs;

  HeadMetrics(
      Map<String, NodeInfo> nodes, Map<String, ActorInfo> actors, Map<String, JobInfo> jobs) {
    this.nodes = nodes;
    this.actors = actors;
    this.jobs = jobs;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (boolean alive : new boolean[] {true, false}) {
      Gauge.builder(
              "manta.nodes",
              nodes,
              m -> m.values().stream().filter(n -> n.getAlive() == alive).count())
          .description("Nodes the head knows, by state")
          .tag("state", alive ? "alive" : "dead")
          .strongReference(true)
          .register(registry);
    }
    for (ActorState s : ActorState.values()) {
      if (s == ActorState.UNRECOGNIZED) {
        continue;
      }
      Gauge.builder(
              "manta.cluster.actors",
              actors,
              m -> m.values().stream().filter(a -> a.getState() == s).count())
          .description("Actors of the cluster, by state")
          .tag("state", s.name().toLowerCase(Locale.ROOT))
          .strongReference(true)
          .register(registry);
    }
    for (boolean finished : new boolean[] {false, true}) {
      Gauge.builder(
              "manta.jobs",
              jobs,
              m -> m.values().stream().filter(j -> j.getFinished() == finished).count())
          .description("Jobs the head knows, by state")
          .tag("state", finished ? "finished" : "running")
          .strongReference(true)
          .register(registry);
    }
  }
}
