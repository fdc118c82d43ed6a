package dev.manta.examples;

import dev.manta.Manta;

/**
 * A program whose task prints a line to stdout and one to stderr: on a cluster, {@link
 * ExamplesOnClusterTest} finds both at the driver, after the worker's prefix.
 */
public final class PrintingTask {
  private PrintingTask() {}

  static int shout(int n) {
    System.out.println("hello from a task, n=" + n);
    System.err.println("a warning from a task, n=" + n);
    return n * 2;
  }

  /** Runs one printing task and prints its result. */
  public static void main(String[] args) {
    Manta.init();
    try {
      int r = Manta.task(PrintingTask::shout, 21).remote().get();
      System.out.println("result " + r);
    } finally {
      Manta.shutdown();
    }
  }
}
