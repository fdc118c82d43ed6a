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

  /** The admin token's file name in a session directory (beside {@link #FILE_NAME}). */
  public static final String ADMIN_FILE_NAME = "admin-token";

  /** The client token's file name in a session directory (beside {@link #FILE_NAME}). */
  public static final String CLIENT_FILE_NAME = "client-token";

  private static final String JOB_PREFIX = "mjob.";
  private static final String ADMIN_PREFIX = "madm.";
  private static final String CLIENT_PREFIX = "mcli.";

  private final byte[] value; // printable ASCII, as sent
  private final byte[] digest; // SHA-256 of value: compared, so the length leaks nothing
  private final String source;
  private final Principal.Kind kind; // what holding this token makes a process
  private final String jobId; // a job credential's job; "" otherwise

  // What this token's holder recognises besides itself, as digests (null: nothing). A cluster
  // token derives them; a job credential is given them with it (ClusterToken#jobCredential).
  private final byte[] nodeDigest;
  private final byte[] adminDigest;
  private final byte[] clientDigest; // cluster tokens only

  private ClusterToken(String value, String source) {
    this(value, source, null, null);
  }

  private ClusterToken(String value, String source, byte[] nodeDigest, byte[] adminDigest) {
    checkFormat(value, source);
    this.value = value.getBytes(StandardCharsets.US_ASCII);
    this.digest = sha256(this.value);
    this.source = source;
    if (value.startsWith(JOB_PREFIX) && value.lastIndexOf('.') > JOB_PREFIX.length()) {
      this.kind = Principal.Kind.JOB;
      this.jobId = value.substring(JOB_PREFIX.length(), value.lastIndexOf('.'));
    } else if (value.startsWith(ADMIN_PREFIX)) {
      this.kind = Principal.Kind.ADMIN;
      this.jobId = "";
    } else if (value.startsWith(CLIENT_PREFIX)) {
      this.kind = Principal.Kind.CLIENT;
      this.jobId = "";
    } else {
      this.kind = Principal.Kind.NODE;
      this.jobId = "";
    }
    if (kind == Principal.Kind.NODE) {
      this.nodeDigest = digest;
      this.adminDigest = sha256(derived(ADMIN_PREFIX, "manta admin token v1"));
      this.clientDigest = sha256(derived(CLIENT_PREFIX, "manta client token v1"));
    } else {
      this.nodeDigest = nodeDigest;
      this.adminDigest = adminDigest;
      this.clientDigest = null;
    }
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
    write(file, hex);
    return new ClusterToken(hex, file.toString());
  }

  /**
   * Writes this token to {@code file} as {@link #generate} writes a new one (mode 0600, complete or
   * not at all): {@code manta start --head} so writes the admin and client tokens beside the
   * cluster token.
   *
   * @throws UncheckedIOException if the file cannot be written, or already exists
   */
  public void writeTo(Path file) {
    write(file, secret());
  }

  private static void write(Path file, String hex) {
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

  /**
   * What holding this token makes a process: {@link Principal.Kind#NODE} for a cluster token, else
   * the kind of the derived credential it is.
   */
  public Principal.Kind kind() {
    return kind;
  }

  /** The job of a job credential; empty for the other kinds. */
  public String jobId() {
    return jobId;
  }

  /**
   * The credential of job {@code jobId}: {@code mjob.<job>.<HMAC-SHA256(this token, job)>}, so that
   * every process holding the cluster token (head, agents) verifies it without asking anyone. It
   * carries the digests of this cluster token and of the admin token, so that the job's processes
   * recognise their agent and the CLI ({@link #resolve}) without holding either.
   *
   * @throws IllegalStateException if this is not a cluster token
   */
  public ClusterToken forJob(String jobId) {
    requireCluster("derive a job credential");
    if (jobId.isEmpty() || jobId.indexOf('.') >= 0) {
      throw new IllegalArgumentException("A job id for a credential is not empty and has no '.'");
    }
    return new ClusterToken(
        new String(derived(JOB_PREFIX + jobId + ".", jobMessage(jobId)), StandardCharsets.US_ASCII),
        "job " + jobId + "'s credential",
        digest,
        adminDigest);
  }

  /**
   * The admin token of this cluster ({@code madm.<HMAC-SHA256(this token, "admin")>}): what {@code
   * manta start --head} writes to {@code <session dir>/admin-token} for the CLI.
   */
  public ClusterToken admin() {
    requireCluster("derive the admin token");
    return new ClusterToken(
        new String(derived(ADMIN_PREFIX, "manta admin token v1"), StandardCharsets.US_ASCII),
        "the admin token");
  }

  /**
   * The client token of this cluster ({@code mcli.<HMAC-SHA256(this token, "client")>}): what
   * {@code manta start --head} writes to {@code <session dir>/client-token} for drivers that should
   * reach their own job only.
   */
  public ClusterToken client() {
    requireCluster("derive the client token");
    return new ClusterToken(
        new String(derived(CLIENT_PREFIX, "manta client token v1"), StandardCharsets.US_ASCII),
        "the client token");
  }

  /**
   * A job credential handed to a process of the job (by the head in its {@code NewJob} reply, by
   * the agent on a worker's control pipe), with the digests of the cluster and admin tokens (hex,
   * empty: unknown) that it may recognise.
   *
   * @throws IllegalStateException if {@code value} is not a job credential
   */
  public static ClusterToken jobCredential(
      String value, String nodeDigestHex, String adminDigestHex, String source) {
    ClusterToken t =
        new ClusterToken(
            value, source, unhex(nodeDigestHex, source), unhex(adminDigestHex, source));
    if (t.kind != Principal.Kind.JOB) {
      throw new IllegalStateException("The job credential from " + source + " is not one");
    }
    return t;
  }

  /** The digest of the cluster token this token recognises, in hex; empty if none. */
  public String nodeDigestHex() {
    return nodeDigest == null ? "" : HexFormat.of().formatHex(nodeDigest);
  }

  /** The digest of the admin token this token recognises, in hex; empty if none. */
  public String adminDigestHex() {
    return adminDigest == null ? "" : HexFormat.of().formatHex(adminDigest);
  }

  /**
   * The credential's text, for handing a job credential to the job's own processes only (the head's
   * {@code NewJob} reply to its driver, the agent's control pipe to its workers) and for writing
   * the derived tokens to their owner-only files. Never for a log or a message.
   */
  public String secret() {
    return new String(value, StandardCharsets.US_ASCII);
  }

  /**
   * Who a caller presenting {@code presented} is, as this token's holder sees it; null if it is no
   * credential this holder recognises (refuse it as unauthenticated). A cluster token recognises
   * itself ({@link Principal.Kind#NODE}), the admin and client tokens, and every job's credential
   * (its HMAC checked); a job credential recognises itself and, by digest, the cluster and admin
   * tokens; the other kinds only themselves. Every comparison is of SHA-256 digests, in constant
   * time.
   */
  public Principal resolve(byte[] presented) {
    byte[] d = sha256(presented);
    if (MessageDigest.isEqual(digest, d)) {
      return kind == Principal.Kind.JOB ? Principal.job(jobId) : new Principal(kind, "");
    }
    if (nodeDigest != null && MessageDigest.isEqual(nodeDigest, d)) {
      return new Principal(Principal.Kind.NODE, "");
    }
    if (adminDigest != null && MessageDigest.isEqual(adminDigest, d)) {
      return new Principal(Principal.Kind.ADMIN, "");
    }
    if (clientDigest != null && MessageDigest.isEqual(clientDigest, d)) {
      return new Principal(Principal.Kind.CLIENT, "");
    }
    if (kind == Principal.Kind.NODE) {
      String job = claimedJob(presented);
      if (job != null
          && !job.isEmpty()
          && MessageDigest.isEqual(sha256(derived(JOB_PREFIX + job + ".", jobMessage(job))), d)) {
        return Principal.job(job);
      }
    }
    return null;
  }

  /**
   * The job that {@code presented} claims to be a credential of (its form only: not verified), or
   * null if it is not of that form; for refusals that say "this process serves another job".
   */
  public static String claimedJob(byte[] presented) {
    String s = new String(presented, StandardCharsets.US_ASCII);
    int dot = s.lastIndexOf('.');
    if (!s.startsWith(JOB_PREFIX) || dot <= JOB_PREFIX.length() || s.length() > MAX_CHARS) {
      return null;
    }
    return s.substring(JOB_PREFIX.length(), dot);
  }

  private void requireCluster(String what) {
    if (kind != Principal.Kind.NODE) {
      throw new IllegalStateException(
          "Only the cluster token can " + what + "; this is " + source + " (a " + kind + " token)");
    }
  }

  private static String jobMessage(String jobId) {
    return "manta job credential v1\0" + jobId;
  }

  /** {@code prefix} and the hex of HMAC-SHA256 of {@code message} keyed with this token. */
  private byte[] derived(String prefix, String message) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(value, "HmacSHA256"));
      byte[] h = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
      return (prefix + HexFormat.of().formatHex(h)).getBytes(StandardCharsets.US_ASCII);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("This JVM has no HmacSHA256", e);
    }
  }

  private static byte[] unhex(String hex, String source) {
    if (hex == null || hex.isEmpty()) {
      return null;
    }
    try {
      return HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("A token digest from " + source + " is not hex", e);
    }
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
