package dev.manta.cli;

import dev.manta.cluster.rpc.ClusterToken;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code manta status}: prints {@code dev.manta.cluster.ClusterStatus.render(address, 5 s)}. The
 * address comes from {@code --address}, else {@code $MANTA_ADDRESS}, else {@code
 * session_latest/head_address}; the cluster token from {@code $MANTA_TOKEN}, {@code
 * $MANTA_TOKEN_FILE}, else {@code session_latest/token}.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Print the cluster's nodes, resources, actors and object store use.")
final class StatusCommand implements Callable<Integer> {
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final String ADDRESS_ENV = "MANTA_ADDRESS";

  @ParentCommand MantaCli parent;
  @Spec CommandSpec spec;
  @Mixin SessionRootOption sessionRoot;

  @Option(
      names = "--address",
      paramLabel = "HOST:PORT",
      description = "The head (default: $MANTA_ADDRESS, else the head of session_latest).")
  String address;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "How long to wait for the head to answer (default: 5).")
  Integer timeoutSeconds;

  @Override
  public Integer call() {
    if (timeoutSeconds != null && timeoutSeconds < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--timeout must be at least 1 second, was " + timeoutSeconds);
    }
    Duration timeout = timeoutSeconds == null ? TIMEOUT : Duration.ofSeconds(timeoutSeconds);
    String text = render(resolveAddress(), timeout, resolveToken());
    PrintWriter out = spec.commandLine().getOut();
    out.print(text.endsWith("\n") ? text : text + System.lineSeparator());
    out.flush();
    return 0;
  }

  String resolveAddress() {
    if (address != null && !address.isBlank()) return stripScheme(address);
    String fromEnv = parent.env().get(ADDRESS_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) return stripScheme(fromEnv);
    Sessions sessions = sessionRoot.sessions(parent.env());
    return sessions
        .latestHeadAddress()
        .orElseThrow(
            () ->
                new CliFailure(
                    "No cluster address: pass --address HOST:PORT, set "
                        + ADDRESS_ENV
                        + ", or start a head with 'manta start --head' (there is no head_address"
                        + " in "
                        + sessions.root().resolve(Sessions.LATEST)
                        + ")."));
  }

  /**
   * The token to ask with: {@code $MANTA_TOKEN}, {@code $MANTA_TOKEN_FILE}, else the admin token in
   * {@code session_latest} (which lists every job), else the cluster token there; null when there
   * is none (a cluster without tokens).
   */
  ClusterToken resolveToken() {
    Sessions sessions = sessionRoot.sessions(parent.env());
    List<Path> defaults =
        sessions
            .latest()
            .map(
                s ->
                    List.of(
                        s.resolve(ClusterToken.ADMIN_FILE_NAME), s.resolve(ClusterToken.FILE_NAME)))
            .orElse(List.of());
    try {
      return ClusterToken.find(parent.env(), new Properties(), defaults).orElse(null);
    } catch (IllegalStateException e) {
      throw new CliFailure(e.getMessage(), e);
    }
  }

  /** Accepts the {@code manta://host:port} form that {@code Manta.init} takes. */
  private static String stripScheme(String address) {
    String a = address.strip();
    return a.startsWith("manta://") ? a.substring("manta://".length()) : a;
  }

  /**
   * The cluster's status from {@code ClusterStatus.render}; an {@link IllegalStateException} from
   * it (head unreachable, not a Manta head) becomes a {@link CliFailure} with its message.
   */
  static String render(String address, Duration timeout, ClusterToken token) {
    try {
      return dev.manta.cluster.ClusterStatus.render(address, timeout, token);
    } catch (IllegalStateException e) {
      throw new CliFailure(e.getMessage(), e);
    }
  }
}
