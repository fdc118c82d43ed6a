package dev.manta.cluster.agent;

import dev.manta.cluster.proto.NodeLogsGrpc;
import dev.manta.cluster.proto.WorkerLogReply;
import dev.manta.cluster.proto.WorkerLogRequest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code NodeLogs} service of an agent: the last lines of a worker's log file ({@code
 * worker-<pid>.log} in the node's log folder, written by {@link WorkerPool}), for {@code manta
 * logs}. Reads at most {@link #MAX_TAIL_BYTES} from the end of the file, so a huge log costs a
 * bounded read. Thread-safe: no state; handlers run on the server's executor and read one file.
 */
final class WorkerLogs extends NodeLogsGrpc.NodeLogsImplBase {
  static final int DEFAULT_LINES = 100;
  static final int MAX_TAIL_BYTES = 1 << 20;

  private final String nodeId;
  private final Path logDir;

  WorkerLogs(String nodeId, Path logDir) {
    this.nodeId = nodeId;
    this.logDir = logDir;
  }

  @Override
  public void readWorkerLog(WorkerLogRequest req, StreamObserver<WorkerLogReply> out) {
    Path file = logDir.resolve("worker-" + req.getPid() + ".log");
    if (req.getPid() <= 0 || !Files.isRegularFile(file)) {
      out.onError(
          Status.NOT_FOUND
              .withDescription(
                  "Node "
                      + nodeId
                      + " has no log of worker pid "
                      + req.getPid()
                      + " (no "
                      + file
                      + "); list the workers with `manta list workers`")
              .asRuntimeException());
      return;
    }
    int max = req.getMaxLines() > 0 ? req.getMaxLines() : DEFAULT_LINES;
    try {
      Tail t = tail(file, max);
      out.onNext(
          WorkerLogReply.newBuilder()
              .setNodeId(nodeId)
              .setPid(req.getPid())
              .setPath(file.toString())
              .addAllLines(t.lines())
              .setTruncated(t.truncated())
              .build());
      out.onCompleted();
    } catch (IOException e) {
      out.onError(
          Status.UNAVAILABLE
              .withDescription("Cannot read " + file + " on node " + nodeId + ": " + e)
              .asRuntimeException());
    }
  }

  /** The last lines of a file, and whether it has lines before them. */
  record Tail(List<String> lines, boolean truncated) {}

  /** The last {@code max} lines of {@code file}, read from at most its last 1 MiB. */
  static Tail tail(Path file, int max) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long len = f.length();
      long from = Math.max(0, len - MAX_TAIL_BYTES);
      byte[] bytes = new byte[(int) (len - from)];
      f.seek(from);
      f.readFully(bytes);
      List<String> lines =
          new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
      if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1); // the final line break
      }
      boolean cut = from > 0;
      if (cut && !lines.isEmpty()) {
        lines.remove(0); // a partial first line
      }
      if (lines.size() > max) {
        lines = new ArrayList<>(lines.subList(lines.size() - max, lines.size()));
        cut = true;
      }
      return new Tail(lines, cut);
    }
  }
}
