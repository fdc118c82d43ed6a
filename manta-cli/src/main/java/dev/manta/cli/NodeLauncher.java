package dev.manta.cli;

import dev.manta.cluster.JvmFlags;
import dev.manta.cluster.NodeMain;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts {@code dev.manta.cluster.NodeMain} as a background JVM and waits for its ready file.
 *
 * <p>The node runs on the CLI's own java executable and class path, with its stdout and stderr
 * appended to a log file. It is ready when it has written the ready file (by rename, so a file that
 * exists is complete): Java properties {@code head}, {@code agent}, {@code node}, {@code pid}. The
 * wait ends at the first of: the file appears (seen through a {@link WatchService}), the process
 * exits, the timeout elapses.
 */
final class NodeLauncher {
  static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  static final int LOG_TAIL_LINES = 30;
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /**
   * What NodeMain is asked to be. {@code port}, {@code resources}, {@code objectStoreBytes} and
   * {@code labels} may be null.
   */
  record NodeSpec(
      boolean head,
      String headAddress,
      Integer port,
      String bind,
      int numCpus,
      CustomResources resources,
      Long objectStoreBytes,
      String labels) {
    /** A node without labels. */
    NodeSpec(
        boolean head,
        String headAddress,
        Integer port,
        String bind,
        int numCpus,
        CustomResources resources,
        Long objectStoreBytes) {
      this(head, headAddress, port, bind, numCpus, resources, objectStoreBytes, null);
    }
  }

  /**
   * What the node reported in its ready file; {@code dashboard} is the head's dashboard address
   * (without its key, which is in the owner-only {@code dashboard-url}), empty for a node, or a
   * head without a dashboard.
   */
  record Ready(String head, String agent, String node, long pid, String dashboard) {
    Ready(String head, String agent, String node, long pid) {
      this(head, agent, node, pid, "");
    }
  }

  private NodeLauncher() {}

  /** JVM flags every node needs on a JDK of {@code javaFeature}: see {@link JvmFlags}. */
  static List<String> jvmFlags(int javaFeature) {
    return JvmFlags.forFeature(javaFeature);
  }

  /** The full command line that starts the node described by {@code spec}. */
  static List<String> command(
      String java, String classPath, int javaFeature, NodeSpec spec, Path sessionDir, Path ready) {
    var cmd = new ArrayList<String>();
    cmd.add(java);
    cmd.add(NodeProcesses.NODE_MARKER); // first: within what ProcessHandle.Info shows
    cmd.addAll(jvmFlags(javaFeature));
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(NodeProcesses.NODE_MAIN);
    if (spec.head()) {
      cmd.add("--head");
      if (spec.port() != null) {
        cmd.add("--port");
        cmd.add(String.valueOf(spec.port()));
      }
    } else {
      cmd.add("--address");
      cmd.add(spec.headAddress());
    }
    cmd.add("--bind");
    cmd.add(spec.bind());
    cmd.add("--num-cpus");
    cmd.add(String.valueOf(spec.numCpus()));
    if (spec.resources() != null) {
      cmd.add("--resources");
      cmd.add(spec.resources().json());
    }
    if (spec.labels() != null && !spec.labels().isBlank()) {
      cmd.add("--labels");
      cmd.add(spec.labels());
    }
    if (spec.objectStoreBytes() != null) {
      cmd.add("--object-store-memory");
      cmd.add(String.valueOf(spec.objectStoreBytes()));
    }
    cmd.add("--session-dir");
    cmd.add(sessionDir.toString());
    cmd.add("--ready-file");
    cmd.add(ready.toString());
    return cmd;
  }

  /** The java executable running this JVM. */
  static String currentJava() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** Starts the node; its pid is recorded in the session before this returns. */
  static Process start(List<String> command, Path sessionDir, Path log) {
    var pb = new ProcessBuilder(command);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    try {
      Process process = pb.start();
      Sessions.recordPid(sessionDir, process.pid());
      return process;
    } catch (IOException e) {
      throw new CliFailure(
          "Cannot start the node JVM (" + command.get(0) + "): " + e.getMessage(), e);
    }
  }

  /**
   * Waits for {@code process} to write {@code readyFile}.
   *
   * @throws CliFailure when the process exits first or {@code timeout} elapses (the process is then
   *     stopped); the message ends with the last lines of {@code log}
   */
  static Ready awaitReady(
      Process process, Path readyFile, Path log, Duration timeout, String what) {
    return awaitReady(process, readyFile, log, timeout, what, PROGRESS_AFTER, line -> {});
  }

  /** How long a start goes unreported; after it, a progress line comes every such interval. */
  static final Duration PROGRESS_AFTER = Duration.ofSeconds(3);

  /**
   * As {@link #awaitReady(Process, Path, Path, Duration, String)}, telling {@code progress} what
   * the node is doing (how long it has taken so far, and its log's last line) once it has taken
   * {@code every} without being ready, and each {@code every} after that: a person who waits for a
   * node that starts slowly (a busy machine, a slow disk) sees that it is alive and why.
   */
  static Ready awaitReady(
      Process process,
      Path readyFile,
      Path log,
      Duration timeout,
      String what,
      Duration every,
      java.util.function.Consumer<String> progress) {
    CompletableFuture<Properties> ready = new CompletableFuture<>();
    // Closing the service (end of this block) ends the watcher thread; nothing waits for it.
    try (WatchService watch = readyFile.getFileSystem().newWatchService()) {
      readyFile.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE);
      Thread.ofVirtual()
          .name("manta-cli-ready-watch")
          .start(() -> watchFor(readyFile, watch, ready));
      CompletableFuture<Object> done = CompletableFuture.anyOf(ready, process.onExit());
      long start = System.nanoTime();
      long deadline = start + timeout.toNanos();
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException();
        }
        try {
          done.get(Math.min(left, every.toNanos()), TimeUnit.NANOSECONDS);
          break;
        } catch (TimeoutException tick) {
          if (System.nanoTime() - deadline < 0) {
            progress.accept(progressLine(what, process, System.nanoTime() - start, log));
          }
        }
      }
    } catch (IOException e) {
      stop(process);
      throw new UncheckedIOException(
          "Cannot watch " + readyFile.getParent() + ", so the " + what + " was stopped", e);
    } catch (TimeoutException e) {
      stop(process);
      throw new CliFailure(
          "The "
              + what
              + " (pid "
              + process.pid()
              + ") was not ready after "
              + timeout.toSeconds()
              + " s, so it was stopped. "
              + tail(log),
          e);
    } catch (ExecutionException e) {
      stop(process);
      throw new CliFailure(
          "Cannot read the ready file "
              + readyFile
              + ", so the "
              + what
              + " was stopped: "
              + e.getCause(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(process);
      throw new CliFailure("Interrupted while waiting for the " + what + " to start", e);
    }
    // The node may write the file and exit at once; the file wins.
    Optional<Properties> props =
        ready.isDone() && !ready.isCompletedExceptionally()
            ? Optional.of(ready.join())
            : tryRead(readyFile);
    if (props.isEmpty()) {
      Optional<String> why = failure(log);
      if (why.isPresent()) {
        throw new CliFailure(
            "The "
                + what
                + " failed to start: "
                + why.get()
                + " (the stack trace is in its log, "
                + log
                + ")");
      }
      throw new CliFailure(
          "The "
              + what
              + " (pid "
              + process.pid()
              + ") exited with code "
              + process.exitValue()
              + " before it was ready. "
              + tail(log));
    }
    return parse(props.get(), readyFile);
  }

  private static void watchFor(
      Path readyFile, WatchService watch, CompletableFuture<Properties> ready) {
    try {
      Optional<Properties> props = tryRead(readyFile);
      while (props.isEmpty()) {
        WatchKey key = watch.take();
        key.pollEvents();
        key.reset();
        props = tryRead(readyFile);
      }
      ready.complete(props.get());
    } catch (ClosedWatchServiceException e) {
      // awaitReady closed the service: it has stopped waiting, and will read the file itself.
      ready.cancel(false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ready.completeExceptionally(e);
    } catch (RuntimeException e) {
      ready.completeExceptionally(e);
    }
  }

  private static Optional<Properties> tryRead(Path readyFile) {
    var props = new Properties();
    try (InputStream in = Files.newInputStream(readyFile)) {
      props.load(in);
      return Optional.of(props);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + readyFile, e);
    }
  }

  private static Ready parse(Properties props, Path readyFile) {
    var missing = new ArrayList<String>();
    for (String key : List.of("head", "agent", "node", "pid")) {
      if (props.getProperty(key, "").isBlank()) missing.add(key);
    }
    if (!missing.isEmpty()) {
      throw new CliFailure("The ready file " + readyFile + " lacks " + String.join(", ", missing));
    }
    try {
      return new Ready(
          props.getProperty("head").strip(),
          props.getProperty("agent").strip(),
          props.getProperty("node").strip(),
          Long.parseLong(props.getProperty("pid").strip()),
          props.getProperty("dashboard", "").strip());
    } catch (NumberFormatException e) {
      throw new CliFailure(
          "The ready file " + readyFile + " has a pid that is not a number: " + e.getMessage(), e);
    }
  }

  /** SIGTERM, then SIGKILL if the process outlives {@link #STOP_GRACE}. */
  static boolean stop(ProcessHandle process) {
    if (!process.destroy()) return false;
    try {
      process.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      process.destroyForcibly();
      return true;
    } catch (ExecutionException e) {
      throw new IllegalStateException("onExit failed for pid " + process.pid(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return true;
    }
  }

  private static void stop(Process process) {
    stop(process.toHandle());
  }

  /** What the node said went wrong, from its last {@link NodeMain#FAILED} line in {@code log}. */
  static Optional<String> failure(Path log) {
    try {
      List<String> lines =
          new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (lines.get(i).startsWith(NodeMain.FAILED)) {
          return Optional.of(lines.get(i).substring(NodeMain.FAILED.length()).strip());
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** "Waiting for the head node (pid N) to start: 6 s so far; its log's last line: ...". */
  static String progressLine(String what, Process process, long nanos, Path log) {
    String last = lastLine(log);
    return "Waiting for the "
        + what
        + " (pid "
        + process.pid()
        + ") to start: "
        + TimeUnit.NANOSECONDS.toSeconds(nanos)
        + " s so far"
        + (last.isEmpty() ? " (its log is empty)" : "; its log's last line: " + last);
  }

  /** The last non-blank line of {@code log}, cut to 160 characters; empty if there is none. */
  static String lastLine(Path log) {
    try {
      List<String> lines =
          new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      for (int i = lines.size() - 1; i >= 0; i--) {
        String l = lines.get(i).strip();
        if (!l.isEmpty()) {
          return l.length() <= 160 ? l : l.substring(0, 157) + "...";
        }
      }
    } catch (IOException e) {
      // none yet: the node has not opened its log
    }
    return "";
  }

  /** "Last N lines of LOG:" and the lines, or why there are none. */
  static String tail(Path log) {
    List<String> lines;
    try {
      lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return "Its log " + log + " cannot be read: " + e.getMessage();
    }
    if (lines.isEmpty()) return "Its log " + log + " is empty.";
    List<String> last = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
    return "Last "
        + last.size()
        + " lines of "
        + log
        + ":"
        + System.lineSeparator()
        + String.join(System.lineSeparator(), last);
  }

  private static File nullDevice() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
