package dev.manta.cluster.rpc;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A framed stream of protobuf messages over a plain TCP connection between two Manta processes: the
 * data path that carries tasks from an owner to a worker and their results back (see {@code
 * OpenLink} in {@code manta.proto}).
 *
 * <p>Why not a gRPC stream: on the per-call path gRPC hands every message to a Netty event loop and
 * back (a thread wake-up each way on both sides) and frames it in HTTP/2. Here the thread that
 * sends writes the socket itself, and one reader thread per connection reads it, so a synchronous
 * call costs two fewer wake-ups and far less code to run (and to compile while a new worker JVM
 * warms up). Control traffic (leases, the head, borrows, object transfer) stays on gRPC.
 *
 * <p>Wire format (protocol version {@link Rpc#PROTOCOL_VERSION}, big-endian): the client opens with
 * {@code "MLNK"}, its version, and the cluster token as a 4-byte length (0: none) and that many
 * ASCII bytes; the server answers {@code "MLNK"}, its version and a status: 0 accepted, or 1
 * refused followed by a length-prefixed UTF-8 reason, after which it closes. A server of another
 * version answers right after the client's version, before reading a token. Then each frame is a
 * 4-byte length and that many bytes of one message, at most {@link Rpc#maxMessageBytes()}.
 *
 * <p>TLS: in a process with TLS ({@link Rpc#processTls()}, {@link ClusterTls}) the connection is
 * TLS 1.3 before the first byte above: the client checks that the server's certificate is from the
 * cluster's CA and names the host it dialled, the server checks the client's certificate likewise
 * (and refuses a client without one if {@code manta.tls-require-client-cert}); a failed handshake
 * ends the connection before the server reads anything of the client's.
 *
 * <p>Security: a server with a token ({@link ClusterToken}) refuses a client without a credential
 * it recognises ({@link ClusterToken#resolve}) before it makes a receiver: no byte of such a client
 * reaches a parser. A job's process serves links of its own job's credential (and of the cluster
 * and admin tokens) only, so a driver or worker of another job is refused, saying so. A frame's
 * memory grows with the bytes that arrive, not with the length a peer announces: a peer announcing
 * the largest frame and sending nothing costs {@link #EAGER_FRAME_BYTES}, not {@link
 * Rpc#maxMessageBytes()}; a length above the limit ends the link before anything is allocated.
 *
 * <p>Threads and blocking: {@link #send} writes on the caller's thread, under a lock, and blocks
 * only while the peer's socket buffer is full. The {@link Receiver} runs on the connection's reader
 * thread ({@link #onReaderThread()} is true there); it must not block, and must not {@link #send}
 * on a link whose peer might be waiting on it: a reader blocked in a write stops reading, and two
 * such readers would wait for each other.
 */
public final class DirectLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DirectLink.class);
  private static final int MAGIC = 0x4D4C4E4B; // "MLNK"
  private static final int ACCEPTED = 0;
  private static final int REFUSED = 1;
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int READ_BUFFER = 1 << 16;
  private static final int MAX_TOKEN_BYTES = 1024;

  /** Frames up to this size are allocated at once; larger ones grow as their bytes arrive. */
  static final int EAGER_FRAME_BYTES = 1 << 20;

  /** What a link delivers, on its reader thread. */
  public interface Receiver {
    /** One frame's bytes. */
    void onFrame(byte[] frame);

    /** The link ended: {@code cause} is null when it was closed by this side. */
    void onClosed(Throwable cause);
  }

  private static final class ReaderThread extends Thread {
    ReaderThread(Runnable r, String name) {
      super(null, r, name, 512 * 1024);
      setDaemon(true);
    }
  }

  private final Socket socket;
  private final DataInputStream
      in; // the handshake's and then the frames': one buffer, no byte lost
  private final OutputStream out;
  private final String peer;
  private volatile boolean closed;
  private volatile Thread reader; // set once, when the reader starts

  private DirectLink(Socket socket, DataInputStream in) throws IOException {
    this.socket = socket;
    this.in = in;
    this.out = socket.getOutputStream();
    this.peer = String.valueOf(socket.getRemoteSocketAddress());
  }

  /** Whether the current thread reads a link (and so must not block). */
  public static boolean onReaderThread() {
    return Thread.currentThread() instanceof ReaderThread;
  }

  /**
   * Connects to the link server at {@code host:port} presenting {@link Rpc#processToken()}; see
   * {@link #connect(String, int, ClusterToken, Function)}.
   */
  public static DirectLink connect(String host, int port, Function<DirectLink, Receiver> receiver)
      throws IOException {
    return connect(host, port, Rpc.processToken(), receiver);
  }

  /**
   * Connects to the link server at {@code host:port}, presents {@code token} (null: none), over
   * {@link Rpc#processTls()}; see {@link #connect(String, int, ClusterToken, ClusterTls,
   * Function)}.
   */
  public static DirectLink connect(
      String host, int port, ClusterToken token, Function<DirectLink, Receiver> receiver)
      throws IOException {
    return connect(host, port, token, Rpc.processTls(), receiver);
  }

  /**
   * Connects to the link server at {@code host:port} over {@code tls} (null: plaintext), presents
   * {@code token} (null: none), checks the protocol version, and starts the reader thread that
   * feeds {@code receiver}.
   *
   * @throws IOException if nothing answers, or the TLS handshake fails, or the peer is not a Manta
   *     link server, or it speaks another protocol version, or it refused the token: the message
   *     says which
   */
  public static DirectLink connect(
      String host,
      int port,
      ClusterToken token,
      ClusterTls tls,
      Function<DirectLink, Receiver> receiver)
      throws IOException {
    Socket plain = new Socket();
    Socket s = plain;
    boolean connected = false;
    try {
      tune(plain);
      plain.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
      connected = true;
      plain.setSoTimeout((int) Rpc.deadlineMs());
      if (tls != null) {
        s = tls.clientSocket(plain, host, port);
      }
      // One write for the whole hello: a peer that answers and hangs up at once (not a Manta
      // server) must not turn a second write into a broken pipe before its answer is read.
      byte[] t = token == null ? new byte[0] : token.bytes();
      DataOutputStream o = writer(s, 16 + t.length);
      o.writeInt(MAGIC);
      o.writeInt(Rpc.PROTOCOL_VERSION);
      o.writeInt(t.length);
      o.write(t);
      o.flush();
      DataInputStream in = reader(s);
      int magic = in.readInt();
      int version = in.readInt();
      int status = in.readInt();
      if (magic != MAGIC) {
        throw new IOException(
            host
                + ":"
                + port
                + " is not a Manta link server; check the worker's address (its OpenLink answer)");
      }
      if (status != ACCEPTED) {
        throw new IOException(
            "The Manta process at "
                + host
                + ":"
                + port
                + " (protocol version "
                + version
                + ") refused the link: "
                + readReason(in));
      }
      s.setSoTimeout(0);
      DirectLink link = new DirectLink(s, in);
      link.startReader(receiver.apply(link), "manta-link-to-" + host + ":" + port);
      return link;
    } catch (javax.net.ssl.SSLException | SocketException e) {
      if (e instanceof SocketException && (tls == null || !connected)) {
        s.close();
        plain.close();
        throw e;
      }
      // In TLS 1.3 a server refuses the client's certificate after the client's handshake ended:
      // the refusal arrives on the first read or write (an alert, or a reset), here too.
      s.close();
      plain.close();
      throw new IOException(
          "The TLS handshake with the link server at "
              + host
              + ":"
              + port
              + " failed ("
              + Rpc.rootMessage(e)
              + "): both sides need certificates from the cluster's CA, the server's naming "
              + host
              + "; a process without manta.tls-ca speaks plaintext, which a TLS cluster refuses",
          e);
    } catch (EOFException e) {
      s.close();
      plain.close();
      throw new IOException(
          host
              + ":"
              + port
              + " closed the link during the handshake"
              + (tls == null
                  ? " (a TLS server closes a plaintext client's link so: if the cluster uses TLS,"
                      + " give this process its "
                      + dev.manta.cluster.config.ClusterConfig.TLS_CA
                      + ", certificate and key)"
                  : " (in TLS: the server may have refused this process's certificate)"),
          e);
    } catch (IOException | RuntimeException e) {
      s.close();
      plain.close();
      throw e;
    }
  }

  /**
   * Sends {@code m} as one frame, on this thread. Thread-safe: frames of concurrent senders do not
   * interleave.
   *
   * @throws IOException if the link is closed or broken
   */
  public void send(MessageLite m) throws IOException {
    int size = m.getSerializedSize();
    if (size > Rpc.maxMessageBytes()) {
      throw new IOException(
          "A frame of "
              + size
              + " bytes for the link to "
              + peer
              + " is above the limit of "
              + Rpc.maxMessageBytes()
              + " bytes (manta.max-message-bytes); send fewer or smaller values per batch");
    }
    byte[] frame = new byte[4 + size];
    frame[0] = (byte) (size >>> 24);
    frame[1] = (byte) (size >>> 16);
    frame[2] = (byte) (size >>> 8);
    frame[3] = (byte) size;
    CodedOutputStream c = CodedOutputStream.newInstance(frame, 4, size);
    m.writeTo(c);
    c.checkNoSpaceLeft();
    synchronized (out) {
      if (closed) {
        throw new IOException("link to " + peer + " is closed");
      }
      out.write(frame);
    }
  }

  /** The peer's socket address, for messages. */
  public String peer() {
    return peer;
  }

  /** Closes the connection; the receiver then sees {@code onClosed(null)}. Idempotent. */
  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("closing link to {}: {}", peer, e.toString());
    }
  }

  /**
   * Waits up to {@code timeoutMillis} for this link's reader thread to end, after {@link #close}.
   * Returns at once on the reader thread itself or if no reader was started.
   *
   * @return whether the reader has ended
   */
  public boolean awaitReader(long timeoutMillis) throws InterruptedException {
    Thread t = reader;
    if (t == null || t == Thread.currentThread()) {
      return true;
    }
    t.join(timeoutMillis);
    return !t.isAlive();
  }

  private void startReader(Receiver receiver, String name) {
    Thread t = new ReaderThread(() -> readLoop(receiver), name);
    reader = t;
    t.start();
  }

  private void readLoop(Receiver receiver) {
    Throwable cause = null;
    try {
      while (true) {
        int size;
        try {
          size = in.readInt();
        } catch (EOFException e) {
          cause = new EOFException("link to " + peer + " ended");
          break;
        }
        if (size < 0 || size > Rpc.maxMessageBytes()) {
          cause =
              new IOException(
                  "The link from "
                      + peer
                      + " announced a frame of "
                      + Integer.toUnsignedString(size)
                      + " bytes, above the limit of "
                      + Rpc.maxMessageBytes()
                      + " bytes (manta.max-message-bytes); the link is closed");
          break;
        }
        receiver.onFrame(readFrame(in, size, peer));
      }
    } catch (IOException | RuntimeException e) {
      cause = e;
    } finally {
      boolean byUs = closed;
      close();
      receiver.onClosed(byUs ? null : cause);
    }
  }

  /**
   * Reads a frame of {@code size} bytes. Up to {@link #EAGER_FRAME_BYTES} the array is allocated at
   * once; beyond, it starts at that size and doubles as bytes arrive (capped at {@code size}, so
   * the last array is exact): memory held stays within twice what the peer actually sent, or {@link
   * #EAGER_FRAME_BYTES} if that is more.
   *
   * @throws EOFException if the stream ends first, saying how much of the frame came
   */
  static byte[] readFrame(java.io.InputStream in, int size, String peer) throws IOException {
    byte[] buf = new byte[Math.min(size, EAGER_FRAME_BYTES)];
    int n = 0;
    while (n < size) {
      if (n == buf.length) {
        buf = java.util.Arrays.copyOf(buf, (int) Math.min(size, 2L * buf.length));
      }
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) {
        throw new EOFException(
            "The link from "
                + peer
                + " ended after "
                + n
                + " of the "
                + size
                + " bytes of a frame");
      }
      n += r;
    }
    return buf;
  }

  /**
   * No Nagle delay (frames are small and waited for), and TCP keep-alive probes after 10 s of
   * silence, so that a reader whose peer's machine vanished without a FIN ends within about 25 s
   * instead of hanging.
   */
  private static void tune(Socket s) throws IOException {
    s.setTcpNoDelay(true);
    s.setKeepAlive(true);
    try {
      s.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 10);
      s.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 5);
      s.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, 3);
    } catch (UnsupportedOperationException e) {
      // this OS's defaults, then
    }
  }

  private static DataOutputStream writer(Socket s) throws IOException {
    return writer(s, 256);
  }

  private static DataOutputStream writer(Socket s, int buffer) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), buffer));
  }

  private static DataInputStream reader(Socket s) throws IOException {
    return new DataInputStream(new BufferedInputStream(s.getInputStream(), READ_BUFFER));
  }

  private static String readReason(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 4096) {
      return "(no reason given)";
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /**
   * Takes links: one accept thread, and per connection a reader thread that feeds the receiver made
   * for it, once the client passed the handshake. Listens on the given host only.
   */
  public static final class Server implements AutoCloseable {
    private final ServerSocket listener;
    private final ClusterToken token; // null: no token required
    private final Function<DirectLink, Receiver> onAccept;
    private final Set<DirectLink> links = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private Server(
        ServerSocket listener, ClusterToken token, Function<DirectLink, Receiver> onAccept) {
      this.listener = listener;
      this.token = token;
      this.onAccept = onAccept;
    }

    /** Starts a server on {@code bind}, any free port, requiring {@link Rpc#processToken()}. */
    public static Server start(String bind, Function<DirectLink, Receiver> onAccept) {
      return start(bind, Rpc.processToken(), onAccept);
    }

    /**
     * Starts a server on {@code bind}, any free port, requiring {@code token} of every client
     * (null: none, allowed on a loopback address only), over {@link Rpc#processTls()}.
     *
     * @throws IllegalStateException if {@code bind} is not loopback and the token or TLS is missing
     */
    public static Server start(
        String bind, ClusterToken token, Function<DirectLink, Receiver> onAccept) {
      return start(bind, token, Rpc.processTls(), onAccept);
    }

    /**
     * As above, over {@code tls} (null: plaintext, allowed on a loopback address only).
     *
     * @throws IllegalStateException if {@code bind} is not loopback and the token or TLS is
     *     missing, or {@code tls} has no certificate of this process's own
     */
    public static Server start(
        String bind, ClusterToken token, ClusterTls tls, Function<DirectLink, Receiver> onAccept) {
      Rpc.checkBind(bind, token, tls, "direct-link server");
      try {
        ServerSocket l = tls == null ? new ServerSocket() : tls.serverSocket("direct-link server");
        l.bind(new InetSocketAddress(bind, 0), 64);
        Server s = new Server(l, token, onAccept);
        Thread.ofPlatform()
            .daemon()
            .name("manta-link-accept-" + l.getLocalPort())
            .start(s::acceptLoop);
        return s;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot listen for links on " + bind, e);
      }
    }

    /** The port links connect to. */
    public int port() {
      return listener.getLocalPort();
    }

    private void acceptLoop() {
      while (!closed) {
        Socket s;
        try {
          s = listener.accept();
        } catch (IOException e) {
          if (!closed) {
            LOG.warn("link server on port {} stopped accepting: {}", port(), e.toString());
          }
          return;
        }
        // The handshake reads from the peer: not on the accept thread, so a silent peer cannot
        // hold up everyone else's links.
        new ReaderThread(() -> serve(s), "manta-link-from-" + s.getRemoteSocketAddress()).start();
      }
    }

    private void serve(Socket s) {
      DirectLink link;
      try {
        tune(s);
        s.setSoTimeout((int) Rpc.deadlineMs());
        DataInputStream in = reader(s);
        DataOutputStream o = writer(s);
        int magic = in.readInt();
        int version = in.readInt();
        if (magic != MAGIC) {
          LOG.debug("not a Manta link client at {}; closing", s.getRemoteSocketAddress());
          s.close();
          return;
        }
        o.writeInt(MAGIC);
        o.writeInt(Rpc.PROTOCOL_VERSION);
        if (version != Rpc.PROTOCOL_VERSION) {
          refuse(
              s,
              o,
              "Manta protocol version mismatch: this process speaks version "
                  + Rpc.PROTOCOL_VERSION
                  + ", the caller speaks "
                  + version
                  + "; run the same Manta version on every node and driver");
          return;
        }
        int tokenLength = in.readInt();
        if (tokenLength < 0 || tokenLength > MAX_TOKEN_BYTES) {
          refuse(s, o, "A cluster token of " + tokenLength + " bytes is not a token");
          return;
        }
        byte[] sent = new byte[tokenLength];
        in.readFully(sent);
        if (token != null && (tokenLength == 0 || token.resolve(sent) == null)) {
          String claimed = tokenLength == 0 ? null : ClusterToken.claimedJob(sent);
          LOG.debug(
              "Refused a link from {}: {} cluster token",
              s.getRemoteSocketAddress(),
              tokenLength == 0 ? "no" : claimed != null ? "another job's" : "a wrong");
          refuse(
              s,
              o,
              claimed != null && token.kind() == Principal.Kind.JOB
                  ? Rpc.otherJob(token, claimed, "link")
                  : Rpc.refusal(tokenLength == 0, "link"));
          return;
        }
        o.writeInt(ACCEPTED);
        o.flush();
        s.setSoTimeout(0);
        link = new DirectLink(s, in);
      } catch (IOException e) {
        LOG.debug("link handshake with {} failed: {}", s.getRemoteSocketAddress(), e.toString());
        try {
          s.close();
        } catch (IOException ignored) {
          // already failing
        }
        return;
      }
      links.add(link);
      if (closed) {
        link.close();
      }
      try {
        link.readLoop(onAccept.apply(link));
      } finally {
        links.remove(link);
      }
    }

    private static void refuse(Socket s, DataOutputStream o, String why) throws IOException {
      byte[] reason = why.getBytes(StandardCharsets.UTF_8);
      o.writeInt(REFUSED);
      o.writeInt(reason.length);
      o.write(reason);
      o.flush();
      s.close();
    }

    /** Stops accepting and closes every link taken. */
    @Override
    public void close() {
      closed = true;
      try {
        listener.close();
      } catch (SocketException e) {
        // closing anyway
      } catch (IOException e) {
        LOG.debug("closing link server: {}", e.toString());
      }
      for (DirectLink l : links) {
        l.close();
      }
    }
  }
}
