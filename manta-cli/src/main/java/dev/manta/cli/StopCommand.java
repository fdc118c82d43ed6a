package dev.manta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code manta stop}: SIGTERM to every live node recorded in any session, SIGKILL to those still
 * running 10 s later. Only pids whose command line runs NodeMain are touched.
 */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description = "Stop every Manta node started on this machine (all sessions).")
final class StopCommand implements Callable<Integer> {
  static final long GRACE_SECONDS = 10;
  private static final long KILL_WAIT_SECONDS = 5;

  @ParentCommand MantaCli parent;
  @Spec CommandSpec spec;
  @Mixin SessionRootOption sessionRoot;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    var nodes = new LinkedHashMap<Long, Target>();
    for (Path session : sessionRoot.sessions(parent.env()).all()) {
      for (long pid : Sessions.pids(session)) {
        NodeProcesses.liveNode(pid).ifPresent(h -> nodes.putIfAbsent(pid, new Target(h, session)));
      }
    }
    if (nodes.isEmpty()) {
      out.println("No Manta processes running");
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
    if (!refused.isEmpty()) {
      throw new CliFailure(
          "Could not signal node pids "
              + refused
              + ": they belong to another user, or the OS refused. Stop them as that user.");
    }
    return 0;
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
