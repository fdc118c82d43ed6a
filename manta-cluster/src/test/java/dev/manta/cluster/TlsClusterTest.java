package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.cluster.config.ClusterConfig;
import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.KvEntry;
import dev.manta.cluster.proto.KvKey;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.rpc.ClusterTls;
import dev.manta.cluster.rpc.ClusterToken;
import dev.manta.cluster.rpc.DirectLink;
import dev.manta.cluster.rpc.Rpc;
import dev.manta.cluster.rpc.TlsInit;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS cluster of real processes: a head (with its agent) and a second node, their workers and
 * this test JVM as the driver, all with the certificate {@link TlsInit} makes. Tasks on both nodes,
 * an actor, and objects between nodes work; every listener of every node process and worker refuses
 * plaintext; a client with a certificate from another CA, or trusting another CA, or speaking
 * plaintext, is refused before any handler runs, and the next valid call works; the same for a
 * worker's direct link.
 */
class TlsClusterTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String[] TLS_PROPERTIES = {
    ClusterConfig.TLS_CERT, ClusterConfig.TLS_KEY, ClusterConfig.TLS_CA
  };

  @TempDir static Path dir;
  static ClusterFixture cluster;
  static ClusterFixture.Node nodeB;
  static TlsInit.Written ours;
  static TlsInit.Written theirs;
  static ClusterTls tls;
  static ClusterToken token;
  private final List<ManagedChannel> channels = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    ours = TlsInit.init(dir.resolve("tls"), List.of());
    theirs = TlsInit.init(dir.resolve("other-ca"), List.of());
    tls = ClusterTls.load(ours.nodeCert(), ours.nodeKey(), ours.caCert(), false);
    token = ClusterToken.read(ClusterFixture.TOKEN_FILE);
    List<String> flags = new ArrayList<>(List.of("-Dmanta.prestart-workers=1"));
    String[] files = {
      ours.nodeCert().toString(), ours.nodeKey().toString(), ours.caCert().toString()
    };
    for (int i = 0; i < TLS_PROPERTIES.length; i++) {
      flags.add("-D" + TLS_PROPERTIES[i] + "=" + files[i]);
      System.setProperty(TLS_PROPERTIES[i], files[i]); // this JVM is a driver of the cluster
    }
    cluster = new ClusterFixture(dir.resolve("session"), flags.toArray(new String[0]));
    cluster.startHead(2);
    nodeB = cluster.startNode("b", 2, "--resources", "{\"nodeB\": 1}");
    Manta.init(cluster.address());
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      Manta.shutdown();
      cluster.close();
    } finally {
      for (String p : TLS_PROPERTIES) {
        System.clearProperty(p);
      }
      Rpc.useSettings(ClusterConfig.fromSystemProperties()); // later tests of this JVM: no TLS
    }
  }

  @AfterEach
  void closeChannels() {
    channels.forEach(ManagedChannel::shutdownNow);
  }

  private ManagedChannel channel(String address, ClusterToken t, ClusterTls with) {
    ManagedChannel c = Rpc.channel(address, t, with);
    channels.add(c);
    return c;
  }

  /** A task: the node it ran on. */
  static String where(int x) {
    return Manta.runtimeContext().nodeId() + ":" + x;
  }

  /** A task: a 1 MiB value. */
  static byte[] blob(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31);
    }
    return b;
  }

  /** A task: the sum of a value's bytes, where it ran. */
  static long sum(byte[] b) {
    long s = 0;
    for (byte x : b) {
      s += x;
    }
    return s;
  }

  /** An actor that counts, and says which process hosts it. */
  public static final class Counter {
    private int n;

    public int add(int k) {
      n += k;
      return n;
    }

    public long pid() {
      return ProcessHandle.current().pid();
    }
  }

  @Test
  void tasksActorsAndObjects_workOverTls_onBothNodes() {
    List<ObjectRef<String>> onB = new ArrayList<>();
    List<ObjectRef<String>> anywhere = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      onB.add(Manta.task(TlsClusterTest::where, i).resource("nodeB", 1).remote());
      anywhere.add(Manta.task(TlsClusterTest::where, 100 + i).remote());
    }
    List<String> b = Manta.get(onB, WAIT);
    for (int i = 0; i < 10; i++) {
      assertThat(b.get(i)).isEqualTo(nodeB.nodeId() + ":" + i);
    }
    Set<String> nodes = new HashSet<>();
    List<String> any = Manta.get(anywhere, WAIT);
    for (int i = 0; i < 10; i++) {
      assertThat(any.get(i)).endsWith(":" + (100 + i));
      nodes.add(any.get(i).substring(0, any.get(i).lastIndexOf(':')));
    }
    assertThat(nodes).isSubsetOf(cluster.head().nodeId(), nodeB.nodeId());

    // An object made on node B, read on the head's node and by the driver.
    ObjectRef<byte[]> value =
        Manta.task(TlsClusterTest::blob, 1 << 20).resource("nodeB", 1).remote();
    long want = sum(blob(1 << 20));
    assertThat(Manta.get(Manta.task(TlsClusterTest::sum, value).remote(), WAIT)).isEqualTo(want);
    assertThat(sum(Manta.get(value, WAIT))).isEqualTo(want);

    ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
    List<ObjectRef<Integer>> adds = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      adds.add(c.task(Counter::add, i).remote());
    }
    assertThat(Manta.get(adds, WAIT).get(19)).isEqualTo(210);
    c.kill();
  }

  @Test
  void dashboard_servesHttpsWithItsKey_toABrowserTrustingTheClustersCa() throws Exception {
    String url =
        Files.readString(dir.resolve("session").resolve(NodeMain.DASHBOARD_URL_FILE)).strip();
    assertThat(url).startsWith("https://127.0.0.1:").contains("/login?key=");
    String base = url.substring(0, url.indexOf("/login"));
    String key = url.substring(url.indexOf("key=") + 4);
    java.net.http.HttpClient https =
        java.net.http.HttpClient.newBuilder()
            .sslContext(
                ClusterTls.load(ours.nodeCert(), ours.nodeKey(), ours.caCert(), false)
                    .httpsContext("test browser"))
            .build();
    java.net.http.HttpResponse<String> r =
        https.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/nodes"))
                .header("Authorization", "Bearer " + key)
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains(cluster.head().nodeId(), "\"state\":\"ALIVE\"");
  }

  @Test
  void metricsEndpoints_serveHttpsToAScraperTrustingTheClustersCa() throws Exception {
    Path metrics = dir.resolve("session").resolve("metrics");
    List<Path> entries;
    try (var files = Files.list(metrics)) {
      entries = files.filter(f -> f.getFileName().toString().startsWith("node-")).toList();
    }
    assertThat(entries).hasSize(2); // the head's node and node b
    javax.net.ssl.SSLContext trustCa =
        ClusterTls.load(ours.nodeCert(), ours.nodeKey(), ours.caCert(), false)
            .httpsContext("test scraper");
    java.net.http.HttpClient https =
        java.net.http.HttpClient.newBuilder().sslContext(trustCa).build();
    for (Path e : entries) {
      String json = Files.readString(e);
      assertThat(json).contains("\"__scheme__\":\"https\"");
      String address = json.replaceAll("(?s).*\"targets\":\\[\"([^\"]+)\"\\].*", "$1");
      java.net.http.HttpResponse<String> r =
          https.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("https://" + address + "/metrics"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("manta_workers{state=\"all\"}");
    }
  }

  @Test
  void everyListenerOfEveryNodeAndWorker_refusesPlaintext() throws Exception {
    // A worker with an actor, so worker listeners (gRPC and direct links) are among them.
    ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
    Manta.get(c.task(Counter::pid).remote(), WAIT);
    List<Long> pids = new ArrayList<>();
    for (ClusterFixture.Node n : List.of(cluster.head(), nodeB)) {
      pids.add(n.process().pid());
      n.process().descendants().forEach(p -> pids.add(p.pid()));
    }
    List<ClusterSecurityTest.Listener> all = new ArrayList<>();
    for (long pid : pids) {
      all.addAll(ClusterSecurityTest.listeners(pid));
    }
    // The head, two agents, and a worker's gRPC and link servers at least.
    assertThat(all).as("listeners of %s", pids).hasSizeGreaterThanOrEqualTo(5);
    for (ClusterSecurityTest.Listener l : all) {
      Socket connected;
      try {
        connected = new Socket(l.address(), l.port());
      } catch (java.net.ConnectException gone) {
        // Listed, then closed before we connected (a worker of an earlier test ending): fine if
        // no process of the cluster listens there any more.
        List<ClusterSecurityTest.Listener> now = new ArrayList<>();
        for (long pid : pids) {
          now.addAll(ClusterSecurityTest.listeners(pid));
        }
        assertThat(now).as("%s refused a connection while still listening", l).doesNotContain(l);
        continue;
      }
      try (Socket raw = connected) {
        raw.setSoTimeout(30_000);
        DataOutputStream out = new DataOutputStream(raw.getOutputStream());
        out.writeInt(0x4D4C4E4B); // a plaintext link hello, which a plaintext gRPC server also ends
        out.writeInt(Rpc.PROTOCOL_VERSION);
        out.writeInt(0);
        out.flush();
        DataInputStream in = new DataInputStream(raw.getInputStream());
        int first;
        try {
          first = in.read();
        } catch (java.net.SocketException reset) {
          first = -1;
        }
        assertThat(first).as("%s answers plaintext with a TLS alert or the end", l).isIn(0x15, -1);
      }
    }
    // A plaintext gRPC client is refused too.
    StatusRuntimeException e =
        status(
            () ->
                HeadGrpc.newBlockingStub(channel(cluster.head().head(), token, null))
                    .withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getClusterView(Empty.getDefaultInstance()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    c.kill();
  }

  @Test
  void head_refusesClientsOutsideTheCa_changesNothing_andServesTheNextValidCall() {
    String head = cluster.head().head();
    ClusterTls otherCert =
        ClusterTls.load(theirs.nodeCert(), theirs.nodeKey(), ours.caCert(), false);
    ClusterTls otherTrust =
        ClusterTls.load(ours.nodeCert(), ours.nodeKey(), theirs.caCert(), false);
    int i = 0;
    for (ClusterTls bad : new ClusterTls[] {otherCert, otherTrust, null}) {
      String key = "tls-intruder-" + i++;
      var intruder = Rpc.deadline(HeadGrpc.newBlockingStub(channel(head, token, bad)));
      StatusRuntimeException e =
          status(
              () ->
                  intruder.kvPut(
                      KvEntry.newBuilder()
                          .setKey(key)
                          .setValue(ByteString.copyFromUtf8("v"))
                          .build()));
      assertThat(e.getStatus().getCode()).as("%s", bad).isEqualTo(Status.Code.UNAVAILABLE);
      StatusRuntimeException r =
          status(
              () ->
                  intruder.registerNode(
                      NodeInfo.newBuilder().setNodeId(key).setAgentAddress("127.0.0.1:1").build()));
      assertThat(r.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);

      var valid = Rpc.deadline(HeadGrpc.newBlockingStub(channel(head, token, tls)));
      assertThat(valid.kvGet(KvKey.newBuilder().setKey(key).build()).getFound()).isFalse();
      assertThat(valid.getClusterView(Empty.getDefaultInstance()).getNodesList())
          .extracting(NodeInfo::getNodeId)
          .doesNotContain(key)
          .contains(cluster.head().nodeId(), nodeB.nodeId());
    }
    // A client with the CA only passes TLS but not the token check without the token.
    ClusterTls caOnly = ClusterTls.load(null, null, ours.caCert(), false);
    var noToken = Rpc.deadline(HeadGrpc.newBlockingStub(channel(head, null, caOnly)));
    assertThat(
            status(() -> noToken.getClusterView(Empty.getDefaultInstance())).getStatus().getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    var withToken = Rpc.deadline(HeadGrpc.newBlockingStub(channel(head, token, caOnly)));
    assertThat(withToken.getClusterView(Empty.getDefaultInstance()).getNodesCount()).isEqualTo(2);
  }

  @Test
  void worker_refusesCallsAndLinksOutsideTheCa_keepsItsActor_andTakesTheNextValidLink()
      throws Exception {
    ActorHandle<Counter> a = Manta.actor(Counter::new).remote();
    long pid = Manta.get(a.task(Counter::pid).remote(), WAIT);
    assertThat(Manta.get(a.task(Counter::add, 5).remote(), WAIT)).isEqualTo(5);
    String worker = workerOf(pid);
    String host = worker.substring(0, worker.lastIndexOf(':'));
    ClusterTls otherCert =
        ClusterTls.load(theirs.nodeCert(), theirs.nodeKey(), ours.caCert(), false);

    var intruder = Rpc.deadline(CoreWorkerGrpc.newBlockingStub(channel(worker, token, otherCert)));
    assertThat(status(() -> intruder.exit(Empty.getDefaultInstance())).getStatus().getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(
            status(() -> intruder.killActor(ActorInfo.getDefaultInstance())).getStatus().getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);

    int port =
        Rpc.deadline(CoreWorkerGrpc.newBlockingStub(channel(worker, token, tls)))
            .openLink(Empty.getDefaultInstance())
            .getPort();
    for (ClusterTls bad :
        new ClusterTls[] {
          otherCert, ClusterTls.load(ours.nodeCert(), ours.nodeKey(), theirs.caCert(), false), null
        }) {
      assertThatThrownBy(() -> DirectLink.connect(host, port, token, bad, l -> quiet()))
          .as("%s", bad)
          .isInstanceOf(IOException.class);
    }
    try (DirectLink link = DirectLink.connect(host, port, token, tls, l -> quiet())) {
      assertThat(link.peer()).contains(Integer.toString(port));
    }
    // The actor and its worker live on, its state intact: the refused Exit and KillActor did
    // nothing.
    assertThat(Manta.get(a.task(Counter::pid).remote(), WAIT)).isEqualTo(pid);
    assertThat(Manta.get(a.task(Counter::add, 1).remote(), WAIT)).isEqualTo(6);
    a.kill();
  }

  @Test
  void aDriverWithoutTls_orWithTheCaOnly_isRefusedAtInit_sayingWhatItNeeds() throws Exception {
    assertThat(driver(Map.of()))
        .startsWith("REFUSED: ")
        .contains("if it uses TLS, give this process its CA (manta.tls-ca or MANTA_TLS_CA)");
    assertThat(driver(Map.of("MANTA_TLS_CA", ours.caCert().toString())))
        .startsWith("REFUSED: ")
        .contains("no certificate of its own")
        .contains("MANTA_TLS_CERT");
    assertThat(
            driver(
                Map.of(
                    "MANTA_TLS_CA", ours.caCert().toString(),
                    "MANTA_TLS_CERT", ours.nodeCert().toString(),
                    "MANTA_TLS_KEY", ours.nodeKey().toString())))
        .isEqualTo("JOINED");
  }

  /** Runs {@link TokenlessDriver} with the cluster's token and {@code env}; its verdict line. */
  private static String driver(Map<String, String> env) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(JvmFlags.forThisJdk());
    cmd.addAll(dev.manta.cluster.ClusterFixture.LEAN_JVM_FLAGS);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(TokenlessDriver.class.getName());
    cmd.add(cluster.address());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("MANTA_TLS") || k.startsWith("MANTA_TOKEN"));
    e.put(ClusterToken.TOKEN_FILE_ENV, ClusterFixture.TOKEN_FILE.toString());
    e.putAll(env);
    Path log = Files.createTempFile(dir, "driver", ".log");
    Process p = pb.redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the driver exits").isTrue();
    String output = Files.readString(log);
    return output
        .lines()
        .filter(l -> l.startsWith("REFUSED") || l.equals("JOINED"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no verdict from the driver: " + output));
  }

  private static DirectLink.Receiver quiet() {
    return new DirectLink.Receiver() {
      @Override
      public void onFrame(byte[] frame) {}

      @Override
      public void onClosed(Throwable cause) {}
    };
  }

  /** The gRPC address of worker {@code pid}: the Counter actor address that it listens on. */
  private String workerOf(long pid) {
    var head = Rpc.deadline(HeadGrpc.newBlockingStub(channel(cluster.head().head(), token, tls)));
    List<String> addresses =
        head.getClusterView(Empty.getDefaultInstance()).getActorsList().stream()
            .filter(x -> x.getClassName().contains("Counter"))
            .map(ActorInfo::getWorkerAddress)
            .filter(w -> !w.isEmpty())
            .distinct()
            .toList();
    for (String w : addresses) {
      int port = Integer.parseInt(w.substring(w.lastIndexOf(':') + 1));
      if (ClusterSecurityTest.listeners(pid).stream().anyMatch(l -> l.port() == port)) {
        return w;
      }
    }
    throw new AssertionError("no Counter actor served by pid " + pid + " in " + addresses);
  }

  private static StatusRuntimeException status(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError("the call succeeded");
  }
}
