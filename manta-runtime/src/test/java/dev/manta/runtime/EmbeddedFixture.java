package dev.manta.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.ObjectStoreStats;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded runtime in this JVM (2 CPUs unless told otherwise). After a passing test, while it
 * still runs: every object of the reference table is freed (the test's refs and handles are
 * unreachable now), the node store holds nothing (no bytes, objects, pins or spilled objects) and
 * passes {@code checkInvariants()}, and no task runs. After shutdown: no task or actor thread, no
 * live actor, no {@code manta-} platform thread.
 */
public final class EmbeddedFixture implements MantaFixture {
  /** Implemented by a suite's embedded subclass: its tests run on a fresh embedded runtime. */
  public interface Source extends MantaFixture.Source<EmbeddedFixture> {
    @Override
    default EmbeddedFixture fixture() {
      return new EmbeddedFixture();
    }
  }

  private final MantaConfig config;

  /** The embedded runtime with 2 CPUs. */
  public EmbeddedFixture() {
    this(MantaConfig.builder().numCpus(2).build());
  }

  /** The embedded runtime with {@code config}. */
  public EmbeddedFixture(MantaConfig config) {
    this.config = config;
  }

  @Override
  public boolean isEmbedded() {
    return true;
  }

  @Override
  public void start() {
    Manta.init(config);
  }

  @Override
  public void checkNothingLeft() {
    CoreWorker w = MantaTestSupport.current();
    w.store().checkInvariants();
    // Tests may re-init Manta (a custom configuration): the runtime checked is the one running now.
    MantaTestSupport.awaitNoneLeft(
        "what the test left in the embedded runtime after its refs and handles were dropped",
        () -> left(w));
    w.store().checkInvariants();
  }

  private static List<String> left(CoreWorker w) {
    List<String> out = new ArrayList<>(MantaTestSupport.leftObjects(w, o -> true));
    ObjectStoreStats s = w.storeStats();
    if (s.usedBytes() != 0 || s.objectCount() != 0 || s.pinnedBytes() != 0) {
      out.add("node store not empty: " + s);
    } else if (s.spilledCount() != 0 || s.spilledBytes() != 0) {
      out.add("spilled objects left: " + s);
    }
    long trackers = w.table().trackedCount();
    if (trackers != 0) {
      out.add(trackers + " weak trackers of refs or handles not yet processed");
    }
    int running = w.runningTasks();
    if (running != 0) {
      out.add(running + " tasks still running");
    }
    return out;
  }

  @Override
  public void checkStopped(CoreWorker last) {
    if (last != null) {
      assertThat(last.liveThreads()).as("task/actor threads after shutdown").isZero();
      assertThat(last.liveActors()).as("live actors after shutdown").isZero();
    }
    assertThat(MantaTestSupport.mantaPlatformThreads())
        .as("manta- platform threads after shutdown")
        .isEmpty();
  }

  @Override
  public String toString() {
    return "embedded " + config;
  }
}
