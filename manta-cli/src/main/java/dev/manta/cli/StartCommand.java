package dev.manta.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code manta start}: runs a head or a further node as a background JVM. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Start a Manta node in the background: the head (--head) or a node joining a head"
          + " (--address). Prints the session directory and the node's log file."
    })
final class StartCommand implements Callable<Integer> {
  static final int DEFAULT_HEAD_PORT = 6380;

  @ParentCommand MantaCli parent;
  @Spec CommandSpec spec;
  @Mixin SessionRootOption sessionRoot;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Role role;

  /** Exactly one of {@code --head} and {@code --address}. */
  static final class Role {
    @Option(names = "--head", required = true, description = "Start the head of a new cluster.")
    boolean head;

    @Option(
        names = "--address",
        required = true,
        paramLabel = "HOST:PORT",
        description = "Join the cluster whose head listens at HOST:PORT.")
    String address;
  }

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Head only: the port the head listens on; 0 picks a free one (default: 6380).")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "The address this node's servers listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--num-cpus",
      paramLabel = "N",
      description = "CPUs this node offers to tasks (default: the available processors).")
  Integer numCpus;

  @Option(
      names = "--resources",
      paramLabel = "JSON",
      converter = ResourcesConverter.class,
      description = "Custom resources as a JSON object of name to amount, e.g. '{\"GPU\":1}'.")
  CustomResources resources;

  @Option(
      names = "--object-store-memory",
      paramLabel = "SIZE",
      converter = SizeConverter.class,
      description =
          "Object store capacity: bytes, or with a suffix k, m, g, t (e.g. 512m, 2g)."
              + " Default: the node chooses.")
  Long objectStoreBytes;

  @Override
  public Integer call() {
    var node = nodeSpec();
    Sessions sessions = sessionRoot.sessions(parent.env());
    long cliPid = ProcessHandle.current().pid();
    LocalDateTime now = LocalDateTime.now(ZoneId.systemDefault());
    Path session =
        node.head()
            ? sessions.createForHead(now, cliPid)
            : sessions.selectForNode(node.headAddress(), now, cliPid);
    String name = node.head() ? "head" : "node-" + cliPid;
    Path logs = session.resolve("logs");
    Path log = logs.resolve(name + ".log");
    Path ready = session.resolve(name + ".ready");
    PrintWriter out = spec.commandLine().getOut();
    out.println("Session directory: " + session);
    out.println("Log file: " + log);
    out.flush();

    List<String> command =
        NodeLauncher.command(
            NodeLauncher.currentJava(),
            System.getProperty("java.class.path"),
            Runtime.version().feature(),
            node,
            session,
            ready);
    Process process = NodeLauncher.start(command, session, log);
    String what = node.head() ? "head node" : "node";
    NodeLauncher.Ready up =
        NodeLauncher.awaitReady(process, ready, log, NodeLauncher.READY_TIMEOUT, what);
    if (node.head()) {
      Sessions.recordHead(session, up.head(), process.pid());
      out.printf(
          "Started head node %s at %s (agent %s). Connect with Manta.init(\"manta://%s\") or"
              + " MANTA_ADDRESS=%s. Add nodes with: manta start --address %s. Logs: %s%n",
          up.node(), up.head(), up.agent(), up.head(), up.head(), up.head(), logs);
    } else {
      if (!Sessions.hasHeadAddress(session)) Sessions.recordHead(session, up.head(), -1);
      out.printf(
          "Started node %s (agent %s), joined the head at %s. Logs: %s%n",
          up.node(), up.agent(), up.head(), logs);
    }
    out.flush();
    return 0;
  }

  /** Checks the options together; a bad combination is a usage error (exit 2). */
  NodeLauncher.NodeSpec nodeSpec() {
    boolean head = role.head;
    if (!head) {
      checkHostPort(role.address);
      if (port != null) {
        throw usage(
            "--port applies to the head only: a node joining with --address chooses its own"
                + " ports. Drop --port, or start a head with --head --port "
                + port);
      }
    }
    Integer headPort = head ? (port == null ? Integer.valueOf(DEFAULT_HEAD_PORT) : port) : null;
    if (headPort != null && (headPort < 0 || headPort > 65535)) {
      throw usage("--port must be between 0 and 65535, was " + headPort);
    }
    if (bind.isBlank()) throw usage("--bind must name a host or address, was empty");
    int cpus = numCpus == null ? Runtime.getRuntime().availableProcessors() : numCpus;
    if (cpus < 0) throw usage("--num-cpus must be >= 0, was " + cpus);
    return new NodeLauncher.NodeSpec(
        head, head ? null : role.address, headPort, bind, cpus, resources, objectStoreBytes);
  }

  private void checkHostPort(String address) {
    int colon = address.lastIndexOf(':');
    String host = colon < 0 ? "" : address.substring(0, colon);
    int p = -1;
    if (colon >= 0) {
      try {
        p = Integer.parseInt(address.substring(colon + 1));
      } catch (NumberFormatException e) {
        p = -1;
      }
    }
    if (host.isBlank() || p < 1 || p > 65535) {
      throw usage(
          "--address must be HOST:PORT with a port from 1 to 65535, such as 127.0.0.1:6380; was '"
              + address
              + "'");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** {@code --object-store-memory}: a size in bytes; see {@link ByteSize}. */
  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return ByteSize.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --resources}: a flat JSON object; see {@link CustomResources}. */
  static final class ResourcesConverter implements ITypeConverter<CustomResources> {
    @Override
    public CustomResources convert(String value) {
      try {
        return CustomResources.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
