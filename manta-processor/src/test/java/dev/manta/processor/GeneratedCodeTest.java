package dev.manta.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.manta.MantaFunction;
import dev.manta.runtime.spec.FunctionInfo;
import dev.manta.spi.FunctionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles definitions that exercise every shape of stub, checks that the generated code compiles
 * without a single warning under the project's {@code -Xlint} flags, then loads the output and runs
 * it.
 */
@ExtendWith(MantaSession.class)
class GeneratedCodeTest {
  private static final JavaFileObject FUNCTIONS =
      JavaFileObjects.forSourceLines(
          "app.Fns",
          "package app;",
          "import dev.manta.*;",
          "import java.util.*;",
          "import java.util.concurrent.*;",
          "public final class Fns {",
          "  private Fns() {}",
          "  @RemoteFunction public static int six(int a, long b, short c, byte d, char e,"
              + " String f) {",
          "    return a + (int) b + c + d + e + f.length();",
          "  }",
          "  @RemoteFunction public static <T extends Comparable<T>> T max(List<T> xs) {",
          "    return Collections.max(xs);",
          "  }",
          "  @RemoteFunction(name = \"say \\\"hi\\\"\", maxRetries = 1, retryExceptions = true,",
          "      resources = @Resource(name = \"none\", amount = 0))",
          "  public static void noop() {}",
          "  static int tries;",
          "  @RemoteFunction(maxRetries = 2, retryExceptionTypes = {RuntimeException.class,",
          "      java.io.UncheckedIOException.class})",
          "  public static int flaky() {",
          "    if (++tries < 3) {",
          "      throw new IllegalStateException(\"try \" + tries);",
          "    }",
          "    return tries;",
          "  }",
          "  /** Runs every stub; called by the test through reflection. */",
          "  public static String run() {",
          "    ObjectRef<Integer> six = Fns_.six(1, 2L, (short) 3, (byte) 4, 'a',"
              + " Manta.put(\"xyz\"));",
          "    ObjectRef<String> max = Fns_.max(List.of(\"b\", \"c\", \"a\"));",
          "    Object none = Fns_.withOptions().numCpus(0).noop().get();",
          "    Outer.Account.Open acc = Outer.Account.open(100);",
          "    Outer_AccountActor a =",
          "        Outer_AccountActor.builder().maxConcurrency(2).isolated(false)",
          "            .lifetime(ActorLifetime.NON_DETACHED).remote(acc);",
          "    a.deposit(Manta.put(5L));",
          "    ObjectRef<Long> balance = a.balance();",
          "    ObjectRef<String> owner = a.owner();",
          "    ObjectRef<List<Integer>> echo = a.echo(List.of(1, 2));",
          "    int flaky = Fns_.flaky().get();",
          "    return six.get() + \" \" + max.get() + \" \" + none",
          "        + \" \" + balance.get() + \" \" + owner.get() + \" \" + echo.get()",
          "        + \" \" + flaky;",
          "  }",
          "}");

  private static final JavaFileObject ACTORS =
      JavaFileObjects.forSourceLines(
          "app.Outer",
          "package app;",
          "import dev.manta.*;",
          "import java.util.concurrent.*;",
          "public class Outer {",
          "  public static class Named {",
          "    public String owner() { return \"base\"; }",
          "  }",
          "  @RemoteActor(maxRestarts = 1, numCpus = 0.25)",
          "  public static class Account extends Named {",
          "    private long balance;",
          "    public record Open(long balance) {}",
          "    public Account(Open o) { this.balance = o.balance(); }",
          "    Account() {}",
          "    public static Open open(long b) { return new Open(b); }",
          "    public void deposit(long amount) { balance += amount; }",
          "    public CompletionStage<Long> balance() {",
          "      return CompletableFuture.completedFuture(balance);",
          "    }",
          "    public <T> T echo(T value) { return value; }",
          "    @Override public String toString() { return \"Account\"; }",
          "  }",
          "}");

  @Test
  void generatedCode_compilesWithoutWarnings_andRuns(@TempDir Path out) throws Exception {
    Compilation c = compile();
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("app.Fns_");
    assertThat(c).generatedSourceFile("app.Outer_AccountActor");
    try (URLClassLoader loader = load(c, out)) {
      Object result = loader.loadClass("app.Fns").getMethod("run").invoke(null);
      assertThat(result).isEqualTo("110 c null 105 base [1, 2] 3");
    }
  }

  @Test
  void registry_listsEveryFunctionByKey_andKeysMatchTheRuntimesView(@TempDir Path out)
      throws Exception {
    try (URLClassLoader loader = load(compile(), out)) {
      Map<String, MantaFunction> all = FunctionRegistry.loadAll(loader);
      assertThat(all.keySet())
          .contains(
              "app.Fns#six(int,long,short,byte,char,java.lang.String)",
              "app.Fns#max(java.util.List)",
              "app.Fns#noop()",
              "app.Outer$Account#new(app.Outer$Account$Open)",
              "app.Outer$Account#new()",
              "app.Outer$Account#deposit(long)",
              "app.Outer$Account#balance()",
              "app.Outer$Account#echo(java.lang.Object)");
      for (Map.Entry<String, MantaFunction> e : all.entrySet()) {
        FunctionInfo info = FunctionInfo.of(e.getValue());
        assertThat(info.capturedState()).isNull();
        assertThat(FunctionRegistry.key(info.implClass(), info.implMethod(), info.implSignature()))
            .as("runtime's key of %s", info.name())
            .isIn(e.getKey(), inheritedAs(e.getKey()));
      }
    }
  }

  @Test
  void laterRounds_getTheirOwnRegistry_andTheServiceFileListsAllOnce(@TempDir Path out)
      throws Exception {
    Compilation c =
        javac()
            .withProcessors(new MantaProcessor(), new SecondRoundSource())
            .compile(
                JavaFileObjects.forSourceLines(
                    "app.First",
                    "package app;",
                    "public final class First {",
                    "  @dev.manta.RemoteFunction public static int one() { return 1; }",
                    "}"));
    assertThat(c).succeededWithoutWarnings();
    try (URLClassLoader loader = load(c, out);
        InputStream in =
            loader.findResource("META-INF/services/dev.manta.spi.FunctionRegistry").openStream()) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines())
          .hasSize(2)
          .allMatch(l -> l.startsWith("app.MantaRegistry_"));
      assertThat(FunctionRegistry.loadAll(loader).keySet())
          .filteredOn(k -> k.startsWith("app."))
          .containsExactlyInAnyOrder("app.First#one()", "app.Second#two()");
    }
  }

  /**
   * An inherited actor method is registered under the actor's key; the lambda may name the
   * declaring class instead (it does not here, but the key format allows either).
   */
  private static String inheritedAs(String key) {
    return key.replace("app.Outer$Account#owner", "app.Outer$Named#owner");
  }

  private static Compilation compile() {
    return javac()
        .withProcessors(new MantaProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror") // the project's lint flags
        .compile(FUNCTIONS, ACTORS);
  }

  /** Writes the compilation's classes and resources under {@code dir} and loads them. */
  private static URLClassLoader load(Compilation c, Path dir) throws IOException {
    for (JavaFileObject f : c.generatedFiles()) {
      String path = f.toUri().getPath();
      int at = path.indexOf("/CLASS_OUTPUT/");
      if (at < 0) {
        continue;
      }
      Path target = dir.resolve(path.substring(at + "/CLASS_OUTPUT/".length()));
      Files.createDirectories(target.getParent());
      try (InputStream in = f.openInputStream()) {
        Files.write(target, in.readAllBytes());
      }
    }
    return new URLClassLoader(
        new java.net.URL[] {dir.toUri().toURL()}, GeneratedCodeTest.class.getClassLoader());
  }

  /** Generates a source with a remote function in the second round, as another processor might. */
  @javax.annotation.processing.SupportedAnnotationTypes("*")
  static final class SecondRoundSource extends AbstractProcessor {
    private boolean done;

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done || round.processingOver()) {
        return false;
      }
      done = true;
      try (Writer w = processingEnv.getFiler().createSourceFile("app.Second").openWriter()) {
        w.write(
            "package app;\npublic final class Second {\n"
                + "  @dev.manta.RemoteFunction public static int two() { return 2; }\n}\n");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return false;
    }
  }
}
