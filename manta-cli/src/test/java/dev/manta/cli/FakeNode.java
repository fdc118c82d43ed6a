package dev.manta.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in node process for tests. {@code ready FILE}: writes a ready file the way NodeMain does
 * (temp file, then rename), then waits to be killed. {@code fail N}: prints N numbered lines, exits
 * 3. {@code block}: waits to be killed. Extra arguments are ignored, so a test can put {@code
 * dev.manta.cluster.NodeMain} on the command line to look like a node to {@code manta stop}.
 */
public final class FakeNode {
  private FakeNode() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    switch (args[0]) {
      case "ready" -> {
        Path file = Path.of(args[1]);
        var props = new Properties();
        props.setProperty("head", "127.0.0.1:7001");
        props.setProperty("agent", "127.0.0.1:7002");
        props.setProperty("node", "node-fake");
        props.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
          props.store(out, null);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        new CountDownLatch(1).await();
      }
      case "fail" -> {
        for (int i = 1; i <= Integer.parseInt(args[1]); i++) System.out.println("line " + i);
        System.exit(3);
      }
      case "block" -> new CountDownLatch(1).await();
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  /** The command line that runs this class with {@code args}. */
  static java.util.List<String> command(String... args) {
    var cmd = new java.util.ArrayList<String>();
    cmd.add(NodeLauncher.currentJava());
    cmd.add("-cp");
    try {
      cmd.add(
          Path.of(FakeNode.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    cmd.add(FakeNode.class.getName());
    cmd.addAll(java.util.List.of(args));
    return cmd;
  }
}
