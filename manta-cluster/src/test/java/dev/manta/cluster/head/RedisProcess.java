package dev.manta.cluster.head;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} for tests: its own free port on loopback, its own folder, AOF on, no
 * snapshots. Tests that need one call {@link #start}, which skips them (a JUnit assumption) where
 * {@code redis-server} is not on the PATH, so the suite passes on a machine with only a JDK.
 */
public final class RedisProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final StringBuilder log = new StringBuilder(); // guarded by itself

  private RedisProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Whether {@code redis-server} is on the PATH. */
  public static boolean installed() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(java.io.File.pathSeparator, -1)) {
      if (Files.isExecutable(Path.of(d, "redis-server"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Starts {@code redis-server} with its files in {@code dir} and waits until it accepts
   * connections; skips the calling test if it is not installed.
   */
  public static RedisProcess start(Path dir) throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    return start(dir, port);
  }

  /** {@link #start(Path)} on {@code port} (to start a server again where it was). */
  public static RedisProcess start(Path dir, int port) throws IOException, InterruptedException {
    Assumptions.assumeTrue(
        installed(),
        "redis-server is not on the PATH: the Redis storage tests are skipped (install it, e.g."
            + " `apt-get install redis-server`, to run them)");
    Files.createDirectories(dir);
    Process p =
        new ProcessBuilder(
                List.of(
                    "redis-server",
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "yes",
                    "--dir",
                    dir.toString()))
            .redirectErrorStream(true)
            .start();
    RedisProcess r = new RedisProcess(p, port);
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("redis-log-" + port)
        .start(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  synchronized (r.log) {
                    r.log.append(line).append('\n');
                  }
                  if (line.contains("Ready to accept connections")) {
                    ready.complete(null);
                  }
                }
              } catch (IOException ignored) {
                // the process ended
              }
              ready.completeExceptionally(
                  new IllegalStateException("redis-server exited: " + r.log()));
            });
    try {
      ready.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      r.close();
      throw new IllegalStateException(
          "redis-server did not start on port " + port + ": " + r.log(), e);
    }
    return r;
  }

  /** {@code redis://127.0.0.1:PORT/prefix}. */
  public String url(String prefix) {
    return "redis://127.0.0.1:" + port + "/" + prefix;
  }

  public int port() {
    return port;
  }

  /** What the server printed so far. */
  public String log() {
    synchronized (log) {
      return log.toString();
    }
  }

  /** Stops the server (SIGTERM, then SIGKILL after 10 s) and waits until it is gone. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
