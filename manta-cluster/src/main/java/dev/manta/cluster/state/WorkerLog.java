package dev.manta.cluster.state;

import java.util.List;

/**
 * The last lines of one worker's log file.
 *
 * @param nodeId the worker's node
 * @param pid the worker's process id
 * @param path the log file, on that node
 * @param lines the lines, oldest first
 * @param truncated whether the file has earlier lines
 */
public record WorkerLog(
    String nodeId, long pid, String path, List<String> lines, boolean truncated) {
  /** Copies the lines. */
  public WorkerLog {
    lines = List.copyOf(lines);
  }
}
