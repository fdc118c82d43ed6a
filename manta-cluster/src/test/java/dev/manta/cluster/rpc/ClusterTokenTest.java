package dev.manta.cluster.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterTokenTest {
  @TempDir Path dir;

  private static String secret(ClusterToken t) {
    return new String(t.bytes(), StandardCharsets.US_ASCII);
  }

  @Test
  void generate_writesA256BitHexTokenOwnerOnlyInAnOwnerOnlyFolder() throws Exception {
    Path file = dir.resolve("session").resolve(ClusterToken.FILE_NAME);
    ClusterToken t = ClusterToken.generate(file);
    assertThat(Files.readString(file)).matches("[0-9a-f]{64}\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(ClusterToken.read(file).matches(t.bytes())).isTrue();
    assertThat(ClusterToken.generate(dir.resolve("other")).matches(t.bytes())).isFalse();
    assertThatThrownBy(() -> ClusterToken.generate(file))
        .hasMessageContaining("Cannot write a new cluster token to " + file);
  }

  @Test
  void read_refusesAFileOthersMayRead_andSaysHowToFixIt() throws Exception {
    Path file = dir.resolve("token");
    ClusterToken.generate(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> ClusterToken.read(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("open to other users (rw-r--r--)")
        .hasMessageContaining("chmod 600 " + file);
    assertThatThrownBy(() -> ClusterToken.read(dir.resolve("missing")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void aTokenNeverAppearsInItsOwnTextOrInFormatErrors() {
    ClusterToken t = ClusterToken.random();
    assertThat(t.toString()).doesNotContain(secret(t)).contains("a random token");
    assertThat(t.source()).doesNotContain(secret(t));
    String shortOne = "abc123";
    assertThatThrownBy(() -> ClusterToken.of(shortOne, "$MANTA_TOKEN"))
        .hasMessageContaining("from $MANTA_TOKEN has 6 characters")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(shortOne));
    assertThatThrownBy(() -> ClusterToken.of("x".repeat(40) + " y", "$MANTA_TOKEN"))
        .hasMessageContaining("not printable ASCII at position 40");
  }

  @Test
  void matches_onlyTheSameBytes() {
    ClusterToken t = ClusterToken.of("a".repeat(64), "test");
    assertThat(t.matches("a".repeat(64).getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(t.matches("a".repeat(63).getBytes(StandardCharsets.US_ASCII))).isFalse();
    assertThat(t.matches(("a".repeat(63) + "b").getBytes(StandardCharsets.US_ASCII))).isFalse();
    assertThat(t.matches(new byte[0])).isFalse();
  }

  @Test
  void find_takesTheVariableThenTheFileVariableThenThePropertyThenTheDefaults() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    ClusterToken ta = ClusterToken.generate(a);
    ClusterToken tb = ClusterToken.generate(b);
    ClusterToken tc = ClusterToken.generate(c);
    String inline = "z".repeat(40);
    Map<String, String> env = new HashMap<>();
    Properties props = new Properties();
    List<Path> defaults = List.of(dir.resolve("none"), c);

    assertThat(ClusterToken.find(env, props, defaults).orElseThrow().matches(tc.bytes())).isTrue();
    props.setProperty(ClusterToken.TOKEN_FILE_PROPERTY, b.toString());
    assertThat(ClusterToken.find(env, props, defaults).orElseThrow().matches(tb.bytes())).isTrue();
    env.put(ClusterToken.TOKEN_FILE_ENV, a.toString());
    assertThat(ClusterToken.find(env, props, defaults).orElseThrow().matches(ta.bytes())).isTrue();
    env.put(ClusterToken.TOKEN_ENV, inline);
    ClusterToken fromEnv = ClusterToken.find(env, props, defaults).orElseThrow();
    assertThat(fromEnv.matches(inline.getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(fromEnv.source()).isEqualTo("$MANTA_TOKEN");

    assertThat(ClusterToken.find(Map.of(), new Properties(), List.of(dir.resolve("none"))))
        .isEmpty();
    // A place that is set but broken is an error, not a reason to look further.
    assertThatThrownBy(
            () ->
                ClusterToken.find(
                    Map.of(ClusterToken.TOKEN_FILE_ENV, dir.resolve("gone").toString()),
                    props,
                    defaults))
        .hasMessageContaining("does not exist");
  }

  @Test
  void exportTo_putsTheTokenInTheChildsEnvironmentAndDropsTheFileVariable() {
    ClusterToken t = ClusterToken.random();
    Map<String, String> env =
        new HashMap<>(Map.of(ClusterToken.TOKEN_FILE_ENV, "/x", "PATH", "/b"));
    t.exportTo(env);
    assertThat(env).containsEntry(ClusterToken.TOKEN_ENV, secret(t)).containsEntry("PATH", "/b");
    assertThat(env).doesNotContainKey(ClusterToken.TOKEN_FILE_ENV);
    ClusterToken.clearFrom(env);
    assertThat(env).containsOnlyKeys("PATH");
  }
}
