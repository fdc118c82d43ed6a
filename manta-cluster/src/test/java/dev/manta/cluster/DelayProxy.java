package dev.manta.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy for tests that delays every chunk of bytes, each way, by a fixed time: a slow network
 * link between two real processes. Each accepted connection opens one to {@code upstream}; per
 * direction a reader stamps each chunk it reads with its due time and a writer sends it then, so
 * the delay adds latency without limiting throughput, and order is kept. When one side closes or
 * fails, the connection's other side is closed after the same delay. An upstream that is not
 * listening (a head being restarted) closes the accepted connection at once, as a refused
 * connection would.
 *
 * <p>Implementation notes: one acceptor thread; per connection two readers and two writers, each
 * owning one direction; the queues between them are the only shared state.
 */
final class DelayProxy implements AutoCloseable {
  /** Bytes read at one time, to be written at {@code dueNanos}; null bytes: the stream ended. */
  private static final class Chunk {
    final long dueNanos;
    final byte[] bytes;

    Chunk(long dueNanos, byte[] bytes) {
      this.dueNanos = dueNanos;
      this.bytes = bytes;
    }
  }

  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final long delayNanos;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicLong chunks = new AtomicLong();
  private volatile boolean closed;

  /**
   * Listens on a free loopback port and forwards to {@code upstreamHostPort} ({@code host:port}).
   */
  DelayProxy(String upstreamHostPort, Duration delay) throws IOException {
    int colon = upstreamHostPort.lastIndexOf(':');
    this.upstream =
        new InetSocketAddress(
            upstreamHostPort.substring(0, colon),
            Integer.parseInt(upstreamHostPort.substring(colon + 1)));
    this.delayNanos = delay.toNanos();
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("delay-proxy-accept").start(this::accept);
  }

  /** {@code 127.0.0.1:PORT}, where clients connect. */
  String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** How many chunks went through, both ways: more than zero once anything used the proxy. */
  long chunks() {
    return chunks.get();
  }

  private void accept() {
    while (!closed) {
      Socket down;
      try {
        down = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      Socket up = new Socket();
      try {
        up.connect(upstream, 5_000);
      } catch (IOException e) {
        closeQuietly(down);
        closeQuietly(up);
        continue;
      }
      open.add(down);
      open.add(up);
      pipe(down, up);
      pipe(up, down);
    }
  }

  private void pipe(Socket from, Socket to) {
    BlockingQueue<Chunk> q = new LinkedBlockingQueue<>();
    Thread.ofPlatform()
        .daemon()
        .name("delay-proxy-read")
        .start(
            () -> {
              byte[] buf = new byte[64 << 10];
              try {
                InputStream in = from.getInputStream();
                for (int n; (n = in.read(buf)) >= 0; ) {
                  q.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buf, n)));
                }
              } catch (IOException ignored) {
                // the connection ended
              }
              q.add(new Chunk(System.nanoTime() + delayNanos, null));
            });
    Thread.ofPlatform()
        .daemon()
        .name("delay-proxy-write")
        .start(
            () -> {
              try {
                OutputStream out = to.getOutputStream();
                while (true) {
                  Chunk c = q.take();
                  for (long wait; (wait = c.dueNanos - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait); // the injected delay itself
                  }
                  if (c.bytes == null) {
                    break;
                  }
                  out.write(c.bytes);
                  out.flush();
                  chunks.incrementAndGet();
                }
              } catch (IOException | InterruptedException ignored) {
                // the connection ended
              }
              closeQuietly(from);
              closeQuietly(to);
            });
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    open.forEach(DelayProxy::closeQuietly);
  }

  /** For messages: the delay. */
  @Override
  public String toString() {
    return "a proxy at "
        + address()
        + " delaying each chunk "
        + TimeUnit.NANOSECONDS.toMillis(delayNanos)
        + " ms to "
        + upstream;
  }
}
