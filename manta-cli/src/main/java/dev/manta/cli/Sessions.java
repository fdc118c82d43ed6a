package dev.manta.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * The session directories under one root ({@code $MANTA_SESSION_ROOT}, default {@code /tmp/manta}).
 *
 * <p>Layout of a session {@code <root>/session_<yyyyMMdd_HHmmss>_<cli pid>}:
 *
 * <ul>
 *   <li>{@code pids}: the pid of every node started in it, one a line;
 *   <li>{@code head_pid}: the head's pid, when the head runs on this machine;
 *   <li>{@code head_address}: {@code host:port} of the head its nodes belong to;
 *   <li>{@code logs/<name>.log}: each node's stdout and stderr; {@code <name>.ready}: the ready
 *       file that node wrote;
 *   <li>{@code token}: the cluster token of a head's session (mode 0600).
 *   <li>{@code admin-token}, {@code client-token}: the admin token (the CLI's, sees every job) and
 *       the client token (for drivers that should reach their own job only), derived from the
 *       cluster token, mode 0600 (see docs/cluster.md#security).
 * </ul>
 *
 * A session directory and its {@code logs} are made owner-only (0700).
 *
 * <p>{@code <root>/session_latest} is a symlink to the current session: the newest one whose node
 * started. A head always gets a new session, which becomes current only once the head is ready
 * ({@link #makeLatest}), so a head that fails to start leaves the running cluster current. A node
 * joining with {@code --address} reuses {@code session_latest} when its head is alive: the recorded
 * head pid is a live node, or the session recorded the same head address and one of its nodes is
 * alive. Otherwise it gets a new session, current once the node is ready.
 *
 * <p>Not thread-safe; two {@code manta} commands racing on one root may both create sessions, which
 * is harmless: {@code session_latest} then names one of them.
 */
final class Sessions {
  static final String LATEST = "session_latest";
  static final String DEFAULT_ROOT = "/tmp/manta";
  static final String ROOT_ENV = "MANTA_SESSION_ROOT";
  private static final String PIDS = "pids";
  private static final String HEAD_PID = "head_pid";
  private static final String HEAD_ADDRESS = "head_address";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

  private final Path root;
  private final LongPredicate isLiveNode;

  /**
   * @param root the folder holding the sessions; created when a session is
   * @param isLiveNode whether a pid is a live Manta node process (see {@link NodeProcesses})
   */
  Sessions(Path root, LongPredicate isLiveNode) {
    this.root = root;
    this.isLiveNode = isLiveNode;
  }

  /** The root: {@code option} when not null, else {@code $MANTA_SESSION_ROOT}, else /tmp/manta. */
  static Path root(Path option, Map<String, String> env) {
    if (option != null) return option;
    String fromEnv = env.get(ROOT_ENV);
    return Path.of(fromEnv == null || fromEnv.isBlank() ? DEFAULT_ROOT : fromEnv);
  }

  Path root() {
    return root;
  }

  /**
   * Creates a new session for a head; {@code session_latest} still names the previous one until
   * {@link #makeLatest}.
   */
  Path createForHead(LocalDateTime now, long cliPid) {
    return create(now, cliPid);
  }

  /**
   * Returns {@code session_latest} when its head is alive (see the class comment), else a new
   * session, which becomes current with {@link #makeLatest}.
   */
  Path selectForNode(String headAddress, LocalDateTime now, long cliPid) {
    Optional<Path> latest = latest();
    if (latest.isPresent() && headAlive(latest.get(), headAddress)) return latest.get();
    return create(now, cliPid);
  }

  /** The session {@code session_latest} points at, when it exists. */
  Optional<Path> latest() {
    Path link = root.resolve(LATEST);
    if (!Files.isDirectory(link)) return Optional.empty();
    try {
      return Optional.of(link.toRealPath());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot resolve " + link, e);
    }
  }

  /** The head address recorded in {@code session_latest}, when there is one. */
  Optional<String> latestHeadAddress() {
    return latest().flatMap(s -> readFirstLine(s.resolve(HEAD_ADDRESS)));
  }

  /** Every session directory under the root, oldest name first; the symlink is not included. */
  List<Path> all() {
    if (!Files.isDirectory(root)) return List.of();
    var sessions = new ArrayList<Path>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "session_*")) {
      for (Path dir : dirs) {
        if (!Files.isSymbolicLink(dir) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
          sessions.add(dir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the sessions in " + root, e);
    }
    sessions.sort(null);
    return sessions;
  }

  /** The pids recorded in {@code session}, live or not. Lines that are not numbers are skipped. */
  static List<Long> pids(Path session) {
    Path file = session.resolve(PIDS);
    if (!Files.exists(file)) return List.of();
    var pids = new ArrayList<Long>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String s = line.strip();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) pids.add(Long.parseLong(s));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return pids;
  }

  /** Appends {@code pid} to {@code session}'s pids file. */
  static void recordPid(Path session, long pid) {
    Path file = session.resolve(PIDS);
    try {
      Files.writeString(
          file,
          pid + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot record pid " + pid + " in " + file, e);
    }
  }

  /** Records the head's pid (when it runs here, else {@code -1}) and address in {@code session}. */
  static void recordHead(Path session, String headAddress, long headPid) {
    if (headPid >= 0) writeAtomically(session.resolve(HEAD_PID), headPid + "\n");
    writeAtomically(session.resolve(HEAD_ADDRESS), headAddress + "\n");
  }

  /** Whether {@code session} has a head address recorded. */
  static boolean hasHeadAddress(Path session) {
    return Files.exists(session.resolve(HEAD_ADDRESS));
  }

  private boolean headAlive(Path session, String headAddress) {
    Optional<Long> headPid =
        readFirstLine(session.resolve(HEAD_PID))
            .filter(s -> !s.isEmpty() && s.chars().allMatch(Character::isDigit))
            .map(Long::parseLong);
    if (headPid.isPresent()) return isLiveNode.test(headPid.get());
    boolean sameHead =
        readFirstLine(session.resolve(HEAD_ADDRESS)).filter(headAddress::equals).isPresent();
    return sameHead && pids(session).stream().anyMatch(isLiveNode::test);
  }

  /** Points {@code session_latest} at {@code session} (atomically: a rename of a new link). */
  void makeLatest(Path session) {
    Path link = root.resolve(LATEST);
    Path tmp = root.resolve("." + LATEST + "." + ProcessHandle.current().pid() + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      Files.createSymbolicLink(tmp, session.getFileName());
      Files.move(tmp, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot point " + link + " at " + session, e);
    }
  }

  private Path create(LocalDateTime now, long cliPid) {
    String name = "session_" + STAMP.format(now) + "_" + cliPid;
    Path dir = root.resolve(name);
    try {
      Files.createDirectories(root);
      // Owner-only: the session holds the cluster token and the nodes' logs.
      if (Files.getFileAttributeView(root, PosixFileAttributeView.class) != null) {
        var ownerOnly =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        if (!Files.isDirectory(dir)) Files.createDirectory(dir, ownerOnly);
        if (!Files.isDirectory(dir.resolve("logs"))) {
          Files.createDirectory(dir.resolve("logs"), ownerOnly);
        }
      } else {
        Files.createDirectories(dir.resolve("logs"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the session directory " + dir, e);
    }
    return dir;
  }

  private static Optional<String> readFirstLine(Path file) {
    if (!Files.exists(file)) return Optional.empty();
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .findFirst()
          .map(String::strip);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static void writeAtomically(Path file, String content) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
