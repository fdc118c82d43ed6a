package dev.manta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Manta;
import dev.manta.ObjectRef;
import dev.manta.OwnerDiedException;
import dev.manta.runtime.CoreWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refs inside a value a worker returns (Ray's nested-ref protocol): objects the worker owns stay
 * alive until the caller has borrowed them, even once the worker dropped every ref of its own; and
 * a ref whose owner died is read as {@link OwnerDiedException}, never as a hang.
 */
class ClusterNestedRefsTest {
  @TempDir static Path dir;
  static ClusterFixture cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new ClusterFixture(dir, "-Dmanta.prestart-workers=1");
    cluster.startHead(2);
    Manta.init(cluster.address());
  }

  @AfterAll
  static void stop() throws Exception {
    Manta.shutdown();
    cluster.close();
  }

  static byte[] produce(int size) {
    byte[] a = new byte[size];
    for (int i = 0; i < size; i++) {
      a[i] = (byte) (i * 31 + 7);
    }
    return a;
  }

  /** Puts two values (one inline, one in the node's store) and returns refs to them only. */
  static List<ObjectRef<byte[]>> putInside(int small, int large) {
    return List.of(Manta.put(produce(small)), Manta.put(produce(large)));
  }

  /** Frees, in this worker, every object whose refs are all unreachable now. */
  static int reclaim() {
    ((CoreWorker) Manta.currentRuntime()).table().reclaimUnreachable();
    return 0;
  }

  /** Runs for a minute, unless its process dies. */
  static int slow() throws Exception {
    Thread.sleep(60_000);
    return 1;
  }

  /** Writes its pid to {@code marker} and returns a ref to a task of its own that is not done. */
  static ObjectRef<Integer> ownsPending(String marker) throws Exception {
    ObjectRef<Integer> pending = Manta.task(ClusterNestedRefsTest::slow).remote();
    Files.writeString(Path.of(marker), Long.toString(ProcessHandle.current().pid()));
    return pending;
  }

  @Test
  void refsReturnedByAWorker_outliveItsOwnRefs_untilTheCallerBorrowedThem() {
    ObjectRef<List<ObjectRef<byte[]>>> outer =
        Manta.task(ClusterNestedRefsTest::putInside, 1_000, 1 << 20).remote();
    assertThat(Manta.wait(List.of(outer), 1, Duration.ofMinutes(2)).ready()).hasSize(1);
    // The worker's own refs to the two puts are gone; collect them there before we read them.
    assertThat(
            Manta.get(Manta.task(ClusterNestedRefsTest::reclaim).remote(), Duration.ofMinutes(1)))
        .isZero();

    List<ObjectRef<byte[]>> inner = Manta.get(outer, Duration.ofMinutes(1));
    assertThat(Manta.get(inner.get(0), Duration.ofMinutes(1))).isEqualTo(produce(1_000));
    assertThat(Manta.get(inner.get(1), Duration.ofMinutes(1))).isEqualTo(produce(1 << 20));
  }

  @Test
  void refWhoseOwnerDied_throwsOwnerDied_withAndWithoutTimeout() throws Exception {
    Path marker = dir.resolve("owner-pid");
    ObjectRef<ObjectRef<Integer>> outer =
        Manta.task(ClusterNestedRefsTest::ownsPending, marker.toString()).remote();
    ObjectRef<Integer> inner = Manta.get(outer, Duration.ofMinutes(2));
    // ownsPending wrote the marker before it returned
    long owner = Long.parseLong(Files.readString(marker));
    ProcessHandle.of(owner).orElseThrow().destroyForcibly();

    assertThatThrownBy(() -> Manta.get(inner))
        .isInstanceOf(OwnerDiedException.class)
        .hasMessageContaining(inner.id())
        .hasMessageContaining("owner");
    assertThatThrownBy(() -> Manta.get(inner, Duration.ofSeconds(30)))
        .isInstanceOf(OwnerDiedException.class)
        .satisfies(e -> assertThat(((OwnerDiedException) e).objectId()).isEqualTo(inner.id()));
  }
}
