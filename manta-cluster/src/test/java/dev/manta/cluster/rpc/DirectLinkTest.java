package dev.manta.cluster.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.manta.cluster.proto.LinkInfo;
import dev.manta.cluster.proto.ResultBatch;
import dev.manta.cluster.proto.ResultMsg;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DirectLinkTest {
  private static final ClusterToken TOKEN = ClusterToken.random();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  /** A receiver that hands frames and the close cause to the test. */
  private static final class Collect implements DirectLink.Receiver {
    final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Throwable> closed = new CompletableFuture<>();
    final Consumer<byte[]> also;
    volatile boolean onReader;

    Collect(Consumer<byte[]> also) {
      this.also = also;
    }

    @Override
    public void onFrame(byte[] frame) {
      onReader = DirectLink.onReaderThread();
      frames.add(frame);
      also.accept(frame);
    }

    @Override
    public void onClosed(Throwable cause) {
      closed.complete(cause);
    }
  }

  private DirectLink.Server server(Function<DirectLink, DirectLink.Receiver> onAccept) {
    DirectLink.Server s = DirectLink.Server.start("127.0.0.1", TOKEN, onAccept);
    open.add(s);
    return s;
  }

  private DirectLink connect(int port, DirectLink.Receiver r) throws IOException {
    DirectLink l = DirectLink.connect("127.0.0.1", port, TOKEN, x -> r);
    open.add(l);
    return l;
  }

  private static ResultMsg msg(long prefix, long seq) {
    return ResultMsg.newBuilder().setTaskPrefix(prefix).setTaskSequence(seq).build();
  }

  @Test
  void framesGoBothWaysAndReceiversRunOnReaderThreads() throws Exception {
    Collect atServer = new Collect(f -> {});
    CompletableFuture<DirectLink> accepted = new CompletableFuture<>();
    DirectLink.Server s =
        server(
            l -> {
              accepted.complete(l);
              return atServer;
            });
    Collect atClient = new Collect(f -> {});
    DirectLink client = connect(s.port(), atClient);
    client.send(ResultBatch.newBuilder().addResults(msg(1, 2)).build());
    assertThat(ResultBatch.parseFrom(atServer.frames.poll(10, TimeUnit.SECONDS)).getResults(0))
        .isEqualTo(msg(1, 2));
    accepted.get(10, TimeUnit.SECONDS).send(LinkInfo.newBuilder().setPort(7).build());
    assertThat(LinkInfo.parseFrom(atClient.frames.poll(10, TimeUnit.SECONDS)).getPort())
        .isEqualTo(7);
    assertThat(atServer.onReader).isTrue();
    assertThat(atClient.onReader).isTrue();
    assertThat(DirectLink.onReaderThread()).isFalse();
  }

  @Test
  void emptyAndLargeFramesArriveIntact() throws Exception {
    Collect atServer = new Collect(f -> {});
    DirectLink client = connect(server(l -> atServer).port(), new Collect(f -> {}));
    client.send(ResultBatch.getDefaultInstance());
    ResultBatch.Builder big = ResultBatch.newBuilder();
    for (int i = 0; i < 200_000; i++) {
      big.addResults(msg(i, -i));
    }
    client.send(big.build());
    assertThat(atServer.frames.poll(10, TimeUnit.SECONDS)).isEmpty();
    assertThat(ResultBatch.parseFrom(atServer.frames.poll(10, TimeUnit.SECONDS)))
        .isEqualTo(big.build());
  }

  @Test
  void concurrentSendersNeverInterleaveAndEachKeepsItsOrder() throws Exception {
    int threads = 8;
    int perThread = 5_000;
    Map<Long, Long> next = new ConcurrentHashMap<>();
    List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch all = new CountDownLatch(threads * perThread);
    Collect atServer =
        new Collect(
            f -> {
              ResultBatch b;
              try {
                b = ResultBatch.parseFrom(f);
              } catch (InvalidProtocolBufferException e) {
                errors.add(e.toString());
                return;
              }
              for (ResultMsg m : b.getResultsList()) {
                long expected = next.getOrDefault(m.getTaskPrefix(), 0L);
                if (m.getTaskSequence() != expected) {
                  errors.add(m.getTaskPrefix() + ": " + m.getTaskSequence() + " != " + expected);
                }
                next.put(m.getTaskPrefix(), m.getTaskSequence() + 1);
                all.countDown();
              }
            });
    DirectLink client = connect(server(l -> atServer).port(), new Collect(f -> {}));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long id = t;
        done.add(
            pool.submit(
                () -> {
                  ThreadLocalRandom r = ThreadLocalRandom.current();
                  long seq = 0;
                  while (seq < perThread) {
                    ResultBatch.Builder b = ResultBatch.newBuilder();
                    int n = (int) Math.min(1 + r.nextInt(20), perThread - seq);
                    for (int i = 0; i < n; i++) {
                      b.addResults(msg(id, seq++));
                    }
                    client.send(b.build());
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertThat(all.await(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(errors).isEmpty();
    assertThat(next).hasSize(threads).allSatisfy((k, v) -> assertThat(v).isEqualTo(perThread));
  }

  @Test
  void closingOneSideEndsBothAndSendingOnAClosedLinkFails() throws Exception {
    Collect atServer = new Collect(f -> {});
    Collect atClient = new Collect(f -> {});
    DirectLink client = connect(server(l -> atServer).port(), atClient);
    client.send(ResultBatch.getDefaultInstance());
    atServer.frames.poll(10, TimeUnit.SECONDS);
    client.close();
    assertThat(atClient.closed.get(10, TimeUnit.SECONDS)).isNull(); // closed by this side
    assertThat(atServer.closed.get(10, TimeUnit.SECONDS)).isNotNull(); // the peer went away
    assertThatThrownBy(() -> client.send(ResultBatch.getDefaultInstance()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void stoppingTheServerEndsItsLinks() throws Exception {
    Collect atClient = new Collect(f -> {});
    Collect atServer = new Collect(f -> {});
    DirectLink.Server s = server(l -> atServer);
    DirectLink client = connect(s.port(), atClient);
    client.send(ResultBatch.getDefaultInstance());
    atServer.frames.poll(10, TimeUnit.SECONDS); // accepted and serving
    s.close();
    assertThat(atClient.closed.get(10, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void aClientOfAnotherProtocolVersionIsRefusedWithAReason() throws Exception {
    DirectLink.Server s = server(l -> new Collect(f -> {}));
    try (Socket raw = new Socket("127.0.0.1", s.port())) {
      DataOutputStream out = new DataOutputStream(raw.getOutputStream());
      out.writeInt(0x4D4C4E4B);
      out.writeInt(Rpc.PROTOCOL_VERSION + 1);
      out.flush();
      DataInputStream in = new DataInputStream(raw.getInputStream());
      assertThat(in.readInt()).isEqualTo(0x4D4C4E4B);
      assertThat(in.readInt()).isEqualTo(Rpc.PROTOCOL_VERSION);
      assertThat(in.readInt()).isEqualTo(1); // refused
      byte[] reason = new byte[in.readInt()];
      in.readFully(reason);
      assertThat(new String(reason, StandardCharsets.UTF_8))
          .contains("version mismatch")
          .contains("speaks " + (Rpc.PROTOCOL_VERSION + 1))
          .contains("same Manta version");
      assertThat(in.read()).isEqualTo(-1); // then closed
    }
  }

  @Test
  void aServerThatRefusesTheLinkGivesItsReasonToTheClient() throws Exception {
    try (ServerSocket fake = new ServerSocket(0)) {
      Thread.ofVirtual()
          .start(
              () -> {
                try (Socket c = fake.accept()) {
                  DataInputStream in = new DataInputStream(c.getInputStream());
                  in.readInt();
                  in.readInt();
                  in.readFully(new byte[in.readInt()]); // the token
                  DataOutputStream out = new DataOutputStream(c.getOutputStream());
                  byte[] why = "too old".getBytes(StandardCharsets.UTF_8);
                  out.writeInt(0x4D4C4E4B);
                  out.writeInt(99);
                  out.writeInt(1);
                  out.writeInt(why.length);
                  out.write(why);
                  out.flush();
                } catch (IOException e) {
                  // the test fails on the client side
                }
              });
      assertThatThrownBy(() -> connect(fake.getLocalPort(), new Collect(f -> {})))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("protocol version 99")
          .hasMessageContaining("refused the link: too old");
    }
  }

  @Test
  void aNonMantaServerOrNoServerAtAllFailsAtOnceWithAClearError() throws Exception {
    try (ServerSocket http = new ServerSocket(0)) {
      Thread.ofVirtual()
          .start(
              () -> {
                try (Socket c = http.accept();
                    OutputStream out = c.getOutputStream()) {
                  out.write(
                      "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                          .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                  // the test fails on the client side
                }
              });
      assertThatThrownBy(() -> connect(http.getLocalPort(), new Collect(f -> {})))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("is not a Manta link server");
    }
    int unused;
    try (ServerSocket s = new ServerSocket(0)) {
      unused = s.getLocalPort();
    }
    assertThatThrownBy(() -> connect(unused, new Collect(f -> {})))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void aFrameLongerThanTheLimitEndsTheLinkWithAReason() throws Exception {
    Collect atServer = new Collect(f -> {});
    DirectLink.Server s = server(l -> atServer);
    try (Socket raw = new Socket("127.0.0.1", s.port())) {
      DataOutputStream out = new DataOutputStream(raw.getOutputStream());
      hello(out, TOKEN.bytes());
      DataInputStream in = new DataInputStream(raw.getInputStream());
      assertThat(answer(in)).isEqualTo(0); // accepted
      out.writeInt(Rpc.maxMessageBytes() + 1);
      out.flush();
      assertThat(atServer.closed.get(10, TimeUnit.SECONDS))
          .hasMessageContaining("announced a frame of " + (Rpc.maxMessageBytes() + 1) + " bytes")
          .hasMessageContaining("above the limit of " + Rpc.maxMessageBytes())
          .hasMessageContaining("manta.max-message-bytes");
      assertThat(in.read()).isEqualTo(-1); // the server closed the link
    }
    assertThat(atServer.frames).isEmpty();
  }

  /** The client's hello: magic, version, token. */
  private static void hello(DataOutputStream out, byte[] token) throws IOException {
    out.writeInt(0x4D4C4E4B);
    out.writeInt(Rpc.PROTOCOL_VERSION);
    out.writeInt(token.length);
    out.write(token);
    out.flush();
  }

  /** Reads the server's answer to a hello: its status (0 accepted, 1 refused). */
  private static int answer(DataInputStream in) throws IOException {
    assertThat(in.readInt()).isEqualTo(0x4D4C4E4B);
    assertThat(in.readInt()).isEqualTo(Rpc.PROTOCOL_VERSION);
    return in.readInt();
  }

  private static String reason(DataInputStream in) throws IOException {
    byte[] reason = new byte[in.readInt()];
    in.readFully(reason);
    return new String(reason, StandardCharsets.UTF_8);
  }

  @Test
  void aClientWithoutTheTokenIsRefusedBeforeAnyReceiverExistsAndTheNextValidOneIsServed()
      throws Exception {
    List<DirectLink> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
    Collect atServer = new Collect(f -> {});
    DirectLink.Server s =
        server(
            l -> {
              accepted.add(l);
              return atServer;
            });
    byte[] wrong = ClusterToken.random().bytes();
    for (byte[] sent : List.of(new byte[0], wrong)) {
      try (Socket raw = new Socket(java.net.InetAddress.getLoopbackAddress(), s.port())) {
        DataOutputStream out = new DataOutputStream(raw.getOutputStream());
        hello(out, sent);
        DataInputStream in = new DataInputStream(raw.getInputStream());
        assertThat(answer(in)).isEqualTo(1); // refused
        assertThat(reason(in))
            .contains("requires its cluster token on every link")
            .contains(sent.length == 0 ? "sent none" : "sent another one")
            .contains("MANTA_TOKEN_FILE")
            .doesNotContain(new String(TOKEN.bytes(), StandardCharsets.US_ASCII))
            .doesNotContain(new String(wrong, StandardCharsets.US_ASCII));
        assertThat(in.read()).isEqualTo(-1); // then closed
      }
    }
    assertThat(accepted).isEmpty(); // no receiver was made for either
    assertThat(atServer.frames).isEmpty();

    DirectLink client = connect(s.port(), new Collect(f -> {}));
    client.send(ResultBatch.newBuilder().addResults(msg(3, 4)).build());
    assertThat(ResultBatch.parseFrom(atServer.frames.poll(10, TimeUnit.SECONDS)).getResults(0))
        .isEqualTo(msg(3, 4));
    assertThat(accepted).hasSize(1);
  }

  @Test
  void connectingWithAnotherTokenFailsWithTheServersReason() {
    DirectLink.Server s = server(l -> new Collect(f -> {}));
    assertThatThrownBy(
            () -> DirectLink.connect("127.0.0.1", s.port(), ClusterToken.random(), x -> null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("refused the link")
        .hasMessageContaining("sent another one");
    assertThatThrownBy(() -> DirectLink.connect("127.0.0.1", s.port(), null, x -> null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("sent none");
  }

  @Test
  void aTokenLongerThanAnyTokenIsRefusedWithoutReadingIt() throws Exception {
    DirectLink.Server s = server(l -> new Collect(f -> {}));
    try (Socket raw = new Socket(java.net.InetAddress.getLoopbackAddress(), s.port())) {
      DataOutputStream out = new DataOutputStream(raw.getOutputStream());
      out.writeInt(0x4D4C4E4B);
      out.writeInt(Rpc.PROTOCOL_VERSION);
      out.writeInt(Integer.MAX_VALUE);
      out.flush();
      DataInputStream in = new DataInputStream(raw.getInputStream());
      assertThat(answer(in)).isEqualTo(1);
      assertThat(reason(in)).contains("is not a token");
    }
  }

  @Test
  void aLargeAnnouncedFrameThatNeverComesCostsOnlyWhatArrived() throws Exception {
    var threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    Collect atServer = new Collect(f -> {});
    DirectLink.Server s = server(l -> atServer);
    int announced = Math.min(Rpc.maxMessageBytes(), 120 << 20);
    long before = threads.getTotalThreadAllocatedBytes();
    try (Socket raw = new Socket(java.net.InetAddress.getLoopbackAddress(), s.port())) {
      DataOutputStream out = new DataOutputStream(raw.getOutputStream());
      hello(out, TOKEN.bytes());
      DataInputStream in = new DataInputStream(raw.getInputStream());
      assertThat(answer(in)).isEqualTo(0);
      out.writeInt(announced);
      out.write(new byte[1024]);
      out.flush();
    } // and hang up mid-frame
    assertThat(atServer.closed.get(10, TimeUnit.SECONDS))
        .isInstanceOf(java.io.EOFException.class)
        .hasMessageContaining("ended after 1024 of the " + announced + " bytes of a frame");
    long allocated = threads.getTotalThreadAllocatedBytes() - before;
    // The frame's buffer started at 1 MiB; all else in this JVM meanwhile is far below 32 MiB.
    assertThat(allocated).as("bytes allocated in this JVM").isLessThan(32L << 20);
    assertThat(atServer.frames).isEmpty();
  }

  @Test
  void readFrame_growsWithTheBytesThatArriveAndEndsExact() throws Exception {
    var threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().threadId();
    byte[] some = new byte[3 << 20];
    new java.util.Random(7).nextBytes(some);
    long before = threads.getThreadAllocatedBytes(id);
    assertThatThrownBy(
            () ->
                DirectLink.readFrame(new java.io.ByteArrayInputStream(some, 0, 10), 100 << 20, "p"))
        .isInstanceOf(java.io.EOFException.class)
        .hasMessageContaining("ended after 10 of the " + (100 << 20));
    assertThat(threads.getThreadAllocatedBytes(id) - before).isLessThan(4L << 20);
    byte[] whole = DirectLink.readFrame(new java.io.ByteArrayInputStream(some), some.length, "p");
    assertThat(whole).hasSize(some.length).isEqualTo(some);
  }

  @Test
  void aServerWithoutATokenListensOnLoopbackOnly() throws Exception {
    assertThatThrownBy(() -> DirectLink.Server.start("0.0.0.0", null, l -> new Collect(f -> {})))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without a cluster token")
        .hasMessageContaining("--insecure-no-token")
        .hasMessageContaining("127.0.0.1");
    assertThatThrownBy(() -> Rpc.serve("0.0.0.0", 0, List.of(), false, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without a cluster token");
    Collect atServer = new Collect(f -> {});
    DirectLink.Server open = DirectLink.Server.start("127.0.0.1", null, l -> atServer);
    this.open.add(open);
    DirectLink client =
        DirectLink.connect("127.0.0.1", open.port(), null, x -> new Collect(f -> {}));
    this.open.add(client);
    client.send(ResultBatch.newBuilder().addResults(msg(5, 6)).build());
    assertThat(ResultBatch.parseFrom(atServer.frames.poll(10, TimeUnit.SECONDS)).getResults(0))
        .isEqualTo(msg(5, 6));
  }
}
