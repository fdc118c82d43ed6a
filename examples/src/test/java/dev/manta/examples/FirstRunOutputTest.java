package dev.manta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each example's {@code main} in a fresh JVM with small inputs, as {@code bin/example} does
 * (the JVM flags this JDK needs, the module's classes, {@code slf4j-simple} and its WARN setting on
 * the class path; here the test class path), and checks that stdout and stderr together hold only
 * the program's own lines: no SLF4J notice, no JVM warning, no log line.
 */
class FirstRunOutputTest {
  static Stream<Arguments> programs() {
    return Stream.of(
        Arguments.of(
            WordCount.class,
            List.of(),
            List.of(
                "Word count on the embedded runtime, 2 CPUs",
                "3 files, \\d+ lines -> \\d+ tasks of up to 10 lines, added up by one actor",
                "[\\d,]+ words, [\\d,]+ distinct",
                "top 10: the=\\d+ .*",
                "done in [\\d.]+ s")),
        Arguments.of(
            ParameterSweep.class,
            List.of("2000", "8"),
            List.of(
                "Parameter sweep on the embedded runtime, 2 CPUs",
                "data: 2,000 noisy samples .*",
                "10 degrees x 8 penalties = 80 tasks, 5-fold cross-validation each: [\\d.]+ s",
                "best: degree \\d+, lambda .*, validation MSE 0\\.0\\d+",
                "best per degree .*",
                "  degree  1  lambda .*",
                "  degree  2  lambda .*",
                "  degree  3  lambda .*",
                "  degree  4  lambda .*",
                "  degree  5  lambda .*",
                "  degree  6  lambda .*",
                "  degree  7  lambda .*",
                "  degree  8  lambda .*",
                "  degree  9  lambda .*",
                "  degree 10  lambda .*")),
        Arguments.of(
            Pipeline.class,
            List.of("5", "100000"),
            List.of(
                "Pipeline on the embedded runtime: source -> smoother -> summary, three actors",
                "5 batches of 100,000 doubles \\(0\\.8 MiB per array\\), at most 3 batches in flight",
                "  batch  0: .*",
                "  batch  1: .*",
                "  batch  2: .*",
                "  \\.\\.\\.",
                "  batch  4: .*",
                "rms of all 500,000 samples: .*",
                ".* MiB through 3 stages .*",
                "object store: peak .* MiB used of .* [MG]iB, 0 objects spilled, nothing in use now")),
        Arguments.of(
            RayPrimes.class,
            List.of("1000000"),
            List.of(
                "Ray API on Manta, local mode \\(embedded\\)",
                "primes below 1,000,000: 4 tasks of 250,000 numbers, 168 base primes shared .*",
                "  +\\d/4 segments: [\\d,]+ primes so far",
                "  +\\d/4 segments: [\\d,]+ primes so far",
                "  +\\d/4 segments: [\\d,]+ primes so far",
                "  +4/4 segments: 78,498 primes so far",
                "78,498 primes below 1,000,000 in [\\d.]+ s")),
        Arguments.of(
            MonteCarloDemo.class,
            List.of("200"),
            List.of(
                "Manta embedded runtime up in \\d+ ms \\(2 CPUs\\)",
                "pi ~ 3\\.1\\d+ .* in 200 tasks: .*",
                "sum of a 61 MB shared array over 16 tasks = 36000000 \\(expected 36000000\\): .*",
                "done in [\\d.]+ s")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void firstRun_printsOnlyTheProgramsLines(Class<?> main, List<String> args, List<String> expected)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String flags = System.getProperty("manta.jvm.flags", "").trim();
    if (!flags.isEmpty()) {
      cmd.addAll(Arrays.asList(flags.split("\\s+")));
    }
    // The class path of `bin/example NAME` without --cluster: no manta-cluster, whose presence
    // makes Ray.init() start a local cluster of child JVMs (ExamplesOnClusterTest runs that).
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(e -> !isMantaCluster(java.nio.file.Path.of(e)))
            .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    cmd.addAll(List.of("-Dmanta.num-cpus=2", "-cp", classPath));
    cmd.add(main.getName());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("MANTA_ADDRESS"); // embedded, whatever the shell running the build has
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished; output:%n%s", out).isTrue();
    assertThat(p.exitValue()).as("exit code; output:%n%s", out).isZero();

    List<String> lines = out.lines().toList();
    assertThat(lines).as("the program's lines and nothing else:%n%s", out).hasSameSizeAs(expected);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i))
          .as("line %d of:%n%s", i + 1, out)
          .matches(Pattern.compile(expected.get(i)));
    }
  }

  /** manta-cluster's own entry: its jar, or its build's classes folder. */
  private static boolean isMantaCluster(java.nio.file.Path entry) {
    String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
    return name.startsWith("manta-cluster-") && name.endsWith(".jar")
        || entry.endsWith(java.nio.file.Path.of("manta-cluster", "target", "classes"));
  }
}
