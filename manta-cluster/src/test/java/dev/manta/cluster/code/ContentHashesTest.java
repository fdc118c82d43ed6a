package dev.manta.cluster.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashesTest {
  @TempDir Path tmp;

  private ContentHashes cache() throws Exception {
    Path dir = ContentHashes.usable(tmp.resolve("cache").resolve("hashes"));
    assertThat(dir).isNotNull();
    return new ContentHashes(dir);
  }

  private static long entries(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test
  void aHitIsTheHashOfTheContent_andTheEntryIsReusedByAnotherInstance() throws Exception {
    Path jar = Files.write(tmp.resolve("a.jar"), "first content".getBytes(StandardCharsets.UTF_8));
    ContentHashes c = cache();
    String sha = c.of(jar);
    assertThat(sha).isEqualTo(ContentHashes.compute(jar)).hasSize(64);
    Path dir = c.directory().orElseThrow();
    assertThat(entries(dir)).isEqualTo(1);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    // Another process (instance) finds it: the entry is not written again.
    FileTime written = Files.getLastModifiedTime(Files.list(dir).findFirst().orElseThrow());
    assertThat(new ContentHashes(dir).of(jar)).isEqualTo(sha);
    assertThat(Files.getLastModifiedTime(Files.list(dir).findFirst().orElseThrow()))
        .isEqualTo(written);
  }

  @Test
  void aRewriteOfTheSameSizeWithTheOldModificationTime_isSeen() throws Exception {
    Path jar = Files.write(tmp.resolve("b.jar"), "AAAAAAAA".getBytes(StandardCharsets.UTF_8));
    FileTime mtime = Files.getLastModifiedTime(jar);
    ContentHashes c = cache();
    String before = c.of(jar);
    Files.write(jar, "BBBBBBBB".getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(jar, mtime); // as `cp -p` or an unzip would leave it
    String after = c.of(jar);
    assertThat(after).isNotEqualTo(before).isEqualTo(ContentHashes.compute(jar));
  }

  @Test
  void aReplacedFile_isSeen() throws Exception {
    Path jar = Files.write(tmp.resolve("c.jar"), "one".getBytes(StandardCharsets.UTF_8));
    ContentHashes c = cache();
    String before = c.of(jar);
    Path next = Files.write(tmp.resolve("c.jar.new"), "two".getBytes(StandardCharsets.UTF_8));
    Files.move(next, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(c.of(jar)).isNotEqualTo(before).isEqualTo(ContentHashes.compute(jar));
  }

  @Test
  void aMalformedEntry_isAMiss() throws Exception {
    Path jar = Files.write(tmp.resolve("d.jar"), "content".getBytes(StandardCharsets.UTF_8));
    ContentHashes c = cache();
    String sha = c.of(jar);
    Path entry = Files.list(c.directory().orElseThrow()).findFirst().orElseThrow();
    Files.writeString(entry, "not a hash");
    assertThat(c.of(jar)).isEqualTo(sha);
    assertThat(Files.readString(entry).trim()).isEqualTo(sha); // and written again
  }

  @Test
  void aDirectoryOthersCanWrite_isNotUsed() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("open"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThat(ContentHashes.usable(dir)).isNull();
    Path jar = Files.write(tmp.resolve("e.jar"), "x".getBytes(StandardCharsets.UTF_8));
    assertThat(new ContentHashes(null).of(jar)).isEqualTo(ContentHashes.compute(jar));
    assertThat(entries(dir)).isZero();
  }

  @Test
  void location_followsThePropertyThenXdgThenHome() {
    assertThat(ContentHashes.location("false", Map.of())).isNull();
    assertThat(ContentHashes.location("off", Map.of())).isNull();
    assertThat(ContentHashes.location("/x/y", Map.of())).isEqualTo(Path.of("/x/y"));
    assertThat(ContentHashes.location(null, Map.of("XDG_CACHE_HOME", "/c")))
        .isEqualTo(Path.of("/c/manta/hashes"));
    assertThat(ContentHashes.location("true", Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "manta", "hashes"));
  }

  @Test
  void prune_removesOldEntriesOnly() throws Exception {
    ContentHashes c = cache();
    Path a = Files.write(tmp.resolve("f.jar"), "f".getBytes(StandardCharsets.UTF_8));
    Path b = Files.write(tmp.resolve("g.jar"), "g".getBytes(StandardCharsets.UTF_8));
    c.of(a);
    Path dir = c.directory().orElseThrow();
    Path old = Files.list(dir).findFirst().orElseThrow();
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(31))));
    c.of(b);
    c.prune(Duration.ofDays(ContentHashes.MAX_AGE_DAYS));
    assertThat(Files.exists(old)).isFalse();
    assertThat(entries(dir)).isEqualTo(1);
  }

  /**
   * Many threads of "processes" (instances over one directory) hash the same files at once, with
   * the cache cold: every answer is the content's hash, and one entry per file is left.
   */
  @Test
  void concurrentLookups_allAnswerTheContentsHash() throws Exception {
    Path dir = cache().directory().orElseThrow();
    List<Path> jars = new ArrayList<>();
    List<String> truth = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Path p = tmp.resolve("s" + i + ".jar");
      Files.write(p, ("content " + i).repeat(1000).getBytes(StandardCharsets.UTF_8));
      jars.add(p);
      truth.add(ContentHashes.compute(p));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> all = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        ContentHashes c = new ContentHashes(dir);
        all.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int round = 0; round < 50; round++) {
                    for (int i = 0; i < jars.size(); i++) {
                      if (!c.of(jars.get(i)).equals(truth.get(i))) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      go.countDown();
      for (Future<Boolean> f : all) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.filter(p -> !p.toString().endsWith(".tmp")).count()).isEqualTo(8);
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
    }
  }
}
