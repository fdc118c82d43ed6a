package dev.manta.ray;

import io.ray.api.Ray;

/**
 * A Ray driver for {@link RayLocalClusterTest}: {@code Ray.init()} without an address (a local
 * cluster of child JVMs), runs one task, prints {@code PIDS <node> <worker>} and waits for its
 * standard input to end, so the test can kill it while its cluster runs.
 */
public final class LocalClusterDriverMain {
  private LocalClusterDriverMain() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    System.setProperty("ray.head-args.0", "--num-cpus=1");
    Ray.init();
    long worker = Ray.task(RayLocalClusterTest::pid).remote().get();
    long node = Ray.task(RayLocalClusterTest::parentPid).remote().get();
    System.out.println("PIDS " + node + " " + worker);
    System.out.flush();
    while (System.in.read() >= 0) {
      // until the test kills this JVM
    }
  }
}
