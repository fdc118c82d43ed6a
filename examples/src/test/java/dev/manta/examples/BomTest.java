package dev.manta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code manta-bom} manages exactly the modules that are published (those without {@code
 * maven.deploy.skip}), each at the project's version: a module added to the reactor and forgotten
 * in the BOM fails here.
 */
class BomTest {
  private static final Path ROOT =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

  @Test
  void bom_managesEveryPublishedModule_atTheProjectVersion() throws Exception {
    Element root = parse(ROOT.resolve("pom.xml"));
    String version = text(root, "version");
    TreeSet<String> published = new TreeSet<>();
    for (String module : texts(child(root, "modules"), "module")) {
      Element pom = parse(ROOT.resolve(module).resolve("pom.xml"));
      Element props = child(pom, "properties");
      boolean skipped = props != null && "true".equals(text(props, "maven.deploy.skip"));
      if (!skipped && !module.equals("manta-bom")) {
        published.add(text(pom, "artifactId"));
      }
    }
    assertThat(published).contains("manta-api", "manta-runtime", "manta-cluster");

    Element bom = parse(ROOT.resolve("manta-bom/pom.xml"));
    assertThat(text(bom, "version"))
        .as("manta-bom's version (it has no parent)")
        .isEqualTo(version);
    assertThat(child(bom, "parent")).as("manta-bom inherits no dependencyManagement").isNull();
    TreeSet<String> managed = new TreeSet<>();
    for (Element d :
        children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
      assertThat(text(d, "groupId")).isEqualTo("dev.manta");
      assertThat(text(d, "version")).isEqualTo("${project.version}");
      managed.add(text(d, "artifactId"));
    }
    assertThat(managed).isEqualTo(published);
  }

  private static Element parse(Path pom) throws Exception {
    assertThat(pom).exists();
    Document doc =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(pom));
    return doc.getDocumentElement();
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }

  private static List<String> texts(Element parent, String name) {
    return children(parent, name).stream().map(e -> e.getTextContent().trim()).toList();
  }
}
