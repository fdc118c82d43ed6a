package dev.manta.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The hidden {@code --session-root DIR} option, which beats {@code $MANTA_SESSION_ROOT}. */
final class SessionRootOption {
  @Option(
      names = "--session-root",
      hidden = true,
      paramLabel = "DIR",
      description =
          "Folder of the session directories (default: $MANTA_SESSION_ROOT or /tmp/manta).")
  Path path;

  Sessions sessions(Map<String, String> env) {
    return new Sessions(Sessions.root(path, env), NodeProcesses::isLiveNode);
  }
}
