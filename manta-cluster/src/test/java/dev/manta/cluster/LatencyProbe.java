package dev.manta.cluster;

import dev.manta.Manta;
import java.nio.file.Path;

/** Prints sync task round-trip times against a one-node cluster (a manual probe, not a test). */
public final class LatencyProbe {
  private LatencyProbe() {}

  static int one() {
    return 1;
  }

  public static void main(String[] args) throws Exception {
    try (ClusterFixture c = new ClusterFixture(Path.of("/tmp/probe"))) {
      c.startHead(2);
      Manta.init(c.address());
      for (int round = 0; round < 15; round++) {
        long t0 = System.nanoTime();
        int n = 300;
        for (int i = 0; i < n; i++) {
          Manta.task(LatencyProbe::one).remote().get();
        }
        System.out.printf("sync task: %.1f us/call%n", (System.nanoTime() - t0) / 1e3 / n);
      }
      var ch = dev.manta.cluster.rpc.Rpc.channel(c.head().agent());
      var stub = dev.manta.cluster.proto.NodeAgentGrpc.newBlockingStub(ch);
      for (int round = 0; round < 5; round++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < 300; i++) {
          stub.storeInfo(dev.manta.cluster.proto.Empty.getDefaultInstance());
        }
        System.out.printf("raw unary: %.1f us/call%n", (System.nanoTime() - t0) / 1e3 / 300);
      }
      Manta.shutdown();
    }
  }
}
