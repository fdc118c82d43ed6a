package dev.manta.cluster.worker;

import dev.manta.cluster.proto.NodeInfo;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one owner knows of a node: the head's latest record of it ({@link ClusterView} keeps it
 * fresh), the CPU this owner has in flight there (placement's load), and whether a lease from it
 * failed lately (placement then avoids it).
 *
 * <p>Implementation notes: every field is safe to read from any thread. {@code info} is replaced
 * whole by the head subscription's thread; {@code inflightCpu} goes up when placement picks the
 * node and down when the spec's result completes or its lease fails (in the in-flight table or
 * placement), so it may lag the truth by a result in transit; {@code avoidUntilNanos} is written by
 * whichever thread saw the lease fail, last writer wins.
 */
final class NodeView {
  /**
   * How long placement avoids a node after a lease from it failed (its agent did not answer: it
   * crashed and is not yet declared dead, or it registered but does not serve). Placement tries the
   * other feasible nodes first meanwhile, and a task whose lease failed is placed again.
   */
  static final long UNREACHABLE_AVOID_NANOS = TimeUnit.SECONDS.toNanos(10);

  /** CPU amounts in {@link #inflightCpu} are in units of 1/10000 CPU. */
  static final double CPU_UNIT = 10_000;

  volatile NodeInfo info;
  final AtomicLong inflightCpu = new AtomicLong(); // in 1/CPU_UNIT CPU
  volatile long avoidUntilNanos = System.nanoTime(); // see UNREACHABLE_AVOID_NANOS

  NodeView(NodeInfo info) {
    this.info = info;
  }

  /**
   * Whether a lease from this node failed within {@link #UNREACHABLE_AVOID_NANOS} of {@code now}.
   */
  boolean avoided(long now) {
    return now - avoidUntilNanos < 0;
  }

  /** Records that a lease from this node failed just now. */
  void leaseFailed() {
    avoidUntilNanos = System.nanoTime() + UNREACHABLE_AVOID_NANOS;
  }

  /** The node's total CPU. */
  double totalCpu() {
    return info.getTotal().getAmountsOrDefault("CPU", 0);
  }

  /** {@code cpu} in the units of {@link #inflightCpu}. */
  static long fixed(double cpu) {
    return Math.round(cpu * CPU_UNIT);
  }
}
