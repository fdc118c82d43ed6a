package dev.manta.cli;

import java.util.Optional;

/** Recognizes node processes: live processes whose command line runs {@link #NODE_MAIN}. */
final class NodeProcesses {
  static final String NODE_MAIN = "dev.manta.cluster.NodeMain";

  /**
   * The first argument of every node {@link NodeLauncher} starts: the JDK reads only the first 4096
   * bytes of a process's command line on Linux ({@code ProcessHandle.Info}), so with a long class
   * path {@link #NODE_MAIN} falls beyond what it shows, and the node would not be recognized.
   */
  static final String NODE_MARKER = "-Ddev.manta.cli.node=true";

  private NodeProcesses() {}

  /** The live process {@code pid} when it is a Manta node, so a reused pid is never signalled. */
  static Optional<ProcessHandle> liveNode(long pid) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(NodeProcesses::runsNodeMain);
  }

  static boolean isLiveNode(long pid) {
    return liveNode(pid).isPresent();
  }

  private static boolean runsNodeMain(ProcessHandle process) {
    ProcessHandle.Info info = process.info();
    if (info.commandLine()
        .filter(c -> c.contains(NODE_MAIN) || c.contains(NODE_MARKER))
        .isPresent()) return true;
    return info.arguments()
        .filter(args -> java.util.Arrays.asList(args).contains(NODE_MAIN))
        .isPresent();
  }
}
