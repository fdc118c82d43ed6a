package dev.manta.cluster.code;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SHA-256 of files, remembered across processes of one user.
 *
 * <p>A driver names every jar of its class path by its SHA-256 when it joins a cluster, and a node
 * agent hashes its own class path when it starts. Read cold, 30 MB of jars cost a JVM that has not
 * compiled the digest loop yet 0.2–0.4 s of CPU, at every start, although the jars rarely change.
 * {@link #of(Path)} looks a regular file's hash up in a cache directory first, keyed by what the
 * file system says of the file: its real path, its file key (device and inode), size, modification
 * time and, where the file system has it, its change time ({@code ctime}, which no user can set and
 * which every write moves). Any change to the file's content changes the key, so a hit is the hash
 * of the bytes the file holds now, the same reasoning as Git's index.
 *
 * <h2>Implementation notes</h2>
 *
 * <ul>
 *   <li>One cache file per key, named by the SHA-256 of the key, holding the hex hash. A writer
 *       writes a temporary file and moves it into place atomically, so concurrent processes
 *       (drivers of a storm, the agents of one machine) never read a torn entry; two writers of one
 *       key write the same content, and the last move wins.
 *   <li>The cache decides which jar an agent runs, so only its owner may write it: the directory is
 *       created {@code rwx------}, and a directory owned by another user or writable by group or
 *       others is not used (one warning, then hashes are computed as without a cache).
 *   <li>An unreadable, malformed or missing entry is a miss; any I/O error of the cache is a miss
 *       too, never a failure of the caller. Entries not written for {@value #MAX_AGE_DAYS} days are
 *       removed now and then (one store in 64 scans the directory).
 *   <li>Stateless apart from the directory: safe for any number of threads and processes.
 * </ul>
 */
public final class ContentHashes {
  private static final Logger LOG = LoggerFactory.getLogger(ContentHashes.class);

  /** The system property that turns the cache off ({@code false}) or moves it (a directory). */
  public static final String PROPERTY = "manta.code-hash-cache";

  static final int MAX_AGE_DAYS = 30;

  private static volatile ContentHashes shared;

  private final Path dir; // null: no cache

  ContentHashes(Path dir) {
    this.dir = dir;
  }

  /**
   * The cache of this user: {@code $XDG_CACHE_HOME/manta/hashes}, else {@code
   * ~/.cache/manta/hashes}; {@code -Dmanta.code-hash-cache=DIR} puts it in {@code DIR}, {@code
   * -Dmanta.code-hash-cache=false} turns it off.
   */
  public static ContentHashes shared() {
    ContentHashes s = shared;
    if (s == null) {
      s = new ContentHashes(usable(location(System.getProperty(PROPERTY), System.getenv())));
      shared = s;
    }
    return s;
  }

  static Path location(String property, Map<String, String> env) {
    if (property != null && !property.isBlank()) {
      String v = property.trim();
      if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("off")) {
        return null;
      }
      if (v.equalsIgnoreCase("true")) {
        return location(null, env);
      }
      return Path.of(v);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("manta").resolve("hashes");
  }

  /** {@code dir}, created owner-only if missing; null when it cannot be used safely. */
  static Path usable(Path dir) {
    if (dir == null) {
      return null;
    }
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir.getParent());
        try {
          Files.createDirectory(
              dir,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (java.nio.file.FileAlreadyExistsException raced) {
          // another process made it: checked below like any existing directory
        } catch (UnsupportedOperationException notPosix) {
          return null; // no owner-only directories here: no cache
        }
      }
      PosixFileAttributes a =
          Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      String me = System.getProperty("user.name");
      Set<PosixFilePermission> p = a.permissions();
      if (!a.isDirectory()
          || !a.owner().getName().equals(me)
          || p.contains(PosixFilePermission.GROUP_WRITE)
          || p.contains(PosixFilePermission.OTHERS_WRITE)) {
        LOG.warn(
            "Not using the code hash cache {}: it must be a directory of user {} that only its"
                + " owner can write (chmod 700 it, or remove it to have it made again)",
            dir,
            me);
        return null;
      }
      return dir;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      LOG.debug("No code hash cache at {}", dir, e);
      return null;
    }
  }

  /** The directory this cache keeps its entries in, if it has one. */
  public Optional<Path> directory() {
    return Optional.ofNullable(dir);
  }

  /** The SHA-256 of the file {@code p}'s content, as lower-case hex, from the cache if it can. */
  public String of(Path p) throws IOException {
    String key = dir == null ? null : key(p);
    if (key != null) {
      Path entry = dir.resolve(hex(sha256(key.getBytes(StandardCharsets.UTF_8))));
      String hit = read(entry);
      if (hit != null) {
        return hit;
      }
      String sha = compute(p);
      store(entry, sha);
      return sha;
    }
    return compute(p);
  }

  /** The SHA-256 of {@code p}'s content, read now. */
  public static String compute(Path p) throws IOException {
    MessageDigest md = digest();
    try (InputStream in = Files.newInputStream(p)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return hex(md.digest());
  }

  /** The SHA-256 of {@code bytes}, as lower-case hex. */
  public static String compute(byte[] bytes) {
    return hex(sha256(bytes));
  }

  /** What the file system says of {@code p}; null when it cannot say enough to trust a hit. */
  static String key(Path p) {
    try {
      Path real = p.toRealPath();
      BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
      if (!a.isRegularFile() || a.fileKey() == null) {
        return null;
      }
      Object ctime;
      try {
        ctime = Files.getAttribute(real, "unix:ctime");
      } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
        ctime = "-";
      }
      return String.join(
          "\n",
          "sha256",
          real.toString(),
          a.fileKey().toString(),
          Long.toString(a.size()),
          nanos(a.lastModifiedTime()),
          ctime instanceof FileTime t ? nanos(t) : String.valueOf(ctime));
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private static String nanos(FileTime t) {
    Instant i = t.toInstant();
    return i.getEpochSecond() + "." + i.getNano();
  }

  private static String read(Path entry) {
    try {
      String s = Files.readString(entry, StandardCharsets.US_ASCII).trim();
      return s.length() == 64 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0) ? s : null;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private void store(Path entry, String sha) {
    try {
      Path tmp = Files.createTempFile(dir, entry.getFileName().toString(), ".tmp");
      try {
        Files.writeString(tmp, sha + "\n", StandardCharsets.US_ASCII);
        try {
          Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      if (ThreadLocalRandom.current().nextInt(64) == 0) {
        prune(Duration.ofDays(MAX_AGE_DAYS));
      }
    } catch (IOException | SecurityException e) {
      LOG.debug("Could not remember the hash of {} in {}", entry, dir, e);
    }
  }

  /** Removes entries (and stray temporary files) not written for {@code maxAge}. */
  void prune(Duration maxAge) {
    Instant cutoff = Instant.now().minus(maxAge);
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path e : s) {
        try {
          if (Files.getLastModifiedTime(e).toInstant().isBefore(cutoff)) {
            Files.deleteIfExists(e);
          }
        } catch (IOException gone) {
          // removed by another process meanwhile
        }
      }
    } catch (IOException e) {
      LOG.debug("Could not prune the code hash cache {}", dir, e);
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JDK has no SHA-256", e);
    }
  }

  private static byte[] sha256(byte[] b) {
    return digest().digest(b);
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
