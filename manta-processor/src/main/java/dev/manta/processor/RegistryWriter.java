package dev.manta.processor;

import dev.manta.processor.Definitions.ActorClass;
import dev.manta.processor.Definitions.FunctionClass;
import dev.manta.processor.Definitions.Remote;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.TypeElement;

/**
 * Collects the registry entries of one package in one round and writes them as a class implementing
 * {@code dev.manta.spi.FunctionRegistry}. The class name ends in a hash of the keys, so registries
 * of the same package from other rounds, modules or source sets (main and test) never share a name.
 */
final class RegistryWriter {
  /** The service file that lists every generated registry. */
  static final String SERVICE_FILE = "META-INF/services/dev.manta.spi.FunctionRegistry";

  private final String pkg;
  private final StubWriter stubs;
  private final TypeText text;

  /** Key to method-reference expression, sorted so that the output is reproducible. */
  private final Map<String, String> entries = new TreeMap<>();

  RegistryWriter(String pkg, StubWriter stubs, TypeText text) {
    this.pkg = pkg;
    this.stubs = stubs;
    this.text = text;
  }

  void add(FunctionClass fc) {
    String owner = TypeText.qualified(fc.owner());
    for (Remote f : fc.functions()) {
      entries.put(
          text.key(f.element()),
          "("
              + stubs.functionType(f, null, true)
              + ") "
              + owner
              + "::"
              + f.element().getSimpleName());
    }
  }

  void add(ActorClass ac) {
    String actor = TypeText.qualified(ac.type());
    for (Remote c : ac.constructors()) {
      entries.put(
          text.key(c.element()), "(" + stubs.functionType(c, null, true) + ") " + actor + "::new");
    }
    for (Remote m : ac.methods()) {
      entries.put(
          text.key(m.element()),
          "("
              + stubs.functionType(m, actor, true)
              + ") "
              + actor
              + "::"
              + m.element().getSimpleName());
    }
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The simple name of the registry class: {@code MantaRegistry_} and 8 hex digits. */
  String simpleName() {
    return String.format("MantaRegistry_%08x", String.join("\n", entries.keySet()).hashCode());
  }

  /** The fully qualified name of the registry class. */
  String qualifiedName() {
    return pkg.isEmpty() ? simpleName() : pkg + "." + simpleName();
  }

  String source() {
    StringBuilder s = new StringBuilder();
    if (!pkg.isEmpty()) {
      s.append("package ").append(pkg).append(";\n\n");
    }
    s.append("/**\n")
        .append(
            " * The remote functions and actors of this package compiled in one round, by stable")
        .append(" key; generated\n")
        .append(" * by manta-processor and found with {@link java.util.ServiceLoader}.\n")
        .append(" */\n")
        .append(StubWriter.GENERATED)
        .append("public final class ")
        .append(simpleName())
        .append(" implements dev.manta.spi.FunctionRegistry {\n")
        .append("  @SuppressWarnings({\"rawtypes\", \"unchecked\"}) // erased generic signatures\n")
        .append("  private static final java.util.Map<java.lang.String, dev.manta.MantaFunction>")
        .append(" FUNCTIONS =\n      java.util.Map.ofEntries(");
    String sep = "\n";
    for (Map.Entry<String, String> e : entries.entrySet()) {
      s.append(sep)
          .append("          java.util.Map.entry(")
          .append(StubWriter.literal(e.getKey()))
          .append(", ")
          .append(e.getValue())
          .append(')');
      sep = ",\n";
    }
    s.append(");\n\n  /** For {@link java.util.ServiceLoader}. */\n  public ")
        .append(simpleName())
        .append("() {}\n\n  @Override\n")
        .append("  public java.util.Map<java.lang.String, dev.manta.MantaFunction> functions() {\n")
        .append("    return FUNCTIONS;\n  }\n}\n");
    return s.toString();
  }

  static String packageOf(javax.lang.model.util.Elements elements, TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }
}
