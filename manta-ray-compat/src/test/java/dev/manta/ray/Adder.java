package dev.manta.ray;

/** A test actor with a no-arg constructor and methods returning {@code Integer}. */
public class Adder {
  private int total;

  public Integer add(int x) {
    total += x;
    return total;
  }

  public Integer total() {
    return total;
  }

  /** Its five arguments as the digits of one number, so a test sees each one and its place. */
  public Integer digits(int a, int b, int c, int d, int e) {
    return a * 10_000 + b * 1_000 + c * 100 + d * 10 + e;
  }
}
