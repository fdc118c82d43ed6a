package dev.manta.examples;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.ObjectStoreStats;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A pipeline of three actors passing large arrays: a source makes a noisy signal in batches of
 * several MiB, a filter smooths it, a summary measures it. The stages work on different batches at
 * the same time, and the arrays travel through the object store, not through the driver.
 *
 * <pre>
 * bin/example pipeline [BATCHES [SAMPLES_PER_BATCH]]             # embedded runtime
 * bin/example pipeline [BATCHES [SAMPLES_PER_BATCH]] --cluster   # as a cluster driver
 * </pre>
 *
 * <p>What it shows:
 *
 * <ul>
 *   <li>actors chained by refs: the filter's call takes the source's result ref, the summary's call
 *       takes the filter's, so the driver submits a whole batch at once and never touches the
 *       arrays;
 *   <li>large values (above 100 KiB) live in the object store; large primitive arrays go in and out
 *       with one bulk copy each. On a cluster each actor is a JVM of its own, and the arrays are
 *       shared through the node's shared-memory store;
 *   <li>state in an actor: the filter keeps the end of the previous batch, so its moving average
 *       runs across batch borders (an actor's calls run in the order they were sent);
 *   <li>bounded memory: at most {@link #IN_FLIGHT} batches are in the pipeline; the driver frees a
 *       batch's arrays with {@code Manta.free} as soon as its summary is in, and {@code
 *       Manta.storeStats()} shows what the store held.
 * </ul>
 */
public final class Pipeline {
  /** Batches in the pipeline at once: one per stage, so every stage has work. */
  static final int IN_FLIGHT = 3;

  /** Samples averaged by the filter. */
  static final int WINDOW = 64;

  private Pipeline() {}

  /** Stage 1: makes batch after batch of a sine wave with noise (seeded: reproducible). */
  public static final class Source {
    private final int samplesPerBatch;

    /** A source of batches of {@code samplesPerBatch} samples. */
    public Source(int samplesPerBatch) {
      this.samplesPerBatch = samplesPerBatch;
    }

    /** Batch {@code batch}: samples {@code batch * samplesPerBatch} onwards. */
    public double[] generate(int batch) {
      SplittableRandom rnd = new SplittableRandom(batch);
      double[] out = new double[samplesPerBatch];
      long first = (long) batch * samplesPerBatch;
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.sin((first + i) * 2 * Math.PI / 10_000) + rnd.nextDouble(-0.5, 0.5);
      }
      return out;
    }
  }

  /** Stage 2: a moving average over {@link #WINDOW} samples, continued across batches. */
  public static final class Smoother {
    private final double[] tail = new double[WINDOW - 1]; // the previous batch's last samples
    private int tailLength;

    /** A smoother that has seen nothing yet. */
    public Smoother() {}

    /** The moving average of {@code in}; the first outputs also use the previous batch's end. */
    public double[] smooth(double[] in) {
      double[] window = new double[tailLength + in.length];
      System.arraycopy(tail, 0, window, 0, tailLength);
      System.arraycopy(in, 0, window, tailLength, in.length);
      double[] out = new double[in.length];
      double sum = 0;
      for (int i = 0; i < window.length; i++) {
        sum += window[i];
        if (i >= WINDOW) {
          sum -= window[i - WINDOW];
        }
        int o = i - tailLength;
        if (o >= 0) {
          out[o] = sum / Math.min(i + 1, WINDOW);
        }
      }
      tailLength = Math.min(WINDOW - 1, window.length);
      System.arraycopy(window, window.length - tailLength, tail, 0, tailLength);
      return out;
    }
  }

  /**
   * What the summary measured in one batch.
   *
   * @param batch the batch number
   * @param samples its samples
   * @param min the smallest smoothed value
   * @param max the largest
   * @param rms the root mean square
   */
  public record BatchSummary(int batch, int samples, double min, double max, double rms) {}

  /** Stage 3: measures each batch and keeps running totals. */
  public static final class Summary {
    private long samples;
    private double sumOfSquares;

    /** A summary that has seen nothing yet. */
    public Summary() {}

    /** Measures batch {@code batch}. */
    public BatchSummary summarize(int batch, double[] in) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sq = 0;
      for (double v : in) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        sq += v * v;
      }
      samples += in.length;
      sumOfSquares += sq;
      return new BatchSummary(batch, in.length, min, max, Math.sqrt(sq / in.length));
    }

    /** The root mean square of every sample so far. */
    public double totalRms() {
      return Math.sqrt(sumOfSquares / samples);
    }
  }

  /**
   * What a run produced.
   *
   * @param batches each batch's summary, in order
   * @param totalRms the summary actor's running total
   * @param store the object store's counters after the run
   */
  public record Result(List<BatchSummary> batches, double totalRms, ObjectStoreStats store) {}

  /** One batch's refs, all three kept until its summary is in. */
  private record InFlight(
      ObjectRef<double[]> raw, ObjectRef<double[]> smooth, ObjectRef<BatchSummary> summary) {}

  /** Pushes {@code batches} batches through the three stages. Manta must be initialized. */
  static Result run(int batches, int samplesPerBatch) {
    ActorHandle<Source> source = Manta.actor(Source::new, samplesPerBatch).remote();
    ActorHandle<Smoother> smoother = Manta.actor(Smoother::new).remote();
    ActorHandle<Summary> summary = Manta.actor(Summary::new).remote();

    List<BatchSummary> done = new ArrayList<>();
    ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    for (int b = 0; b < batches; b++) {
      if (inFlight.size() == IN_FLIGHT) {
        done.add(finish(inFlight.removeFirst()));
      }
      // Submit the whole batch now: each call waits in its actor until its input ref is ready.
      ObjectRef<double[]> raw = source.task(Source::generate, b).remote();
      ObjectRef<double[]> smooth = smoother.task(Smoother::smooth, raw).remote();
      ObjectRef<BatchSummary> s = summary.task(Summary::summarize, b, smooth).remote();
      inFlight.addLast(new InFlight(raw, smooth, s));
    }
    while (!inFlight.isEmpty()) {
      done.add(finish(inFlight.removeFirst()));
    }
    double totalRms = summary.task(Summary::totalRms).remote().get();
    return new Result(done, totalRms, Manta.storeStats());
  }

  /**
   * Waits for a batch's summary, then frees its two arrays at once. Without {@code free} they would
   * go when the refs are garbage collected (or when the store needs the room); freeing them keeps
   * the store's use to the batches in flight.
   */
  private static BatchSummary finish(InFlight batch) {
    BatchSummary s = batch.summary().get();
    Manta.free(List.of(batch.raw(), batch.smooth()));
    return s;
  }

  private static String size(long bytes) {
    return bytes >= 1L << 30
        ? String.format("%.1f GiB", bytes / (double) (1L << 30))
        : String.format("%.1f MiB", bytes / (double) (1L << 20));
  }

  /** Runs 24 batches of 1,048,576 doubles (8 MiB each), or as the arguments say. */
  public static void main(String[] args) {
    int batches = args.length > 0 ? Integer.parseInt(args[0]) : 24;
    int samplesPerBatch = args.length > 1 ? Integer.parseInt(args[1]) : 1 << 20;
    Manta.init(); // embedded, or a cluster driver when MANTA_ADDRESS is set
    try {
      var context = Manta.runtimeContext();
      System.out.printf(
          "Pipeline on %s: source -> smoother -> summary, three actors%n",
          context.isEmbedded()
              ? "the embedded runtime"
              : "a cluster, driver on node " + context.nodeId());
      double mib = samplesPerBatch * 8.0 / (1 << 20);
      System.out.printf(
          "%d batches of %,d doubles (%.1f MiB per array), at most %d batches in flight%n",
          batches, samplesPerBatch, mib, IN_FLIGHT);
      long start = System.nanoTime();
      Result r = run(batches, samplesPerBatch);
      double secs = (System.nanoTime() - start) / 1e9;
      for (BatchSummary s : r.batches()) {
        if (s.batch() < 3 || s.batch() == batches - 1) {
          System.out.printf(
              "  batch %2d: min %+.4f  max %+.4f  rms %.4f%n",
              s.batch(), s.min(), s.max(), s.rms());
        } else if (s.batch() == 3) {
          System.out.println("  ...");
        }
      }
      System.out.printf(
          "rms of all %,d samples: %.4f (a unit sine's is %.4f)%n",
          (long) batches * samplesPerBatch, r.totalRms(), Math.sqrt(0.5));
      System.out.printf(
          "%.0f MiB through 3 stages (%.0f MiB of arrays made) in %.2f s%n",
          batches * mib, 2 * batches * mib, secs);
      ObjectStoreStats st = r.store();
      System.out.printf(
          "object store: peak %s used of %s, %d objects spilled, %s in use now%n",
          size(st.peakUsedBytes()),
          size(st.capacityBytes()),
          st.spillsTotal(),
          st.usedBytes() == 0 ? "nothing" : size(st.usedBytes()));
    } finally {
      Manta.shutdown();
    }
  }
}
