package dev.manta.ray;

import io.ray.api.concurrencygroup.ConcurrencyGroup;
import io.ray.api.concurrencygroup.annotations.DefConcurrencyGroup;
import io.ray.api.concurrencygroup.annotations.DefConcurrencyGroups;
import io.ray.api.concurrencygroup.annotations.UseConcurrencyGroup;
import io.ray.api.function.RayFunc;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ray's concurrency groups: made with {@code new ConcurrencyGroupBuilder<>()} or declared with
 * {@link DefConcurrencyGroup} on the actor class, and chosen per method by {@code addMethod}, by
 * {@link UseConcurrencyGroup} on the method, or per call by {@code setConcurrencyGroup}.
 * Thread-safe; method lookups are cached per lambda class.
 */
final class ConcurrencyGroups {
  /** A group: its name, how many of its calls may run at once, and its methods. */
  record Group(String name, int maxConcurrency, List<MethodKey> methods)
      implements ConcurrencyGroup {
    Group {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a concurrency group needs a non-blank name");
      }
      if (maxConcurrency < 1) {
        throw new IllegalArgumentException(
            "concurrency group '" + name + "' needs maxConcurrency >= 1, was " + maxConcurrency);
      }
      methods = List.copyOf(methods);
    }
  }

  /** The method a method reference names. */
  record MethodKey(String implClass, String method, String descriptor) {}

  private static final Map<Class<?>, MethodKey> KEYS = new ConcurrentHashMap<>();

  private ConcurrencyGroups() {}

  /** The method {@code func} (a serializable method reference or lambda) names. */
  static MethodKey keyOf(RayFunc func) {
    return KEYS.computeIfAbsent(func.getClass(), c -> inspect(func));
  }

  private static MethodKey inspect(RayFunc func) {
    try {
      Method writeReplace = func.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      if (writeReplace.invoke(func) instanceof SerializedLambda l) {
        return new MethodKey(
            l.getImplClass().replace('/', '.'), l.getImplMethodName(), l.getImplMethodSignature());
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(
          func.getClass().getName()
              + " is not a serializable lambda or method reference; pass one such as"
              + " MyActor::method",
          e);
    }
    throw new IllegalArgumentException(
        func.getClass().getName() + " is not a lambda or method reference");
  }

  /** The groups declared by {@link DefConcurrencyGroup} on the class {@code ctor} constructs. */
  static List<ConcurrencyGroup> declaredBy(RayFunc ctor, ClassLoader loader) {
    Class<?> actorClass = actorClass(ctor, loader);
    List<ConcurrencyGroup> out = new ArrayList<>();
    if (actorClass == null) {
      return out;
    }
    List<DefConcurrencyGroup> defs = new ArrayList<>();
    DefConcurrencyGroups many = actorClass.getAnnotation(DefConcurrencyGroups.class);
    if (many != null) {
      defs.addAll(List.of(many.value()));
    }
    DefConcurrencyGroup one = actorClass.getAnnotation(DefConcurrencyGroup.class);
    if (one != null) {
      defs.add(one);
    }
    for (DefConcurrencyGroup d : defs) {
      out.add(new Group(d.name(), d.maxConcurrency(), List.of()));
    }
    return out;
  }

  /** The group named by {@link UseConcurrencyGroup} on the method {@code key}, or null. */
  static String annotatedGroup(MethodKey key, ClassLoader loader) {
    for (Class<?> c = load(key.implClass(), loader); c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(key.method())
            && MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                .toMethodDescriptorString()
                .equals(key.descriptor())) {
          UseConcurrencyGroup use = m.getAnnotation(UseConcurrencyGroup.class);
          return use == null ? null : use.name();
        }
      }
    }
    return null;
  }

  /** The class a constructor reference or factory method builds, or null if unknown. */
  static Class<?> actorClass(RayFunc ctor, ClassLoader loader) {
    MethodKey k = keyOf(ctor);
    if (k.method().equals("<init>")) {
      return load(k.implClass(), loader);
    }
    String d = k.descriptor();
    int close = d.indexOf(')');
    if (close >= 0 && d.charAt(close + 1) == 'L') {
      return load(d.substring(close + 2, d.length() - 1).replace('/', '.'), loader);
    }
    return null;
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      return null; // no annotations to read: the caller falls back to the default group
    }
  }
}
