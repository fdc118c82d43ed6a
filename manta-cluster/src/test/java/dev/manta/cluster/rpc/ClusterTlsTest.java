package dev.manta.cluster.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.proto.ResultBatch;
import dev.manta.cluster.proto.ResultMsg;
import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on real sockets, for gRPC and for direct links: what {@code manta tls init} writes, a TLS
 * call and link that work, and each kind of client that must be refused (no certificate where one
 * is required, a certificate from another CA, a server from another CA, plaintext to a TLS port,
 * TLS to a plaintext port): refused before any handler runs, and the next valid call or link works.
 */
class ClusterTlsTest {
  private static final ClusterToken TOKEN = ClusterToken.random();

  @TempDir static Path dir;
  static TlsInit.Written ours;
  static TlsInit.Written theirs;
  static ClusterTls node;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();
  private final List<Server> servers = new ArrayList<>();

  @BeforeAll
  static void makeCertificates() {
    ours = TlsInit.init(dir.resolve("ours"), List.of("node-b.example", "10.1.2.3"));
    theirs = TlsInit.init(dir.resolve("theirs"), List.of());
    node = ClusterTls.load(ours.nodeCert(), ours.nodeKey(), ours.caCert(), false);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
    channels.forEach(ManagedChannel::shutdownNow);
    servers.forEach(Server::shutdownNow);
  }

  // ---- manta tls init ----

  @Test
  void init_writesPrivateKeysAndACertificateThatVerifiesAgainstTheCa() throws Exception {
    assertThat(mode(ours.caKey())).isEqualTo("rw-------");
    assertThat(mode(ours.nodeKey())).isEqualTo("rw-------");
    assertThat(mode(ours.caCert())).isEqualTo("rw-r--r--");
    assertThat(mode(ours.nodeCert())).isEqualTo("rw-r--r--");
    assertThat(mode(dir.resolve("ours"))).isEqualTo("rwx------");
    assertThat(Files.readString(ours.nodeKey())).startsWith("-----BEGIN PRIVATE KEY-----\n");

    X509Certificate ca = cert(ours.caCert());
    X509Certificate n = cert(ours.nodeCert());
    ca.verify(ca.getPublicKey()); // self-signed
    n.verify(ca.getPublicKey()); // signed by the CA
    n.checkValidity();
    assertThat(n.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(ca.getBasicConstraints()).isEqualTo(0); // a CA, path length 0
    assertThat(n.getBasicConstraints()).isEqualTo(-1); // not a CA
    assertThat(n.getExtendedKeyUsage())
        .containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    List<String> names = new ArrayList<>();
    for (List<?> alt : n.getSubjectAlternativeNames()) {
      names.add((String) alt.get(1));
    }
    assertThat(names)
        .contains("localhost", "127.0.0.1", "node-b.example", "10.1.2.3")
        .contains(InetAddress.getLocalHost().getHostName());
    // The other CA's certificate does not verify against ours.
    assertThatThrownBy(() -> cert(theirs.nodeCert()).verify(ca.getPublicKey()))
        .isInstanceOf(java.security.SignatureException.class);
  }

  @Test
  void init_overwritesNothing_andRefusesABadHost() {
    assertThatThrownBy(() -> TlsInit.init(dir.resolve("ours"), List.of()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("Cannot write the TLS files")
        .hasRootCauseMessage(
            ours.caCert() + ": manta tls init overwrites nothing; pick an empty folder");
    assertThatThrownBy(() -> TlsInit.init(dir.resolve("bad"), List.of("a b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--host a b is neither a host name");
    assertThat(Files.exists(dir.resolve("bad"))).isFalse();
  }

  @Test
  void load_refusesAKeyOpenToOthers_andAnOldStyleKey_sayingHowToFixIt() throws Exception {
    Path open = dir.resolve("open.key");
    Files.copy(ours.nodeKey(), open);
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> ClusterTls.load(ours.nodeCert(), open, ours.caCert(), false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is open to other users")
        .hasMessageContaining("chmod 600 " + open);
    Path rsa = dir.resolve("rsa.key");
    Files.writeString(
        rsa, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    Files.setPosixFilePermissions(rsa, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> ClusterTls.load(ours.nodeCert(), rsa, ours.caCert(), false))
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    assertThatThrownBy(() -> ClusterTls.load(ours.nodeCert(), null, ours.caCert(), false))
        .hasMessageContaining("needs both a certificate and its key");
  }

  @Test
  void settings_needTheCaWithACertificate_andTheKeyWithTheCertificate() {
    assertThatThrownBy(
            () ->
                ClusterConfig.from(
                    Map.of(ClusterConfig.TLS_CERT, "/x.crt", ClusterConfig.TLS_KEY, "/x.key"),
                    Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("manta.tls-ca (or MANTA_TLS_CA) is not");
    assertThatThrownBy(() -> ClusterConfig.from(Map.of(), Map.of("MANTA_TLS_KEY", "/x.key")))
        .hasMessageContaining("manta.tls-key (or MANTA_TLS_KEY) is set but manta.tls-cert");
    ClusterConfig c =
        ClusterConfig.from(
            Map.of(
                ClusterConfig.TLS_CERT,
                ours.nodeCert().toString(),
                ClusterConfig.TLS_KEY,
                ours.nodeKey().toString(),
                ClusterConfig.TLS_CA,
                ours.caCert().toString()),
            Map.of());
    assertThat(ClusterTls.from(c)).get().satisfies(t -> assertThat(t.hasCertificate()).isTrue());
    assertThat(c.workerProperties())
        .containsKeys(ClusterConfig.TLS_CERT, ClusterConfig.TLS_KEY, ClusterConfig.TLS_CA);
    assertThat(ClusterTls.from(ClusterConfig.defaults())).isEmpty();
  }

  // ---- non-loopback binds ----

  @Test
  void aNonLoopbackServerNeedsBothTheTokenAndTls() {
    assertThatThrownBy(() -> Rpc.serve("0.0.0.0", 0, List.of(), false, TOKEN, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("on 0.0.0.0 without TLS")
        .hasMessageContaining("manta tls init DIR")
        .hasMessageContaining("--tls-cert DIR/node.crt --tls-key DIR/node.key --tls-ca DIR/ca.crt")
        .hasMessageContaining("MANTA_TLS_CA")
        .hasMessageContaining("bind 127.0.0.1")
        .hasMessageNotContaining("--insecure-no-token");
    assertThatThrownBy(() -> DirectLink.Server.start("0.0.0.0", TOKEN, null, l -> new Collect()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("direct-link server on 0.0.0.0 without TLS");
    assertThatThrownBy(() -> Rpc.serve("0.0.0.0", 0, List.of(), false, null, node))
        .hasMessageContaining("without a cluster token:")
        .hasMessageContaining("Drop --insecure-no-token")
        .hasMessageNotContaining("manta tls init");
    assertThatThrownBy(() -> Rpc.serve("0.0.0.0", 0, List.of(), false, null, null))
        .hasMessageContaining("without a cluster token and TLS")
        .hasMessageContaining("manta tls init");
    Server s = Rpc.serve("0.0.0.0", 0, List.of(), false, TOKEN, node);
    servers.add(s);
    assertThat(s.getPort()).isPositive();
  }

  @Test
  void aProcessWithTheCaOnlyCannotListen_sayingWhatItNeeds() {
    ClusterTls caOnly = ClusterTls.load(null, null, ours.caCert(), false);
    assertThatThrownBy(() -> Rpc.serve("127.0.0.1", 0, List.of(), false, TOKEN, caOnly))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no certificate of its own")
        .hasMessageContaining("MANTA_TLS_CERT");
  }

  // ---- gRPC ----

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private static final MethodDescriptor<byte[], byte[]> ECHO =
      MethodDescriptor.<byte[], byte[]>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("manta.test.Echo/Echo")
          .setRequestMarshaller(BYTES)
          .setResponseMarshaller(BYTES)
          .build();

  /** Echoes, counting the calls its handler ran. */
  private static final class Echo implements BindableService {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public ServerServiceDefinition bindService() {
      return ServerServiceDefinition.builder("manta.test.Echo")
          .addMethod(
              ECHO,
              ServerCalls.asyncUnaryCall(
                  (req, out) -> {
                    calls.incrementAndGet();
                    out.onNext(req);
                    out.onCompleted();
                  }))
          .build();
    }
  }

  private Server serve(Echo echo, ClusterTls tls) {
    Server s = Rpc.serve("127.0.0.1", 0, List.of(echo), false, TOKEN, tls);
    servers.add(s);
    return s;
  }

  private byte[] call(int port, ClusterToken token, ClusterTls tls, String host) {
    ManagedChannel c = Rpc.channel(host + ":" + port, token, tls);
    channels.add(c);
    return ClientCalls.blockingUnaryCall(
        c, ECHO, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), bytes("hi"));
  }

  @Test
  void grpc_overTls_withOrWithoutAClientCertificate_andByHostName() {
    Echo echo = new Echo();
    int port = serve(echo, node).getPort();
    assertThat(call(port, TOKEN, node, "127.0.0.1")).isEqualTo(bytes("hi"));
    assertThat(call(port, TOKEN, node, "localhost")).isEqualTo(bytes("hi"));
    // A driver with the CA only: no certificate, so the token is what lets it in.
    ClusterTls caOnly = ClusterTls.load(null, null, ours.caCert(), false);
    assertThat(call(port, TOKEN, caOnly, "127.0.0.1")).isEqualTo(bytes("hi"));
    assertThat(echo.calls).hasValue(3);
    StatusRuntimeException e =
        catchStatus(() -> call(port, ClusterToken.random(), caOnly, "127.0.0.1"));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(echo.calls).hasValue(3);
  }

  @Test
  void grpc_refusesEachUntrustedClient_beforeTheHandler_andServesTheNextValidCall() {
    Echo echo = new Echo();
    int port =
        serve(echo, ClusterTls.load(ours.nodeCert(), ours.nodeKey(), ours.caCert(), true))
            .getPort();
    ClusterTls noCert = ClusterTls.load(null, null, ours.caCert(), false);
    ClusterTls otherCaCert =
        ClusterTls.load(theirs.nodeCert(), theirs.nodeKey(), ours.caCert(), false);
    ClusterTls trustsOtherCa =
        ClusterTls.load(ours.nodeCert(), ours.nodeKey(), theirs.caCert(), false);
    for (ClusterTls bad : new ClusterTls[] {noCert, otherCaCert, trustsOtherCa, null}) {
      StatusRuntimeException e = catchStatus(() -> call(port, TOKEN, bad, "127.0.0.1"));
      assertThat(e.getStatus().getCode()).as("%s", bad).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(echo.calls).as("no handler ran for %s", bad).hasValue(0);
      assertThat(call(port, TOKEN, node, "127.0.0.1")).isEqualTo(bytes("hi"));
      assertThat(echo.calls.getAndSet(0)).isEqualTo(1);
    }
  }

  @Test
  void grpc_aTlsClientOfAPlaintextServer_failsWithAMessageAboutTls() {
    Echo echo = new Echo();
    int port = serve(echo, null).getPort();
    StatusRuntimeException e = catchStatus(() -> call(port, TOKEN, node, "127.0.0.1"));
    assertThat(Rpc.explain(e, "head", "127.0.0.1:" + port))
        .contains("The TLS handshake with head at 127.0.0.1:" + port + " failed")
        .contains("manta.tls-ca");
    assertThat(echo.calls).hasValue(0);
  }

  // ---- direct links ----

  /** A receiver that hands frames to the test. */
  private static final class Collect implements DirectLink.Receiver {
    final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Throwable> closed = new CompletableFuture<>();

    @Override
    public void onFrame(byte[] frame) {
      frames.add(frame);
    }

    @Override
    public void onClosed(Throwable cause) {
      closed.complete(cause);
    }
  }

  /** A TLS link server that counts the links it took (past every handshake) and their frames. */
  private final class LinkServer {
    final AtomicInteger accepted = new AtomicInteger();
    final Collect frames = new Collect();
    final DirectLink.Server server;

    LinkServer(ClusterTls tls) {
      server =
          DirectLink.Server.start(
              "127.0.0.1",
              TOKEN,
              tls,
              l -> {
                accepted.incrementAndGet();
                return frames;
              });
      open.add(server);
    }

    /** A link from a valid client carries a frame. */
    void assertServes() throws Exception {
      DirectLink l =
          DirectLink.connect("127.0.0.1", server.port(), TOKEN, node, x -> new Collect());
      open.add(l);
      l.send(batch(7));
      assertThat(ResultBatch.parseFrom(frames.frames.poll(10, TimeUnit.SECONDS)))
          .isEqualTo(batch(7));
    }
  }

  @Test
  void link_overTls_carriesFramesBothWays() throws Exception {
    LinkServer s = new LinkServer(node);
    s.assertServes();
    Collect atClient = new Collect();
    DirectLink l = DirectLink.connect("localhost", s.server.port(), TOKEN, node, x -> atClient);
    open.add(l);
    l.send(batch(1));
    assertThat(s.frames.frames.poll(10, TimeUnit.SECONDS)).isEqualTo(batch(1).toByteArray());
    // The CA alone is enough for a client where certificates are not required.
    DirectLink d =
        DirectLink.connect(
            "127.0.0.1",
            s.server.port(),
            TOKEN,
            ClusterTls.load(null, null, ours.caCert(), false),
            x -> new Collect());
    open.add(d);
    d.send(batch(2));
    assertThat(s.frames.frames.poll(10, TimeUnit.SECONDS)).isEqualTo(batch(2).toByteArray());
    assertThat(s.accepted).hasValue(3);
  }

  @Test
  void link_refusesEachUntrustedClient_beforeAnyReceiver_andTakesTheNextValidLink()
      throws Exception {
    LinkServer s =
        new LinkServer(ClusterTls.load(ours.nodeCert(), ours.nodeKey(), ours.caCert(), true));
    ClusterTls noCert = ClusterTls.load(null, null, ours.caCert(), false);
    ClusterTls otherCaCert =
        ClusterTls.load(theirs.nodeCert(), theirs.nodeKey(), ours.caCert(), false);
    ClusterTls trustsOtherCa =
        ClusterTls.load(ours.nodeCert(), ours.nodeKey(), theirs.caCert(), false);
    for (ClusterTls bad : new ClusterTls[] {noCert, otherCaCert, trustsOtherCa}) {
      assertThatThrownBy(
              () ->
                  DirectLink.connect("127.0.0.1", s.server.port(), TOKEN, bad, x -> new Collect()))
          .as("%s", bad)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("The TLS handshake with the link server at 127.0.0.1:")
          .hasMessageContaining("certificates from the cluster's CA");
      assertThat(s.accepted).as("no receiver for %s", bad).hasValue(0);
      s.assertServes();
      s.accepted.set(0);
    }
  }

  @Test
  void link_plaintextToATlsServer_isRefused_andTheMessageNamesTls() throws Exception {
    LinkServer s = new LinkServer(node);
    assertThatThrownBy(
            () ->
                DirectLink.connect(
                    "127.0.0.1", s.server.port(), TOKEN, (ClusterTls) null, x -> new Collect()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("closed the link during the handshake")
        .hasMessageContaining("a TLS server closes a plaintext client's link so")
        .hasMessageContaining("manta.tls-ca");
    // A raw client writing the plaintext hello byte by byte gets nothing readable back.
    try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), s.server.port())) {
      raw.setSoTimeout(10_000);
      DataOutputStream o = new DataOutputStream(raw.getOutputStream());
      o.writeInt(0x4D4C4E4B);
      o.writeInt(Rpc.PROTOCOL_VERSION);
      o.writeInt(0);
      o.flush();
      DataInputStream in = new DataInputStream(raw.getInputStream());
      assertThat(in.read()).as("a TLS alert record, or the end").isIn(0x15, -1);
    }
    assertThat(s.accepted).hasValue(0);
    s.assertServes();
  }

  @Test
  void link_tlsToAPlaintextServer_failsSayingSo() {
    DirectLink.Server plain = DirectLink.Server.start("127.0.0.1", TOKEN, null, l -> new Collect());
    open.add(plain);
    assertThatThrownBy(
            () -> DirectLink.connect("127.0.0.1", plain.port(), TOKEN, node, x -> new Collect()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("TLS handshake")
        .hasMessageContaining("speaks plaintext");
  }

  // ---- helpers ----

  private static StatusRuntimeException catchStatus(Runnable r) {
    try {
      r.run();
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError("the call succeeded");
  }

  private static ResultBatch batch(int seq) {
    return ResultBatch.newBuilder().addResults(ResultMsg.newBuilder().setTaskSequence(seq)).build();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static X509Certificate cert(Path pem) throws Exception {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends java.security.cert.Certificate> all = cf.generateCertificates(in);
      return (X509Certificate) all.iterator().next();
    }
  }
}
