package dev.manta.ray.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link WordCount} Ray program in a fresh JVM with {@code java -cp}, as a user would:
 * {@code Ray.init()} finds Manta by the class name Ray's API looks for, no Python involved.
 */
class WordCountTest {
  @Test
  void rayProgram_runsUnchangedOnManta_inAFreshJvm() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    if (Runtime.version().feature() >= 23) {
      cmd.add("--sun-misc-unsafe-memory-access=allow");
    }
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "-Dray.head-args.0=--num-cpus=2",
            "-Dray.job.namespace=wordcount",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            WordCount.class.getName()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished; output:%n%s", out).isTrue();
    assertThat(p.exitValue()).as("exit code; output:%n%s", out).isZero();
    assertThat(out).contains("top words: {dog=2, the=4}").contains("local mode: true");
    assertThat(out).doesNotContainIgnoringCase("python");
    assertThat(System.getProperty("java.class.path").split(File.pathSeparator))
        .noneMatch(e -> e.contains("io/ray/ray-runtime"));
  }
}
