package dev.manta.cluster.worker;

import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.OutputLine;
import dev.manta.cluster.proto.WorkerOutputRequest;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A driver's copy of what its job's workers print: one {@code WorkerOutput} stream per node agent,
 * each line printed to the driver's {@code System.out} or {@code System.err} (as the worker printed
 * it) after a prefix naming the worker, {@code (pid=1234, node=ab12cd34, ip=10.0.0.5)}.
 *
 * <p>Nodes that join after the driver started are not followed. Lines reach the driver later than
 * the task's result (they travel through the node's agent), so {@link #awaitEnd} waits, at the
 * driver's shutdown, for each stream to complete: the agents complete them once the job ended and
 * its workers' output is read.
 *
 * <p>Threads: lines are printed on gRPC threads, one stream's lines in order; a line is printed
 * with one {@code println}, so lines of different workers do not mix within a line.
 */
final class WorkerOutputPrinter {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerOutputPrinter.class);

  private final CountDownLatch open;

  private WorkerOutputPrinter(int streams) {
    this.open = new CountDownLatch(streams);
  }

  /** Follows the output of job {@code jobId} on the agents at {@code agents}. */
  static WorkerOutputPrinter start(Rpc.Channels channels, String jobId, Collection<String> agents) {
    WorkerOutputPrinter p = new WorkerOutputPrinter(agents.size());
    WorkerOutputRequest req = WorkerOutputRequest.newBuilder().setJobId(jobId).build();
    for (String agent : agents) {
      NodeAgentGrpc.newStub(channels.get(agent)).workerOutput(req, p.observer(agent));
    }
    return p;
  }

  /** The prefix of a worker's line: which process, on which node. */
  static String prefix(OutputLine l) {
    String node = l.getNodeId();
    return "(pid="
        + l.getPid()
        + ", node="
        + (node.length() > 8 ? node.substring(0, 8) : node)
        + ", ip="
        + l.getIp()
        + ") ";
  }

  /** Waits up to {@code max} for every stream to complete (the job ended on each node). */
  void awaitEnd(Duration max) {
    try {
      if (!open.await(max.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.debug("worker output: {} streams still open after {}", open.getCount(), max);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private StreamObserver<OutputLine> observer(String agent) {
    return new StreamObserver<>() {
      @Override
      public void onNext(OutputLine l) {
        PrintStream to = l.getStderr() ? System.err : System.out;
        to.println(prefix(l) + l.getText());
      }

      @Override
      public void onError(Throwable t) {
        // An agent that went away, or one too old for the call: its workers' lines stay in its
        // logs.
        if (Status.fromThrowable(t).getCode() != Status.Code.CANCELLED) {
          LOG.debug("worker output from {} ended: {}", agent, t.toString());
        }
        open.countDown();
      }

      @Override
      public void onCompleted() {
        open.countDown();
      }
    };
  }
}
