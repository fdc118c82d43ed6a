package dev.manta.bench;

/**
 * The counts and sizes of every row. {@link #ray(int)} gives Ray 2.58's exact values ({@code
 * ray_perf.py}, see {@code manta-bench/peers/ray/WORKLOADS.md}); {@link #scaled} shrinks them for
 * the smoke test, and each row's multiplier is computed from the counts actually used, so a scaled
 * run still reports the right unit.
 *
 * @param batch calls per batch in the {@code tasks async}, {@code tasks and get batch}, {@code wait
 *     1k refs} and {@code 1:1 ... async} rows (Ray: 1000)
 * @param putsPerSmallPutTask puts inside one {@code do_put_small} task (Ray: 100)
 * @param smallPutTasks {@code do_put_small} tasks per call (Ray: 10)
 * @param bigPutLongs longs in the array of {@code single client put gigabytes} (Ray: 100 Mi, i.e.
 *     800 MiB)
 * @param multiPutLongs longs in each array put by {@code do_put} (Ray: 10 Mi, i.e. 80 MiB)
 * @param putsPerBigPutTask puts inside one {@code do_put} task (Ray: 10)
 * @param bigPutTasks {@code do_put} tasks per call (Ray: 10)
 * @param containedRefs refs inside the object of {@code get object containing 10k refs} (Ray:
 *     10,000)
 * @param tasksPerClient tasks each client submits in {@code multi client tasks async} (Ray: 10,000)
 * @param clients clients in {@code multi client tasks async} and callers in the {@code n:n} rows
 *     (Ray: 4)
 * @param fanOutCalls calls per server in the {@code 1:n} rows and per caller in the {@code n:n}
 *     rows (Ray: 5000)
 * @param argCalls calls per client in {@code n:n actor calls with arg async} (Ray: 1000)
 * @param servers server actors in the {@code 1:n} and {@code n:n} rows: Ray's {@code n_cpu =
 *     cpu_count() // 2}, at least 1
 * @param actorConcurrency {@code max_concurrency} of {@code 1:1 actor calls concurrent} (Ray: 16)
 * @param asyncActorConcurrency concurrency of an async actor (Ray's asyncio default: 1000)
 */
record Sizes(
    int batch,
    int putsPerSmallPutTask,
    int smallPutTasks,
    int bigPutLongs,
    int multiPutLongs,
    int putsPerBigPutTask,
    int bigPutTasks,
    int containedRefs,
    int tasksPerClient,
    int clients,
    int fanOutCalls,
    int argCalls,
    int servers,
    int actorConcurrency,
    int asyncActorConcurrency) {

  /** Ray's "GB": its multipliers count 100 Mi longs (800 MiB) as 0.8, so 1 GB = 1000 MiB. */
  static final double RAY_GB_BYTES = 1000.0 * 1024 * 1024;

  /** Ray 2.58's sizes on a machine with {@code cores} cores. */
  static Sizes ray(int cores) {
    return new Sizes(
        1000,
        100,
        10,
        100 * 1024 * 1024,
        10 * 1024 * 1024,
        10,
        10,
        10_000,
        10_000,
        4,
        5000,
        1000,
        Math.max(1, cores / 2),
        16,
        1000);
  }

  /** These sizes with every count and array multiplied by {@code factor} (at least 1 each). */
  Sizes scaled(double factor) {
    return new Sizes(
        scale(batch, factor),
        scale(putsPerSmallPutTask, factor),
        scale(smallPutTasks, factor),
        scale(bigPutLongs, factor),
        scale(multiPutLongs, factor),
        scale(putsPerBigPutTask, factor),
        scale(bigPutTasks, factor),
        scale(containedRefs, factor),
        scale(tasksPerClient, factor),
        clients,
        scale(fanOutCalls, factor),
        scale(argCalls, factor),
        servers,
        actorConcurrency,
        asyncActorConcurrency);
  }

  private static int scale(int n, double factor) {
    return (int) Math.max(1, Math.round(n * factor));
  }
}
