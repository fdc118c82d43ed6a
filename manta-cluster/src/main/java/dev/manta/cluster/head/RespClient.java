package dev.manta.cluster.head;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal Redis client: one blocking TCP connection speaking RESP2 (the Redis serialization
 * protocol), enough for {@link RedisStorage}. Commands are arrays of bulk strings; a pipeline sends
 * several and reads their replies in order. Replies come back as {@code String} (simple strings),
 * {@code Long} (integers), {@code byte[]} (bulk strings; null when nil), {@code List<Object>}
 * (arrays; null when nil) or {@link ErrorReply} (an error the server answered with, not thrown, so
 * that a transaction's replies can be read to the end).
 *
 * <p>Not thread-safe: its one user, {@link RedisStorage}, holds its lock around each exchange. An
 * {@link IOException} leaves the connection unusable; the caller closes it and opens another.
 */
final class RespClient implements AutoCloseable {
  /** An error reply ({@code -ERR ...}). */
  record ErrorReply(String message) {}

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RespClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
  }

  /**
   * Connects to {@code host:port}, waiting at most {@code timeoutMs} for the connection and for
   * each reply afterwards.
   */
  static RespClient connect(String host, int port, int timeoutMs) throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host, port), timeoutMs);
      s.setSoTimeout(timeoutMs);
      return new RespClient(s);
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  /** Sends one command and reads its reply. */
  Object call(Object... args) throws IOException {
    return pipeline(List.<Object[]>of(args)).get(0);
  }

  /** Sends {@code commands} in one write and reads their replies, in order. */
  List<Object> pipeline(List<Object[]> commands) throws IOException {
    for (Object[] c : commands) {
      write(c);
    }
    out.flush();
    List<Object> replies = new ArrayList<>(commands.size());
    for (int i = 0; i < commands.size(); i++) {
      replies.add(read());
    }
    return replies;
  }

  private void write(Object[] args) throws IOException {
    out.write('*');
    out.write(ascii(args.length));
    out.write(CRLF);
    for (Object a : args) {
      byte[] b =
          a instanceof byte[] bytes ? bytes : String.valueOf(a).getBytes(StandardCharsets.UTF_8);
      out.write('$');
      out.write(ascii(b.length));
      out.write(CRLF);
      out.write(b);
      out.write(CRLF);
    }
  }

  private static final byte[] CRLF = {'\r', '\n'};

  private static byte[] ascii(long n) {
    return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
  }

  private Object read() throws IOException {
    int type = in.read();
    if (type < 0) {
      throw new EOFException("Redis closed the connection");
    }
    String line = line();
    return switch (type) {
      case '+' -> line;
      case '-' -> new ErrorReply(line);
      case ':' -> Long.parseLong(line);
      case '$' -> {
        int n = Integer.parseInt(line);
        if (n < 0) {
          yield null;
        }
        byte[] b = in.readNBytes(n);
        if (b.length < n || in.read() != '\r' || in.read() != '\n') {
          throw new EOFException("Redis closed the connection in the middle of a reply");
        }
        yield b;
      }
      case '*' -> {
        int n = Integer.parseInt(line);
        if (n < 0) {
          yield null;
        }
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          items.add(read());
        }
        yield items;
      }
      default ->
          throw new IOException(
              "not a Redis reply (type byte " + type + "); is this address a Redis server?");
    };
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException("Redis closed the connection in the middle of a reply");
      }
      if (c == '\r') {
        if (in.read() != '\n') {
          throw new IOException("not a Redis reply (CR without LF)");
        }
        return sb.toString();
      }
      sb.append((char) c);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
