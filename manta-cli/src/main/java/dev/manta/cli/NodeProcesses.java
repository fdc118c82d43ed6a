package dev.manta.cli;

import java.util.Optional;

/** Recognizes node processes: live processes whose command line runs {@link #NODE_MAIN}. */
final class NodeProcesses {
  static final String NODE_MAIN = "dev.manta.cluster.NodeMain";

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
    if (info.commandLine().filter(c -> c.contains(NODE_MAIN)).isPresent()) return true;
    return info.arguments()
        .filter(args -> java.util.Arrays.asList(args).contains(NODE_MAIN))
        .isPresent();
  }
}
