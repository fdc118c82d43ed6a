package dev.manta.runtime.task;

import dev.manta.MantaConfig;
import dev.manta.Node;
import dev.manta.runtime.port.ClusterPorts;
import dev.manta.runtime.spec.ResourceSet;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a core does with a task or actor whose resources no live node has ({@link
 * MantaConfig#infeasible()}): refuse it at submit, or let it wait for a node that has them and warn
 * once, after {@link MantaConfig#infeasibleWarning()}, if it is still waiting. Where it waits is
 * the ports' business (embedded: the scheduler's queue, which nothing new can ever fit; on a
 * cluster: the owner's placement, which tries again whenever a node joins).
 */
public final class Infeasibility {
  /*
   * Implementation notes
   *  F1  The warning is one delayed check per infeasible submit (CompletableFuture's shared
   *      delayer, no thread of its own): it logs only if the work is still pending and still no
   *      live node has its demand, so work that found a node, was cancelled or ended with its job
   *      logs nothing. Nothing here holds the work; the check's closure does until it runs.
   */
  private static final Logger LOG = LoggerFactory.getLogger(Infeasibility.class);

  private final ClusterPorts ports;
  private final boolean fail;
  private final Duration warnAfter;

  /** The policy of {@code config} for a core whose ports are {@code ports}. */
  public Infeasibility(MantaConfig config, ClusterPorts ports) {
    this.ports = Objects.requireNonNull(ports, "ports");
    this.fail =
        config
                .infeasible()
                .orElse(
                    ports.inProcess() ? MantaConfig.Infeasible.FAIL : MantaConfig.Infeasible.WAIT)
            == MantaConfig.Infeasible.FAIL;
    this.warnAfter = config.infeasibleWarning();
  }

  /**
   * Why {@code demand}, which no live node can meet, fails at submit: {@code what} (e.g. {@code
   * Task f}) and the cause, the node labels when they alone are why, else the resources, with how
   * to fix it.
   */
  public String refusal(String what, ResourceSet demand) {
    if (!demand.labels().isEmpty()
        && ports.feasible(demand.withLabels(dev.manta.runtime.spec.LabelSelector.NONE))) {
      return what
          + " may run only on nodes labelled "
          + demand.labels()
          + (ports.inProcess()
              ? " but the embedded node has no labels (only conditions like !value hold there)"
              : " but no live node has such labels")
          + ", so it could never run; change its labelSelector, or let it wait for a node that"
          + " matches (manta.infeasible=wait)";
    }
    return what
        + " needs "
        + demand
        + " but this Manta has "
        + (ports.inProcess() ? "" : "no node with that much: ")
        + ports.totalResources()
        + " in all, so it could never run; start Manta with more"
        + " (MantaConfig.builder().numCpus(..).resource(..)), ask for less, or let it wait"
        + " for a node that has it (manta.infeasible=wait)";
  }

  /** Whether work that no live node has the resources for is refused at submit. */
  public boolean failsAtSubmit() {
    return fail;
  }

  /**
   * Warns once, after the configured delay, if {@code what} (e.g. {@code Task f (id)}) still {@code
   * pending} and no live node has {@code demand} by then (F1). Does not block.
   */
  public void watch(String what, ResourceSet demand, BooleanSupplier pending) {
    CompletableFuture.delayedExecutor(warnAfter.toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              if (pending.getAsBoolean() && !ports.feasible(demand)) {
                LOG.warn(
                    "{} has waited {} ms for {}, which no live node has; nodes: {}. It runs once a"
                        + " node with those resources joins the cluster (manta start --resources"
                        + " ...); cancel it (or kill the actor) to give up, or set"
                        + " manta.infeasible=fail to refuse such work at submit",
                    what,
                    warnAfter.toMillis(),
                    demand,
                    nodes());
              }
            });
  }

  /** The live nodes and their resources, for messages. */
  public String nodes() {
    String live =
        ports.nodes().stream()
            .filter(Node::alive)
            .map(n -> (n.id().isEmpty() ? "this node" : "node " + n.id()) + " " + n.resources())
            .collect(Collectors.joining(", "));
    return live.isEmpty() ? "none alive" : live;
  }
}
