package dev.manta.cluster.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Task runs as a Chrome trace ({@code chrome://tracing}, <a
 * href="https://ui.perfetto.dev">Perfetto</a>): the JSON object form, {@code {"traceEvents": [...],
 * "displayTimeUnit": "ms"}}. Each ended run is one complete event ({@code "ph": "X"}) with its
 * start ({@code ts}) and duration ({@code dur}) in microseconds, on the lane of its process ({@code
 * pid}, the OS process id) and thread ({@code tid}); its {@code args} carry the task id, kind,
 * state, attempt, node and job. Each process gets a {@code process_name} metadata event ({@code
 * "ph": "M"}) naming its node. Runs still going have no end and are left out. Stateless.
 */
public final class Timeline {
  private Timeline() {}

  /** The trace of {@code tasks} as JSON text. */
  public static String chromeTrace(List<TaskRow> tasks) {
    List<Object> events = new ArrayList<>();
    Map<Long, String> processes = new TreeMap<>();
    for (TaskRow t : tasks) {
      if (t.endMicros() == 0) {
        continue;
      }
      processes.putIfAbsent(t.pid(), "pid " + t.pid() + " on node " + t.nodeId());
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("task_id", t.taskId());
      args.put("kind", t.kind());
      args.put("state", t.state());
      args.put("attempt", t.attempt());
      args.put("node_id", t.nodeId());
      args.put("job_id", t.jobId());
      if (!t.actorId().isEmpty()) {
        args.put("actor_id", t.actorId());
      }
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", t.name());
      e.put("cat", t.kind());
      e.put("ph", "X");
      e.put("ts", t.startMicros());
      e.put("dur", Math.max(1, t.durationMicros()));
      e.put("pid", t.pid());
      e.put("tid", t.threadId());
      e.put("args", args);
      events.add(e);
    }
    processes.forEach(
        (pid, name) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("name", "process_name");
          m.put("ph", "M");
          m.put("pid", pid);
          m.put("args", Map.of("name", name));
          events.add(m);
        });
    Map<String, Object> trace = new LinkedHashMap<>();
    trace.put("traceEvents", events);
    trace.put("displayTimeUnit", "ms");
    return Json.write(trace);
  }

  /**
   * Writes the trace of {@code tasks} to {@code file}; returns how many runs it holds.
   *
   * @throws IOException if the file cannot be written
   */
  public static int write(List<TaskRow> tasks, Path file) throws IOException {
    Files.writeString(file, chromeTrace(tasks), StandardCharsets.UTF_8);
    return (int) tasks.stream().filter(t -> t.endMicros() != 0).count();
  }
}
