package dev.manta.cluster.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker class archive: trained once from a jar class path, mapped by a JVM that insists on
 * sharing ({@code -Xshare:on} fails when the archive cannot be mapped), cached by key, and skipped
 * for a class path with a directory or for flags that choose their own sharing.
 */
class WorkerArchiveTest {
  @TempDir Path dir;
  private Path jar;
  private final String javaCmd = ProcessHandle.current().info().command().orElse("java");

  @BeforeEach
  void buildJar() throws Exception {
    Path src = dir.resolve("src/demo/Boot.java");
    Files.createDirectories(src.getParent());
    Files.writeString(
        src,
        """
        package demo;
        public class Boot {
          public static void main(String[] a) throws Exception {
            // load a few JDK classes, as a worker's warm-up does, then wait for input like one
            java.util.List<String> l = new java.util.concurrent.CopyOnWriteArrayList<>();
            l.add(String.valueOf(java.time.Instant.EPOCH));
            System.out.println("booted " + l.size());
            System.in.read();
          }
        }
        """);
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    int rc =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), src.toString());
    assertThat(rc).isZero();
    jar = dir.resolve("boot.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry("demo/Boot.class"));
      j.write(Files.readAllBytes(classes.resolve("demo/Boot.class")));
      j.closeEntry();
    }
  }

  private Optional<Path> prepare(String classPath, Path cache) {
    return WorkerArchive.prepare(
        javaCmd,
        List.of("-XX:+UseSerialGC"),
        classPath,
        List.of("demo.Boot"),
        cache,
        Duration.ofMinutes(2));
  }

  @Test
  void aJarClassPath_getsAnArchive_thatAJvmMaps_andTheNextCallReusesIt() throws Exception {
    Path cache = dir.resolve("cds");
    Optional<Path> archive = prepare(jar.toString(), cache);
    assertThat(archive).isPresent();
    assertThat(archive.get()).isRegularFile().hasParent(cache);
    try (var files = Files.list(cache)) {
      assertThat(files.toList()).as("no training file left").containsExactly(archive.get());
    }

    Process p =
        new ProcessBuilder(
                javaCmd,
                "-XX:+UseSerialGC",
                "-Xshare:on", // refuses to start when the archive cannot be mapped
                "-XX:SharedArchiveFile=" + archive.get(),
                "-cp",
                jar.toString(),
                "demo.Boot")
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectErrorStream(true)
            .start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).contains("booted 1");

    FileTime made = Files.getLastModifiedTime(archive.get());
    assertThat(prepare(jar.toString(), cache)).contains(archive.get());
    assertThat(Files.getLastModifiedTime(archive.get())).as("not trained again").isEqualTo(made);
  }

  @Test
  void aClassPathWithADirectory_getsNone() {
    Path cache = dir.resolve("cds");
    assertThat(prepare(jar + java.io.File.pathSeparator + dir.resolve("classes"), cache)).isEmpty();
    assertThat(cache).doesNotExist();
  }

  @Test
  void flagsThatChooseTheirOwnSharing_getNone() {
    assertThat(WorkerArchive.fitsFlags(List.of("-XX:+UseSerialGC", "-Xshare:auto"))).isTrue();
    assertThat(WorkerArchive.fitsFlags(List.of("-Xshare:off"))).isFalse();
    assertThat(WorkerArchive.fitsFlags(List.of("-XX:SharedArchiveFile=x.jsa"))).isFalse();
    assertThat(WorkerArchive.fitsFlags(List.of("-XX:AOTCache=x.aot"))).isFalse();
    assertThat(WorkerArchive.fitsFlags(List.of("-XX:+AutoCreateSharedArchive"))).isFalse();
  }
}
