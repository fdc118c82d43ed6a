package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.CreateRequest;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.KvEntry;
import dev.manta.cluster.proto.KvKey;
import dev.manta.cluster.proto.LeaseRequest;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeInfo;
import dev.manta.cluster.proto.ObjectIdMsg;
import dev.manta.cluster.rpc.ClusterToken;
import dev.manta.cluster.rpc.DirectLink;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cluster token, against real head, agent and worker processes: a call or a link without it, or
 * with another, is refused with {@code UNAUTHENTICATED} (a link: a refusal with the reason),
 * nothing happens on the server, and the next valid call is served. Also: the listeners of a
 * default cluster, the store's file mode, the key-value store's bounds, and drivers without the
 * token.
 */
class ClusterSecurityTest {
  @TempDir static Path dir;
  static ClusterFixture cluster;
  static ClusterToken good;
  static final String WRONG = HexFormat.of().formatHex(new byte[32]).replace('0', '7');
  private final List<ManagedChannel> channels = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    cluster = new ClusterFixture(dir, "-Dmanta.prestart-workers=1");
    cluster.startHead(2);
    good = ClusterToken.read(ClusterFixture.TOKEN_FILE);
    Manta.init(cluster.address());
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  @AfterEach
  void closeChannels() {
    channels.forEach(ManagedChannel::shutdownNow);
  }

  /** An actor that says which process hosts it. */
  public static final class Probe {
    public long pid() {
      return ProcessHandle.current().pid();
    }
  }

  private static ClusterToken bad(String kind) {
    return kind.equals("none") ? null : ClusterToken.of(WRONG, "the test's wrong token");
  }

  private ManagedChannel channel(String address, ClusterToken token) {
    ManagedChannel c = Rpc.channel(address, token);
    channels.add(c);
    return c;
  }

  private static void assertRefused(Runnable call, String kind) {
    assertThatThrownBy(call::run)
        .isInstanceOf(StatusRuntimeException.class)
        .satisfies(
            e -> {
              Status s = ((StatusRuntimeException) e).getStatus();
              assertThat(s.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
              assertThat(s.getDescription())
                  .contains("requires its cluster token on every call")
                  .contains(kind.equals("none") ? "sent none" : "sent another one")
                  .contains("MANTA_TOKEN_FILE")
                  .doesNotContain(WRONG);
            });
  }

  /**
   * A value of the job's own code: a record holding an enum, JDK values and an array of records.
   */
  public record Reading(
      Unit unit, java.math.BigDecimal value, java.util.UUID id, Reading[] parts) {}

  /** An enum of the job's. */
  public enum Unit {
    CELSIUS,
    KELVIN
  }

  static Reading convert(Reading r) {
    return new Reading(
        Unit.KELVIN, r.value().add(java.math.BigDecimal.valueOf(273)), r.id(), r.parts());
  }

  static Object urlValue() throws java.net.MalformedURLException {
    return List.of(java.net.URI.create("http://example.invalid/").toURL());
  }

  @Test
  void valuesOfTheJobsClassesTravel_othersAreRefusedNamingTheClassAndTheSetting() {
    java.util.UUID id = java.util.UUID.randomUUID();
    Reading leaf = new Reading(Unit.CELSIUS, java.math.BigDecimal.ONE, id, new Reading[0]);
    Reading in = new Reading(Unit.CELSIUS, java.math.BigDecimal.TEN, id, new Reading[] {leaf});
    Reading out =
        Manta.get(Manta.task(ClusterSecurityTest::convert, in).remote(), Duration.ofSeconds(60));
    assertThat(out.unit()).isEqualTo(Unit.KELVIN);
    assertThat(out.value()).isEqualByComparingTo("283");
    assertThat(out.parts()[0].id()).isEqualTo(id);

    // The sender refuses first: the driver's put, then a worker's result.
    assertThatThrownBy(() -> Manta.put(new java.util.PriorityQueue<>(List.of(2, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.util.PriorityQueue")
        .hasMessageContaining("manta.serialization-allow");
    var url = Manta.task(ClusterSecurityTest::urlValue).remote();
    assertThatThrownBy(() -> Manta.get(url, Duration.ofSeconds(60)))
        .isInstanceOf(dev.manta.TaskException.class)
        .hasMessageContaining("java.net.URL")
        .hasMessageContaining("manta.serialization-allow");
    // The worker serves on.
    assertThat(Manta.get(Manta.task(ClusterSecurityTest::convert, leaf).remote()).unit())
        .isEqualTo(Unit.KELVIN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "wrong"})
  void head_refusesCallsWithoutTheToken_changesNothing_andServesTheNextValidCall(String kind) {
    String head = cluster.head().head();
    var intruder = Rpc.deadline(HeadGrpc.newBlockingStub(channel(head, bad(kind))));
    String fakeNode = "intruder-" + kind;
    assertRefused(
        () ->
            intruder.registerNode(
                NodeInfo.newBuilder().setNodeId(fakeNode).setAgentAddress("127.0.0.1:1").build()),
        kind);
    assertRefused(
        () ->
            intruder.kvPut(
                KvEntry.newBuilder()
                    .setKey("k-" + kind)
                    .setValue(ByteString.copyFromUtf8("v"))
                    .build()),
        kind);
    assertRefused(() -> intruder.getClusterView(Empty.getDefaultInstance()), kind);

    var valid = Rpc.deadline(HeadGrpc.newBlockingStub(channel(head, good)));
    assertThat(valid.getClusterView(Empty.getDefaultInstance()).getNodesList())
        .extracting(NodeInfo::getNodeId)
        .doesNotContain(fakeNode)
        .contains(cluster.head().nodeId());
    assertThat(valid.kvGet(KvKey.newBuilder().setKey("k-" + kind).build()).getFound()).isFalse();
    valid.kvPut(
        KvEntry.newBuilder().setKey("k-" + kind).setValue(ByteString.copyFromUtf8("v")).build());
    assertThat(
            valid.kvGet(KvKey.newBuilder().setKey("k-" + kind).build()).getValue().toStringUtf8())
        .isEqualTo("v");
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "wrong"})
  void agent_refusesCallsWithoutTheToken_changesNothing_andServesTheNextValidCall(String kind) {
    String agent = cluster.head().agent();
    var valid = Rpc.deadline(NodeAgentGrpc.newBlockingStub(channel(agent, good)));
    long usedBefore = valid.nodeStats(Empty.getDefaultInstance()).getStoreUsed();
    var intruder = Rpc.deadline(NodeAgentGrpc.newBlockingStub(channel(agent, bad(kind))));
    assertRefused(
        () ->
            intruder.createObject(
                CreateRequest.newBuilder()
                    .setId(ObjectIdMsg.newBuilder().setPrefix(77).setSequence(1).setIndex(1))
                    .setLength(16 << 20)
                    .setJobId("intruder")
                    .build()),
        kind);
    assertRefused(
        () -> intruder.leaseWorker(LeaseRequest.newBuilder().setJobId("intruder").build()), kind);
    assertRefused(() -> intruder.storeInfo(Empty.getDefaultInstance()), kind);
    assertThat(valid.nodeStats(Empty.getDefaultInstance()).getStoreUsed())
        .as("no block was reserved")
        .isEqualTo(usedBefore);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "wrong"})
  void worker_refusesCallsAndLinksWithoutTheToken_keepsItsActor_andServesTheNextValid(String kind)
      throws Exception {
    ActorHandle<Probe> a = Manta.actor(Probe::new).remote();
    long pid = Manta.get(a.task(Probe::pid).remote(), Duration.ofSeconds(60));
    String worker = workerOf(pid);

    var intruder = Rpc.deadline(CoreWorkerGrpc.newBlockingStub(channel(worker, bad(kind))));
    assertRefused(() -> intruder.exit(Empty.getDefaultInstance()), kind);
    assertRefused(() -> intruder.killActor(ActorInfo.getDefaultInstance()), kind);
    assertRefused(() -> intruder.openLink(Empty.getDefaultInstance()), kind);

    int port =
        Rpc.deadline(CoreWorkerGrpc.newBlockingStub(channel(worker, good)))
            .openLink(Empty.getDefaultInstance())
            .getPort();
    assertThat(port).isPositive();
    String host = worker.substring(0, worker.lastIndexOf(':'));
    byte[] sent = kind.equals("none") ? new byte[0] : WRONG.getBytes(StandardCharsets.US_ASCII);
    try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), port)) {
      DataOutputStream out = new DataOutputStream(raw.getOutputStream());
      out.writeInt(0x4D4C4E4B);
      out.writeInt(Rpc.PROTOCOL_VERSION);
      out.writeInt(sent.length);
      out.write(sent);
      out.flush();
      DataInputStream in = new DataInputStream(raw.getInputStream());
      assertThat(in.readInt()).isEqualTo(0x4D4C4E4B);
      assertThat(in.readInt()).isEqualTo(Rpc.PROTOCOL_VERSION);
      assertThat(in.readInt()).as("refused").isEqualTo(1);
      byte[] reason = new byte[in.readInt()];
      in.readFully(reason);
      assertThat(new String(reason, StandardCharsets.UTF_8))
          .contains("requires its cluster token on every link");
      assertThat(in.read()).isEqualTo(-1);
    }
    try (DirectLink link =
        DirectLink.connect(
            host,
            port,
            good,
            l ->
                new DirectLink.Receiver() {
                  @Override
                  public void onFrame(byte[] frame) {}

                  @Override
                  public void onClosed(Throwable cause) {}
                })) {
      assertThat(link.peer()).contains(Integer.toString(port));
    }
    // The actor and its worker live on: the refused Exit and KillActor did nothing.
    assertThat(Manta.get(a.task(Probe::pid).remote(), Duration.ofSeconds(60))).isEqualTo(pid);
    a.kill();
  }

  /**
   * The gRPC address of the worker process {@code pid}, from the head's actor table: the address of
   * any Probe actor, live or ended, that {@code pid} listens on. (Not only ALIVE ones: a worker
   * reused for the next actor can briefly have that actor listed dead, see the session note.)
   */
  private String workerOf(long pid) {
    var head = Rpc.deadline(HeadGrpc.newBlockingStub(channel(cluster.head().head(), good)));
    List<String> addresses =
        head.getClusterView(Empty.getDefaultInstance()).getActorsList().stream()
            .filter(x -> x.getClassName().contains("Probe"))
            .filter(x -> !x.getWorkerAddress().isEmpty())
            .distinct()
            .map(ActorInfo::getWorkerAddress)
            .toList();
    for (String w : addresses) {
      int port = Integer.parseInt(w.substring(w.lastIndexOf(':') + 1));
      if (listeners(pid).stream().anyMatch(l -> l.port() == port)) {
        return w;
      }
    }
    throw new AssertionError("no live Probe actor served by pid " + pid + " in " + addresses);
  }

  @Test
  void aDefaultClusterListensOnLoopbackOnly() throws Exception {
    // A worker for the job, so its listeners are counted too.
    Manta.get(Manta.actor(Probe::new).remote().task(Probe::pid).remote(), Duration.ofSeconds(60));
    List<Long> pids = new ArrayList<>();
    pids.add(cluster.head().process().pid());
    cluster.head().process().descendants().forEach(p -> pids.add(p.pid()));
    List<Listener> all = new ArrayList<>();
    for (long pid : pids) {
      all.addAll(listeners(pid));
    }
    // The head, the agent, and at least one worker's gRPC and link servers.
    assertThat(all).as("listeners of %s", pids).hasSizeGreaterThanOrEqualTo(4);
    assertThat(all)
        .as("every listener of the node and its workers")
        .allSatisfy(l -> assertThat(l.address().isLoopbackAddress()).as(l.toString()).isTrue());
  }

  /** A listening TCP socket of a process. */
  record Listener(InetAddress address, int port) {}

  /** The listening TCP sockets of {@code pid}, from /proc (its fds' inodes in /proc/net/tcp*). */
  static List<Listener> listeners(long pid) {
    Set<String> inodes;
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      inodes =
          fds.map(
                  f -> {
                    try {
                      return Files.readSymbolicLink(f).toString();
                    } catch (java.io.IOException e) {
                      return ""; // closed meanwhile
                    }
                  })
              .filter(t -> t.startsWith("socket:["))
              .map(t -> t.substring(8, t.length() - 1))
              .collect(Collectors.toSet());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the fds of pid " + pid, e);
    }
    List<Listener> out = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of(table));
      } catch (java.io.IOException e) {
        continue; // no IPv6 here
      }
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+", -1);
        if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A: LISTEN
          out.add(parse(f[1]));
        }
      }
    }
    return out;
  }

  /** {@code 0100007F:1F90} (little-endian words) as an address and port. */
  private static Listener parse(String hexAddress) {
    String[] hp = hexAddress.split(":", -1);
    byte[] raw = HexFormat.of().parseHex(hp[0]);
    for (int w = 0; w < raw.length; w += 4) { // each 32-bit word is in host (little-endian) order
      for (int i = 0; i < 2; i++) {
        byte t = raw[w + i];
        raw[w + i] = raw[w + 3 - i];
        raw[w + 3 - i] = t;
      }
    }
    try {
      return new Listener(InetAddress.getByAddress(raw), Integer.parseInt(hp[1], 16));
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theStoresMemoryFileIsOwnerOnly() throws Exception {
    var agent = Rpc.deadline(NodeAgentGrpc.newBlockingStub(channel(cluster.head().agent(), good)));
    Path store = Path.of(agent.storeInfo(Empty.getDefaultInstance()).getPath());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store)))
        .isEqualTo("rw-------");
  }

  @Test
  void theKeyValueStoreRefusesAValueAboveItsLimit_withTheLimitNamed() {
    var head = Rpc.deadline(HeadGrpc.newBlockingStub(channel(cluster.head().head(), good)));
    assertThatThrownBy(
            () ->
                head.kvPut(
                    KvEntry.newBuilder()
                        .setJobId("j")
                        .setKey("big")
                        .setValue(ByteString.copyFrom(new byte[(1 << 20) + 1]))
                        .build()))
        .isInstanceOf(StatusRuntimeException.class)
        .hasMessageContaining("RESOURCE_EXHAUSTED")
        .hasMessageContaining("manta.kv-max-value-bytes");
    assertThat(head.kvGet(KvKey.newBuilder().setJobId("j").setKey("big").build()).getFound())
        .isFalse();
  }

  @Test
  void aDriverWithoutTheToken_isToldWhereToFindIt() throws Exception {
    String out = driver(Map.of());
    assertThat(out)
        .startsWith("REFUSED: ")
        .contains("requires its cluster token, and this driver has none")
        .contains("MANTA_TOKEN_FILE")
        .contains("<session dir>/token")
        .contains("manta start --head");
  }

  @Test
  void aDriverWithAnotherToken_isToldItsTokenIsNotThisClusters_withoutTheToken() throws Exception {
    String out = driver(Map.of(ClusterToken.TOKEN_ENV, WRONG));
    assertThat(out)
        .startsWith("REFUSED: ")
        .contains("refused this driver's cluster token (from $MANTA_TOKEN)")
        .doesNotContain(WRONG);
  }

  @Test
  void aNodeWithoutATokenOnANonLoopbackAddress_isRefusedAtStartup_sayingHowToTurnItOn()
      throws Exception {
    Path session = Files.createDirectories(dir.resolve("open-node"));
    String log =
        refusedNode(
            "open-node",
            List.of(
                "--head",
                "--insecure-no-token",
                "--bind",
                "0.0.0.0",
                "--port",
                "0",
                "--session-dir",
                session.toString()));
    assertThat(log)
        .contains("Refusing to start a Manta node on 0.0.0.0 without a cluster token")
        .contains("Drop --insecure-no-token")
        .contains("bind 127.0.0.1");
    assertThat(Files.exists(session.resolve(ClusterToken.FILE_NAME))).isFalse();
  }

  @Test
  void aNodeGivenAFlagItDoesNotKnow_likeTlsCert_refusesToStart_ratherThanRunPlaintext()
      throws Exception {
    Path session = Files.createDirectories(dir.resolve("flag-node"));
    String log =
        refusedNode(
            "flag-node",
            List.of(
                "--head",
                "--port",
                "0",
                "--tls-cert",
                dir.resolve("node.crt").toString(),
                "--session-dir",
                session.toString()));
    assertThat(log)
        .contains(NodeMain.FAILED + "unknown flag --tls-cert")
        .contains("MANTA_TLS_CERT");
    assertThat(Files.exists(session.resolve(ClusterToken.FILE_NAME))).isFalse();
  }

  /**
   * Runs {@link NodeMain} with {@code args}, asserts that it exits with an error, and returns what
   * it printed (also kept in {@code <name>.log}).
   */
  private static String refusedNode(String name, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(JvmFlags.forThisJdk());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(NodeMain.class.getName());
    cmd.addAll(args);
    Path log = dir.resolve(name + ".log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the node exits").isTrue();
    assertThat(p.exitValue()).isNotZero();
    return Files.readString(log);
  }

  /** Runs {@link TokenlessDriver} with no token but what {@code env} adds; returns its output. */
  private static String driver(Map<String, String> env) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(JvmFlags.forThisJdk());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(TokenlessDriver.class.getName());
    cmd.add(cluster.address());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> e = pb.environment();
    ClusterToken.clearFrom(e);
    Path emptyRoot = Files.createDirectories(dir.resolve("no-sessions"));
    e.put(ClusterToken.SESSION_ROOT_ENV, emptyRoot.toString());
    e.putAll(new HashMap<>(env));
    Path log = Files.createTempFile(dir, "driver", ".log");
    Process p = pb.redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the driver exits").isTrue();
    String output = Files.readString(log);
    return output
        .lines()
        .filter(l -> l.startsWith("REFUSED") || l.equals("JOINED"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no verdict from the driver: " + output));
  }
}
