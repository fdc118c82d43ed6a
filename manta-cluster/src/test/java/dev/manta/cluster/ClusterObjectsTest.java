package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.proto.NodeStatsReply;
import dev.manta.cluster.rpc.Rpc;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large objects between nodes (pulled in chunks) and within a node (one shared copy). */
class ClusterObjectsTest {
  static final int SIZE = 200 << 20;
  @TempDir static Path dir;
  static ClusterFixture cluster;
  static ClusterFixture.Node b;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ClusterFixture(dir, "-Dmanta.prestart-workers=1");
    cluster.startHead(2, "--resources", "{\"nodeA\":8}");
    b = cluster.startNode("b", 2, "--resources", "{\"nodeB\":8}");
    Manta.init(cluster.address());
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  static byte[] produce(int size) {
    byte[] a = new byte[size];
    for (int i = 0; i < size; i++) {
      a[i] = (byte) (i * 31 + 7);
    }
    return a;
  }

  static long crc(byte[] a) {
    CRC32 c = new CRC32();
    c.update(a);
    return c.getValue();
  }

  static long crcBuffer(ByteBuffer b) {
    CRC32 c = new CRC32();
    c.update(b.duplicate());
    return c.getValue();
  }

  static String node() {
    return Manta.runtimeContext().nodeId();
  }

  @Test
  void objectProducedOnOneNode_isConsumedOnAnother_byteForByte() {
    ObjectRef<byte[]> big =
        Manta.task(ClusterObjectsTest::produce, SIZE).resource("nodeB", 1).remote();
    ObjectRef<Long> remoteCrc =
        Manta.task(ClusterObjectsTest::crc, big).resource("nodeA", 1).remote();
    long expected = crc(produce(SIZE));
    assertThat(Manta.get(remoteCrc, Duration.ofSeconds(120))).isEqualTo(expected);
    byte[] here = Manta.get(big, Duration.ofSeconds(120));
    assertThat(here).isEqualTo(produce(SIZE));
    NodeStatsReply a = stats(cluster.head().agent());
    assertThat(a.getPullsTotal())
        .as("node A pulled the object from node B")
        .isGreaterThanOrEqualTo(1);
    assertThat(a.getPulledBytes()).isGreaterThanOrEqualTo(SIZE);
  }

  /** An actor that reads a buffer argument without copying it. */
  public static final class Reader {
    public String read(ByteBuffer b) {
      return b.isDirect() + " " + b.isReadOnly() + " " + crcBuffer(b) + " " + node();
    }
  }

  /**
   * A recording started on the head's agent with {@code jcmd} (as a user would) shows the object it
   * pulled from node B as a {@code dev.manta.ObjectTransfer} event with its size and source.
   */
  @Test
  void pullFromAnotherNode_isAFlightRecorderEventOnThePullingAgent() throws Exception {
    long pid = cluster.head().process().pid();
    Path file = dir.resolve("head-agent.jfr");
    jcmd(pid, "JFR.start", "name=transfers", "settings=profile");
    int size = 8 << 20;
    ObjectRef<byte[]> big =
        Manta.task(ClusterObjectsTest::produce, size).resource("nodeB", 1).remote();
    ObjectRef<Long> crcOnA = Manta.task(ClusterObjectsTest::crc, big).resource("nodeA", 1).remote();
    assertThat(Manta.get(crcOnA, Duration.ofMinutes(2))).isEqualTo(crc(produce(size)));
    jcmd(pid, "JFR.dump", "name=transfers", "filename=" + file);
    jcmd(pid, "JFR.stop", "name=transfers");

    assertThat(RecordingFile.readAllEvents(file))
        .filteredOn(e -> e.getEventType().getName().equals("dev.manta.ObjectTransfer"))
        .anySatisfy(
            e -> {
              assertThat(e.getLong("bytes")).isGreaterThanOrEqualTo(size);
              assertThat(e.getString("from")).isEqualTo(b.agent());
              assertThat(e.getBoolean("succeeded")).isTrue();
            });
  }

  /**
   * A pull under way is listed by the state API with how far it got: node B's agent is stopped
   * ({@code kill -STOP}) after it stored the object, so node A's pull of it waits, listed; once B
   * goes on ({@code kill -CONT}) the pull ends, the task has its argument, and the list is empty.
   */
  @Test
  void aPullUnderWay_isListedWithItsProgress_untilItEnds() throws Exception {
    int size = 64 << 20;
    ObjectRef<byte[]> big =
        Manta.task(ClusterObjectsTest::produce, size).resource("nodeB", 1).remote();
    assertThat(Manta.wait(List.of(big), 1, Duration.ofMinutes(2)).ready()).hasSize(1);
    String id = big.id();
    try (dev.manta.cluster.state.ClusterState state =
        dev.manta.cluster.state.ClusterState.connect(
            cluster.head().head(), ClusterFixture.TOKEN, Duration.ofSeconds(1))) {
      signal("STOP", b.process().pid());
      ObjectRef<Long> crcOnA;
      try {
        crcOnA = Manta.task(ClusterObjectsTest::crc, big).resource("nodeA", 1).remote();
        org.awaitility.Awaitility.await("node A lists its pull of the object from node B")
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () ->
                    assertThat(state.transfers().rows())
                        .singleElement()
                        .satisfies(
                            t -> {
                              assertThat(t.objectId()).isEqualTo(id);
                              assertThat(t.nodeId()).isEqualTo(cluster.head().nodeId());
                              assertThat(t.fromAgent()).isEqualTo(b.agent());
                              assertThat(t.totalBytes()).isGreaterThanOrEqualTo(size);
                              assertThat(t.doneBytes()).isLessThan(t.totalBytes());
                              assertThat(t.percent()).isLessThan(100);
                            }));
        // Node B does not answer meanwhile: the listing says so instead of hanging.
        assertThat(state.transfers().unreachable())
            .anySatisfy(u -> assertThat(u).contains(b.nodeId()));
      } finally {
        signal("CONT", b.process().pid());
      }
      assertThat(Manta.get(crcOnA, Duration.ofMinutes(2))).isEqualTo(crc(produce(size)));
      assertThat(state.transfers().rows()).isEmpty();
    }
  }

  private static void signal(String name, long pid) throws Exception {
    Process p = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
    assertThat(p.waitFor()).as("kill -%s %d", name, pid).isZero();
  }

  /** Runs the JDK's {@code jcmd} on process {@code pid}; fails the test if it fails. */
  private static void jcmd(long pid, String... command) throws Exception {
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    List<String> cmd = new ArrayList<>(List.of(java.resolveSibling("jcmd").toString(), "" + pid));
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("%s: %s", cmd, out).isZero();
  }

  @Test
  void twoWorkersOfOneNode_shareOneCopy() {
    ByteBuffer data = ByteBuffer.wrap(produce(SIZE));
    ObjectRef<ByteBuffer> ref = Manta.put(data);
    // After the put, which may have freed other tests' dropped objects to make room; the driver's
    // store is either node's.
    long afterPut = bothNodesUsed();
    assertThat(afterPut).isGreaterThanOrEqualTo(SIZE);
    ActorHandle<Reader> r1 = Manta.actor(Reader::new).resource("nodeA", 1).remote();
    ActorHandle<Reader> r2 = Manta.actor(Reader::new).resource("nodeA", 1).remote();
    String s1 = Manta.get(r1.task(Reader::read, ref).remote(), Duration.ofSeconds(120));
    String s2 = Manta.get(r2.task(Reader::read, ref).remote(), Duration.ofSeconds(120));
    String expected = "true true " + crcBuffer(data) + " " + cluster.head().nodeId();
    assertThat(s1).isEqualTo(expected);
    assertThat(s2).isEqualTo(expected);
    long added = bothNodesUsed() - afterPut;
    // One copy in node A's store, mapped by both workers (and the driver, if it is there): at
    // most the one copy pulled to node A, not one per worker.
    assertThat(added).isLessThanOrEqualTo(SIZE + (1 << 20));
    r1.kill();
    r2.kill();
  }

  static int length(byte[] a) {
    return a.length;
  }

  /** Keeps a ref it was given (a borrower on another node), reads it later, then drops it. */
  public static final class Holder {
    private java.util.List<ObjectRef<byte[]>> kept;

    public int keep(java.util.List<ObjectRef<byte[]>> refs) {
      kept = refs;
      return refs.size();
    }

    public int read() {
      return Manta.get(kept.get(0)).length;
    }

    public int drop() {
      kept = null;
      System.gc();
      return 0;
    }
  }

  @Test
  void objectsBeyondTheNodesStore_spill_andStoreStatsAndMemorySummarySaySo() {
    // The node's store holds 512 MiB (ClusterFixture): three live 200 MiB objects cannot all fit.
    java.util.List<ObjectRef<byte[]>> refs = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      refs.add(Manta.put(produce(SIZE)));
    }
    dev.manta.ObjectStoreStats st = Manta.storeStats();
    assertThat(st.spilledCount()).as("objects on disk, %s", st).isGreaterThanOrEqualTo(1);
    assertThat(st.spilledBytes()).as("bytes on disk, %s", st).isGreaterThanOrEqualTo(SIZE);
    assertThat(st.spillsTotal()).as("spills so far, %s", st).isGreaterThanOrEqualTo(1);
    assertThat(st.objectCount()).as("objects in memory, %s", st).isGreaterThanOrEqualTo(1);
    assertThat(st.capacityBytes()).isEqualTo(512L << 20);
    String summary = Manta.memorySummary();
    assertThat(summary).contains("(cluster, node ").contains("spilled");
    long mineSpilled =
        summary
            .lines()
            .filter(
                l -> l.contains(" spilled ") && refs.stream().anyMatch(r -> l.startsWith(r.id())))
            .count();
    assertThat(mineSpilled).as(summary).isBetween(1L, 2L);
    for (ObjectRef<byte[]> r : refs) {
      assertThat(crc(Manta.get(r))).isEqualTo(crc(produce(SIZE)));
    }
    assertThat(Manta.storeStats().restoresTotal()).isGreaterThanOrEqualTo(1);
    Manta.free(refs);
  }

  @Test
  void putsWhoseRefsAreDropped_areFreedToMakeRoom_notSpilled() {
    // 40 x 64 MiB through the node's 512 MiB store, each ref dropped at once (no free).
    long spillsBefore = Manta.storeStats().spillsTotal();
    long[] array = new long[8 << 20];
    for (int i = 0; i < 40; i++) {
      array[0] = i;
      ObjectRef<long[]> r = Manta.put(array);
      assertThat(Manta.get(r)[0]).isEqualTo(i);
    }
    dev.manta.ObjectStoreStats st = Manta.storeStats();
    assertThat(st.spillsTotal() - spillsBefore).as("%s", st).isZero();
    assertThat(st.reclaimsTotal()).as("%s", st).isPositive();
  }

  @Test
  void droppedRef_freesTheObjectOnEveryNode() {
    long baseA = stats(cluster.head().agent()).getStoreUsed();
    long baseB = stats(b.agent()).getStoreUsed();
    ObjectRef<byte[]> ref = Manta.put(produce(4 << 20));
    assertThat(Manta.get(Manta.task(ClusterObjectsTest::length, ref).resource("nodeB", 1).remote()))
        .isEqualTo(4 << 20);
    assertThat(stats(b.agent()).getStoreUsed()).as("node B pulled a copy").isGreaterThan(baseB);
    ref = null;
    awaitFreed(baseA, baseB);
  }

  @Test
  void borrowerOnAnotherNode_keepsTheObjectAlive_untilItDropsIt() {
    long baseA = stats(cluster.head().agent()).getStoreUsed();
    long baseB = stats(b.agent()).getStoreUsed();
    ActorHandle<Holder> h = Manta.actor(Holder::new).resource("nodeB", 1).remote();
    ObjectRef<byte[]> ref = Manta.put(produce(4 << 20));
    assertThat(Manta.get(h.task(Holder::keep, java.util.List.of(ref)).remote())).isEqualTo(1);
    ref = null;
    for (int i = 0; i < 3; i++) {
      System.gc(); // the driver's own handle is gone; only the borrower holds the object
    }
    assertThat(Manta.get(h.task(Holder::read).remote(), Duration.ofSeconds(60))).isEqualTo(4 << 20);
    Manta.get(h.task(Holder::drop).remote());
    awaitFreed(baseA, baseB);
    h.kill();
  }

  private static void awaitFreed(long baseA, long baseB) {
    org.awaitility.Awaitility.await("store memory returns on both nodes")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              System.gc();
              NodeStatsReply a = stats(cluster.head().agent());
              NodeStatsReply bs = stats(b.agent());
              assertThat(a.getStoreUsed()).as("node A used; %s", a).isLessThanOrEqualTo(baseA);
              assertThat(bs.getStoreUsed()).as("node B used; %s", bs).isLessThanOrEqualTo(baseB);
            });
  }

  private static long bothNodesUsed() {
    return stats(cluster.head().agent()).getStoreUsed() + stats(b.agent()).getStoreUsed();
  }

  private static NodeStatsReply stats(String agent) {
    var ch = Rpc.channel(agent, dev.manta.cluster.ClusterFixture.TOKEN);
    try {
      return Rpc.deadline(NodeAgentGrpc.newBlockingStub(ch)).nodeStats(Empty.getDefaultInstance());
    } finally {
      ch.shutdownNow();
    }
  }
}
