package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.cluster.proto.ActorInfo;
import dev.manta.cluster.proto.ActorState;
import dev.manta.cluster.proto.CoreWorkerGrpc;
import dev.manta.cluster.proto.Empty;
import dev.manta.cluster.proto.HeadGrpc;
import dev.manta.cluster.proto.HelloRequest;
import dev.manta.cluster.proto.KvEntry;
import dev.manta.cluster.proto.KvKey;
import dev.manta.cluster.proto.NodeAgentGrpc;
import dev.manta.cluster.rpc.ProtoMutator;
import dev.manta.cluster.rpc.Rpc;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated protobuf messages, sent with the valid cluster token to every method of the head's and
 * the node agent's services (a real node JVM) and of the core worker's (this test JVM's driver, and
 * a worker JVM hosting an actor): raw bytes, so malformed ones reach the server's parser.
 * Afterwards the node is alive, answers correctly, runs a task, and holds no more heap (after a GC,
 * within a stated slack) and no more file descriptors than before. The throughput of a simple valid
 * call before and after is printed, not asserted.
 *
 * <p>{@code -Dmanta.fuzz.count=N} mutants per service, spread over its methods (default 2,000; the
 * campaign of issue 18 runs 100,000: docs/cluster.md, Security), {@code -Dmanta.fuzz.seed=S}
 * replays a run (the seed is printed).
 *
 * <p>Two methods get only mutants that do not parse (their parser and error path, not their
 * action): {@code CoreWorker/Exit}, whose valid call ends the driver, and {@code
 * NodeAgent/LeaseWorker}, whose valid call starts a worker JVM.
 */
class ClusterFuzzTest {
  static final int COUNT = Integer.getInteger("manta.fuzz.count", 2_000);
  static final long SEED = Long.getLong("manta.fuzz.seed", System.nanoTime());
  private static final long HEAP_SLACK_BYTES = 64L << 20;
  private static final int IN_FLIGHT = 32;
  private static final long STREAM_DEADLINE_MS = 300;
  private static final Set<String> PARSER_ONLY =
      Set.of("manta.v1.CoreWorker/Exit", "manta.v1.NodeAgent/LeaseWorker");

  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
  static Path dir; // kept when the test fails: the node's log is there

  static ClusterFixture cluster;
  static ClusterFixture.Node node;
  static String driverAddress;
  static ActorHandle<Probe> probe;
  static long workerPid;
  static String workerAddress;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ClusterFixture(dir);
    node = cluster.startHead(1);
    Manta.init(cluster.address());
    driverAddress = findDriverAddress();
    // Placed before any fuzzing: the head's fuzzed RegisterNode calls add fake nodes.
    probe = Manta.actor(Probe::new).remote();
    workerPid = Manta.get(probe.task(Probe::pid).remote(), Duration.ofSeconds(60));
    workerAddress = findWorkerAddress();
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  /** An actor that says which process hosts it: its worker is the one fuzzed. */
  public static final class Probe {
    public long pid() {
      return ProcessHandle.current().pid();
    }
  }

  /** The gRPC address of the probe's worker, as the head lists it. */
  private static String findWorkerAddress() {
    ManagedChannel ch = Rpc.channel(node.head());
    try {
      List<String> addresses =
          Rpc.deadline(HeadGrpc.newBlockingStub(ch))
              .getClusterView(Empty.getDefaultInstance())
              .getActorsList()
              .stream()
              .filter(a -> a.getClassName().endsWith("ClusterFuzzTest$Probe"))
              .filter(a -> a.getState() == ActorState.ALIVE)
              .map(ActorInfo::getWorkerAddress)
              .distinct()
              .toList();
      assertThat(addresses).as("the probe actor's worker in the head's view").hasSize(1);
      return addresses.get(0);
    } finally {
      ch.shutdownNow();
    }
  }

  /** What one method's mutants got back, by status code. */
  private record Outcome(Map<Status.Code, LongAdder> codes, Map<Status.Code, String> sample) {
    Outcome() {
      this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }
  }

  @Test
  void mutatedMessages_toEveryMethod_failCleanly_andTheNodeStaysWhole() throws Exception {
    assertThat(Manta.get(Manta.task(ClusterSmokeTest::square, 6).remote())).isEqualTo(36);
    ManagedChannel head = Rpc.channel(node.head(), dev.manta.cluster.ClusterFixture.TOKEN);
    ManagedChannel agent = Rpc.channel(node.agent(), dev.manta.cluster.ClusterFixture.TOKEN);
    ManagedChannel driver = Rpc.channel(driverAddress, dev.manta.cluster.ClusterFixture.TOKEN);
    try {
      throughput(head, agent, driver); // warms up the JIT of both sides
      String before = throughput(head, agent, driver);
      long nodeHeapBefore = nodeHeapAfterGc();
      long nodeFdsBefore = fds(node.process().pid());
      long heapBefore = heapAfterGc();
      long fdsBefore = fds(ProcessHandle.current().pid());
      System.out.printf(
          "ClusterFuzzTest seed=%d count=%d per service, node log in %s%n", SEED, COUNT, dir);

      Map<String, Outcome> outcomes = new TreeMap<>();
      Map<String, Long> millis = new TreeMap<>();
      fuzz(head, HeadGrpc.getServiceDescriptor(), outcomes, millis);
      fuzz(agent, NodeAgentGrpc.getServiceDescriptor(), outcomes, millis);
      fuzz(driver, CoreWorkerGrpc.getServiceDescriptor(), outcomes, millis);

      assertThat(node.process().isAlive()).as("node alive after fuzzing (seed %d)", SEED).isTrue();
      // Correct answers: the head's key-value store, the agent's store, a task end to end.
      HeadGrpc.HeadBlockingStub h = Rpc.deadline(HeadGrpc.newBlockingStub(head));
      // The head still counts the node alive: under load its health checks of the real agent can
      // time out (the fuzzed RegisterNode calls add thousands of fake nodes to check), and a node
      // declared dead is fenced and rejoins under a new id and port.
      assertThat(
              h.getClusterView(Empty.getDefaultInstance()).getNodesList().stream()
                  .filter(n -> n.getNodeId().equals(node.nodeId()))
                  .map(n -> n.getAlive())
                  .toList())
          .as(
              "node %s alive in the head's view after fuzzing (seed %d); if not, its log %s says"
                  + " why it was declared dead",
              node.nodeId(), SEED, dir.resolve("head.log"))
          .containsExactly(true);
      h.kvPut(
          KvEntry.newBuilder()
              .setKey("fuzz-check")
              .setValue(ByteString.copyFromUtf8("still right"))
              .build());
      assertThat(h.kvGet(KvKey.newBuilder().setKey("fuzz-check").build()).getValue().toStringUtf8())
          .isEqualTo("still right");
      assertThat(
              Rpc.deadline(NodeAgentGrpc.newBlockingStub(agent))
                  .storeInfo(Empty.getDefaultInstance())
                  .getCapacity())
          .isEqualTo(512L << 20);
      assertThat(Manta.get(Manta.task(ClusterSmokeTest::square, 7).remote())).isEqualTo(49);
      String after = throughput(head, agent, driver);

      long nodeHeapAfter = nodeHeapAfterGc();
      long heapAfter = heapAfterGc();
      Awaitility.await("the node's file descriptors back to the level before fuzzing")
          .atMost(Duration.ofSeconds(60))
          .until(() -> fds(node.process().pid()) <= nodeFdsBefore);
      Awaitility.await("this JVM's file descriptors back to the level before fuzzing")
          .atMost(Duration.ofSeconds(60))
          .until(() -> fds(ProcessHandle.current().pid()) <= fdsBefore);

      StringBuilder report = new StringBuilder();
      List<String> findings = findings(outcomes, millis, report);
      System.out.printf(
          "ClusterFuzzTest results (seed %d):%n%snode heap %d -> %d KiB, fds %d -> %d; driver heap"
              + " %d -> %d KiB, fds %d -> %d%nvalid calls/s before: %s%nvalid calls/s after:  %s%n",
          SEED,
          report,
          nodeHeapBefore >> 10,
          nodeHeapAfter >> 10,
          nodeFdsBefore,
          fds(node.process().pid()),
          heapBefore >> 10,
          heapAfter >> 10,
          fdsBefore,
          fds(ProcessHandle.current().pid()),
          before,
          after);
      assertThat(findings).as("crashes, hangs and unhandled errors (seed %d)", SEED).isEmpty();
      assertThat(nodeHeapAfter)
          .as("node heap after GC (seed %d)", SEED)
          .isLessThanOrEqualTo(nodeHeapBefore + HEAP_SLACK_BYTES);
      assertThat(heapAfter)
          .as("driver heap after GC (seed %d)", SEED)
          .isLessThanOrEqualTo(heapBefore + HEAP_SLACK_BYTES);
    } finally {
      head.shutdownNow();
      agent.shutdownNow();
      driver.shutdownNow();
    }
  }

  /**
   * Appends each method's status counts to {@code report}; returns the findings: a lost connection
   * ({@code UNAVAILABLE}), an unhandled error ({@code UNKNOWN}) or a unary call past its deadline.
   */
  private static List<String> findings(
      Map<String, Outcome> outcomes, Map<String, Long> millis, StringBuilder report) {
    List<String> findings = new ArrayList<>();
    outcomes.forEach(
        (method, o) -> {
          report.append(String.format("  %-40s %6d ms ", method, millis.get(method)));
          Map<Status.Code, LongAdder> sorted = new TreeMap<>(o.codes());
          sorted.forEach((c, n) -> report.append(' ').append(c).append('=').append(n.sum()));
          report.append('\n');
          boolean streaming =
              o.sample().containsKey(Status.Code.DEADLINE_EXCEEDED) && isStream(method);
          for (Status.Code c : sorted.keySet()) {
            boolean hang = c == Status.Code.DEADLINE_EXCEEDED && !streaming;
            if (c == Status.Code.UNAVAILABLE || c == Status.Code.UNKNOWN || hang) {
              findings.add(method + " " + c + ": " + o.sample().get(c));
            }
          }
        });
    return findings;
  }

  /**
   * A worker JVM's core-worker server, as fuzzed above for the driver's: its owner (this driver)
   * talks to it, and so may anyone with the token. {@code Exit} and {@code KillActor} get only
   * mutants that do not parse (a valid one would end the worker or its actor).
   */
  @Test
  void mutatedMessages_toAWorkersCoreWorker_failCleanly_andTheWorkerServesOn() throws Exception {
    ManagedChannel worker = Rpc.channel(workerAddress);
    try {
      workerThroughput(worker); // warms up the JIT of both sides
      String before = workerThroughput(worker);
      Map<String, Outcome> outcomes = new TreeMap<>();
      Map<String, Long> millis = new TreeMap<>();
      fuzz(
          worker,
          CoreWorkerGrpc.getServiceDescriptor(),
          COUNT,
          Set.of("manta.v1.CoreWorker/Exit", "manta.v1.CoreWorker/KillActor"),
          outcomes,
          millis);
      StringBuilder report = new StringBuilder();
      List<String> findings = findings(outcomes, millis, report);
      System.out.printf(
          "ClusterFuzzTest worker %s (pid %d) results (seed %d, %d mutants):%n%s",
          workerAddress, workerPid, SEED, COUNT, report);

      assertThat(ProcessHandle.of(workerPid).map(ProcessHandle::isAlive))
          .as("worker alive after fuzzing (seed %d)", SEED)
          .contains(true);
      assertThat(findings).as("crashes, hangs and unhandled errors (seed %d)", SEED).isEmpty();
      // It still answers: a valid call to its server, and its actor from the same process.
      assertThat(
              Rpc.deadline(CoreWorkerGrpc.newBlockingStub(worker))
                  .openLink(Empty.getDefaultInstance())
                  .getPort())
          .isPositive();
      assertThat(Manta.get(probe.task(Probe::pid).remote(), Duration.ofSeconds(60)))
          .isEqualTo(workerPid);
      System.out.printf(
          "worker valid calls/s before: %s%nworker valid calls/s after:  %s%n",
          before, workerThroughput(worker));
    } finally {
      worker.shutdownNow();
    }
  }

  /**
   * Valid calls per second to the worker (printed, never asserted): its server's {@code OpenLink},
   * and its actor's method, called and awaited one after the other.
   */
  private static String workerThroughput(ManagedChannel worker) {
    int links = 2_000;
    int calls = 500;
    CoreWorkerGrpc.CoreWorkerBlockingStub w = CoreWorkerGrpc.newBlockingStub(worker);
    long t0 = System.nanoTime();
    for (int i = 0; i < links; i++) {
      Rpc.deadline(w).openLink(Empty.getDefaultInstance());
    }
    long t1 = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      Manta.get(probe.task(Probe::pid).remote(), Duration.ofSeconds(60));
    }
    long t2 = System.nanoTime();
    return String.format(
        "CoreWorker/OpenLink %.0f, actor calls %.0f",
        links / ((t1 - t0) / 1e9), calls / ((t2 - t1) / 1e9));
  }

  private static final Set<String> STREAMS = ConcurrentHashMap.newKeySet();

  private static boolean isStream(String method) {
    return STREAMS.contains(method);
  }

  private static void fuzz(
      ManagedChannel ch,
      ServiceDescriptor service,
      Map<String, Outcome> outcomes,
      Map<String, Long> millis)
      throws InterruptedException {
    fuzz(ch, service, COUNT, PARSER_ONLY, outcomes, millis);
  }

  /**
   * Sends {@code count} mutants, spread over {@code service}'s methods, on {@code ch}; the methods
   * in {@code parserOnly} get only mutants that do not parse.
   */
  private static void fuzz(
      ManagedChannel ch,
      ServiceDescriptor service,
      int count,
      Set<String> parserOnlyMethods,
      Map<String, Outcome> outcomes,
      Map<String, Long> millis)
      throws InterruptedException {
    int perMethod =
        Math.max(1, (count + service.getMethods().size() - 1) / service.getMethods().size());
    long seed = SEED ^ service.getName().hashCode();
    for (MethodDescriptor<?, ?> m : service.getMethods()) {
      Message proto =
          (Message)
              ((MethodDescriptor.PrototypeMarshaller<?>) m.getRequestMarshaller())
                  .getMessagePrototype();
      ProtoMutator mutator =
          new ProtoMutator(
              seed++,
              List.of(
                  ProtoMutator.filled(proto).toByteArray(),
                  proto.getDefaultInstanceForType().toByteArray()));
      boolean parserOnly = parserOnlyMethods.contains(m.getFullMethodName());
      boolean stream = m.getType() != MethodDescriptor.MethodType.UNARY;
      if (stream) {
        STREAMS.add(m.getFullMethodName());
      }
      MethodDescriptor<byte[], byte[]> raw =
          MethodDescriptor.<byte[], byte[]>newBuilder(BYTES, BYTES)
              .setFullMethodName(m.getFullMethodName())
              .setType(m.getType())
              .build();
      Outcome o = new Outcome();
      outcomes.put(m.getFullMethodName(), o);
      Semaphore window = new Semaphore(IN_FLIGHT);
      long t = System.nanoTime();
      for (int i = 0; i < perMethod; i++) {
        byte[] bytes = mutator.next();
        while (parserOnly && parses(proto, bytes)) {
          bytes = mutator.next();
        }
        window.acquire();
        ClientCall<byte[], byte[]> call =
            ch.newCall(
                raw,
                CallOptions.DEFAULT.withDeadlineAfter(
                    stream ? STREAM_DEADLINE_MS : 3 * Rpc.deadlineMs(), TimeUnit.MILLISECONDS));
        call.start(
            new ClientCall.Listener<>() {
              @Override
              public void onClose(Status status, Metadata trailers) {
                o.codes().computeIfAbsent(status.getCode(), c -> new LongAdder()).increment();
                o.sample().putIfAbsent(status.getCode(), String.valueOf(status.getDescription()));
                window.release();
              }
            },
            new Metadata());
        call.request(Integer.MAX_VALUE);
        call.sendMessage(bytes);
        call.halfClose();
      }
      window.acquire(IN_FLIGHT);
      millis.put(m.getFullMethodName(), (System.nanoTime() - t) / 1_000_000);
    }
  }

  private static boolean parses(Message proto, byte[] bytes) {
    try {
      proto.getParserForType().parseFrom(bytes);
      return true;
    } catch (InvalidProtocolBufferException e) {
      return false;
    }
  }

  /** Valid calls per second to each service (measured, not asserted). */
  private static String throughput(
      ManagedChannel head, ManagedChannel agent, ManagedChannel driver) {
    int n = 2_000;
    HeadGrpc.HeadBlockingStub h = HeadGrpc.newBlockingStub(head);
    NodeAgentGrpc.NodeAgentBlockingStub a = NodeAgentGrpc.newBlockingStub(agent);
    CoreWorkerGrpc.CoreWorkerBlockingStub d = CoreWorkerGrpc.newBlockingStub(driver);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Rpc.deadline(h).hello(HelloRequest.getDefaultInstance());
    }
    long t1 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Rpc.deadline(a).storeInfo(Empty.getDefaultInstance());
    }
    long t2 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Rpc.deadline(d).openLink(Empty.getDefaultInstance());
    }
    long t3 = System.nanoTime();
    return String.format(
        "Head/Hello %.0f, NodeAgent/StoreInfo %.0f, CoreWorker/OpenLink %.0f",
        n / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9), n / ((t3 - t2) / 1e9));
  }

  /** The driver's own gRPC server: the listening socket of this JVM that answers OpenLink. */
  private static String findDriverAddress() throws IOException {
    Set<String> inodes = new java.util.HashSet<>();
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      for (Path p : (Iterable<Path>) s::iterator) {
        try {
          String target = Files.readSymbolicLink(p).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    List<Integer> ports = new ArrayList<>();
    for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
      Path f = Path.of(table);
      if (!Files.exists(f)) {
        continue;
      }
      List<String> lines =
          Files.readAllLines(f); // read once: the table changes as sockets come and go
      for (String line : lines.subList(1, lines.size())) {
        String[] c = line.trim().split("\\s+");
        if (c[3].equals("0A") && inodes.contains(c[9])) { // LISTEN, ours
          ports.add(Integer.parseInt(c[1].substring(c[1].indexOf(':') + 1), 16));
        }
      }
    }
    for (int port : ports) {
      ManagedChannel ch = Rpc.channel("127.0.0.1:" + port, dev.manta.cluster.ClusterFixture.TOKEN);
      try {
        Rpc.deadline(CoreWorkerGrpc.newBlockingStub(ch), 5_000)
            .openLink(Empty.getDefaultInstance());
        return "127.0.0.1:" + port;
      } catch (io.grpc.StatusRuntimeException e) {
        // not the driver's server
      } finally {
        ch.shutdownNow();
      }
    }
    throw new IllegalStateException("no listening socket of this JVM answers OpenLink: " + ports);
  }

  /** The node JVM's heap in use after a full GC, read with jcmd. */
  private static long nodeHeapAfterGc() throws IOException, InterruptedException {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher m = Pattern.compile("used (\\d+)([KMG])").matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("no heap use in jcmd GC.heap_info: " + info);
    }
    long v = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "K" -> v << 10;
      case "M" -> v << 20;
      default -> v << 30;
    };
  }

  private static String jcmd(String command) throws IOException, InterruptedException {
    Path javaBin = Path.of(ProcessHandle.current().info().command().orElseThrow());
    Process p =
        new ProcessBuilder(
                javaBin.resolveSibling("jcmd").toString(),
                Long.toString(node.process().pid()),
                command)
            .redirectErrorStream(true)
            .start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + out);
    }
    return out;
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long fds(long pid) throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      return s.count();
    }
  }

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
            throw new java.io.UncheckedIOException(e);
          }
        }
      };
}
