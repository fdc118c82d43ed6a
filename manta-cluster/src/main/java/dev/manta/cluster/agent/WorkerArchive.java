package dev.manta.cluster.agent;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A class data sharing archive of a worker JVM's classes, so that worker JVMs start with the
 * classes they load already parsed and verified: made once per JDK, JVM flags and class path by one
 * training JVM ({@code -XX:ArchiveClassesAtExit}, a dynamic archive: JDK 13+), kept in a cache
 * folder by a key of all three, and then mapped read-only by every worker ({@code
 * -XX:SharedArchiveFile}).
 *
 * <p>The JVM archives classes only from jar files: a class path with a directory (a build's {@code
 * target/classes}, as in tests) gets no archive, and workers start as before. The training JVM
 * writes to a file of its own, moved into place atomically, so agents training at once on one
 * machine never see a half-written archive; the last one's move wins, and both archives are good.
 * An archive a worker's JVM cannot map (another heap size, say) is ignored by that JVM ({@code
 * -Xshare:auto}).
 *
 * <p>Not thread-safe: called once, by the agent's constructor.
 */
final class WorkerArchive {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerArchive.class);

  private WorkerArchive() {}

  /**
   * Whether worker JVMs with {@code flags} can map an archive: not when the user's worker options
   * turn sharing off or choose an archive or AOT cache of their own.
   */
  static boolean fitsFlags(List<String> flags) {
    return flags.stream()
        .noneMatch(
            f ->
                f.equals("-Xshare:off")
                    || f.contains("SharedArchiveFile")
                    || f.contains("ArchiveClassesAtExit")
                    || f.contains("AOTCache")
                    || f.contains("AutoCreateSharedArchive"));
  }

  /**
   * The archive for worker JVMs started as {@code java flags -cp classPath main args}: the cached
   * one, or one made now by running that command once with the archive flag added and its input
   * closed (the worker boots, warms up and exits, which writes the archive). Empty when the class
   * path has a directory or a missing entry, or training failed (logged; workers start without).
   */
  static Optional<Path> prepare(
      String java,
      List<String> flags,
      String classPath,
      List<String> mainAndArgs,
      Path cacheDir,
      Duration timeout) {
    List<Path> entries = new ArrayList<>();
    for (String e : classPath.split(Pattern.quote(File.pathSeparator), -1)) {
      Path p = Path.of(e);
      if (e.isEmpty() || !Files.isRegularFile(p) || !e.endsWith(".jar")) {
        LOG.debug("No worker class archive: class path entry '{}' is not a jar file", e);
        return Optional.empty();
      }
      entries.add(p);
    }
    Path archive;
    try {
      archive = cacheDir.resolve("worker-" + key(java, flags, entries) + ".jsa");
      if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
        return Optional.of(archive);
      }
      Files.createDirectories(cacheDir);
    } catch (IOException e) {
      LOG.info("No worker class archive: {}", e.toString());
      return Optional.empty();
    }
    Path tmp = cacheDir.resolve(archive.getFileName() + "." + ProcessHandle.current().pid());
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(flags);
    cmd.add("-XX:ArchiveClassesAtExit=" + tmp);
    cmd.add("-Xlog:cds=off");
    cmd.add("-Xlog:cds+dynamic=off");
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.addAll(mainAndArgs);
    long start = System.nanoTime();
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        LOG.info("No worker class archive: the training JVM ran past {} s", timeout.toSeconds());
        return Optional.empty();
      }
      if (p.exitValue() != 0 || !Files.isRegularFile(tmp) || Files.size(tmp) == 0) {
        LOG.info("No worker class archive: the training JVM exited with {}", p.exitValue());
        return Optional.empty();
      }
      Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      LOG.info("No worker class archive: {}", e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        LOG.debug("Cannot remove {}", tmp, e);
      }
    }
    LOG.info(
        "Made the worker class archive {} in {} ms; worker JVMs map it from now on",
        archive,
        (System.nanoTime() - start) / 1_000_000);
    return Optional.of(archive);
  }

  /** A key of the JDK, the flags and each jar's path, size and modification time. */
  private static String key(String java, List<String> flags, List<Path> jars) throws IOException {
    MessageDigest d;
    try {
      d = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
    StringBuilder b = new StringBuilder();
    b.append(java).append('\n').append(System.getProperty("java.vm.version")).append('\n');
    flags.forEach(f -> b.append(f).append('\n'));
    for (Path j : jars) {
      b.append(j.toAbsolutePath())
          .append(' ')
          .append(Files.size(j))
          .append(' ')
          .append(Files.getLastModifiedTime(j).toMillis())
          .append('\n');
    }
    return HexFormat.of().formatHex(d.digest(b.toString().getBytes(StandardCharsets.UTF_8)), 0, 12);
  }
}
