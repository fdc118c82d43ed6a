package dev.manta.examples;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A parameter sweep: hundreds of tasks each score one model configuration on a data set they all
 * share, and an actor keeps the leaderboard.
 *
 * <pre>
 * bin/example sweep [SAMPLES [PENALTIES]]              # embedded runtime
 * bin/example sweep [SAMPLES [PENALTIES]] --cluster    # the same program as a cluster driver
 * </pre>
 *
 * <p>The model is a polynomial fitted by ridge regression; the parameters are its degree and the
 * ridge penalty; the score is the mean squared error of 5-fold cross-validation. The data are noisy
 * samples of a cubic, so the best degree should be 3 and the best error close to the noise's
 * variance. What it shows:
 *
 * <ul>
 *   <li>{@code Manta.put} stores the data set once; every task gets it by passing the same {@link
 *       ObjectRef}, instead of the data being copied into each call;
 *   <li>many independent tasks ({@link #evaluate}), each holding a CPU while it runs, so as many
 *       run at once as the runtime has CPUs;
 *   <li>each task's result goes straight into a results actor ({@link Leaderboard}) as a ref
 *       argument; the driver only asks the actor for the winners at the end.
 * </ul>
 */
public final class ParameterSweep {
  /** The folds of the cross-validation. */
  static final int FOLDS = 5;

  /** The standard deviation of the noise added to the samples. */
  static final double NOISE = 0.1;

  private ParameterSweep() {}

  /**
   * Samples {@code (x, y)} of {@code y = 0.5 x^3 - x + 2 + noise}, {@code x} uniform in [-2, 2].
   *
   * @param x the inputs
   * @param y the noisy outputs
   */
  @SuppressWarnings("ArrayRecordComponent") // a value sent by copy; equals is never used on it
  public record Samples(double[] x, double[] y) {}

  /**
   * One configuration and its score.
   *
   * @param degree the polynomial's degree
   * @param lambda the ridge penalty
   * @param mse the mean squared error on held-out folds
   */
  public record Trial(int degree, double lambda, double mse) {}

  /** Makes {@code n} samples from a fixed seed, so every run sees the same data. */
  static Samples samples(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextDouble(-2, 2);
      double gauss =
          Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
      y[i] = 0.5 * x[i] * x[i] * x[i] - x[i] + 2 + NOISE * gauss;
    }
    return new Samples(x, y);
  }

  /**
   * The remote task: the cross-validated error of a degree-{@code degree} polynomial fitted with
   * ridge penalty {@code lambda}. Sample {@code i} belongs to fold {@code i % FOLDS}.
   */
  static Trial evaluate(Samples data, int degree, double lambda) {
    int p = degree + 1;
    int n = data.x().length;
    // Per fold: the normal equations' parts X'X and X'y. Training on all folds but f uses the
    // totals minus fold f, so the data are read once, not once per fold.
    double[][][] gram = new double[FOLDS][p][p];
    double[][] rhs = new double[FOLDS][p];
    double[] row = new double[p];
    for (int i = 0; i < n; i++) {
      features(data.x()[i], row);
      int f = i % FOLDS;
      for (int a = 0; a < p; a++) {
        rhs[f][a] += row[a] * data.y()[i];
        for (int b = 0; b < p; b++) {
          gram[f][a][b] += row[a] * row[b];
        }
      }
    }
    double squaredError = 0;
    for (int f = 0; f < FOLDS; f++) {
      double[][] m = new double[p][p + 1];
      for (int a = 0; a < p; a++) {
        for (int g = 0; g < FOLDS; g++) {
          if (g != f) {
            for (int b = 0; b < p; b++) {
              m[a][b] += gram[g][a][b];
            }
            m[a][p] += rhs[g][a];
          }
        }
        m[a][a] += lambda;
      }
      double[] w = solve(m);
      for (int i = f; i < n; i += FOLDS) {
        features(data.x()[i], row);
        double pred = 0;
        for (int a = 0; a < p; a++) {
          pred += w[a] * row[a];
        }
        double e = pred - data.y()[i];
        squaredError += e * e;
      }
    }
    return new Trial(degree, lambda, squaredError / n);
  }

  /** {@code 1, t, t^2, ...} of {@code t = x / 2} (in [-1, 1], so high powers stay well scaled). */
  private static void features(double x, double[] row) {
    double t = x / 2;
    double v = 1;
    for (int a = 0; a < row.length; a++) {
      row[a] = v;
      v *= t;
    }
  }

  /** Solves the augmented system {@code m = [A | b]} by Gaussian elimination, partial pivoting. */
  private static double[] solve(double[][] m) {
    int p = m.length;
    for (int c = 0; c < p; c++) {
      int pivot = c;
      for (int r = c + 1; r < p; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] tmp = m[c];
      m[c] = m[pivot];
      m[pivot] = tmp;
      for (int r = c + 1; r < p; r++) {
        double k = m[r][c] / m[c][c];
        for (int j = c; j <= p; j++) {
          m[r][j] -= k * m[c][j];
        }
      }
    }
    double[] w = new double[p];
    for (int r = p - 1; r >= 0; r--) {
      double s = m[r][p];
      for (int j = r + 1; j < p; j++) {
        s -= m[r][j] * w[j];
      }
      w[r] = s / m[r][r];
    }
    return w;
  }

  /** The results actor: every trial, ranked by error (ties: lower degree, then lower penalty). */
  public static final class Leaderboard {
    static final Comparator<Trial> BEST_FIRST =
        Comparator.comparingDouble(Trial::mse)
            .thenComparingInt(Trial::degree)
            .thenComparingDouble(Trial::lambda);

    private final List<Trial> trials = new ArrayList<>();

    /** An empty leaderboard. */
    public Leaderboard() {}

    /** Records one trial; returns how many it has. */
    public int record(Trial t) {
      trials.add(t);
      return trials.size();
    }

    /** The {@code k} best trials, best first. */
    public List<Trial> best(int k) {
      return trials.stream().sorted(BEST_FIRST).limit(k).toList();
    }

    /** The best trial of each degree, lowest degree first. */
    public List<Trial> bestPerDegree() {
      Map<Integer, Trial> best = new TreeMap<>();
      for (Trial t : trials) {
        best.merge(t.degree(), t, (a, b) -> BEST_FIRST.compare(a, b) <= 0 ? a : b);
      }
      return List.copyOf(best.values());
    }
  }

  /**
   * What a sweep found.
   *
   * @param trials how many configurations were scored
   * @param best the best ones, best first
   * @param perDegree the best trial of each degree, lowest degree first
   */
  public record Result(int trials, List<Trial> best, List<Trial> perDegree) {}

  /** Scores every {@code degree x lambda} pair on {@code data}. Manta must be initialized. */
  static Result run(Samples data, List<Integer> degrees, List<Double> lambdas, int keep) {
    ObjectRef<Samples> shared = Manta.put(data); // stored once, read by every task
    ActorHandle<Leaderboard> board = Manta.actor(Leaderboard::new).remote();
    List<ObjectRef<Integer>> recorded = new ArrayList<>();
    for (int degree : degrees) {
      for (double lambda : lambdas) {
        ObjectRef<Trial> trial =
            Manta.task(ParameterSweep::evaluate, shared, degree, lambda).remote();
        recorded.add(board.task(Leaderboard::record, trial).remote());
      }
    }
    Manta.get(recorded);
    List<Trial> best = board.task(Leaderboard::best, keep).remote().get();
    List<Trial> perDegree = board.task(Leaderboard::bestPerDegree).remote().get();
    return new Result(recorded.size(), best, perDegree);
  }

  /** The penalties swept: {@code 1e-8} to {@code 1e2}, evenly spaced in log scale. */
  static List<Double> lambdas(int count) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(Math.pow(10, -8 + 10.0 * i / (count - 1)));
    }
    return out;
  }

  /**
   * Runs the sweep: 10 degrees x 40 penalties = 400 tasks over 20,000 samples, or {@code args[0]}
   * samples and {@code args[1]} penalties.
   */
  public static void main(String[] args) {
    Samples data = samples(args.length > 0 ? Integer.parseInt(args[0]) : 20_000, 42);
    List<Integer> degrees = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    List<Double> lambdas = lambdas(args.length > 1 ? Integer.parseInt(args[1]) : 40);
    Manta.init(); // embedded, or a cluster driver when MANTA_ADDRESS is set
    try {
      var context = Manta.runtimeContext();
      System.out.printf(
          "Parameter sweep on %s, %.0f CPUs%n",
          context.isEmbedded()
              ? "the embedded runtime"
              : "a cluster, driver on node " + context.nodeId(),
          context.totalResources().getOrDefault("CPU", 0.0));
      System.out.printf(
          "data: %,d noisy samples of y = 0.5x^3 - x + 2 (noise variance %.4f), put once: %,d KiB%n",
          data.x().length, NOISE * NOISE, data.x().length * 16L / 1024);
      long start = System.nanoTime();
      Result r = run(data, degrees, lambdas, 1);
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%d degrees x %d penalties = %d tasks, %d-fold cross-validation each: %.2f s%n",
          degrees.size(), lambdas.size(), r.trials(), FOLDS, secs);
      Trial best = r.best().get(0);
      System.out.printf(
          "best: degree %d, lambda %.1e, validation MSE %.6f%n",
          best.degree(), best.lambda(), best.mse());
      System.out.println("best per degree (too low underfits; above 3 gains nothing):");
      for (Trial t : r.perDegree()) {
        System.out.printf("  degree %2d  lambda %.1e  mse %.6f%n", t.degree(), t.lambda(), t.mse());
      }
    } finally {
      Manta.shutdown();
    }
  }
}
