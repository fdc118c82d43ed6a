package dev.manta.cli;

import dev.manta.cluster.rpc.TlsInit;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code manta tls}: TLS files for a cluster. */
@Command(
    name = "tls",
    mixinStandardHelpOptions = true,
    description = "TLS files for a cluster.",
    subcommands = {TlsCommand.Init.class})
final class TlsCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing command: give init");
  }

  /** {@code manta tls init DIR}: a private CA and a node certificate; see {@link TlsInit}. */
  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = {
        "Make a private CA and one node certificate for a test cluster in DIR: ca.crt, ca.key,"
            + " node.crt, node.key (keys mode 0600). The certificate names localhost, 127.0.0.1,"
            + " this machine's host name and address, and every --host; copy DIR to each machine"
            + " of the cluster (keys owner-only). Overwrites nothing."
      })
  static final class Init implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to write (made 0700).")
    Path dir;

    @Option(
        names = "--host",
        paramLabel = "HOST",
        description =
            "Another host name or IP address the certificate names (the other machines of the"
                + " cluster); repeatable.")
    List<String> hosts = new ArrayList<>();

    @Override
    public Integer call() {
      TlsInit.Written w;
      try {
        w = TlsInit.init(dir, hosts);
      } catch (UncheckedIOException e) {
        throw new CliFailure(e.getMessage() + ": " + e.getCause().getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new CliFailure(e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("CA certificate:   " + w.caCert().toAbsolutePath());
      out.println(
          "CA key:           " + w.caKey().toAbsolutePath() + " (0600; no process needs it)");
      out.println("Node certificate: " + w.nodeCert().toAbsolutePath());
      out.println("Node key:         " + w.nodeKey().toAbsolutePath() + " (0600)");
      out.println("Names: " + String.join(", ", w.names()));
      Path d = dir.toAbsolutePath();
      out.println(
          "Start nodes with: manta start ... --tls-cert "
              + d.resolve(TlsInit.NODE_CERT)
              + " --tls-key "
              + d.resolve(TlsInit.NODE_KEY)
              + " --tls-ca "
              + d.resolve(TlsInit.CA_CERT));
      out.println(
          "Drivers: MANTA_TLS_CERT="
              + d.resolve(TlsInit.NODE_CERT)
              + " MANTA_TLS_KEY="
              + d.resolve(TlsInit.NODE_KEY)
              + " MANTA_TLS_CA="
              + d.resolve(TlsInit.CA_CERT)
              + " (manta status: MANTA_TLS_CA alone)");
      out.flush();
      return 0;
    }
  }
}
