package dev.manta.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.MantaConfig;
import dev.manta.ObjectRef;
import dev.manta.TaskException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JFR recording of an embedded run holds one event per task run, actor construction and actor
 * call (asynchronous ones included), and one per spill and restore, with the fields JDK Mission
 * Control shows.
 */
class FlightRecorderEventsTest {
  @TempDir Path dir;

  @BeforeEach
  void start() {
    Manta.init(
        MantaConfig.builder()
            .numCpus(2)
            .objectStoreBytes(16 << 20)
            .spillDirectory(dir.resolve("spill"))
            .build());
  }

  @AfterEach
  void stop() {
    Manta.shutdown();
  }

  static int twice(int x) {
    return 2 * x;
  }

  static int fails(int x) {
    throw new IllegalStateException("no " + x);
  }

  /** An actor with a plain and an asynchronous method. */
  public static final class Counter {
    int n;

    public int add(int k) {
      n += k;
      return n;
    }

    public CompletionStage<Integer> later(int k) {
      return CompletableFuture.supplyAsync(() -> k + 1);
    }
  }

  @Test
  void tasksActorCallsSpillsAndRestores_areRecorded() throws Exception {
    Path file = dir.resolve("run.jfr");
    String actorId;
    // Runs before the recording starts, so the event classes are loaded and in use already.
    ActorHandle<Counter> early = Manta.actor(Counter::new).remote();
    assertThat(Manta.get(early.task(Counter::add, 1).remote())).isEqualTo(1);
    assertThat(Manta.get(Manta.task(FlightRecorderEventsTest::twice, 1).remote())).isEqualTo(2);
    try (Recording r = new Recording()) {
      for (String name :
          List.of(
              "dev.manta.TaskExecution",
              "dev.manta.ActorCall",
              "dev.manta.Spill",
              "dev.manta.Restore")) {
        r.enable(name).withoutThreshold();
      }
      r.start();

      assertThat(Manta.get(Manta.task(FlightRecorderEventsTest::twice, 21).remote())).isEqualTo(42);
      ObjectRef<Integer> bad = Manta.task(FlightRecorderEventsTest::fails, 1).remote();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Manta.get(bad))
          .isInstanceOf(TaskException.class);
      ActorHandle<Counter> c = Manta.actor(Counter::new).remote();
      actorId = c.id();
      assertThat(Manta.get(c.task(Counter::add, 5).remote())).isEqualTo(5);
      assertThat(Manta.get(c.taskAsync(Counter::later, 7).remote())).isEqualTo(8);
      List<ObjectRef<double[]>> big = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        double[] d = new double[250_000]; // 2 MB each: 24 MB live in a 16 MB store
        d[0] = i;
        big.add(Manta.put(d));
      }
      for (int i = 0; i < 12; i++) {
        assertThat(Manta.get(big.get(i))[0]).isEqualTo(i);
      }
      r.stop();
      r.dump(file);
    }

    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    Map<String, List<RecordedEvent>> byType =
        events.stream().collect(Collectors.groupingBy(e -> e.getEventType().getName()));

    List<RecordedEvent> tasks = byType.getOrDefault("dev.manta.TaskExecution", List.of());
    assertThat(tasks)
        .anySatisfy(
            e -> {
              assertThat(e.getString("name")).contains("twice");
              assertThat(e.getString("kind")).isEqualTo("task");
              assertThat(e.getString("outcome")).isEqualTo("ok");
              assertThat(e.getString("taskId")).isNotBlank();
            })
        .anySatisfy(
            e -> {
              assertThat(e.getString("name")).contains("fails");
              assertThat(e.getString("outcome")).isEqualTo("failed");
            })
        .anySatisfy(e -> assertThat(e.getString("kind")).isEqualTo("actor creation"));

    List<RecordedEvent> calls = byType.getOrDefault("dev.manta.ActorCall", List.of());
    assertThat(calls)
        .anySatisfy(
            e -> {
              assertThat(e.getString("method")).contains("add");
              assertThat(e.getString("actorClass")).isEqualTo(Counter.class.getName());
              assertThat(e.getString("actorId")).isEqualTo(actorId);
              assertThat(e.getString("outcome")).isEqualTo("ok");
            })
        .anySatisfy(e -> assertThat(e.getString("method")).contains("later"));

    assertThat(byType.getOrDefault("dev.manta.Spill", List.of()))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.getLong("bytes")).isGreaterThanOrEqualTo(2_000_000L));
    assertThat(byType.getOrDefault("dev.manta.Restore", List.of()))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.getString("objectId")).isNotBlank());
  }
}
