package dev.manta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code manta stop}: SIGTERM to every live node recorded in the current session ({@code
 * session_latest}; with {@code --all}, in every session under the root), SIGKILL to those still
 * running 10 s later. Only pids whose command line runs NodeMain are touched. Live nodes of other
 * sessions are left alone, and counted in the output.
 */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description =
        "Stop the Manta nodes of the current session (session_latest) on this machine; --all stops"
            + " those of every session.")
final class StopCommand implements Callable<Integer> {
  static final long GRACE_SECONDS = 10;
  private static final long KILL_WAIT_SECONDS = 5;

  @ParentCommand MantaCli parent;
  @Spec CommandSpec spec;
  @Mixin SessionRootOption sessionRoot;

  @Option(
      names = "--all",
      description = "Stop the nodes of every session under the session root, not only the current.")
  boolean all;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Sessions sessions = sessionRoot.sessions(parent.env());
    Optional<Path> current = sessions.latest();
    var nodes = new LinkedHashMap<Long, Target>();
    var others = new LinkedHashMap<Long, Target>();
    for (Path session : sessions.all()) {
      boolean target = all || current.filter(c -> sameFile(c, session)).isPresent();
      for (long pid : Sessions.pids(session)) {
        NodeProcesses.liveNode(pid)
            .ifPresent(h -> (target ? nodes : others).putIfAbsent(pid, new Target(h, session)));
      }
    }
    others.keySet().removeAll(nodes.keySet());
    if (nodes.isEmpty()) {
      if (others.isEmpty()) {
        out.println("No Manta processes running");
      } else {
        out.println(
            (current.isPresent()
                    ? "No Manta node of the current session "
                        + current.get().getFileName()
                        + " runs"
                    : "There is no current session (" + Sessions.LATEST + ")")
                + "; "
                + others(others.size(), "run", "them"));
      }
      out.flush();
      return 0;
    }
    var refused = new ArrayList<Long>();
    for (Map.Entry<Long, Target> e : nodes.entrySet()) {
      if (!e.getValue().process().destroy()) refused.add(e.getKey());
    }
    for (Map.Entry<Long, Target> e : nodes.entrySet()) {
      if (refused.contains(e.getKey())) continue;
      Target t = e.getValue();
      String where = " (" + t.session().getFileName() + ")";
      if (awaitExit(t.process(), GRACE_SECONDS)) {
        out.println("Stopped node pid " + e.getKey() + where);
      } else {
        t.process().destroyForcibly();
        boolean gone = awaitExit(t.process(), KILL_WAIT_SECONDS);
        out.println(
            (gone ? "Killed node pid " : "Sent SIGKILL to node pid ")
                + e.getKey()
                + where
                + ": still running "
                + GRACE_SECONDS
                + " s after SIGTERM");
      }
      out.flush();
    }
    if (!others.isEmpty()) {
      out.println(others(others.size(), "still run", "them too"));
      out.flush();
    }
    if (!refused.isEmpty()) {
      throw new CliFailure(
          "Could not signal node pids "
              + refused
              + ": they belong to another user, or the OS refused. Stop them as that user.");
    }
    return 0;
  }

  /** "N nodes of other sessions VERB: manta stop --all stops WHAT", in the singular for one. */
  private static String others(int n, String verb, String what) {
    String verbOne = verb.replace("run", "runs");
    String whatOne = what.replace("them", "it");
    return n == 1
        ? "1 node of other sessions " + verbOne + ": manta stop --all stops " + whatOne
        : n + " nodes of other sessions " + verb + ": manta stop --all stops " + what;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return java.nio.file.Files.isSameFile(a, b);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static boolean awaitExit(ProcessHandle process, long seconds) {
    try {
      process.onExit().get(seconds, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("Waiting for pid " + process.pid() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure("Interrupted while waiting for pid " + process.pid() + " to exit", e);
    }
  }

  private record Target(ProcessHandle process, Path session) {}
}
