package dev.manta.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Each invalid definition fails compilation at the offending element, saying what to do. */
class CompileErrorsTest {

  private static JavaFileObject source(String simpleName, String... lines) {
    return JavaFileObjects.forSourceLines(
        "test." + simpleName,
        "package test;",
        "import dev.manta.*;",
        "import java.util.concurrent.CompletionStage;",
        String.join("\n", lines));
  }

  private static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new MantaProcessor()).compile(sources);
  }

  @Test
  void remoteFunction_notStatic_isAnError() {
    JavaFileObject src =
        source("Fns", "class Fns {", "  @RemoteFunction int twice(int x) { return 2 * x; }", "}");
    Compilation c = compile(src);
    assertThat(c)
        .hadErrorContaining("Remote function Fns.twice is not static")
        .inFile(src)
        .onLineContaining("int twice");
    assertThat(c).hadErrorContaining("Make it static, or annotate the class with @RemoteActor");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void remoteFunction_private_isAnError() {
    JavaFileObject src =
        source(
            "Fns",
            "class Fns {",
            "  @RemoteFunction private static int twice(int x) { return x; }",
            "}");
    assertThat(compile(src))
        .hadErrorContaining(
            "Remote function Fns.twice is private, so its stub cannot call it: make it"
                + " package-private or public")
        .inFile(src)
        .onLineContaining("twice");
  }

  @Test
  void remoteFunction_inPrivateNestedClass_isAnError() {
    JavaFileObject src =
        source(
            "Outer",
            "class Outer {",
            "  private static class Fns {",
            "    @RemoteFunction static int twice(int x) { return x; }",
            "  }",
            "}");
    assertThat(compile(src))
        .hadErrorContaining("is inside private class Fns, which generated code cannot reach")
        .inFile(src)
        .onLineContaining("twice");
  }

  @Test
  void actor_abstract_isAnError() {
    JavaFileObject src =
        source("Acc", "@RemoteActor abstract class Acc {", "  public int get() { return 1; }", "}");
    assertThat(compile(src))
        .hadErrorContaining("@RemoteActor Acc is abstract, so it cannot be instantiated")
        .inFile(src)
        .onLineContaining("abstract class Acc");
  }

  @Test
  void actor_interface_isAnError() {
    JavaFileObject src = source("Acc", "@RemoteActor interface Acc {", "  int get();", "}");
    assertThat(compile(src))
        .hadErrorContaining("@RemoteActor Acc is an interface")
        .inFile(src)
        .onLineContaining("interface Acc");
  }

  @Test
  void actor_nonStaticInnerClass_isAnError() {
    JavaFileObject src =
        source(
            "Outer",
            "class Outer {",
            "  @RemoteActor class Acc {",
            "    public int get() { return 1; }",
            "  }",
            "}");
    assertThat(compile(src))
        .hadErrorContaining(
            "@RemoteActor Acc is a non-static inner class, which needs an instance of Outer to be"
                + " created: declare it static")
        .inFile(src)
        .onLineContaining("class Acc");
  }

  @Test
  void actor_withoutAccessibleConstructor_isAnError() {
    JavaFileObject src = source("Acc", "@RemoteActor class Acc {", "  private Acc() {}", "}");
    assertThat(compile(src))
        .hadErrorContaining(
            "@RemoteActor Acc has no accessible constructor: add a constructor that is not private")
        .inFile(src)
        .onLineContaining("class Acc");
  }

  @Test
  void actorMethod_privateOrStatic_isAnError() {
    JavaFileObject src =
        source(
            "Acc",
            "@RemoteActor class Acc {",
            "  @RemoteFunction private int secret() { return 1; }",
            "  @RemoteFunction public static int shared() { return 2; }",
            "}");
    Compilation c = compile(src);
    assertThat(c)
        .hadErrorContaining("Actor method Acc.secret is private")
        .inFile(src)
        .onLineContaining("secret");
    assertThat(c)
        .hadErrorContaining(
            "Actor method Acc.shared is static, but actor methods run on the actor's instance")
        .inFile(src)
        .onLineContaining("shared");
  }

  @Test
  void neverSerializableTypes_areErrors_atTheParameterOrMethod() {
    JavaFileObject src =
        source(
            "Fns",
            "class Fns {",
            "  @RemoteFunction static int size(java.io.InputStream in) { return 0; }",
            "  @RemoteFunction static java.util.List<Thread> threads() { return null; }",
            "}");
    Compilation c = compile(src);
    assertThat(c)
        .hadErrorContaining(
            "Parameter 'in' of Fns.size has type java.io.InputStream, which Manta can never"
                + " serialize")
        .inFile(src)
        .onLineContaining("InputStream in");
    assertThat(c)
        .hadErrorContaining("The result of Fns.threads has type java.lang.Thread")
        .inFile(src)
        .onLineContaining("threads()");
  }

  @Test
  void doubtfulTypes_areWarnings() {
    JavaFileObject src =
        source(
            "Fns",
            "class Fns {",
            "  @RemoteFunction static int count(java.util.Iterator<String> it) { return 0; }",
            "  @RemoteFunction static java.util.concurrent.CompletableFuture<String> later() {",
            "    return null;",
            "  }",
            "}");
    Compilation c = compile(src);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "Parameter 'it' of Fns.count has type java.util.Iterator<java.lang.String>, which may"
                + " not serialize")
        .inFile(src)
        .onLineContaining("Iterator<String> it");
    assertThat(c)
        .hadWarningContaining(
            "The result of Fns.later has type"
                + " java.util.concurrent.CompletableFuture<java.lang.String>, which may not"
                + " serialize")
        .inFile(src)
        .onLineContaining("later()");
  }

  @Test
  void overloads_whoseStubsClash_areAnError() {
    JavaFileObject src =
        source(
            "Acc",
            "@RemoteActor class Acc {",
            "  public void add(int n) {}",
            "  public void add(long n) {}",
            "}");
    assertThat(compile(src))
        .hadErrorContaining(
            "Name clash in generated code: AccActor.add(dev.manta.ObjectRef) would stand for both"
                + " add(int) and add(long). Rename one of them")
        .inFile(src)
        .onLineContaining("add(long n)");
  }

  @Test
  void methodNamesTheStubUses_areAnError() {
    JavaFileObject src =
        source(
            "Acc",
            "@RemoteActor class Acc {",
            "  public int handle() { return 1; }",
            "}",
            "class Fns {",
            "  @RemoteFunction static int withOptions() { return 1; }",
            "}");
    Compilation c = compile(src);
    assertThat(c)
        .hadErrorContaining("Name clash in generated code: AccActor uses the name 'handle' itself")
        .inFile(src)
        .onLineContaining("int handle()");
    assertThat(c)
        .hadErrorContaining("Name clash in generated code: Fns_ uses the name 'withOptions'")
        .inFile(src)
        .onLineContaining("int withOptions()");
  }

  @Test
  void stubName_takenByAnExistingClass_isAnError() {
    JavaFileObject acc =
        source("Acc", "@RemoteActor class Acc {", "  public int get() { return 1; }", "}");
    JavaFileObject taken = source("AccActor", "class AccActor {}");
    assertThat(compile(acc, taken))
        .hadErrorContaining(
            "Name clash in generated code: Manta generates test.AccActor for Acc, but that type"
                + " already exists. Rename one of them")
        .inFile(acc)
        .onLineContaining("class Acc");
  }

  @Test
  void tooManyParameters_orInvalidDeclaredOptions_areErrors() {
    JavaFileObject src =
        source(
            "Fns",
            "class Fns {",
            "  @RemoteFunction static int seven(int a, int b, int c, int d, int e, int f, int g) {",
            "    return a;",
            "  }",
            "  @RemoteFunction(numCpus = -1) static int negative() { return 1; }",
            "  @RemoteFunction(retryExceptions = true,",
            "      retryExceptionTypes = IllegalStateException.class) static int both() {",
            "    return 1;",
            "  }",
            "}");
    Compilation c = compile(src);
    assertThat(c)
        .hadErrorContaining(
            "Fns.seven has 7 parameters; remote calls take at most 6. Group them in a record")
        .inFile(src)
        .onLineContaining("seven");
    assertThat(c)
        .hadErrorContaining("numCpus must be a finite number >= 0, was -1.0")
        .inFile(src)
        .onLineContaining("negative");
    assertThat(c)
        .hadErrorContaining("Give retryExceptions = true (retry every exception) or")
        .inFile(src)
        .onLineContaining("both");
  }

  @Test
  void genericActor_isAnError() {
    JavaFileObject src =
        source("Box", "@RemoteActor class Box<T> {", "  public int size() { return 0; }", "}");
    assertThat(compile(src))
        .hadErrorContaining("@RemoteActor Box has type parameters, which stubs do not support")
        .inFile(src)
        .onLineContaining("class Box");
  }
}
