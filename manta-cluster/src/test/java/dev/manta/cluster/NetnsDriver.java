package dev.manta.cluster;

import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The driver program of {@link TwoHostNetnsTest}: runs inside host A's network namespace, joins the
 * cluster and runs work that must cross to host B. Prints {@code NETNS-OK ...} and exits 0 when
 * every check holds, otherwise prints {@code NETNS-FAIL <why>} and exits 1.
 *
 * <p>Arguments: {@code <manta://head:port> <head node id> <node B id>}.
 */
public final class NetnsDriver {
  static final int BLOB_BYTES = 1 << 20;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private NetnsDriver() {}

  /** A task: where it ran and its argument squared, as {@code nodeId:square}. */
  static String whereSquare(int x) {
    return Manta.runtimeContext().nodeId() + ":" + (x * x);
  }

  /** The deterministic content of the cross-host blob. */
  static byte[] pattern(int n) {
    byte[] b = new byte[n];
    long s = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < n; i++) {
      s ^= s << 13;
      s ^= s >>> 7;
      s ^= s << 17;
      b[i] = (byte) s;
    }
    return b;
  }

  /** A task (placed on host B): makes the blob. */
  static byte[] produce(int n) {
    return pattern(n);
  }

  /** A task (placed on host A): where it ran and whether the blob arrived intact. */
  static String check(byte[] b) {
    return Manta.runtimeContext().nodeId()
        + ":"
        + b.length
        + ":"
        + Arrays.equals(b, pattern(BLOB_BYTES));
  }

  /** Fails the run with {@code what} unless {@code ok}. */
  private static void expect(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }

  public static void main(String[] args) {
    if (args.length != 3) {
      System.out.println("NETNS-FAIL usage: NetnsDriver <manta://head:port> <headNode> <nodeB>");
      System.exit(2);
    }
    String address = args[0];
    String headNode = args[1];
    String nodeB = args[2];
    int status = 0;
    try {
      expect(!headNode.equals(nodeB), "head and node B have the same node id " + headNode);
      Manta.init(address);

      List<ObjectRef<String>> onB = new ArrayList<>();
      List<ObjectRef<String>> anywhere = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        onB.add(Manta.task(NetnsDriver::whereSquare, i).resource("hostB", 1).remote());
        anywhere.add(Manta.task(NetnsDriver::whereSquare, 100 + i).remote());
      }
      List<String> bResults = Manta.get(onB, TIMEOUT);
      for (int i = 0; i < 20; i++) {
        String want = nodeB + ":" + (i * i);
        expect(
            bResults.get(i).equals(want),
            "hostB task " + i + ": " + bResults.get(i) + " != " + want);
      }
      List<String> anyResults = Manta.get(anywhere, TIMEOUT);
      Set<String> anyNodes = new HashSet<>();
      for (int i = 0; i < 20; i++) {
        String r = anyResults.get(i);
        int colon = r.lastIndexOf(':');
        String node = r.substring(0, colon);
        expect(
            r.substring(colon + 1).equals(Integer.toString((100 + i) * (100 + i))),
            "task " + i + " returned " + r);
        expect(node.equals(headNode) || node.equals(nodeB), "task " + i + " ran on unknown " + r);
        anyNodes.add(node);
      }

      // ~1 MiB made on host B, consumed by a task on host A (head, resource hostA) and the driver.
      ObjectRef<byte[]> blob =
          Manta.task(NetnsDriver::produce, BLOB_BYTES).resource("hostB", 1).remote();
      String checked =
          Manta.get(Manta.task(NetnsDriver::check, blob).resource("hostA", 1).remote(), TIMEOUT);
      String want = headNode + ":" + BLOB_BYTES + ":true";
      expect(checked.equals(want), "blob check on host A: " + checked + " != " + want);
      byte[] local = Manta.get(blob, TIMEOUT);
      expect(Arrays.equals(local, pattern(BLOB_BYTES)), "blob fetched by the driver differs");

      System.out.println(
          "NETNS-OK hostB-tasks=20 on "
              + nodeB
              + ", other tasks=20 on "
              + anyNodes
              + ", blob "
              + BLOB_BYTES
              + " bytes B->A intact");
    } catch (Throwable t) {
      System.out.println("NETNS-FAIL " + t);
      t.printStackTrace(System.out);
      status = 1;
    } finally {
      try {
        if (Manta.isInitialized()) {
          Manta.shutdown();
        }
      } catch (Throwable t) {
        System.out.println("shutdown: " + t);
      }
    }
    System.out.flush();
    System.exit(status);
  }
}
