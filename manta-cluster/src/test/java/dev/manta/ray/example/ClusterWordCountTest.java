package dev.manta.ray.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.cluster.ClusterFixture;
import dev.manta.cluster.JvmFlags;
import dev.manta.cluster.rpc.ClusterToken;
import dev.manta.ray.RayClusterSuite;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link WordCount} Ray program (tasks, an actor with two methods, a named actor) as a
 * driver of a real cluster, in a fresh JVM with plain {@code java -cp}, {@code -Dray.address} and
 * the cluster token in {@code MANTA_TOKEN_FILE}, as a user would.
 */
class ClusterWordCountTest {
  @Test
  void rayProgram_runsUnchangedAsADriverOfACluster() throws Exception {
    String address = RayClusterSuite.use();
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(JvmFlags.forThisJdk());
    cmd.addAll(dev.manta.cluster.ClusterFixture.LEAN_JVM_FLAGS);
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "-Dray.address=" + address,
            "-Dray.job.namespace=wordcount",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            WordCount.class.getName()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    // As a user gives a driver the cluster token (see docs/cluster.md, Security).
    pb.environment().put(ClusterToken.TOKEN_FILE_ENV, ClusterFixture.TOKEN_FILE.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished; output:%n%s", out).isTrue();
    assertThat(p.exitValue()).as("exit code; output:%n%s", out).isZero();
    assertThat(out).contains("top words: {dog=2, the=4}").contains("local mode: false");
  }
}
