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
}
