package dev.manta.cluster;

import dev.manta.Manta;

/**
 * A driver process for {@link ClusterSecurityTest}: joins {@code args[0]} with whatever token its
 * environment gives it, and prints {@code JOINED} or {@code REFUSED: <message>}.
 */
public final class TokenlessDriver {
  private TokenlessDriver() {}

  /** Entry point. */
  public static void main(String[] args) {
    try {
      Manta.init(args[0]);
      System.out.println("JOINED");
      Manta.shutdown();
    } catch (IllegalStateException e) {
      System.out.println("REFUSED: " + e.getMessage());
    }
    System.out.flush();
    System.exit(0);
  }
}
