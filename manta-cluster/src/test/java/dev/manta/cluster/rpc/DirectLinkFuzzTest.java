package dev.manta.cluster.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.manta.cluster.proto.TaskBatch;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mutated handshakes and mutated frames against a real {@link DirectLink.Server} on loopback, whose
 * receiver parses each frame as a {@code TaskBatch} as a worker's does: the server answers or
 * closes every connection, keeps serving, and holds no more heap, threads or file descriptors
 * afterwards than before.
 *
 * <p>{@code -Dmanta.fuzz.count=N} mutants per phase (default 2,000; the campaign of issue 18 runs
 * 100,000), {@code -Dmanta.fuzz.seed=S} replays a run (the seed is printed).
 */
class DirectLinkFuzzTest {
  static final int COUNT = Integer.getInteger("manta.fuzz.count", 2_000);
  static final long SEED = Long.getLong("manta.fuzz.seed", System.nanoTime());
  private static final long HEAP_SLACK_BYTES = 32L << 20;

  private final ClusterToken token = ClusterToken.random();
  private final AtomicLong parsed = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final ConcurrentHashMap<String, AtomicLong> closeCauses = new ConcurrentHashMap<>();
  private volatile CountDownLatch validFrames = new CountDownLatch(0);
  private DirectLink.Server server;

  @BeforeEach
  void start() {
    server =
        DirectLink.Server.start(
            "127.0.0.1",
            token,
            null,
            link ->
                new DirectLink.Receiver() {
                  @Override
                  public void onFrame(byte[] frame) {
                    TaskBatch b;
                    try {
                      b = TaskBatch.parseFrom(frame);
                    } catch (InvalidProtocolBufferException e) {
                      refused.incrementAndGet();
                      link.close(); // as ReportLinks does
                      return;
                    }
                    parsed.incrementAndGet();
                    if (b.getJobId().equals("valid")) {
                      validFrames.countDown();
                    }
                  }

                  @Override
                  public void onClosed(Throwable cause) {
                    String k = cause == null ? "by us" : cause.getClass().getSimpleName();
                    closeCauses.computeIfAbsent(k, x -> new AtomicLong()).incrementAndGet();
                  }
                });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void mutatedHandshakesAndFrames_areRefusedCleanly_andTheServerStaysWhole() throws Exception {
    byte[] hello = hello(token.bytes());
    throughput(); // warms up the JIT
    double before = throughput();
    long heapBefore = heapAfterGc();
    long fdsBefore = openFds();
    System.out.printf("DirectLinkFuzzTest seed=%d count=%d per phase%n", SEED, COUNT);

    // Phase 1: mutated handshakes (magic, version, token length, token).
    ProtoMutator hellos = new ProtoMutator(SEED, List.of(hello, hello(new byte[0])));
    long t0 = System.nanoTime();
    long answered = 0;
    for (int i = 0; i < COUNT; i++) {
      byte[] m = hellos.next();
      answered += exchange(m) ? 1 : 0;
    }
    long t1 = System.nanoTime();
    long parsedBefore = parsed.get();

    // Phase 2: after a valid handshake, one mutated frame (its length word sometimes wrong too).
    List<byte[]> seeds =
        List.of(
            ProtoMutator.filled(TaskBatch.getDefaultInstance()).toByteArray(),
            validBatch().toByteArray(),
            new byte[0]);
    ProtoMutator frames = new ProtoMutator(SEED + 1, seeds);
    java.util.SplittableRandom r = new java.util.SplittableRandom(SEED + 2);
    for (int i = 0; i < COUNT; i++) {
      byte[] body = frames.next();
      int length =
          switch (r.nextInt(8)) {
            case 0 -> body.length + 1 + r.nextInt(64); // announces more than comes
            case 1 -> r.nextBoolean() ? -1 : Integer.MAX_VALUE;
            case 2 -> Rpc.maxMessageBytes() + 1;
            default -> body.length;
          };
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(hello);
      new DataOutputStream(out).writeInt(length);
      out.writeBytes(body);
      exchange(out.toByteArray());
    }
    long t2 = System.nanoTime();
    long parsedAfter = parsed.get();

    // Alive and correct: a valid link still delivers a valid frame.
    double after = throughput();
    Awaitility.await("the link threads of the fuzzed connections end")
        .atMost(Duration.ofSeconds(60))
        .until(() -> linkThreads() == 0);
    long heapAfter = heapAfterGc();
    Awaitility.await("file descriptors back to the level before fuzzing")
        .atMost(Duration.ofSeconds(60))
        .until(() -> openFds() <= fdsBefore);
    System.out.printf(
        "DirectLinkFuzzTest: %d handshakes in %d ms (%d answered, the rest closed), %d frames in %d"
            + " ms (parsed %d, refused by the parser %d); links closed by cause %s; heap %d -> %d"
            + " KiB, fds %d -> %d; valid frames/s before %.0f, after %.0f%n",
        COUNT,
        (t1 - t0) / 1_000_000,
        answered,
        COUNT,
        (t2 - t1) / 1_000_000,
        parsedAfter - parsedBefore,
        refused.get(),
        closeCauses,
        heapBefore >> 10,
        heapAfter >> 10,
        fdsBefore,
        openFds(),
        before,
        after);
    assertThat(heapAfter)
        .as("heap after GC, seed %d", SEED)
        .isLessThanOrEqualTo(heapBefore + HEAP_SLACK_BYTES);
    assertThat(parsedAfter - parsedBefore + refused.get())
        .as("frames that reached the parser (seed %d)", SEED)
        .isPositive();
  }

  /**
   * Connects, writes {@code bytes}, ends the output and reads to the end: the server must answer or
   * close; a read that waits out the ordinary RPC deadline fails the test (a hung handshake).
   *
   * @return whether the server answered with at least the 8 bytes of its hello
   */
  private boolean exchange(byte[] bytes) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout((int) Rpc.deadlineMs());
      try {
        s.getOutputStream().write(bytes);
        s.shutdownOutput();
      } catch (java.net.SocketException e) {
        // the server closed already (it refused the start of what we sent): fine
      }
      InputStream in = s.getInputStream();
      long n = 0;
      try {
        byte[] buf = new byte[4096];
        for (int r; (r = in.read(buf)) >= 0; ) {
          n += r;
        }
      } catch (java.net.SocketTimeoutException e) {
        throw new AssertionError(
            "The link server neither answered nor closed within "
                + Rpc.deadlineMs()
                + " ms (seed "
                + SEED
                + ")",
            e);
      } catch (java.net.SocketException e) {
        // reset by the server after it refused: closed
      }
      return n >= 8;
    }
  }

  /** Valid frames per second over one valid link (measured, not asserted). */
  private double throughput() throws Exception {
    int n = 20_000;
    byte[] frame = validBatch().toByteArray();
    validFrames = new CountDownLatch(n);
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      DataOutputStream o =
          new DataOutputStream(new java.io.BufferedOutputStream(s.getOutputStream(), 1 << 16));
      o.write(hello(token.bytes()));
      o.flush();
      DataInputStream in = new DataInputStream(s.getInputStream());
      assertThat(in.readInt()).isEqualTo(0x4D4C4E4B);
      assertThat(in.readInt()).isEqualTo(Rpc.PROTOCOL_VERSION);
      assertThat(in.readInt()).as("a valid token is accepted").isZero();
      long t = System.nanoTime();
      for (int i = 0; i < n; i++) {
        o.writeInt(frame.length);
        o.write(frame);
      }
      o.flush();
      validFrames.await();
      return n / ((System.nanoTime() - t) / 1e9);
    }
  }

  private static TaskBatch validBatch() {
    return TaskBatch.newBuilder().setJobId("valid").setOwnerPrefix(42).build();
  }

  private static byte[] hello(byte[] t) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream o = new DataOutputStream(b);
    o.writeInt(0x4D4C4E4B);
    o.writeInt(Rpc.PROTOCOL_VERSION);
    o.writeInt(t.length);
    o.write(t);
    return b.toByteArray();
  }

  private static long linkThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("manta-link-from-"))
        .count();
  }

  static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static long openFds() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      return s.count();
    }
  }
}
