package dev.manta.cluster;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import java.nio.file.Path;

/**
 * Prints round-trip times against a one-node cluster (a manual probe, not a test): sync tasks, a
 * raw unary RPC, and sync and async calls to one actor, in rounds, so warm-up shows.
 */
public final class LatencyProbe {
  private LatencyProbe() {}

  static int one() {
    return 1;
  }

  /** The probed actor. */
  public static final class Echo {
    /** Creates it. */
    public Echo() {}

    /** Returns 1. */
    public int one() {
      return 1;
    }
  }

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "all";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    String[] flags = args.length > 2 ? args[2].split(" ") : new String[0];
    try (ClusterFixture c = new ClusterFixture(Path.of("/tmp/probe"), flags)) {
      c.startHead(2);
      Manta.init(c.address());
      if (mode.equals("all") || mode.equals("task")) {
        for (int round = 0; round < rounds; round++) {
          long t0 = System.nanoTime();
          int n = 300;
          for (int i = 0; i < n; i++) {
            Manta.task(LatencyProbe::one).remote().get();
          }
          System.out.printf("sync task: %.1f us/call%n", (System.nanoTime() - t0) / 1e3 / n);
        }
        var ch =
            dev.manta.cluster.rpc.Rpc.channel(
                c.head().agent(), dev.manta.cluster.ClusterFixture.TOKEN);
        var stub = dev.manta.cluster.proto.NodeAgentGrpc.newBlockingStub(ch);
        for (int round = 0; round < 5; round++) {
          long t0 = System.nanoTime();
          for (int i = 0; i < 300; i++) {
            stub.storeInfo(dev.manta.cluster.proto.Empty.getDefaultInstance());
          }
          System.out.printf("raw unary: %.1f us/call%n", (System.nanoTime() - t0) / 1e3 / 300);
        }
      }
      if (mode.equals("all") || mode.equals("actor")) {
        for (int actor = 0; actor < 2; actor++) {
          ActorHandle<Echo> a = Manta.actor(Echo::new).remote();
          a.task(Echo::one).remote().get();
          System.out.println("ACTOR-READY " + actor);
          long[] lat = new long[2000];
          for (int i = 0; i < lat.length; i++) {
            long s0 = System.nanoTime();
            a.task(Echo::one).remote().get();
            lat[i] = (System.nanoTime() - s0) / 1000;
          }
          for (int i = 0; i < lat.length; i += 200) {
            long[] part = java.util.Arrays.copyOfRange(lat, i, i + 200);
            long sum = 0;
            for (long x : part) {
              sum += x;
            }
            java.util.Arrays.sort(part);
            System.out.printf(
                "calls %d..: mean %d p50 %d p90 %d p99 %d max %d us%n",
                i, sum / 200, part[100], part[180], part[198], part[199]);
          }
          for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            int n = 500;
            for (int i = 0; i < n; i++) {
              a.task(Echo::one).remote().get();
            }
            long t1 = System.nanoTime();
            var refs = new java.util.ArrayList<dev.manta.ObjectRef<Integer>>();
            for (int i = 0; i < 2000; i++) {
              refs.add(a.task(Echo::one).remote());
            }
            Manta.get(refs);
            long t2 = System.nanoTime();
            System.out.printf(
                "actor %d sync: %.1f us/call, async: %.0f calls/s%n",
                actor, (t1 - t0) / 1e3 / n, 2000 / ((t2 - t1) / 1e9));
          }
          a.kill(); // the next actor gets this worker if the agent parked it in time
        }
      }
      Manta.shutdown();
    }
  }
}
