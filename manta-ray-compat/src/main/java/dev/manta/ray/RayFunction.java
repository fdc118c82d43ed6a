package dev.manta.ray;

import dev.manta.Fn0;
import dev.manta.Fn1;
import dev.manta.Fn2;
import dev.manta.Fn3;
import dev.manta.Fn4;
import dev.manta.Fn5;
import dev.manta.Fn6;
import dev.manta.Fn7;
import dev.manta.spi.AdaptedFunction;
import io.ray.api.function.RayFunc;
import io.ray.api.function.RayFunc0;
import io.ray.api.function.RayFunc1;
import io.ray.api.function.RayFunc2;
import io.ray.api.function.RayFunc3;
import io.ray.api.function.RayFunc4;
import io.ray.api.function.RayFunc5;
import io.ray.api.function.RayFunc6;
import io.ray.api.function.RayFuncVoid0;
import io.ray.api.function.RayFuncVoid1;
import io.ray.api.function.RayFuncVoid2;
import io.ray.api.function.RayFuncVoid3;
import io.ray.api.function.RayFuncVoid4;
import io.ray.api.function.RayFuncVoid5;
import io.ray.api.function.RayFuncVoid6;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * A Ray {@link RayFunc} presented to Manta. Manta names it and checks it for captured state by its
 * {@link #target()} (the user's method reference) and runs it through {@link #invoke}.
 *
 * <p>It also implements Manta's {@code Fn0}..{@code Fn7} so that it can go through the public
 * {@link dev.manta.ActorHandle#task} overloads, the only public way to call an actor method with a
 * chosen set of ref arguments (see {@link ActorCalls}). Manta's invoker dispatches {@link
 * AdaptedFunction} first, so the {@code apply} methods only delegate to {@link #invoke}.
 *
 * <p>For an actor method in a concurrency group, {@code group} bounds how many calls of the group
 * run at once; the actor's Manta {@code maxConcurrency} is the sum over its groups.
 *
 * <p>Immutable and thread-safe.
 */
final class RayFunction
    implements AdaptedFunction,
        Fn0<Object>,
        Fn1<Object, Object>,
        Fn2<Object, Object, Object>,
        Fn3<Object, Object, Object, Object>,
        Fn4<Object, Object, Object, Object, Object>,
        Fn5<Object, Object, Object, Object, Object, Object>,
        Fn6<Object, Object, Object, Object, Object, Object, Object>,
        Fn7<Object, Object, Object, Object, Object, Object, Object, Object> {
  private static final long serialVersionUID = 1L;

  /** The actor whose constructor or method this thread runs, for {@code RuntimeContext}. */
  private static final ThreadLocal<ActorRecord> EXECUTING = new ThreadLocal<>();

  private final RayFunc target;
  private final int arity;
  private final Returns returns;
  private final Semaphore group;
  private final transient ActorRecord actor;

  private RayFunction(RayFunc target, Semaphore group, ActorRecord actor) {
    this.target = Objects.requireNonNull(target, "func");
    this.arity = arityOf(target);
    this.returns = target instanceof io.ray.api.function.RayFuncVoid ? Returns.VOID : Returns.VALUE;
    this.group = group;
    this.actor = actor;
  }

  /** A task. */
  static RayFunction task(RayFunc func) {
    return new RayFunction(func, null, null);
  }

  /** The constructor of {@code actor}. */
  static RayFunction constructor(RayFunc func, ActorRecord actor) {
    return new RayFunction(func, null, actor);
  }

  /** A method of {@code actor}; {@code group} (nullable) is its concurrency group's permits. */
  static RayFunction method(RayFunc func, Semaphore group, ActorRecord actor) {
    return new RayFunction(func, group, actor);
  }

  /** The actor whose constructor or method the calling thread runs, or null. */
  static ActorRecord executingActor() {
    return EXECUTING.get();
  }

  @Override
  public Object target() {
    return target;
  }

  @Override
  public int arity() {
    return arity;
  }

  @Override
  public Returns returns() {
    return returns;
  }

  @Override
  public Object invoke(Object[] args) throws Exception {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == RayNull.INSTANCE) {
        args[i] = null;
      }
    }
    ActorRecord previous = EXECUTING.get();
    EXECUTING.set(actor);
    try {
      if (group == null) {
        return call(target, args);
      }
      group.acquire();
      try {
        return call(target, args);
      } finally {
        group.release();
      }
    } finally {
      EXECUTING.set(previous);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object call(RayFunc f, Object[] a) throws Exception {
    switch (f) {
      case RayFunc0 g -> {
        return g.apply();
      }
      case RayFunc1 g -> {
        return g.apply(a[0]);
      }
      case RayFunc2 g -> {
        return g.apply(a[0], a[1]);
      }
      case RayFunc3 g -> {
        return g.apply(a[0], a[1], a[2]);
      }
      case RayFunc4 g -> {
        return g.apply(a[0], a[1], a[2], a[3]);
      }
      case RayFunc5 g -> {
        return g.apply(a[0], a[1], a[2], a[3], a[4]);
      }
      case RayFunc6 g -> {
        return g.apply(a[0], a[1], a[2], a[3], a[4], a[5]);
      }
      case RayFuncVoid0 g -> g.apply();
      case RayFuncVoid1 g -> g.apply(a[0]);
      case RayFuncVoid2 g -> g.apply(a[0], a[1]);
      case RayFuncVoid3 g -> g.apply(a[0], a[1], a[2]);
      case RayFuncVoid4 g -> g.apply(a[0], a[1], a[2], a[3]);
      case RayFuncVoid5 g -> g.apply(a[0], a[1], a[2], a[3], a[4]);
      case RayFuncVoid6 g -> g.apply(a[0], a[1], a[2], a[3], a[4], a[5]);
      default -> throw new IllegalArgumentException(notRayFunc(f));
    }
    return null;
  }

  private static int arityOf(RayFunc f) {
    return switch (f) {
      case RayFunc0<?> g -> 0;
      case RayFuncVoid0 g -> 0;
      case RayFunc1<?, ?> g -> 1;
      case RayFuncVoid1<?> g -> 1;
      case RayFunc2<?, ?, ?> g -> 2;
      case RayFuncVoid2<?, ?> g -> 2;
      case RayFunc3<?, ?, ?, ?> g -> 3;
      case RayFuncVoid3<?, ?, ?> g -> 3;
      case RayFunc4<?, ?, ?, ?, ?> g -> 4;
      case RayFuncVoid4<?, ?, ?, ?> g -> 4;
      case RayFunc5<?, ?, ?, ?, ?, ?> g -> 5;
      case RayFuncVoid5<?, ?, ?, ?, ?> g -> 5;
      case RayFunc6<?, ?, ?, ?, ?, ?, ?> g -> 6;
      case RayFuncVoid6<?, ?, ?, ?, ?, ?> g -> 6;
      default -> throw new IllegalArgumentException(notRayFunc(f));
    };
  }

  private static String notRayFunc(RayFunc f) {
    return f.getClass().getName()
        + " is not one of Ray's RayFunc0..6 or RayFuncVoid0..6; pass a method reference such as"
        + " MyTasks::compute";
  }

  // --- Manta's Fn interfaces: never called by Manta (it runs AdaptedFunction.invoke) ---

  @Override
  public Object apply() throws Exception {
    return invoke(new Object[] {});
  }

  @Override
  public Object apply(Object a0) throws Exception {
    return invoke(new Object[] {a0});
  }

  @Override
  public Object apply(Object a0, Object a1) throws Exception {
    return invoke(new Object[] {a0, a1});
  }

  @Override
  public Object apply(Object a0, Object a1, Object a2) throws Exception {
    return invoke(new Object[] {a0, a1, a2});
  }

  @Override
  public Object apply(Object a0, Object a1, Object a2, Object a3) throws Exception {
    return invoke(new Object[] {a0, a1, a2, a3});
  }

  @Override
  public Object apply(Object a0, Object a1, Object a2, Object a3, Object a4) throws Exception {
    return invoke(new Object[] {a0, a1, a2, a3, a4});
  }

  @Override
  public Object apply(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5)
      throws Exception {
    return invoke(new Object[] {a0, a1, a2, a3, a4, a5});
  }

  @Override
  public Object apply(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, Object a6)
      throws Exception {
    return invoke(new Object[] {a0, a1, a2, a3, a4, a5, a6});
  }

  @Override
  public String toString() {
    return "RayFunction(" + target.getClass().getName() + ")";
  }
}
