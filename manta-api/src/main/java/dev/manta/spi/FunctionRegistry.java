package dev.manta.spi;

import dev.manta.MantaFunction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * An index of remote functions, actor constructors and actor methods by a stable key, so that a
 * worker resolves the function a task names without scanning the class path or looking a method up
 * by name. {@code manta-processor} generates one implementation per package and compilation round
 * and lists it in {@code META-INF/services/dev.manta.spi.FunctionRegistry}; {@link #loadAll} finds
 * them with {@link ServiceLoader}. Code compiled without the processor has no registry and still
 * works through method references.
 *
 * <p>Key format: the declaring class's binary name, {@code #}, the method name ({@code new} for a
 * constructor) and the erased parameter types in parentheses, separated by commas without spaces:
 * {@code com.example.Stats#sum(long[])}, {@code com.example.Counter#new(int)}, {@code
 * com.example.Outer$Inner#put(java.lang.String,java.util.List)}. {@link #key(String, String,
 * String)} computes it from what a method reference's {@code SerializedLambda} says.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface FunctionRegistry {

  /**
   * Every function this registry holds, by key: {@code FnN}/{@code VoidFnN} for remote functions
   * and constructors, {@code FnN}/{@code VoidFnN}/{@code AsyncFnN} with the actor first for actor
   * methods. Each value is a method reference, so it runs without reflection.
   */
  Map<String, MantaFunction> functions();

  /**
   * The key of a method, from its declaring class's binary name ({@code com.x.Outer$Inner}, dots or
   * slashes), its name ({@code <init>} or {@code new} for a constructor) and its JVM descriptor
   * ({@code ([JI)J}); the return type in the descriptor is ignored.
   *
   * @throws IllegalArgumentException if {@code descriptor} is not a method descriptor
   */
  static String key(String className, String methodName, String descriptor) {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(methodName, "methodName");
    Objects.requireNonNull(descriptor, "descriptor");
    if (!descriptor.startsWith("(") || descriptor.indexOf(')') < 0) {
      throw new IllegalArgumentException(
          "descriptor must be a JVM method descriptor such as ([JI)J, was '" + descriptor + "'");
    }
    StringBuilder key = new StringBuilder(className.replace('/', '.'));
    key.append('#').append(methodName.equals("<init>") ? "new" : methodName).append('(');
    int i = 1;
    boolean first = true;
    while (descriptor.charAt(i) != ')') {
      int dims = 0;
      while (descriptor.charAt(i) == '[') {
        dims++;
        i++;
      }
      String type;
      char c = descriptor.charAt(i);
      if (c == 'L') {
        int end = descriptor.indexOf(';', i);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated class name in '" + descriptor + "'");
        }
        type = descriptor.substring(i + 1, end).replace('/', '.');
        i = end + 1;
      } else {
        type = primitive(c, descriptor);
        i++;
      }
      if (!first) {
        key.append(',');
      }
      first = false;
      key.append(type).append("[]".repeat(dims));
    }
    return key.append(')').toString();
  }

  /**
   * Loads every registry visible to {@code loader} and merges their functions. A key found in two
   * registries names the same method (keys are unique per method), so the first one is kept.
   *
   * @throws java.util.ServiceConfigurationError if a listed registry cannot be loaded
   */
  static Map<String, MantaFunction> loadAll(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    Map<String, MantaFunction> all = new LinkedHashMap<>();
    for (FunctionRegistry registry : ServiceLoader.load(FunctionRegistry.class, loader)) {
      registry.functions().forEach(all::putIfAbsent);
    }
    return Map.copyOf(all);
  }

  private static String primitive(char c, String descriptor) {
    return switch (c) {
      case 'Z' -> "boolean";
      case 'B' -> "byte";
      case 'C' -> "char";
      case 'S' -> "short";
      case 'I' -> "int";
      case 'J' -> "long";
      case 'F' -> "float";
      case 'D' -> "double";
      default ->
          throw new IllegalArgumentException(
              "unexpected '" + c + "' in method descriptor '" + descriptor + "'");
    };
  }
}
