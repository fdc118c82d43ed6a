package dev.manta.cli;

import dev.manta.cluster.rpc.ClusterToken;
import dev.manta.cluster.state.ClusterState;
import dev.manta.cluster.state.Filter;
import dev.manta.cluster.state.Listing;
import dev.manta.cluster.state.ObjectRow;
import dev.manta.cluster.state.Row;
import dev.manta.cluster.state.StateFormat;
import dev.manta.cluster.state.TaskRow;
import dev.manta.cluster.state.Timeline;
import dev.manta.cluster.state.WorkerLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The state commands, each a query of {@link ClusterState} against the head that {@code manta
 * status} would ask ({@code --address}, else {@code $MANTA_ADDRESS}, else {@code session_latest}),
 * with the same token: {@code list}, {@code get}, {@code summary}, {@code memory}, {@code
 * timeline}, {@code logs}. Tables for people by default, {@code --format json} for scripts.
 */
final class StateCommands {
  private StateCommands() {}

  /** Where the head is, how long to wait, and how to print: shared by every state command. */
  static final class Target {
    @Mixin SessionRootOption sessionRoot;

    @Option(
        names = "--address",
        paramLabel = "HOST:PORT",
        description = "The head (default: $MANTA_ADDRESS, else the head of session_latest).")
    String address;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        description = "How long to wait for the head and for each process (default: 5).")
    Integer timeoutSeconds;

    /** The state of the cluster {@code cli}'s options name. */
    ClusterState connect(MantaCli parent, CommandSpec spec) {
      if (timeoutSeconds != null && timeoutSeconds < 1) {
        throw new ParameterException(
            spec.commandLine(), "--timeout must be at least 1 second, was " + timeoutSeconds);
      }
      StatusCommand s = new StatusCommand();
      s.parent = parent;
      s.sessionRoot = sessionRoot;
      s.address = address;
      String where = s.resolveAddress();
      ClusterToken token = s.resolveToken();
      Duration timeout =
          timeoutSeconds == null ? StatusCommand.TIMEOUT : Duration.ofSeconds(timeoutSeconds);
      return ClusterState.connect(where, token, timeout);
    }
  }

  /**
   * Which rows a listing prints and how: {@code --filter}, {@code --limit}, {@code --format};
   * shared by {@code list} and {@code memory}.
   */
  static final class Selection {
    @Option(
        names = "--filter",
        paramLabel = "KEY=VALUE",
        description =
            "Only rows whose KEY is VALUE (KEY!=VALUE: is not); repeat to combine. Keys as in"
                + " --format json, e.g. state, name, node_id, job_id, where.")
    List<String> filters;

    @Option(
        names = "--limit",
        paramLabel = "N",
        description =
            "At most N rows (default: 100; 0: all). Tasks: the N most recent runs; others: the"
                + " first N.")
    int limit = 100;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json.")
    Format format = Format.TABLE;

    /** The filter, after checking every option. */
    Filter check(CommandSpec spec) {
      if (limit < 0) {
        throw new ParameterException(spec.commandLine(), "--limit must be 0 or more, was " + limit);
      }
      return filter(spec, filters);
    }

    /**
     * Prints the rows of {@code all} that pass {@code f}, cut to {@code --limit} ({@code newest}:
     * the last ones), with a note in a table when rows were left out.
     */
    <R extends Row> void print(
        CommandSpec spec, Listing<R> all, Filter f, boolean newest, int columns) {
      Listing<R> passing = all.select(f, 0);
      Listing<R> shown =
          newest ? passing.selectLast(Filter.all(), limit) : passing.select(Filter.all(), limit);
      StateCommands.print(spec, shown, format, columns);
      int left = passing.rows().size() - shown.rows().size();
      if (left > 0 && format == Format.TABLE) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "Note: %d of %d rows shown (%s); --limit 0 shows all%n",
            shown.rows().size(), passing.rows().size(), newest ? "the most recent" : "the first");
        out.flush();
      }
    }
  }

  /** Output format. */
  enum Format {
    TABLE,
    JSON
  }

  /** Runs {@code query}; a failure to reach the head becomes a {@link CliFailure}. */
  static <T> T ask(ClusterState state, Function<ClusterState, T> query) {
    try {
      return query.apply(state);
    } catch (IllegalStateException e) {
      throw new CliFailure(e.getMessage(), e);
    }
  }

  static Filter filter(CommandSpec spec, List<String> filters) {
    try {
      return Filter.parse(filters == null ? List.of() : filters);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Prints a listing as a table of its first {@code columns} fields, or as JSON. */
  static void print(CommandSpec spec, Listing<? extends Row> l, Format format, int columns) {
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.JSON) {
      out.print(StateFormat.json(l));
    } else {
      out.print(StateFormat.table(l.rows(), columns));
      unreachable(out, l);
    }
    out.flush();
  }

  static void unreachable(PrintWriter out, Listing<?> l) {
    for (String u : l.unreachable()) {
      out.println("Note: no answer from process " + u + "; its rows are missing");
    }
  }

  /** {@code manta list nodes|actors|tasks|objects|jobs|workers}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List the cluster's nodes, actors, tasks, objects, jobs or workers.",
        "Tasks: the last 4096 runs each live process executed. Filter with --filter KEY=VALUE"
            + " (or KEY!=VALUE; keys as in --format json, e.g. state, name, node_id, job_id)."
      })
  static final class ListCommand implements Callable<Integer> {
    @ParentCommand MantaCli parent;
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Parameters(
        index = "0",
        paramLabel = "WHAT",
        description = "nodes, actors, tasks, objects, jobs or workers")
    String what;

    @Mixin Selection selection;

    @Override
    public Integer call() {
      Filter f = selection.check(spec);
      Function<ClusterState, Listing<? extends Row>> query;
      int columns;
      switch (what.toLowerCase(Locale.ROOT)) {
        case "nodes" -> {
          query = ClusterState::nodes;
          columns = 0;
        }
        case "actors" -> {
          query = ClusterState::actors;
          columns = 7;
        }
        case "tasks" -> {
          query = ClusterState::tasks;
          columns = 8;
        }
        case "objects" -> {
          query = ClusterState::objects;
          columns = 7;
        }
        case "jobs" -> {
          query = ClusterState::jobs;
          columns = 0;
        }
        case "workers" -> {
          query = ClusterState::workers;
          columns = 0;
        }
        default ->
            throw new ParameterException(
                spec.commandLine(),
                "Cannot list '"
                    + what
                    + "': give one of nodes, actors, tasks, objects, jobs, workers");
      }
      try (ClusterState state = target.connect(parent, spec)) {
        Listing<? extends Row> l = ask(state, query);
        selection.print(spec, l, f, what.equalsIgnoreCase("tasks"), columns);
      }
      return 0;
    }
  }

  /** {@code manta get actor ID}. */
  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Print one actor: every field, by its id (or a unique start of it) or name.")
  static final class GetCommand implements Callable<Integer> {
    @ParentCommand MantaCli parent;
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Parameters(index = "0", paramLabel = "WHAT", description = "actor")
    String what;

    @Parameters(index = "1", paramLabel = "ID", description = "The actor's id or name.")
    String id;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "table (default: one field a line) or json.")
    Format format = Format.TABLE;

    @Override
    public Integer call() {
      if (!what.equalsIgnoreCase("actor")) {
        throw new ParameterException(
            spec.commandLine(), "Cannot get '" + what + "': only 'manta get actor ID' is known");
      }
      try (ClusterState state = target.connect(parent, spec)) {
        var actor =
            ask(
                state,
                s -> {
                  try {
                    return s.actor(id);
                  } catch (IllegalArgumentException e) {
                    throw new CliFailure(e.getMessage(), e);
                  }
                });
        if (actor.isEmpty()) {
          throw new CliFailure(
              "No actor with id or name '" + id + "'; list them with 'manta list actors'");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
          out.print(StateFormat.json(actor.get()));
        } else {
          actor.get().fields().forEach((k, v) -> out.printf("%-15s %s%n", k + ":", v));
        }
        out.flush();
      }
      return 0;
    }
  }

  /** {@code manta summary tasks|actors}. */
  @Command(
      name = "summary",
      mixinStandardHelpOptions = true,
      description = "Count tasks by name (or actors by class), per state.")
  static final class SummaryCommand implements Callable<Integer> {
    @ParentCommand MantaCli parent;
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Parameters(index = "0", paramLabel = "WHAT", description = "tasks or actors")
    String what;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json.")
    Format format = Format.TABLE;

    @Override
    public Integer call() {
      boolean tasks = what.equalsIgnoreCase("tasks");
      if (!tasks && !what.equalsIgnoreCase("actors")) {
        throw new ParameterException(
            spec.commandLine(), "Cannot summarize '" + what + "': give tasks or actors");
      }
      try (ClusterState state = target.connect(parent, spec)) {
        print(
            spec,
            ask(state, tasks ? ClusterState::taskSummary : ClusterState::actorSummary),
            format,
            0);
      }
      return 0;
    }
  }

  /** {@code manta memory}. */
  @Command(
      name = "memory",
      mixinStandardHelpOptions = true,
      description = {
        "List every object the cluster's processes own: its size, where it is, and why it is"
            + " alive (local-ref, pending-task, borrower, nested, pinned)."
      })
  static final class MemoryCommand implements Callable<Integer> {
    @ParentCommand MantaCli parent;
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Mixin Selection selection;

    @Override
    public Integer call() {
      Filter f = selection.check(spec);
      try (ClusterState state = target.connect(parent, spec)) {
        Listing<ObjectRow> all = ask(state, ClusterState::objects).select(f, 0);
        if (selection.format == Format.JSON) {
          selection.print(spec, all, Filter.all(), false, 0);
          return 0;
        }
        long bytes = 0;
        java.util.Map<String, long[]> byWhere = new java.util.TreeMap<>();
        for (ObjectRow o : all.rows()) {
          bytes += o.sizeBytes();
          long[] c = byWhere.computeIfAbsent(o.where(), k -> new long[2]);
          c[0]++;
          c[1] += o.sizeBytes();
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> parts = new ArrayList<>();
        byWhere.forEach((w, c) -> parts.add(w + " " + c[0] + " (" + c[1] + " bytes)"));
        out.printf(
            "%d objects, %d bytes%s%n",
            all.rows().size(), bytes, parts.isEmpty() ? "" : ": " + String.join(", ", parts));
        selection.print(spec, all, Filter.all(), false, 7);
        transfers(out, state);
      }
      return 0;
    }
  }

  /**
   * The pulls between nodes under way, after {@code manta memory}'s objects: a big one shows how
   * far it got, so a person waiting on it sees it move (run the command again for the next step).
   */
  static void transfers(PrintWriter out, ClusterState state) {
    Listing<dev.manta.cluster.state.TransferRow> t = ask(state, ClusterState::transfers);
    if (t.rows().isEmpty() && t.unreachable().isEmpty()) {
      out.flush();
      return;
    }
    out.println();
    out.printf("%d transfers between nodes under way:%n", t.rows().size());
    for (dev.manta.cluster.state.TransferRow r : t.rows()) {
      out.println(transferLine(r));
    }
    for (String u : t.unreachable()) {
      out.println("Note: no answer from " + u + "; its transfers are missing");
    }
    out.flush();
  }

  /**
   * One pull: {@code " ID to node N from HOST:PORT: [####......] 20% 12.8 MiB of 64.0 MiB, 1.2 s"}.
   */
  static String transferLine(dev.manta.cluster.state.TransferRow r) {
    return String.format(
        java.util.Locale.ROOT,
        "  %s to node %s from %s: %s",
        r.objectId(),
        r.nodeId(),
        r.fromAgent(),
        r.waiting()
            ? "waiting for a pull slot (" + r.elapsedMs() + " ms)"
            : String.format(
                java.util.Locale.ROOT,
                "%s %3d%% %s of %s, %.1f s",
                bar(r.percent()),
                r.percent(),
                mib(r.doneBytes()),
                mib(r.totalBytes()),
                r.elapsedMs() / 1000.0));
  }

  private static String mib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }

  /** A 20-character progress bar: {@code [#######.............]}. */
  static String bar(int percent) {
    int filled = Math.max(0, Math.min(20, percent / 5));
    return "[" + "#".repeat(filled) + ".".repeat(20 - filled) + "]";
  }

  /** {@code manta timeline FILE}. */
  @Command(
      name = "timeline",
      mixinStandardHelpOptions = true,
      description = {
        "Write the task runs the cluster's processes recorded (each its last 4096) as a Chrome"
            + " trace: open FILE in chrome://tracing or https://ui.perfetto.dev."
      })
  static final class TimelineCommand implements Callable<Integer> {
    @ParentCommand MantaCli parent;
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Parameters(index = "0", paramLabel = "FILE", description = "The trace file to write.")
    Path file;

    @Option(
        names = "--filter",
        paramLabel = "KEY=VALUE",
        description = "Only runs whose KEY is VALUE (e.g. job_id=..., name=...).")
    List<String> filters;

    @Override
    public Integer call() {
      Filter f = filter(spec, filters);
      try (ClusterState state = target.connect(parent, spec)) {
        Listing<TaskRow> tasks = ask(state, ClusterState::tasks).select(f, 0);
        int n;
        try {
          n = Timeline.write(tasks.rows(), file);
        } catch (IOException e) {
          throw new CliFailure("Cannot write the timeline to " + file + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "Wrote %d task runs to %s; open it in chrome://tracing or https://ui.perfetto.dev%n",
            n, file);
        unreachable(out, tasks);
        out.flush();
      } catch (UncheckedIOException e) {
        throw new CliFailure(e.getMessage(), e);
      }
      return 0;
    }
  }

  /** {@code manta logs WORKER}. */
  @Command(
      name = "logs",
      mixinStandardHelpOptions = true,
      description = "Print the last lines of one worker's log, read on its node.")
  static final class LogsCommand implements Callable<Integer> {
    @ParentCommand MantaCli parent;
    @Spec CommandSpec spec;
    @Mixin Target target;

    @Parameters(
        index = "0",
        paramLabel = "WORKER",
        description = "The worker's pid or id, as 'manta list workers' shows.")
    String worker;

    @Option(
        names = {"-n", "--lines"},
        paramLabel = "N",
        description = "How many lines from the end (default: 100).")
    int lines = 100;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "table (default: the lines as they are) or json.")
    Format format = Format.TABLE;

    @Override
    public Integer call() {
      if (lines < 1) {
        throw new ParameterException(spec.commandLine(), "--lines must be 1 or more, was " + lines);
      }
      try (ClusterState state = target.connect(parent, spec)) {
        WorkerLog log = ask(state, s -> s.workerLog(worker, lines));
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
          java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
          m.put("node_id", log.nodeId());
          m.put("pid", log.pid());
          m.put("path", log.path());
          m.put("truncated", log.truncated());
          m.put("lines", log.lines());
          out.print(StateFormat.json(m));
        } else {
          out.printf(
              "==> worker %d on node %s: %s%s <==%n",
              log.pid(), log.nodeId(), log.path(), log.truncated() ? " (last lines)" : "");
          log.lines().forEach(out::println);
        }
        out.flush();
      }
      return 0;
    }
  }
}
