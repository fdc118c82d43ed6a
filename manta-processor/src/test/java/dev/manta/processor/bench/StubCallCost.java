package dev.manta.processor.bench;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.ObjectRef;
import dev.manta.processor.example.Counter;
import dev.manta.processor.example.CounterActor;
import dev.manta.processor.example.Stats;
import dev.manta.processor.example.Stats_;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares a stub call with the same call through the method-reference API: submit a batch of
 * calls, then wait for all of them; rounds alternate between the two forms so that drift on a busy
 * machine hits both equally. Not a test (JMH lives in manta-bench); run by hand:
 *
 * <pre>{@code java -cp <test class path> dev.manta.processor.bench.StubCallCost [rounds] [batch]}
 * </pre>
 */
public final class StubCallCost {
  private StubCallCost() {}

  /** Prints the median ns per call of each form. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    Manta.init(MantaConfig.builder().numCpus(2).build());
    try {
      long[] data = {1, 2, 3};
      CounterActor stubActor = CounterActor.remote(0L);
      ActorHandle<Counter> plainActor =
          Manta.actor(Counter::new, 0L).maxPendingCalls(1_000).remote();
      double[][] ns = new double[4][rounds];
      for (int warm = 0; warm < 3; warm++) {
        measure(batch, () -> Stats_.sum(data));
        measure(batch, () -> Manta.task(Stats::sum, data).remote());
      }
      for (int r = 0; r < rounds; r++) {
        // Alternate which form goes first, so that neither always follows the other.
        boolean stubFirst = r % 2 == 1;
        if (stubFirst) {
          ns[1][r] = measure(batch, () -> Stats_.sum(data));
          ns[3][r] = measure(batch / 40, stubActor::increment);
        }
        ns[0][r] = measure(batch, () -> Manta.task(Stats::sum, data).remote());
        ns[2][r] = measure(batch / 40, () -> plainActor.task(Counter::increment).remote());
        if (!stubFirst) {
          ns[1][r] = measure(batch, () -> Stats_.sum(data));
          ns[3][r] = measure(batch / 40, stubActor::increment);
        }
      }
      System.out.printf(
          "task  : method reference %.0f ns/call, stub %.0f ns/call (median of %d rounds of %d)%n",
          median(ns[0]), median(ns[1]), rounds, batch);
      System.out.printf(
          "actor : method reference %.0f ns/call, stub %.0f ns/call (median of %d rounds of %d)%n",
          median(ns[2]), median(ns[3]), rounds, batch / 40);
    } finally {
      Manta.shutdown();
    }
    apiLayerOnly(rounds);
  }

  /** The API layer alone, on {@link NullRuntime}: what a stub adds on top of a method reference. */
  private static void apiLayerOnly(int rounds) {
    Manta.init(MantaConfig.builder().resource(NullRuntime.MARKER, 1).build());
    try {
      long[] data = {1, 2, 3};
      int n = 2_000_000;
      double[][] ns = new double[2][rounds];
      for (int r = -5; r < rounds; r++) {
        double plain = measureLoop(n, () -> Manta.task(Stats::sum, data).remote());
        double stub = measureLoop(n, () -> Stats_.sum(data));
        if (r >= 0) {
          ns[0][r] = plain;
          ns[1][r] = stub;
        }
      }
      System.out.printf(
          "API layer only (NullRuntime): method reference %.1f ns/call, stub %.1f ns/call"
              + " (median of %d rounds of %d)%n",
          median(ns[0]), median(ns[1]), rounds, n);
    } finally {
      Manta.shutdown();
    }
  }

  private static double measureLoop(int n, java.util.function.Supplier<ObjectRef<?>> call) {
    long t0 = System.nanoTime();
    int h = 0;
    for (int i = 0; i < n; i++) {
      h += call.get().id().length();
    }
    double perCall = (System.nanoTime() - t0) / (double) n;
    if (h != n) {
      throw new AssertionError("unexpected ids");
    }
    return perCall;
  }

  private static double measure(int n, java.util.function.Supplier<ObjectRef<?>> call) {
    List<ObjectRef<?>> refs = new ArrayList<>(n);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      refs.add(call.get());
    }
    Manta.get(refs);
    return (System.nanoTime() - t0) / (double) n;
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
