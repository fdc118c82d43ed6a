package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The rule "a JDK-specific flag only on JDKs that know it", checked in the three places it is
 * written: {@link JvmFlags} (node, worker and benchmark JVMs), {@code bin/jvm-flags} (the scripts
 * and Maven's own JVM) and the root {@code pom.xml} (tests, the demo).
 */
class JvmFlagsTest {
  private static final String NATIVE = "--enable-native-access=ALL-UNNAMED";
  private static final String UNSAFE = "--sun-misc-unsafe-memory-access=allow";
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void jdk21And22_getNoFlagTheyWouldRefuse() {
    assertThat(JvmFlags.forFeature(21)).containsExactly(NATIVE);
    assertThat(JvmFlags.forFeature(22)).containsExactly(NATIVE);
  }

  @Test
  void jdk23AndNewer_alsoAllowTheSerializersUnsafeUse() {
    assertThat(JvmFlags.forFeature(23)).containsExactly(NATIVE, UNSAFE);
    assertThat(JvmFlags.forFeature(25)).containsExactly(NATIVE, UNSAFE);
  }

  @Test
  void aJdkOlderThan21_isRefusedWithTheReason() {
    assertThatThrownBy(() -> JvmFlags.forFeature(17))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JDK 21 or newer")
        .hasMessageContaining("17");
  }

  @ParameterizedTest
  @ValueSource(ints = {21, 22, 23, 25})
  void theScript_printsTheSameFlags_forAJdkOfEachVersion(int feature, @TempDir Path jdk)
      throws Exception {
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"" + feature + ".0.2\"\n");
    Process p =
        new ProcessBuilder(ROOT.resolve("bin/jvm-flags").toString(), jdk.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.lines().toList()).isEqualTo(JvmFlags.forFeature(feature));
  }

  @Test
  void thePom_addsTheJdk23FlagOnlyInAProfileActivatedFromJdk23() throws Exception {
    Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(ROOT.resolve("pom.xml").toFile());
    Element project = pom.getDocumentElement();
    Element properties = child(project, "properties");
    assertThat(words(child(properties, "manta.jvm.flags"))).isEqualTo(JvmFlags.forFeature(21));
    NodeList profiles = project.getElementsByTagName("profile");
    Element jdk23 = null;
    for (int i = 0; i < profiles.getLength(); i++) {
      Element p = (Element) profiles.item(i);
      if (child(p, "id").getTextContent().equals("jdk23+")) {
        jdk23 = p;
      }
    }
    assertThat(jdk23).as("the jdk23+ profile").isNotNull();
    assertThat(child(child(jdk23, "activation"), "jdk").getTextContent()).isEqualTo("[23,)");
    assertThat(words(child(child(jdk23, "properties"), "manta.jvm.flags")))
        .isEqualTo(JvmFlags.forFeature(23));
  }

  @Test
  void mavensOwnJvmConfig_holdsNoFlagThatAJdk21Refuses() throws IOException {
    assertThat(Files.readString(ROOT.resolve(".mvn/jvm.config"))).doesNotContain(UNSAFE);
  }

  @Test
  void thisTestJvm_wasStartedWithExactlyTheFlagsOfItsJdk() {
    List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
    assertThat(args).containsAll(JvmFlags.forThisJdk());
    if (Runtime.version().feature() < JvmFlags.UNSAFE_MEMORY_ACCESS_SINCE) {
      assertThat(args).doesNotContain(UNSAFE);
    }
  }

  private static Element child(Element parent, String name) {
    NodeList l = parent.getChildNodes();
    for (int i = 0; i < l.getLength(); i++) {
      if (l.item(i) instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
  }

  private static List<String> words(Element e) {
    return List.of(e.getTextContent().trim().split("\\s+"));
  }
}
