package dev.manta.runtime.exec;

import dev.manta.*;

/**
 * Calls a remote function with an argument array: one type switch, no reflection. Arity was checked
 * when the call was built (the API's overloads only compile with the right count). The cases for
 * Manta's function interfaces are generated with them, by {@code GenerateCalls} in {@code
 * manta-api}'s tests, so they cover every arity the API has.
 */
public final class Invoker {
  private Invoker() {}

  /**
   * Invokes {@code fn} with {@code a}; for actor methods {@code a[0]} is the actor.
   *
   * @return the function's value; null for void functions; the stage for async ones
   * @throws Exception whatever the function throws
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Object invoke(MantaFunction fn, Object[] a) throws Exception {
    return switch (fn) {
      case dev.manta.spi.AdaptedFunction f -> f.invoke(a);
      // BEGIN GENERATED INVOKE (manta-api/src/test/java/dev/manta/gen/GenerateCalls.java)
      case Fn0 f -> f.apply();
      case VoidFn0 f -> {
        f.apply();
        yield null;
      }
      case Fn1 f -> f.apply(a[0]);
      case VoidFn1 f -> {
        f.apply(a[0]);
        yield null;
      }
      case AsyncFn1 f -> f.apply(a[0]);
      case Fn2 f -> f.apply(a[0], a[1]);
      case VoidFn2 f -> {
        f.apply(a[0], a[1]);
        yield null;
      }
      case AsyncFn2 f -> f.apply(a[0], a[1]);
      case Fn3 f -> f.apply(a[0], a[1], a[2]);
      case VoidFn3 f -> {
        f.apply(a[0], a[1], a[2]);
        yield null;
      }
      case AsyncFn3 f -> f.apply(a[0], a[1], a[2]);
      case Fn4 f -> f.apply(a[0], a[1], a[2], a[3]);
      case VoidFn4 f -> {
        f.apply(a[0], a[1], a[2], a[3]);
        yield null;
      }
      case AsyncFn4 f -> f.apply(a[0], a[1], a[2], a[3]);
      case Fn5 f -> f.apply(a[0], a[1], a[2], a[3], a[4]);
      case VoidFn5 f -> {
        f.apply(a[0], a[1], a[2], a[3], a[4]);
        yield null;
      }
      case AsyncFn5 f -> f.apply(a[0], a[1], a[2], a[3], a[4]);
      case Fn6 f -> f.apply(a[0], a[1], a[2], a[3], a[4], a[5]);
      case VoidFn6 f -> {
        f.apply(a[0], a[1], a[2], a[3], a[4], a[5]);
        yield null;
      }
      case AsyncFn6 f -> f.apply(a[0], a[1], a[2], a[3], a[4], a[5]);
      case Fn7 f -> f.apply(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
      case VoidFn7 f -> {
        f.apply(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
        yield null;
      }
      case AsyncFn7 f -> f.apply(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
      // END GENERATED INVOKE
      default -> throw new IllegalArgumentException("not a Manta function: " + fn.getClass());
    };
  }
}
