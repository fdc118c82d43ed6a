package dev.manta.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.TaskId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskRecordsTest {
  @Test
  void started_thenEnded_isListedWithStateAndTimes() {
    TaskRecords r = new TaskRecords();
    TaskRecords.Run a = r.started(new TaskId(1, 1), "square", "task", null, 0);
    TaskRecords.Run b = r.started(new TaskId(1, 2), "add", "actor call", new ActorId(1, 9), 2);
    r.ended(a, "FINISHED");
    List<TaskRecord> s = r.snapshot();
    assertThat(s).extracting(TaskRecord::name).containsExactly("square", "add");
    TaskRecord first = s.get(0);
    assertThat(first.state()).isEqualTo("FINISHED");
    assertThat(first.endMicros()).isGreaterThanOrEqualTo(first.startMicros());
    assertThat(first.actorId()).isEmpty();
    assertThat(first.threadId()).isEqualTo(Thread.currentThread().threadId());
    TaskRecord second = s.get(1);
    assertThat(second.state()).isEqualTo("RUNNING");
    assertThat(second.endMicros()).isZero();
    assertThat(second.actorId()).isEqualTo(new ActorId(1, 9).hex());
    assertThat(second.attempt()).isEqualTo(2);
    r.ended(b, "FAILED");
    assertThat(r.snapshot().get(1).state()).isEqualTo("FAILED");
  }

  @Test
  void moreRunsThanCapacity_keepsOnlyTheLast() {
    TaskRecords r = new TaskRecords();
    int n = TaskRecords.CAPACITY + 10;
    for (int i = 1; i <= n; i++) {
      r.ended(r.started(new TaskId(7, i), "t" + i, "task", null, 0), "FINISHED");
    }
    List<TaskRecord> s = r.snapshot();
    assertThat(s).hasSize(TaskRecords.CAPACITY);
    assertThat(s.get(0).name()).isEqualTo("t11");
    assertThat(s.get(s.size() - 1).name()).isEqualTo("t" + n);
  }
}
