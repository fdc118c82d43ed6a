package dev.manta.runtime;

import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Remote functions used by the tests. */
public final class Fns {
  private Fns() {}

  public static final AtomicInteger RUNS = new AtomicInteger();
  public static volatile CountDownLatch gate = new CountDownLatch(0);

  public static int square(int x) {
    return x * x;
  }

  public static int add(int a, int b) {
    return a + b;
  }

  public static int sum6(int a, int b, int c, int d, int e, int f) {
    return a + b + c + d + e + f;
  }

  public static String hello() {
    return "hello";
  }

  public static void count() {
    RUNS.incrementAndGet();
  }

  public static int countAndReturn(int x) {
    RUNS.incrementAndGet();
    return x;
  }

  public static int fail(String message) {
    throw new IllegalStateException(message);
  }

  public static int awaitGate(int x) throws InterruptedException {
    gate.await();
    return x;
  }

  public static int failAfterGate(String message) throws InterruptedException {
    gate.await();
    throw new IllegalStateException(message);
  }

  public static int[] mutateCopy(int[] values) {
    values[0] = -1;
    return values;
  }

  /** A task that submits two children and sums their results: a binary tree of tasks. */
  public static int tree(int depth) {
    if (depth == 0) {
      return 1;
    }
    ObjectRef<Integer> left = Manta.task(Fns::tree, depth - 1).remote();
    ObjectRef<Integer> right = Manta.task(Fns::tree, depth - 1).remote();
    return Manta.get(left) + Manta.get(right);
  }

  public static int sumRefs(List<ObjectRef<Integer>> refs) {
    int s = 0;
    for (ObjectRef<Integer> r : refs) {
      s += Manta.get(r);
    }
    return s;
  }

  public static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  public static int increment(int x) {
    return x + 1;
  }

  /**
   * Adds one, or throws at {@code failAt}: a step of a long chain whose error must reach its end.
   */
  static int stepOrFail(int x, int failAt) {
    if (x == failAt) {
      throw new IllegalStateException("step " + x + " fails");
    }
    return x + 1;
  }
}
