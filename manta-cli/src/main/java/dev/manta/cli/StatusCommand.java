package dev.manta.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
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
 * session_latest/head_address}.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Print the cluster's nodes, resources, actors and object store use.")
final class StatusCommand implements Callable<Integer> {
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final String ADDRESS_ENV = "MANTA_ADDRESS";
  private static final String STATUS_CLASS = "dev.manta.cluster.ClusterStatus";

  @ParentCommand MantaCli parent;
  @Spec CommandSpec spec;
  @Mixin SessionRootOption sessionRoot;

  @Option(
      names = "--address",
      paramLabel = "HOST:PORT",
      description = "The head (default: $MANTA_ADDRESS, else the head of session_latest).")
  String address;

  @Override
  public Integer call() {
    String text = render(resolveAddress(), TIMEOUT);
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

  /** Accepts the {@code manta://host:port} form that {@code Manta.init} takes. */
  private static String stripScheme(String address) {
    String a = address.strip();
    return a.startsWith("manta://") ? a.substring("manta://".length()) : a;
  }

  /**
   * Calls {@code ClusterStatus.render} reflectively, so this module compiles while manta-cluster is
   * being written. An {@link IllegalStateException} from it (head unreachable, not a Manta head)
   * becomes a {@link CliFailure} with its message.
   */
  static String render(String address, Duration timeout) {
    Method render;
    try {
      render = Class.forName(STATUS_CLASS).getMethod("render", String.class, Duration.class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new CliFailure(
          "This build lacks "
              + STATUS_CLASS
              + ".render(String, Duration); rebuild Manta (bin/mvn install -DskipTests)",
          e);
    }
    try {
      return (String) render.invoke(null, address, timeout);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalStateException ise) throw new CliFailure(ise.getMessage(), ise);
      if (cause instanceof RuntimeException re) throw re;
      if (cause instanceof Error err) throw err;
      throw new IllegalStateException(STATUS_CLASS + ".render failed", cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot call " + STATUS_CLASS + ".render", e);
    }
  }
}
