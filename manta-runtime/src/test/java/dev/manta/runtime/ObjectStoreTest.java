package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.ObjectRef;
import dev.manta.ObjectStoreFullException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node store as users see it through the API. */
class ObjectStoreTest {
  @TempDir Path spill;

  @BeforeEach
  void start() {
    Manta.init(
        MantaConfig.builder().numCpus(2).objectStoreBytes(16 << 20).spillDirectory(spill).build());
  }

  @AfterEach
  void stop() {
    MantaTestSupport.current().store().checkInvariants();
    Manta.shutdown();
    assertThat(MantaTestSupport.mantaPlatformThreads()).isEmpty();
  }

  static double[] ramp(int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = i * 0.5;
    }
    return d;
  }

  static double sum(double[] d) {
    double s = 0;
    for (double x : d) {
      s += x;
    }
    return s;
  }

  @Test
  void largeValue_goesToTheStore_andComesBackIntact() {
    ObjectRef<double[]> r = Manta.put(ramp(200_000));
    assertThat(Manta.storeStats().usedBytes()).isGreaterThanOrEqualTo(1_600_000);
    assertThat(Manta.get(r)).isEqualTo(ramp(200_000));
    assertThat(Manta.task(ObjectStoreTest::sum, r).remote().get()).isEqualTo(sum(ramp(200_000)));
    assertThat(Manta.memorySummary()).contains("store");
  }

  @Test
  void smallValue_staysInline() {
    Manta.put(ramp(10));
    assertThat(Manta.storeStats().usedBytes()).isZero();
  }

  @Test
  void largeTaskResult_goesToTheStore() {
    ObjectRef<double[]> r = Manta.task(ObjectStoreTest::ramp, 100_000).remote();
    assertThat(r.get()).hasSize(100_000);
    assertThat(Manta.storeStats().usedBytes()).isGreaterThanOrEqualTo(800_000);
  }

  @Test
  void byteBuffer_getReturnsReadOnlyViewOfStoreMemory() {
    ByteBuffer src = ByteBuffer.allocate(1 << 20);
    for (int i = 0; i < src.capacity(); i++) {
      src.put(i, (byte) i);
    }
    ObjectRef<ByteBuffer> r = Manta.put(src);
    src.put(5, (byte) 99); // the store holds a copy
    ByteBuffer view = Manta.get(r);
    assertThat(view.isReadOnly()).isTrue();
    assertThat(view.isDirect()).isTrue();
    assertThat(view.remaining()).isEqualTo(1 << 20);
    assertThat(view.get(5)).isEqualTo((byte) 5);
    assertThat(view.get(300)).isEqualTo((byte) 300);
    assertThat(MantaTestSupport.current().store().stats().pinnedBytes()).isPositive();
  }

  @Test
  void valueLargerThanStore_failsAtPut() {
    assertThatThrownBy(() -> Manta.put(new byte[20 << 20]))
        .isInstanceOf(ObjectStoreFullException.class)
        .hasMessageContaining("larger than the object store");
  }

  @Test
  void liveObjectsBeyondCapacity_spillAndRestoreTransparently() {
    java.util.List<ObjectRef<double[]>> refs = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      double[] d = ramp(250_000); // 2 MB each: 24 MB live in a 16 MB store
      d[0] = i;
      refs.add(Manta.put(d));
    }
    assertThat(Manta.storeStats().spillsTotal()).isPositive();
    for (int i = 0; i < 12; i++) {
      double[] d = Manta.get(refs.get(i));
      assertThat(d[0]).isEqualTo(i);
      assertThat(d[1000]).isEqualTo(500.0);
    }
    assertThat(Manta.storeStats().restoresTotal()).isPositive();
    assertThat(Manta.storeStats().peakUsedBytes()).isLessThanOrEqualTo(16 << 20);
  }

  @Test
  void putsWhoseRefsAreDropped_areFreedToMakeRoom_notSpilled() {
    // 40 x 4 MB through a 16 MB store, each ref dropped at once (no free), as Ray's put rows do.
    long[] array = new long[500_000];
    for (int i = 0; i < 40; i++) {
      array[0] = i;
      ObjectRef<long[]> r = Manta.put(array);
      assertThat(Manta.get(r)[0]).isEqualTo(i);
    }
    var st = Manta.storeStats();
    assertThat(st.spillsTotal()).as("%s", st).isZero();
    assertThat(st.reclaimsTotal()).as("%s", st).isPositive();
    assertThat(st.reclaimedBytesTotal()).as("%s", st).isGreaterThanOrEqualTo(4_000_000L);
    assertThat(st.peakUsedBytes()).isLessThanOrEqualTo(16 << 20);
  }

  @Test
  @SuppressWarnings("UnusedVariable")
  void droppedRefs_freeStoreMemory() {
    ObjectRef<double[]> r = Manta.put(ramp(200_000));
    assertThat(Manta.storeStats().usedBytes()).isPositive();
    r = null;
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              System.gc();
              return Manta.storeStats().usedBytes() == 0;
            });
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void typedGet_andMistypedRefArguments_nameBothTypes() {
    ObjectRef<Integer> n = Manta.put(5);
    assertThat(Manta.get(n, Integer.class)).isEqualTo(5);
    assertThat(Manta.get(n, int.class)).isEqualTo(5);
    assertThatThrownBy(() -> Manta.get(n, String.class))
        .isInstanceOf(dev.manta.ObjectTypeException.class)
        .hasMessageContaining("java.lang.Integer")
        .hasMessageContaining("java.lang.String");
    ObjectRef<double[]> wrong = (ObjectRef) n;
    assertThatThrownBy(() -> Manta.task(ObjectStoreTest::sum, wrong).remote().get())
        .isInstanceOf(dev.manta.TaskException.class)
        .hasMessageContaining("expects a [D")
        .hasMessageContaining("holds a java.lang.Integer")
        .cause()
        .isInstanceOf(dev.manta.ObjectTypeException.class);
  }
}
