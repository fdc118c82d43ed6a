package dev.manta.runtime.spec;

import dev.manta.*;
import dev.manta.spi.AdaptedFunction;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What Manta knows about one remote function class: a readable name, its arity and kind, and
 * whether it captures state (which a remote function must not). Computed once per class and cached,
 * so the hot path pays one {@link ClassValue} lookup.
 *
 * @param name {@code Class::method} as written by the user, for errors and logs
 * @param kind value, void or asynchronous
 * @param arity number of parameters, the actor included for actor methods
 * @param capturedState null if the function captures nothing, else what it captures
 * @param implClass the class declaring the method (for locating the code in cluster mode)
 * @param implMethod the method name
 * @param implSignature the method's JVM descriptor
 */
public record FunctionInfo(
    String name,
    Kind kind,
    int arity,
    String capturedState,
    String implClass,
    String implMethod,
    String implSignature) {

  /** What the function returns. */
  public enum Kind {
    /** A value ({@code FnN}). */
    VALUE,
    /** Nothing ({@code VoidFnN}). */
    VOID,
    /** A {@code CompletionStage} ({@code AsyncFnN}). */
    ASYNC
  }

  private static final ClassValue<FunctionInfo> CACHE =
      new ClassValue<>() {
        @Override
        protected FunctionInfo computeValue(Class<?> type) {
          return inspect(type);
        }
      };

  /**
   * The declared parameter types of the function's method (the receiver first for instance
   * methods), boxed; null when unknown. Used to check ref arguments before invoking.
   */
  public Class<?>[] parameterTypes(ClassLoader loader) {
    if (implSignature.isEmpty()) {
      return null;
    }
    try {
      java.lang.invoke.MethodType mt =
          java.lang.invoke.MethodType.fromMethodDescriptorString(implSignature, loader).wrap();
      return mt.parameterArray();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Throws if {@code fn} captures state.
   *
   * @throws IllegalArgumentException naming the function and what it captures
   */
  public FunctionInfo requireNonCapturing() {
    if (capturedState != null) {
      throw new IllegalArgumentException(
          "Remote function "
              + name
              + " captures "
              + capturedState
              + ". A remote function must be a method reference such as MyTasks::compute or a"
              + " lambda that uses only its parameters, because it may run in another process:"
              + " pass the captured values as arguments instead");
    }
    return this;
  }

  private static final ClassValue<FunctionInfo> ADAPTED =
      new ClassValue<>() {
        @Override
        protected FunctionInfo computeValue(Class<?> type) {
          AdaptedFunction af = (AdaptedFunction) ADAPTER.get();
          Kind kind =
              switch (af.returns()) {
                case VALUE -> Kind.VALUE;
                case VOID -> Kind.VOID;
                case ASYNC -> Kind.ASYNC;
              };
          return inspect(type, kind, af.arity());
        }
      };

  private static final ThreadLocal<Object> ADAPTER = new ThreadLocal<>();

  private static FunctionInfo inspect(Class<?> type) {
    for (int arity = 0; arity < INTERFACES.length; arity++) {
      for (int k = 0; k < INTERFACES[arity].length; k++) {
        if (INTERFACES[arity][k].isAssignableFrom(type)) {
          return inspect(type, KINDS[k], arity);
        }
      }
    }
    throw new IllegalArgumentException(
        type.getName()
            + " is not one of Manta's function interfaces (Fn0..Fn"
            + MAX_ARITY
            + ", VoidFn0..VoidFn"
            + MAX_ARITY
            + ", AsyncFn1..AsyncFn"
            + MAX_ARITY
            + ")");
  }

  private static FunctionInfo inspect(Class<?> type, Kind kind, int arity) {
    SerializedLambda lambda = serializedLambda(type);
    if (lambda != null) {
      String implClass = lambda.getImplClass().replace('/', '.');
      String simple = implClass.substring(implClass.lastIndexOf('.') + 1);
      String method = lambda.getImplMethodName();
      String shown =
          method.startsWith("lambda$")
              ? simple + "::<lambda in " + method.substring(7).replaceAll("\\$\\d+$", "") + ">"
              : simple + "::" + (method.equals("<init>") ? "new" : method);
      String captured = null;
      if (lambda.getCapturedArgCount() > 0) {
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
          Object arg = lambda.getCapturedArg(i);
          kinds.add(arg == null ? "null" : arg.getClass().getName());
        }
        captured = lambda.getCapturedArgCount() + " value(s) of type " + kinds;
      }
      return new FunctionInfo(
          shown, kind, arity, captured, implClass, method, lambda.getImplMethodSignature());
    }
    // A named class implementing the interface: allowed if it has no instance state.
    List<String> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) {
          fields.add(f.getName());
        }
      }
    }
    String captured = fields.isEmpty() ? null : "instance fields " + fields;
    return new FunctionInfo(type.getName(), kind, arity, captured, type.getName(), "apply", "");
  }

  private static SerializedLambda serializedLambda(Class<?> type) {
    if (!type.isSynthetic()) {
      return null;
    }
    try {
      Method writeReplace = type.getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      Object instance = SAMPLE.get();
      if (instance == null) {
        return null;
      }
      return writeReplace.invoke(instance) instanceof SerializedLambda s ? s : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** The function instance whose class is being inspected (lambda classes cannot be built). */
  private static final ThreadLocal<Object> SAMPLE = new ThreadLocal<>();

  /** The info for {@code fn}'s class, computed from {@code fn} itself on first use. */
  public static FunctionInfo of(MantaFunction fn) {
    Object previous = SAMPLE.get();
    try {
      if (fn instanceof AdaptedFunction af) {
        Object target = af.target();
        SAMPLE.set(target);
        ADAPTER.set(af);
        return ADAPTED.get(target.getClass());
      }
      SAMPLE.set(fn);
      return CACHE.get(fn.getClass());
    } finally {
      SAMPLE.set(previous);
      ADAPTER.remove();
    }
  }

  // BEGIN GENERATED INTERFACES (manta-api/src/test/java/dev/manta/gen/GenerateCalls.java)
  /**
   * Manta's function interfaces by arity (the row: parameters, the actor included for actor
   * methods); the columns are the value, void and (from arity 1) asynchronous interface.
   */
  private static final Class<?>[][] INTERFACES = {
    {Fn0.class, VoidFn0.class},
    {Fn1.class, VoidFn1.class, AsyncFn1.class},
    {Fn2.class, VoidFn2.class, AsyncFn2.class},
    {Fn3.class, VoidFn3.class, AsyncFn3.class},
    {Fn4.class, VoidFn4.class, AsyncFn4.class},
    {Fn5.class, VoidFn5.class, AsyncFn5.class},
    {Fn6.class, VoidFn6.class, AsyncFn6.class},
    {Fn7.class, VoidFn7.class, AsyncFn7.class},
  };

  // END GENERATED INTERFACES

  /** The most parameters a function interface has: the last row of {@link #INTERFACES}. */
  static final int MAX_ARITY = INTERFACES.length - 1;

  /** The kind of each column of {@link #INTERFACES}. */
  private static final Kind[] KINDS = {Kind.VALUE, Kind.VOID, Kind.ASYNC};
}
