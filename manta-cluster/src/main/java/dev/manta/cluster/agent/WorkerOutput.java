package dev.manta.cluster.agent;

import dev.manta.cluster.proto.OutputLine;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the workers of each job on this node print, for the job's driver: lines are kept (up to
 * {@link #BACKLOG} per job) until the driver subscribes, then sent as they come. A job's streams
 * complete when the job ends on this node. Thread-safe.
 *
 * <pre>
 * Implementation notes
 *   W1  All state of one job (backlog, subscribers, ended) is guarded by its Job's monitor, and
 *       every onNext / onCompleted of its streams runs under it, so a stream sees the backlog
 *       first, then new lines in the order the pumps handed them over, and nothing after it
 *       completed.
 *   W2  A job's entry is created by its first line or subscriber and removed at end(); a line or
 *       subscriber arriving after end() finds a new entry and is dropped (line) or completed at
 *       once (subscriber) only if the job is known to have ended: `ended` ids stay for that.
 *   Threads: line() runs on the workers' output pump threads, subscribe() on a gRPC thread,
 *   end() on the agent's heartbeat thread (a job ends) after the job's pumps ended.
 * </pre>
 */
final class WorkerOutput {
  static final int BACKLOG = 10_000;

  /** An SLF4J-simple line of the worker's own logging below WARN: for the log file only. */
  private static final Pattern OWN_LOG_LINE =
      Pattern.compile("^(\\S+ )?\\[[^\\]]*\\] (INFO|DEBUG|TRACE) \\S+ - .*");

  private final String nodeId;
  private final String ip;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final Map<String, Boolean> ended = new ConcurrentHashMap<>();

  private static final class Job {
    final ArrayDeque<OutputLine> backlog = new ArrayDeque<>();
    final List<StreamObserver<OutputLine>> subscribers = new ArrayList<>();
  }

  WorkerOutput(String nodeId, String ip) {
    this.nodeId = nodeId;
    this.ip = ip;
  }

  /** Whether a worker's output line goes to its driver (the rest goes only to the log file). */
  static boolean forDriver(boolean stderr, String text) {
    return !(stderr && OWN_LOG_LINE.matcher(text).matches());
  }

  /** A line worker {@code pid} of {@code jobId} printed. */
  void line(String jobId, long pid, boolean stderr, String text) {
    if (ended.containsKey(jobId)) {
      return;
    }
    OutputLine line =
        OutputLine.newBuilder()
            .setPid(pid)
            .setNodeId(nodeId)
            .setIp(ip)
            .setStderr(stderr)
            .setText(text)
            .build();
    Job job = jobs.computeIfAbsent(jobId, j -> new Job());
    synchronized (job) { // W1
      if (job.subscribers.isEmpty()) {
        if (job.backlog.size() >= BACKLOG) {
          job.backlog.pollFirst();
        }
        job.backlog.addLast(line);
        return;
      }
      for (StreamObserver<OutputLine> s : List.copyOf(job.subscribers)) {
        send(job, s, line);
      }
    }
  }

  /** Sends {@code jobId}'s lines to {@code out}: those kept, then each new one, until its end. */
  void subscribe(String jobId, StreamObserver<OutputLine> out) {
    if (ended.containsKey(jobId)) {
      out.onCompleted();
      return;
    }
    Job job = jobs.computeIfAbsent(jobId, j -> new Job());
    synchronized (job) { // W1
      for (OutputLine l : job.backlog) {
        out.onNext(l);
      }
      job.backlog.clear();
      job.subscribers.add(out);
    }
    if (out instanceof ServerCallStreamObserver<OutputLine> call) {
      call.setOnCancelHandler(
          () -> {
            synchronized (job) {
              job.subscribers.remove(out);
            }
          });
    }
  }

  /** The job ended on this node, its workers' output drained: completes its streams. */
  void end(String jobId) {
    ended.put(jobId, Boolean.TRUE);
    Job job = jobs.remove(jobId);
    if (job == null) {
      return;
    }
    synchronized (job) {
      for (StreamObserver<OutputLine> s : job.subscribers) {
        try {
          s.onCompleted();
        } catch (RuntimeException e) {
          // The driver went away: nothing to complete.
        }
      }
      job.subscribers.clear();
      job.backlog.clear();
    }
  }

  private static void send(Job job, StreamObserver<OutputLine> s, OutputLine line) {
    try {
      s.onNext(line);
    } catch (RuntimeException e) {
      job.subscribers.remove(s); // cancelled: the driver is gone
    }
  }
}
