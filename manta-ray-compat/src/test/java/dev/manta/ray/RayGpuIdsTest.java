package dev.manta.ray;

import static org.assertj.core.api.Assertions.assertThat;

import io.ray.api.ActorHandle;
import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import io.ray.api.runtimecontext.ResourceValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GPU ids on the embedded runtime, as Ray's raylet assigns them: a node of 3 GPUs ({@code
 * --num-gpus=3}) gives each task or actor that asks for whole GPUs ids of its own among 0, 1 and 2,
 * and fractions of a GPU share one id.
 */
class RayGpuIdsTest {
  private static volatile CountDownLatch meet;
  private static final Set<Long> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() {
    System.setProperty("ray.run-mode", "LOCAL");
    System.setProperty("ray.head-args.0", "--num-cpus=4");
    System.setProperty("ray.head-args.1", "--num-gpus=3");
    try {
      Ray.init();
    } finally {
      System.clearProperty("ray.run-mode");
      System.clearProperty("ray.head-args.0");
      System.clearProperty("ray.head-args.1");
    }
  }

  @AfterEach
  void stop() {
    Ray.shutdown();
  }

  static List<Long> gpuIds() {
    return Ray.getRuntimeContext().getGpuIds();
  }

  /** The task's GPU ids, once {@code n} such tasks run at once. */
  static List<Long> gpuIdsTogether() throws InterruptedException {
    meet.countDown();
    if (!meet.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the other tasks did not run at the same time");
    }
    return gpuIds();
  }

  static double gpuShareOfResourceIds() {
    Map<String, List<ResourceValue>> ids = Ray.internal().getAvailableResourceIds();
    return ids.get("GPU").stream().mapToDouble(v -> v.capacity).sum();
  }

  /** Whether no other task held this task's GPU id while it ran. */
  static boolean holdsItsGpuAlone() {
    long id = gpuIds().get(0);
    if (!HELD.add(id)) {
      return false;
    }
    try {
      boolean same = true;
      for (int i = 0; i < 1000; i++) { // time for the other tasks to overlap this one
        same &= gpuIds().equals(List.of(id));
      }
      return same;
    } finally {
      HELD.remove(id);
    }
  }

  /** An actor that reports its GPU ids. */
  public static class GpuActor {
    public List<Long> ids() {
      return Ray.getRuntimeContext().getGpuIds();
    }
  }

  @Test
  void concurrentTasks_eachGetGpusOfTheirOwn_andTasksWithoutGpusNone() throws Exception {
    meet = new CountDownLatch(3);
    List<ObjectRef<List<Long>>> refs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      refs.add(Ray.task(RayGpuIdsTest::gpuIdsTogether).setResource("GPU", 1.0).remote());
    }
    Set<Long> seen = new HashSet<>();
    for (List<Long> ids : Ray.get(refs)) {
      assertThat(ids).hasSize(1);
      seen.addAll(ids);
    }
    assertThat(seen).containsExactlyInAnyOrder(0L, 1L, 2L);
    assertThat(Ray.task(RayGpuIdsTest::gpuIds).setResource("GPU", 2.0).remote().get())
        .hasSize(2)
        .doesNotHaveDuplicates()
        .allMatch(id -> id >= 0 && id < 3);
    assertThat(Ray.task(RayGpuIdsTest::gpuIds).remote().get()).isEmpty();
    assertThat(
            Ray.task(RayGpuIdsTest::gpuShareOfResourceIds).setResource("GPU", 1.0).remote().get())
        .isEqualTo(1.0);
    assertThat(gpuIds()).as("the driver holds none").isEmpty();
  }

  @Test
  void manyConcurrentGpuTasks_neverShareAWholeGpu() {
    List<ObjectRef<Boolean>> refs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      refs.add(Ray.task(RayGpuIdsTest::holdsItsGpuAlone).setResource("GPU", 1.0).remote());
    }
    assertThat(Ray.get(refs)).containsOnly(true);
  }

  @Test
  void actors_holdTheirGpuIds_fractionsShareOne_andAKilledActorsIdIsFreeAgain() {
    ActorHandle<GpuActor> a = Ray.actor(GpuActor::new).setResource("GPU", 1.0).remote();
    ActorHandle<GpuActor> b = Ray.actor(GpuActor::new).setResource("GPU", 1.0).remote();
    List<Long> idsA = a.task(GpuActor::ids).remote().get();
    List<Long> idsB = b.task(GpuActor::ids).remote().get();
    assertThat(idsA).hasSize(1);
    assertThat(idsB).hasSize(1).doesNotContainAnyElementsOf(idsA);
    assertThat(a.task(GpuActor::ids).remote().get()).as("held across calls").isEqualTo(idsA);

    ActorHandle<GpuActor> half1 = Ray.actor(GpuActor::new).setResource("GPU", 0.5).remote();
    ActorHandle<GpuActor> half2 = Ray.actor(GpuActor::new).setResource("GPU", 0.5).remote();
    List<Long> h1 = half1.task(GpuActor::ids).remote().get();
    assertThat(h1).hasSize(1).doesNotContainAnyElementsOf(idsA).doesNotContainAnyElementsOf(idsB);
    assertThat(half2.task(GpuActor::ids).remote().get()).isEqualTo(h1);

    a.kill();
    ActorHandle<GpuActor> c = Ray.actor(GpuActor::new).setResource("GPU", 1.0).remote();
    assertThat(c.task(GpuActor::ids).remote().get()).isEqualTo(idsA);
  }
}
