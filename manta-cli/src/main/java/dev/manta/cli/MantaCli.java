package dev.manta.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code manta} command: {@code start}, {@code stop} and {@code status} a cluster; {@code tls
 * init} its TLS files; {@code list}, {@code get}, {@code summary}, {@code memory}, {@code timeline}
 * and {@code logs} its state ({@link StateCommands}).
 *
 * <p>Exit codes: 0 success, 1 failure (the message goes to stderr), 2 usage error. A failure is
 * printed as one paragraph, {@code Error: } and what went wrong and what to do; its stack trace
 * only with {@code --verbose}.
 */
@Command(
    name = "manta",
    mixinStandardHelpOptions = true,
    versionProvider = MantaCli.Version.class,
    description = "Start, stop and inspect a Manta cluster.",
    subcommands = {
      StartCommand.class,
      StopCommand.class,
      StatusCommand.class,
      StateCommands.ListCommand.class,
      StateCommands.GetCommand.class,
      StateCommands.SummaryCommand.class,
      StateCommands.MemoryCommand.class,
      StateCommands.TimelineCommand.class,
      StateCommands.LogsCommand.class,
      TlsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class MantaCli implements Runnable {
  private final Map<String, String> env;
  @Spec CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "On a failure, also print its stack trace.")
  boolean verbose;

  MantaCli(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine(System.getenv()).execute(args));
  }

  /** The command line, reading environment variables from {@code env}. */
  static CommandLine commandLine(Map<String, String> env) {
    var cli = new CommandLine(new MantaCli(env));
    cli.setCaseInsensitiveEnumValuesAllowed(true); // --format json or JSON
    cli.setExecutionExceptionHandler(
        (ex, cl, parseResult) -> {
          String message;
          if (ex instanceof CliFailure) {
            message = ex.getMessage();
          } else if (ex instanceof UncheckedIOException io) {
            message = io.getMessage() + ": " + io.getCause();
          } else {
            message =
                "unexpected "
                    + ex.getClass().getName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                    + ". This is a bug in manta; please report it with the output of the same"
                    + " command run with --verbose";
          }
          boolean verbose =
              cl.getCommandSpec().root().userObject() instanceof MantaCli m && m.verbose;
          cl.getErr().println("Error: " + message);
          if (verbose) {
            ex.printStackTrace(cl.getErr());
          }
          cl.getErr().flush();
          return CommandLine.ExitCode.SOFTWARE;
        });
    return cli;
  }

  /** Environment variables, as given to {@link #commandLine}. */
  Map<String, String> env() {
    return env;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing command: give one of start, stop, status, list, get, summary, memory, timeline,"
            + " logs, tls");
  }

  /** {@code manta --version}: the Manta version, from the filtered version.properties. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "manta " + version(),
        "JVM " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
      };
    }

    static String version() {
      var props = new Properties();
      try (InputStream in = MantaCli.class.getResourceAsStream("version.properties")) {
        if (in == null) return "unknown";
        props.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read version.properties", e);
      }
      return props.getProperty("version", "unknown");
    }
  }
}
