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
    DirectLink.Server s = DirectLink.Server.start("127.0.0.1", onAccept);
    open.add(s);
    return s;
  }

  private DirectLink connect(int port, DirectLink.Receiver r) throws IOException {
    DirectLink l = DirectLink.connect("127.0.0.1", port, x -> r);
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
      out.writeInt(0x4D4C4E4B);
      out.writeInt(Rpc.PROTOCOL_VERSION);
      out.writeInt(Rpc.MAX_MESSAGE_BYTES + 1);
      out.flush();
      assertThat(atServer.closed.get(10, TimeUnit.SECONDS))
          .hasMessageContaining("bad frame length");
    }
    assertThat(atServer.frames).isEmpty();
  }
}
