package dev.manta.examples;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Manta's main demo, on the embedded runtime: estimates pi with thousands of remote tasks, feeds
 * their results to an actor that aggregates them, and shares one large array with every task
 * through the object store.
 *
 * <p>Run it with {@code bin/demo} (or {@code bin/demo 20000} for more tasks); {@code bin/example
 * montecarlo --cluster} runs it as the driver of a running cluster.
 */
public final class MonteCarloDemo {
  private MonteCarloDemo() {}

  /** A remote function: counts random points of one batch that fall inside the unit circle. */
  static long samplesInCircle(long seed, int samples) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long inside = 0;
    for (int i = 0; i < samples; i++) {
      double x = rnd.nextDouble();
      double y = rnd.nextDouble();
      if (x * x + y * y <= 1.0) {
        inside++;
      }
    }
    return inside;
  }

  /** An actor: aggregates batch results as they arrive. */
  public static final class Tally {
    private long inside;
    private long total;
    private int batches;

    /** Creates an empty tally. */
    public Tally() {}

    /** Adds one batch. */
    public long add(long batchInside, int batchSamples) {
      inside += batchInside;
      total += batchSamples;
      batches++;
      return batches;
    }

    /** The estimate so far. */
    public double estimate() {
      return 4.0 * inside / total;
    }

    /** Number of samples counted. */
    public long samples() {
      return total;
    }
  }

  /** A remote function over a large shared array: the sum of one slice. */
  static double sliceSum(double[] data, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += data[i];
    }
    return s;
  }

  /** Runs the demo. */
  public static void main(String[] args) {
    int tasks = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : 5_000;
    int samplesPerTask = 20_000;

    long start = System.nanoTime();
    Manta.init();
    var context = Manta.runtimeContext();
    System.out.printf(
        "Manta %s up in %.0f ms (%.0f CPUs)%n",
        context.isEmbedded()
            ? "embedded runtime"
            : "cluster driver (node " + context.nodeId() + ")",
        (System.nanoTime() - start) / 1e6,
        context.totalResources().getOrDefault("CPU", 0.0));

    // 1. Thousands of tasks, each an independent Monte Carlo batch.
    long t0 = System.nanoTime();
    ActorHandle<Tally> tally = Manta.actor(Tally::new).name("tally").remote();
    List<ObjectRef<Long>> batches = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      batches.add(Manta.task(MonteCarloDemo::samplesInCircle, (long) i, samplesPerTask).remote());
    }
    // 2. Each batch result flows into the actor as soon as it is ready: refs as arguments.
    List<ObjectRef<Long>> acks = new ArrayList<>(tasks);
    for (ObjectRef<Long> b : batches) {
      acks.add(tally.task(Tally::add, b, samplesPerTask).remote());
    }
    Manta.get(acks);
    double pi = Manta.get(tally.task(Tally::estimate).remote());
    long samples = Manta.get(tally.task(Tally::samples).remote());
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "pi ~ %.6f (error %.2e) from %,d samples in %,d tasks: %.2f s, %,.0f tasks/s%n",
        pi, Math.abs(pi - Math.PI), samples, tasks, secs, tasks / secs);

    // 3. One large array in the object store, read by many tasks without re-sending it.
    double[] big = new double[8_000_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = i % 10;
    }
    long t1 = System.nanoTime();
    ObjectRef<double[]> shared = Manta.put(big);
    int slices = 16;
    int step = big.length / slices;
    List<ObjectRef<Double>> sums = new ArrayList<>();
    for (int s = 0; s < slices; s++) {
      sums.add(Manta.task(MonteCarloDemo::sliceSum, shared, s * step, (s + 1) * step).remote());
    }
    double total = 0;
    for (double d : Manta.get(sums)) {
      total += d;
    }
    System.out.printf(
        "sum of a %,d MB shared array over %d tasks = %.0f (expected %.0f): %.2f s%n",
        (big.length * 8L) >> 20, slices, total, 4.5 * big.length, (System.nanoTime() - t1) / 1e9);

    Manta.shutdown();
    System.out.printf("done in %.2f s%n", (System.nanoTime() - start) / 1e9);
  }
}
