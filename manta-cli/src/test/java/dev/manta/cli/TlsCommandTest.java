package dev.manta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code manta tls init}, and {@code manta start} with and without TLS on an address other than
 * loopback, {@code manta status} of a TLS cluster: in-process for the files and usage errors, real
 * {@code manta} and node processes for the cluster.
 */
class TlsCommandTest {
  @TempDir Path root;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void stopEverything() {
    MantaCli.commandLine(Map.of(Sessions.ROOT_ENV, root.toString()))
        .setOut(new PrintWriter(new StringWriter()))
        .execute("stop", "--all");
  }

  private int run(String... args) {
    return MantaCli.commandLine(Map.of(Sessions.ROOT_ENV, root.toString()))
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void init_writesACaAndANodeCertificate_keysOwnerOnly_certificateSignedByTheCa() throws Exception {
    Path dir = root.resolve("tls");
    assertThat(run("tls", "init", dir.toString(), "--host", "node-b.example", "--host", "10.9.8.7"))
        .as("%s", err)
        .isZero();
    assertThat(out.toString())
        .contains("Node certificate: " + dir.resolve("node.crt"))
        .contains("node-b.example, 10.9.8.7")
        .contains("--tls-cert " + dir.resolve("node.crt"))
        .contains("MANTA_TLS_CA=" + dir.resolve("ca.crt"));
    assertThat(mode(dir)).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("ca.key"))).isEqualTo("rw-------");
    assertThat(mode(dir.resolve("node.key"))).isEqualTo("rw-------");
    assertThat(mode(dir.resolve("node.crt"))).isEqualTo("rw-r--r--");
    X509Certificate ca = cert(dir.resolve("ca.crt"));
    X509Certificate node = cert(dir.resolve("node.crt"));
    node.verify(ca.getPublicKey());
    List<Object> names = new ArrayList<>();
    node.getSubjectAlternativeNames().forEach(n -> names.add(n.get(1)));
    assertThat(names).contains("localhost", "127.0.0.1", "node-b.example", "10.9.8.7");

    assertThat(run("tls", "init", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("overwrites nothing");
  }

  @Test
  void start_withSomeButNotAllTlsFlags_isAUsageError() {
    assertThat(run("start", "--head", "--tls-cert", "/x.crt")).isEqualTo(2);
    assertThat(err.toString()).contains("give all three of --tls-cert, --tls-key and --tls-ca");
  }

  @Test
  void start_onANonLoopbackAddressWithoutTls_isRefused_sayingHowToTurnItOn() throws Exception {
    Result r = manta(Map.of(), "start", "--head", "--port", "0", "--bind", "0.0.0.0");
    assertThat(r.exit()).as(r.output()).isEqualTo(1);
    assertThat(r.output())
        .contains("Refusing to start a Manta node on 0.0.0.0 without TLS")
        .contains("manta tls init DIR")
        .contains("--tls-cert DIR/node.crt");
  }

  @Test
  void aTlsClusterOnAllAddresses_startsAndAnswersStatus_onlyOverTls() throws Exception {
    Path dir = root.resolve("tls");
    assertThat(run("tls", "init", dir.toString())).as("%s", err).isZero();
    Result start =
        manta(
            Map.of(),
            "start",
            "--head",
            "--port",
            "0",
            "--bind",
            "0.0.0.0",
            "--num-cpus",
            "1",
            "--tls-cert",
            dir.resolve("node.crt").toString(),
            "--tls-key",
            dir.resolve("node.key").toString(),
            "--tls-ca",
            dir.resolve("ca.crt").toString());
    assertThat(start.exit()).as(start.output()).isZero();
    assertThat(start.output()).contains("TLS: on, certificate " + dir.resolve("node.crt"));

    // A long deadline: a cold JVM's first TLS handshake on a busy machine takes seconds.
    Result status =
        manta(
            Map.of("MANTA_TLS_CA", dir.resolve("ca.crt").toString()), "status", "--timeout", "60");
    assertThat(status.exit()).as(status.output()).isZero();
    assertThat(status.output()).contains("1 node(s) alive");

    Result plaintext = manta(Map.of(), "status", "--timeout", "60");
    assertThat(plaintext.exit()).as(plaintext.output()).isEqualTo(1);
    assertThat(plaintext.output())
        .doesNotContain("node(s) alive")
        .contains("if it uses TLS, give this process its CA (manta.tls-ca or MANTA_TLS_CA)");
  }

  private record Result(int exit, String output) {}

  private Result manta(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    var cmd = new ArrayList<String>();
    cmd.add(NodeLauncher.currentJava());
    cmd.addAll(NodeLauncher.jvmFlags(Runtime.version().feature()));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(MantaCli.class.getName());
    cmd.addAll(List.of(args));
    var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> e = pb.environment();
    e.put(Sessions.ROOT_ENV, root.toString());
    for (String k : new HashMap<>(e).keySet()) {
      if (k.startsWith("MANTA_TOKEN") || k.startsWith("MANTA_TLS") || k.equals("MANTA_ADDRESS")) {
        e.remove(k);
      }
    }
    e.putAll(env);
    Path output = root.resolve("cli-" + System.nanoTime() + ".out");
    pb.redirectOutput(output.toFile());
    Process p = pb.start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(
          "manta " + String.join(" ", args) + " did not exit in 90 s: " + Files.readString(output));
    }
    return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static X509Certificate cert(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
