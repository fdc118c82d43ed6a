package dev.manta.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.ObjectFreedException;
import dev.manta.ObjectStoreFullException;
import dev.manta.ObjectStoreStats;
import dev.manta.runtime.id.Ids;
import dev.manta.runtime.id.ObjectId;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeStoreTest {
  private static final int KIB = 1024;
  private final Ids ids = new Ids(42);
  @TempDir Path spillDir;
  private NodeStore store;

  private NodeStore open(long capacity, Duration fullTimeout) {
    store = new NodeStore(capacity, spillDir, fullTimeout);
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.checkInvariants();
      store.close();
    }
  }

  private static byte[] pattern(int size, int seed) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    return b;
  }

  private static byte[] read(NodeStore s, ObjectId id) {
    try (NodeStore.Pin p = s.pin(id)) {
      byte[] out = new byte[p.bytes().remaining()];
      p.bytes().duplicate().get(out);
      return out;
    }
  }

  @Test
  void putThenPin_returnsSameBytes_andAccountsExactly() {
    NodeStore s = open(1 << 20, Duration.ofSeconds(1));
    ObjectId id = ids.nextPut();
    s.put(id, pattern(1000, 1), 0);
    assertThat(read(s, id)).isEqualTo(pattern(1000, 1));
    assertThat(s.stats().usedBytes()).isEqualTo(1024); // 1000 rounded up to 64-byte blocks
    assertThat(s.stats().pinnedBytes()).isZero();
    try (NodeStore.Pin p = s.pin(id)) {
      assertThat(p.bytes().remaining()).isEqualTo(1000);
      assertThat(s.stats().pinnedBytes()).isEqualTo(1024);
      s.checkInvariants();
    }
    s.free(id);
    assertThat(s.stats().usedBytes()).isZero();
  }

  @Test
  void put_whenFull_spillsLeastRecentlyUsed_andRestoresOnRead() {
    NodeStore s = open(100 * KIB, Duration.ofSeconds(1));
    List<ObjectId> objs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ObjectId id = ids.nextPut();
      s.put(id, pattern(30 * KIB, i), 0);
      objs.add(id);
      s.checkInvariants();
    }
    assertThat(s.stats().spillsTotal()).isGreaterThanOrEqualTo(7);
    assertThat(s.where(objs.get(0))).isEqualTo("spilled");
    assertThat(s.where(objs.get(9))).isEqualTo("store");
    for (int i = 0; i < 10; i++) {
      assertThat(read(s, objs.get(i))).as("object " + i).isEqualTo(pattern(30 * KIB, i));
      s.checkInvariants();
    }
    assertThat(s.stats().restoresTotal()).isGreaterThanOrEqualTo(7);
    assertThat(s.stats().peakUsedBytes()).isLessThanOrEqualTo(100 * KIB);
  }

  @Test
  void put_largerThanCapacity_failsNamingSizes() {
    NodeStore s = open(64 * KIB, Duration.ofSeconds(1));
    assertThatThrownBy(() -> s.put(ids.nextPut(), new byte[65 * KIB], 0))
        .isInstanceOf(ObjectStoreFullException.class)
        .hasMessageContaining("66560 bytes")
        .hasMessageContaining("capacity of 65536")
        .hasMessageContaining("objectStoreBytes");
  }

  @Test
  void full_namesTheSettingOfTheModeTheStoreRunsIn() {
    NodeStore s = open(64 * KIB, Duration.ofMillis(100));
    assertThatThrownBy(() -> s.put(ids.nextPut(), new byte[65 * KIB], 0))
        .hasMessageContaining("raise " + NodeStore.EMBEDDED_SIZE_SETTING);
    s.close();
    store = new NodeStore(64 * KIB, spillDir, Duration.ofMillis(100), true, "the node's --option");
    ObjectId a = ids.nextPut();
    store.put(a, new byte[60 * KIB], 0);
    try (NodeStore.Pin p = store.pin(a)) {
      assertThatThrownBy(() -> store.put(ids.nextPut(), new byte[10 * KIB], 0))
          .isInstanceOf(ObjectStoreFullException.class)
          .hasMessageContaining("The object store is full")
          .hasMessageEndingWith("raise the node's --option")
          .hasMessageNotContaining("objectStoreBytes");
    }
  }

  @Test
  void put_whenEverythingIsPinned_waitsThenFailsWithUsedPinnedRequested() {
    NodeStore s = open(64 * KIB, Duration.ofMillis(200));
    ObjectId a = ids.nextPut();
    s.put(a, new byte[60 * KIB], 0);
    try (NodeStore.Pin p = s.pin(a)) {
      assertThat(p.bytes().remaining()).isEqualTo(60 * KIB);
      assertThatThrownBy(() -> s.put(ids.nextPut(), new byte[10 * KIB], 0))
          .isInstanceOf(ObjectStoreFullException.class)
          .hasMessageContaining("needs 10240 bytes")
          .hasMessageContaining("61440 of 65536 bytes are used")
          .hasMessageContaining("61440 of them are pinned");
    }
  }

  @Test
  void put_waitingForRoom_proceedsWhenAPinIsReleased() throws Exception {
    NodeStore s = open(64 * KIB, Duration.ofSeconds(30));
    ObjectId a = ids.nextPut();
    s.put(a, new byte[60 * KIB], 0);
    NodeStore.Pin pin = s.pin(a);
    var putter = Thread.ofVirtual().start(() -> s.put(ids.nextPut(), new byte[10 * KIB], 0));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> putter.getState() == Thread.State.TIMED_WAITING);
    pin.close();
    putter.join(Duration.ofSeconds(30));
    assertThat(putter.isAlive()).isFalse();
    assertThat(s.where(a)).isEqualTo("spilled");
  }

  @Test
  void spill_toUnwritableDirectory_failsClearly() throws Exception {
    Path notADir = Files.createFile(spillDir.resolve("file"));
    store = new NodeStore(64 * KIB, notADir.resolve("sub"), Duration.ofSeconds(1));
    store.put(ids.nextPut(), new byte[40 * KIB], 0);
    assertThatThrownBy(() -> store.put(ids.nextPut(), new byte[40 * KIB], 0))
        .isInstanceOf(ObjectStoreFullException.class)
        .hasMessageContaining("Cannot spill")
        .hasMessageContaining("spill directory");
  }

  @Test
  void free_deletesSpillFiles_andFreedObjectsCannotBeRead() throws Exception {
    NodeStore s = open(64 * KIB, Duration.ofSeconds(1));
    List<ObjectId> objs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ObjectId id = ids.nextPut();
      s.put(id, new byte[30 * KIB], 0);
      objs.add(id);
    }
    assertThat(spillFiles()).isNotEmpty();
    objs.forEach(s::free);
    assertThat(s.stats().spilledCount()).isZero();
    assertThat(s.stats().spilledBytes()).isZero();
    assertThat(s.stats().usedBytes()).isZero();
    assertThat(spillFiles()).as("the file being written to goes too").isEmpty();
    assertThatThrownBy(() -> s.pin(objs.get(0))).isInstanceOf(ObjectFreedException.class);
    List<ObjectId> again = new ArrayList<>();
    for (int i = 0; i < 6; i++) { // spilling again starts a new file
      ObjectId id = ids.nextPut();
      s.put(id, pattern(30 * KIB, i), 0);
      again.add(id);
    }
    assertThat(spillFiles()).isNotEmpty();
    for (int i = 0; i < 6; i++) {
      assertThat(read(s, again.get(i))).isEqualTo(pattern(30 * KIB, i));
    }
    again.forEach(s::free);
    assertThat(spillFiles()).isEmpty();
    s.close();
    store = null;
    assertThat(spillFiles()).isEmpty();
  }

  @Test
  void spillFilesAndTheSharedMemoryFile_areOwnerOnly() throws Exception {
    Path spill = spillDir.resolve("new-folder");
    NodeStore s = new NodeStore(64 * KIB, spill, Duration.ofSeconds(1), true);
    store = s;
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file())))
        .as("the store's memory, %s", s.file())
        .isEqualTo("rw-------");
    for (int i = 0; i < 6; i++) {
      s.put(ids.nextPut(), new byte[30 * KIB], 0);
    }
    List<Path> files;
    try (var list = Files.list(spill)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(".bin")).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
          .as("spill file %s", f)
          .isEqualTo("rw-------");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spill)))
        .as("the spill folder it made")
        .isEqualTo("rwx------");
  }

  @Test
  void startUp_removesSpillFilesOfDeadProcesses() throws Exception {
    Path stale = Files.createFile(spillDir.resolve("manta-spill-2147483646-x-0.bin"));
    Path live =
        Files.createFile(
            spillDir.resolve("manta-spill-" + ProcessHandle.current().pid() + "-y-0.bin"));
    open(64 * KIB, Duration.ofSeconds(1));
    assertThat(stale).doesNotExist();
    assertThat(live).exists();
    Files.delete(live);
  }

  @Test
  void put_whenFull_reclaimsUnreachableObjectsBeforeSpillingAny() throws Exception {
    NodeStore s = open(64 * KIB, Duration.ofSeconds(1));
    java.util.ArrayDeque<ObjectId> dropped = new java.util.ArrayDeque<>(); // "refs" gone
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    s.reclaimer(
        () -> {
          calls.incrementAndGet();
          while (!dropped.isEmpty()) {
            s.free(dropped.poll()); // takes the store's lock: the store must not hold it here
          }
        });
    for (int i = 0; i < 40; i++) { // 40 x 30 KiB through a 64 KiB store, each dropped after put
      ObjectId id = ids.nextPut();
      s.put(id, pattern(30 * KIB, i), 0);
      assertThat(read(s, id)).isEqualTo(pattern(30 * KIB, i));
      dropped.add(id);
    }
    ObjectStoreStats st = s.stats();
    assertThat(st.spillsTotal()).as("%s", st).isZero();
    assertThat(spillFiles()).isEmpty();
    assertThat(st.reclaimsTotal()).isEqualTo(calls.get()).isPositive();
    assertThat(st.reclaimedBytesTotal()).isGreaterThanOrEqualTo(st.reclaimsTotal() * 30 * KIB);
    assertThat(st.reclaimNanosTotal()).isPositive();
    dropped.forEach(s::free);
  }

  /**
   * An early reclaim (one that only lets a large object reuse memory written before) pauses the
   * next early ones four times as long as it took: meanwhile large puts use memory never written.
   * Before, with a collector that frees dropped refs only in full collections (the serial one of
   * worker JVMs), each early reclaim freed about one object and every large put paid for one.
   */
  @Test
  void earlyReclaims_pauseForFourTimesTheirCost_andLargePutsUseFreshMemoryMeanwhile()
      throws Exception {
    int big = (int) NodeStore.EARLY_RECLAIM_MIN_BYTES;
    NodeStore s = open(4L * big, Duration.ofSeconds(5));
    byte[] value = new byte[big];
    ObjectId first = ids.nextPut();
    s.put(first, value, 0);
    s.free(first); // one block of written memory, free
    java.util.ArrayDeque<ObjectId> dropped = new java.util.ArrayDeque<>(); // "refs" gone
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    s.reclaimer(
        () -> {
          calls.incrementAndGet();
          try {
            Thread.sleep(500); // stands for what a full collection of the owner's heap costs
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          while (!dropped.isEmpty()) {
            s.free(dropped.poll());
          }
        });
    ObjectId a = ids.nextPut();
    s.put(a, value, 0); // into the written block
    dropped.add(a);
    ObjectId b = ids.nextPut();
    s.put(b, value, 0); // the written block is a's: an early reclaim frees a, b reuses it
    assertThat(calls.get()).isEqualTo(1);
    dropped.add(b);
    ObjectId c = ids.nextPut();
    s.put(c, value, 0); // within the pause (about 2 s): fresh memory, no second reclaim
    assertThat(calls.get()).as("reclaims").isEqualTo(1);
    ObjectStoreStats st = s.stats();
    assertThat(st.spillsTotal()).isZero();
    assertThat(st.usedBytes()).isEqualTo(2L * big); // b and c: dropped b waits for a reclaim
    s.free(b);
    s.free(c);
  }

  @Test
  void put_whenLiveObjectsExceedTheStore_spillsAndLosesNone_andBacksOffReclaiming() {
    NodeStore s = open(64 * KIB, Duration.ofSeconds(1));
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    s.reclaimer(calls::incrementAndGet); // nothing is unreachable: every object stays referenced
    List<ObjectId> live = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ObjectId id = ids.nextPut();
      s.put(id, pattern(30 * KIB, i), 0);
      live.add(id);
    }
    for (int i = 0; i < 40; i++) {
      assertThat(read(s, live.get(i))).as("object %d", i).isEqualTo(pattern(30 * KIB, i));
    }
    ObjectStoreStats st = s.stats();
    assertThat(st.spillsTotal()).isGreaterThanOrEqualTo(38);
    // A useless reclaim makes the next ones wait (100 ms, doubling): a fast loop meets few.
    assertThat(calls.get()).as("reclaims while spilling 40 objects").isLessThan(10);
    assertThat(st.reclaimedBytesTotal()).isZero();
    live.forEach(s::free);
  }

  @Test
  void reserveIfRoom_neverSpills_andWaitsForAFreeToMakeRoom() throws Exception {
    NodeStore s = open(64 * KIB, Duration.ofSeconds(1));
    ObjectId a = ids.nextPut();
    ObjectId b = ids.nextPut();
    s.put(a, new byte[30 * KIB], 0);
    s.put(b, new byte[30 * KIB], 0);
    ObjectId c = ids.nextPut();
    assertThat(s.reserveIfRoom(c, 30 * KIB, Duration.ZERO)).isEqualTo(-1);
    assertThat(s.stats().spillsTotal()).isZero();
    java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
    var reserved =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              waiting.countDown();
              return s.reserveIfRoom(c, 30 * KIB, Duration.ofSeconds(30));
            });
    waiting.await();
    s.free(a); // the free an owner sent after its reclaim
    assertThat(reserved.get(30, java.util.concurrent.TimeUnit.SECONDS)).isNotNegative();
    s.seal(c);
    assertThat(s.stats().spillsTotal()).isZero();
    s.free(b);
    s.free(c);
  }

  @Test
  void free_whilePinned_releasesWhenUnpinned() {
    NodeStore s = open(64 * KIB, Duration.ofSeconds(1));
    ObjectId a = ids.nextPut();
    s.put(a, pattern(10 * KIB, 3), 0);
    NodeStore.Pin p = s.pin(a);
    s.free(a);
    assertThat(s.stats().usedBytes()).isEqualTo(10 * KIB);
    byte[] seen = new byte[10 * KIB];
    p.bytes().duplicate().get(seen);
    assertThat(seen).isEqualTo(pattern(10 * KIB, 3));
    p.close();
    assertThat(s.stats().usedBytes()).isZero();
  }

  @Test
  void view_isReadOnlyZeroCopy_andPinsUntilUnreachable() {
    NodeStore s = open(256 * KIB, Duration.ofSeconds(1));
    ObjectId a = ids.nextPut();
    s.put(a, pattern(100 * KIB, 5), 0);
    ByteBuffer view = s.view(a);
    assertThat(view.isReadOnly()).isTrue();
    assertThat(view.isDirect()).isTrue();
    assertThat(view.get(777)).isEqualTo(pattern(100 * KIB, 5)[777]);
    ByteBuffer slice = view.slice(10, 10);
    assertThat(s.isPinned(a)).isTrue();
    view = null; // the slice alone must keep the pin
    System.gc();
    assertThat(s.isPinned(a)).isTrue();
    assertThat(slice.get(0)).isEqualTo(pattern(100 * KIB, 5)[10]);
    slice = null;
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              System.gc();
              return !s.isPinned(a);
            });
  }

  @Test
  void randomPutPinFree_keepInvariants() {
    long seed = System.nanoTime();
    var rnd = new java.util.SplittableRandom(seed);
    NodeStore s = open(512 * KIB, Duration.ofMillis(100));
    List<ObjectId> live = new ArrayList<>();
    List<byte[]> data = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int op = rnd.nextInt(3);
      if (op == 0 || live.isEmpty()) {
        ObjectId id = ids.nextPut();
        byte[] b = pattern(1 + rnd.nextInt(100 * KIB), i);
        s.put(id, b, 0);
        live.add(id);
        data.add(b);
      } else if (op == 1) {
        int k = rnd.nextInt(live.size());
        assertThat(read(s, live.get(k))).as("seed " + seed).isEqualTo(data.get(k));
      } else {
        int k = rnd.nextInt(live.size());
        s.free(live.remove(k));
        data.remove(k);
      }
      s.checkInvariants();
    }
  }

  private List<Path> spillFiles() throws Exception {
    try (Stream<Path> files = Files.list(spillDir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("manta-spill-")).toList();
    }
  }
}
