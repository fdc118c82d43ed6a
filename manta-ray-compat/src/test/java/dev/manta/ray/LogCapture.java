package dev.manta.ray;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.awaitility.Awaitility;

/**
 * What this JVM's log says while it is open: slf4j-simple (the tests' logger) writes to whatever
 * {@code System.err} is at each line, so this tees {@code System.err} into a buffer, and restores
 * it on {@link #close()}.
 */
public final class LogCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

  /** Starts capturing. */
  public LogCapture() {
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (seen) {
              seen.write(b);
            }
            original.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            synchronized (seen) {
              seen.write(b, off, len);
            }
            original.write(b, off, len);
          }
        };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  /** Everything logged since the capture began. */
  public String text() {
    synchronized (seen) {
      return seen.toString(StandardCharsets.UTF_8);
    }
  }

  /** The lines logged so far that contain every one of {@code fragments}. */
  public long linesWith(String... fragments) {
    return text().lines().filter(l -> Arrays.stream(fragments).allMatch(l::contains)).count();
  }

  /** Waits (up to {@code atMost}) for a line that contains every one of {@code fragments}. */
  public void awaitLine(Duration atMost, String... fragments) {
    Awaitility.await("a log line with " + Arrays.toString(fragments))
        .atMost(atMost)
        .until(() -> linesWith(fragments) > 0);
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
