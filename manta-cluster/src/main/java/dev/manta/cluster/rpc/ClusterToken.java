package dev.manta.cluster.rpc;

import dev.manta.cluster.config.ClusterConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The cluster token: a shared secret that every gRPC call and every direct link between the
 * processes of one cluster presents, so that a process that can merely reach a port cannot use the
 * cluster. {@code manta start --head} makes one (256 random bits, written in hex to {@code <session
 * dir>/token}, mode 0600); every other process finds it as {@link #find} says.
 *
 * <p>The secret never leaves this class except on the wire ({@link #bytes()}, package-private) and
 * into a child process's environment ({@link #exportTo}): {@link #toString} names only where it
 * came from, and no message or log line contains it. {@link #matches} compares in constant time.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClusterToken {
  /** The environment variable holding the token itself. */
  public static final String TOKEN_ENV = "MANTA_TOKEN";

  /** The environment variable naming a file that holds the token. */
  public static final String TOKEN_FILE_ENV = "MANTA_TOKEN_FILE";

  /** The system property naming a file that holds the token. */
  public static final String TOKEN_FILE_PROPERTY = ClusterConfig.TOKEN_FILE;

  /** The token's file name in a session directory. */
  public static final String FILE_NAME = "token";

  /** The root of {@code manta}'s session directories unless {@code $MANTA_SESSION_ROOT} says. */
  public static final String DEFAULT_SESSION_ROOT = "/tmp/manta";

  /** The environment variable naming the root of the session directories. */
  public static final String SESSION_ROOT_ENV = "MANTA_SESSION_ROOT";

  private static final int RANDOM_BYTES = 32;
  private static final int MIN_CHARS = 32;
  private static final int MAX_CHARS = 1024;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private final byte[] value; // printable ASCII, as sent
  private final byte[] digest; // SHA-256 of value: compared, so the length leaks nothing
  private final String source;

  private ClusterToken(String value, String source) {
    checkFormat(value, source);
    this.value = value.getBytes(StandardCharsets.US_ASCII);
    this.digest = sha256(this.value);
    this.source = source;
  }

  /** A token given as text (from {@code source}, for messages), e.g. a test's or an operator's. */
  public static ClusterToken of(String value, String source) {
    return new ClusterToken(value, source);
  }

  /** A new random token, not stored anywhere. */
  public static ClusterToken random() {
    byte[] b = new byte[RANDOM_BYTES];
    new SecureRandom().nextBytes(b);
    return new ClusterToken(HexFormat.of().formatHex(b), "a random token");
  }

  /**
   * Makes a new random token and writes it to {@code file}, readable and writable by this user only
   * (mode 0600, its directory made 0700 if this creates it). The file appears complete or not at
   * all.
   *
   * @throws UncheckedIOException if the file cannot be written, or already exists
   */
  public static ClusterToken generate(Path file) {
    byte[] b = new byte[RANDOM_BYTES];
    new SecureRandom().nextBytes(b);
    String hex = HexFormat.of().formatHex(b);
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try {
      if (!Files.isDirectory(dir)) {
        if (posix(dir.getParent())) {
          Files.createDirectories(
              dir,
              PosixFilePermissions.asFileAttribute(
                  EnumSet.of(
                      PosixFilePermission.OWNER_READ,
                      PosixFilePermission.OWNER_WRITE,
                      PosixFilePermission.OWNER_EXECUTE)));
        } else {
          Files.createDirectories(dir);
        }
      }
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(
            file.toString(), null, "a token exists there already; use it, or delete it first");
      }
      Files.deleteIfExists(tmp);
      if (posix(dir)) {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(tmp);
      }
      Files.writeString(tmp, hex + "\n", StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException("Cannot write a new cluster token to " + file, e);
    }
    return new ClusterToken(hex, file.toString());
  }

  /**
   * The permissions of {@code file} (POSIX, {@code rw-r-----} form) if a user other than its owner
   * may read, write or run it; null if it is private to its owner.
   *
   * @throws IOException if its permissions cannot be read (it does not exist, say)
   */
  static String openToOthers(Path file) throws IOException {
    Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
    Set<PosixFilePermission> extra = EnumSet.copyOf(p);
    extra.removeAll(
        EnumSet.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE));
    return extra.isEmpty() ? null : PosixFilePermissions.toString(p);
  }

  /**
   * Reads the token in {@code file}. Like ssh with a private key, refuses a file that other users
   * may read or write.
   *
   * @throws IllegalStateException if the file is missing, unreadable, open to others, or does not
   *     hold a token; the message says how to fix it
   */
  public static ClusterToken read(Path file) {
    try {
      if (posix(file)) {
        String open = openToOthers(file);
        if (open != null) {
          throw new IllegalStateException(
              "The cluster token file "
                  + file
                  + " is open to other users ("
                  + open
                  + "), so it is not used; make it private with: chmod 600 "
                  + file);
        }
      }
      return new ClusterToken(
          Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(
          "The cluster token file " + file + " does not exist; check the path", e);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the cluster token file " + file + ": " + e, e);
    }
  }

  /**
   * The token of this process, searched in this order (the first place that is set wins; a place
   * that is set but broken is an error, never skipped):
   *
   * <ol>
   *   <li>{@code $MANTA_TOKEN}: the token itself;
   *   <li>{@code $MANTA_TOKEN_FILE}, then {@code -Dmanta.token-file}: a file holding it;
   *   <li>each of {@code defaultFiles} that exists, in order (a node's own session directory, or
   *       the driver's {@link #defaultDriverFile}).
   * </ol>
   *
   * @return empty when no place is set and no default file exists
   * @throws IllegalStateException if a place is set but holds no usable token
   */
  public static Optional<ClusterToken> find(
      Map<String, String> env, Properties props, List<Path> defaultFiles) {
    String file = props.getProperty(TOKEN_FILE_PROPERTY);
    return find(
        env,
        file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file.strip())),
        defaultFiles);
  }

  /**
   * As {@link #find(Map, Properties, List)}, with the file of {@code -Dmanta.token-file} as this
   * process read it ({@link ClusterConfig#tokenFile()}).
   */
  public static Optional<ClusterToken> find(
      Map<String, String> env, Optional<Path> tokenFile, List<Path> defaultFiles) {
    String inline = env.get(TOKEN_ENV);
    if (inline != null && !inline.isBlank()) {
      return Optional.of(new ClusterToken(inline.strip(), "$" + TOKEN_ENV));
    }
    String file = env.get(TOKEN_FILE_ENV);
    if (file != null && !file.isBlank()) {
      return Optional.of(read(Path.of(file.strip())));
    }
    if (tokenFile.isPresent()) {
      return Optional.of(read(tokenFile.get()));
    }
    for (Path p : defaultFiles) {
      if (Files.exists(p)) {
        return Optional.of(read(p));
      }
    }
    return Optional.empty();
  }

  /**
   * This process's token found in its own environment and {@code config}'s token file; see {@link
   * #find(Map, Properties, List)}.
   */
  public static Optional<ClusterToken> findForThisProcess(ClusterConfig config) {
    return find(System.getenv(), config.tokenFile(), List.of(defaultDriverFile(System.getenv())));
  }

  /**
   * Where a driver on the head's machine finds the token when nothing else says: {@code
   * $MANTA_SESSION_ROOT/session_latest/token}, by default {@code /tmp/manta/session_latest/token}.
   */
  public static Path defaultDriverFile(Map<String, String> env) {
    String root = env.get(SESSION_ROOT_ENV);
    return Path.of(root == null || root.isBlank() ? DEFAULT_SESSION_ROOT : root)
        .resolve("session_latest")
        .resolve(FILE_NAME);
  }

  /** The places {@link #find} looks, for messages. */
  public static String searchedPlaces(Map<String, String> env, List<Path> defaultFiles) {
    List<String> places = new ArrayList<>();
    places.add("$" + TOKEN_ENV);
    places.add("$" + TOKEN_FILE_ENV);
    places.add("-D" + TOKEN_FILE_PROPERTY);
    for (Path p : defaultFiles) {
      places.add(p.toString());
    }
    return String.join(", ", places);
  }

  /**
   * Gives this token to a child process: sets {@code $MANTA_TOKEN} in {@code env} (a process
   * environment, which only its user can read) and drops {@code $MANTA_TOKEN_FILE}.
   */
  public void exportTo(Map<String, String> env) {
    env.put(TOKEN_ENV, new String(value, StandardCharsets.US_ASCII));
    env.remove(TOKEN_FILE_ENV);
  }

  /** Drops every token setting from a child process's {@code env}. */
  public static void clearFrom(Map<String, String> env) {
    env.remove(TOKEN_ENV);
    env.remove(TOKEN_FILE_ENV);
  }

  /** Whether {@code presented} is this token; in constant time (both sides are hashed first). */
  public boolean matches(byte[] presented) {
    return MessageDigest.isEqual(digest, sha256(presented));
  }

  /** Where this token came from (a file, a variable), for messages; never the token. */
  public String source() {
    return source;
  }

  /** The bytes sent on the wire. */
  byte[] bytes() {
    return value.clone();
  }

  /** The token as sent in a gRPC header. */
  String header() {
    return new String(value, StandardCharsets.US_ASCII);
  }

  /** Names the source only: the token itself never appears in a message or log line. */
  @Override
  public String toString() {
    return "ClusterToken[from " + source + "]";
  }

  private static void checkFormat(String v, String source) {
    if (v.length() < MIN_CHARS || v.length() > MAX_CHARS) {
      throw new IllegalStateException(
          "The cluster token from "
              + source
              + " has "
              + v.length()
              + " characters; a token has "
              + MIN_CHARS
              + " to "
              + MAX_CHARS
              + " (`manta start --head` writes one of 64 to <session dir>/token)");
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalStateException(
            "The cluster token from "
                + source
                + " has a character that is not printable ASCII at position "
                + i
                + "; a token is printable ASCII without spaces");
      }
    }
  }

  private static boolean posix(Path p) {
    Path existing = p == null ? null : p.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing != null
        && Files.getFileAttributeView(
                existing, java.nio.file.attribute.PosixFileAttributeView.class)
            != null;
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no SHA-256", e);
    }
  }
}
