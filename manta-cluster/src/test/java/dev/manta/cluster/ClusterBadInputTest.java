package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Manta;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drivers pointed at the wrong place, and a second head on a used port, fail fast and clearly. */
class ClusterBadInputTest {
  @TempDir Path dir;

  @Test
  void driver_atPortWhereNothingListens_failsNamingTheAddressAndTheFix() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String address = "manta://127.0.0.1:" + port;
    assertThatThrownBy(() -> Manta.init(address))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageContaining("Nothing answers")
        .hasMessageContaining("manta start --head");
    assertThat(Manta.isInitialized()).isFalse();
  }

  @Test
  void driver_atNonMantaServer_failsNamingTheAddress() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      Thread server =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (!s.isClosed()) {
                      try (Socket c = s.accept();
                          OutputStream out = c.getOutputStream()) {
                        out.write(
                            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                      } catch (java.io.IOException e) {
                        return;
                      }
                    }
                  });
      String address = "manta://127.0.0.1:" + s.getLocalPort();
      assertThatThrownBy(() -> Manta.init(address))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("127.0.0.1:" + s.getLocalPort())
          .hasMessageContaining("Cannot join the Manta cluster");
      s.close();
      server.join();
    }
  }

  @Test
  void secondHead_onUsedPort_failsWithAClearError() throws Exception {
    try (ServerSocket used = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      List<String> cmd = new ArrayList<>();
      cmd.add(ProcessHandle.current().info().command().orElse("java"));
      cmd.add("--enable-native-access=ALL-UNNAMED");
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(NodeMain.class.getName());
      cmd.addAll(
          List.of(
              "--head",
              "--port",
              Integer.toString(used.getLocalPort()),
              "--object-store-memory",
              Long.toString(64L << 20),
              "--session-dir",
              dir.toString()));
      Path log = dir.resolve("head.log");
      Process p =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("second head exits").isTrue();
      assertThat(p.exitValue()).isNotZero();
      assertThat(Files.readString(log))
          .contains("Cannot listen on 127.0.0.1:" + used.getLocalPort())
          .contains("--port");
    }
  }
}
