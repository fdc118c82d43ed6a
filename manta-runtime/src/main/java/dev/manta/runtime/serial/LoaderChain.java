package dev.manta.runtime.serial;

import java.lang.ref.WeakReference;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The class loader the serializer resolves class names with: the runtime's loader first, then the
 * calling thread's context loader, then every loader that defined a value or remote function Manta
 * has seen. So classes from child loaders (plugins, application servers, tests that compile code at
 * run time) deserialize in this process without configuration. Loaders are held weakly.
 */
@SuppressWarnings("ReferenceEquality") // loaders are compared by identity on purpose
final class LoaderChain extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final CopyOnWriteArrayList<WeakReference<ClassLoader>> known =
      new CopyOnWriteArrayList<>();
  private volatile ClassLoader lastLearned;

  LoaderChain(ClassLoader parent) {
    super(parent);
  }

  /** Remembers the loader of {@code c}, if it is not already reachable from the parent. */
  void learn(Class<?> c) {
    ClassLoader l = c.getClassLoader();
    if (l == null || l == lastLearned || l == getParent() || l == this) {
      return;
    }
    lastLearned = l;
    known.removeIf(w -> w.get() == null);
    for (WeakReference<ClassLoader> w : known) {
      if (w.get() == l) {
        return;
      }
    }
    known.add(new WeakReference<>(l));
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    ClassLoader tccl = Thread.currentThread().getContextClassLoader();
    if (tccl != null && tccl != this && tccl != getParent()) {
      try {
        return Class.forName(name, false, tccl);
      } catch (ClassNotFoundException e) {
        // try the loaders we have seen
      }
    }
    for (WeakReference<ClassLoader> w : known) {
      ClassLoader l = w.get();
      if (l != null) {
        try {
          return Class.forName(name, false, l);
        } catch (ClassNotFoundException e) {
          // next
        }
      }
    }
    throw new ClassNotFoundException(
        name + " (looked in the runtime's, the thread's and " + known.size() + " seen loaders)");
  }
}
