package dev.manta.processor;

import dev.manta.RemoteActor;
import dev.manta.RemoteFunction;
import dev.manta.processor.Definitions.FunctionClass;
import dev.manta.processor.Definitions.Remote;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The Manta annotation processor: for {@code @RemoteFunction} methods and {@code @RemoteActor}
 * classes it checks each definition, generates typed stubs ({@code Stats_} for the functions of
 * {@code Stats}, {@code CounterActor} for the actor {@code Counter}) and a registry class per
 * package and round; when processing is over it lists the registries in {@code
 * META-INF/services/dev.manta.spi.FunctionRegistry}, once. See the module's README for the naming
 * convention.
 *
 * <p>Registered through {@code META-INF/services/javax.annotation.processing.Processor}: putting
 * {@code manta-processor} on the annotation processor path is all a build needs. It never claims
 * the annotations, so other processors see them too.
 */
public final class MantaProcessor extends AbstractProcessor {
  private Elements elements;
  private Filer filer;
  private Messager messager;
  private Definitions definitions;
  private TypeText text;
  private StubWriter stubs;

  /** Stubs generated so far in this compilation, so that two sources never claim one name. */
  private final Set<String> generated = new HashSet<>();

  /** Registries generated so far in this compilation, for the service file. */
  private final Set<String> registries = new TreeSet<>();

  /** For {@link java.util.ServiceLoader}. */
  public MantaProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    elements = env.getElementUtils();
    filer = env.getFiler();
    messager = env.getMessager();
    text = new TypeText(env.getTypeUtils(), elements);
    definitions = new Definitions(env.getTypeUtils(), elements, messager);
    stubs = new StubWriter(elements, text);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(RemoteFunction.class.getCanonicalName(), RemoteActor.class.getCanonicalName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  @SuppressWarnings("DoNotClaimAnnotations") // ours alone: claiming keeps -Xlint:processing quiet
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      writeServiceFile();
      return true;
    }
    Map<TypeElement, List<Remote>> functions = new LinkedHashMap<>();
    for (ExecutableElement m :
        ElementFilter.methodsIn(round.getElementsAnnotatedWith(RemoteFunction.class))) {
      definitions
          .function(m)
          .ifPresent(
              f ->
                  functions
                      .computeIfAbsent(
                          (TypeElement) m.getEnclosingElement(), k -> new ArrayList<>())
                      .add(f));
    }
    Map<String, RegistryWriter> byPackage = new LinkedHashMap<>();
    for (Map.Entry<TypeElement, List<Remote>> e : functions.entrySet()) {
      FunctionClass fc = definitions.functionClass(e.getKey(), e.getValue());
      if (!fc.functions().isEmpty()
          && write(fc.owner(), StubWriter.functionStubName(fc.owner()), stubs.functionStub(fc))) {
        registry(byPackage, fc.owner()).add(fc);
      }
    }
    for (TypeElement type :
        ElementFilter.typesIn(round.getElementsAnnotatedWith(RemoteActor.class))) {
      definitions
          .actor(type)
          .filter(ac -> write(type, StubWriter.actorStubName(type), stubs.actorStub(ac)))
          .ifPresent(ac -> registry(byPackage, type).add(ac));
    }
    for (RegistryWriter r : byPackage.values()) {
      if (!r.isEmpty() && registries.add(r.qualifiedName())) {
        writeSource(r.qualifiedName(), r.source(), new Element[0]);
      }
    }
    return true;
  }

  private RegistryWriter registry(Map<String, RegistryWriter> byPackage, TypeElement type) {
    return byPackage.computeIfAbsent(
        RegistryWriter.packageOf(elements, type), p -> new RegistryWriter(p, stubs, text));
  }

  /** Writes a stub unless its name is taken; returns whether it was written. */
  private boolean write(TypeElement source, String simpleName, String code) {
    String pkg = RegistryWriter.packageOf(elements, source);
    String name = pkg.isEmpty() ? simpleName : pkg + "." + simpleName;
    if (!generated.contains(name) && !definitions.stubNameFree(source, name)) {
      return false;
    }
    if (!generated.add(name)) {
      messager.printMessage(
          Diagnostic.Kind.ERROR,
          "Name clash in generated code: "
              + name
              + " is the stub of two classes. Rename "
              + source.getSimpleName()
              + " or the other class",
          source);
      return false;
    }
    return writeSource(name, code, source);
  }

  private boolean writeSource(String name, String code, Element... origins) {
    try (Writer w = filer.createSourceFile(name, origins).openWriter()) {
      w.write(code);
      return true;
    } catch (IOException e) {
      messager.printMessage(
          Diagnostic.Kind.ERROR, "manta-processor could not write " + name + ": " + e);
      return false;
    }
  }

  /**
   * Lists this compilation's registries, plus those an earlier compilation into the same output
   * listed whose classes still exist (incremental builds).
   */
  private void writeServiceFile() {
    if (registries.isEmpty()) {
      return;
    }
    Set<String> lines = new TreeSet<>(registries);
    try {
      FileObject old =
          filer.getResource(StandardLocation.CLASS_OUTPUT, "", RegistryWriter.SERVICE_FILE);
      try (Reader r = old.openReader(true);
          BufferedReader in = new BufferedReader(r)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String name = line.strip();
          if (!name.isEmpty() && !name.startsWith("#") && elements.getTypeElement(name) != null) {
            lines.add(name);
          }
        }
      }
    } catch (FileNotFoundException | NoSuchFileException | IllegalArgumentException absent) {
      // No earlier service file: this compilation's registries are all there is to list.
      lines.addAll(registries);
    } catch (IOException e) {
      messager.printMessage(
          Diagnostic.Kind.WARNING,
          "manta-processor could not read the existing "
              + RegistryWriter.SERVICE_FILE
              + " ("
              + e
              + "); it lists only the registries of this compilation now");
    }
    try (Writer w =
        filer
            .createResource(StandardLocation.CLASS_OUTPUT, "", RegistryWriter.SERVICE_FILE)
            .openWriter()) {
      for (String line : lines) {
        w.write(line);
        w.write('\n');
      }
    } catch (IOException e) {
      messager.printMessage(
          Diagnostic.Kind.ERROR,
          "manta-processor could not write " + RegistryWriter.SERVICE_FILE + ": " + e);
    }
  }
}
