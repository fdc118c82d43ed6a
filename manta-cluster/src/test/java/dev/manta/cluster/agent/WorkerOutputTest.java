package dev.manta.cluster.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.manta.cluster.proto.OutputLine;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerOutputTest {
  /** Records what a stream got. */
  static final class Recorder implements StreamObserver<OutputLine> {
    final List<String> lines = new ArrayList<>();
    boolean completed;

    @Override
    public void onNext(OutputLine l) {
      lines.add(l.getPid() + (l.getStderr() ? " err " : " out ") + l.getText());
    }

    @Override
    public void onError(Throwable t) {
      throw new AssertionError(t);
    }

    @Override
    public void onCompleted() {
      completed = true;
    }
  }

  @Test
  void linesBeforeTheDriverAsks_areKept_thenEachNewOne_untilTheJobEnds() {
    WorkerOutput out = new WorkerOutput("node1", "127.0.0.1");
    out.line("job", 7, false, "early");
    out.line("other", 8, false, "not this job's");
    Recorder r = new Recorder();
    out.subscribe("job", r);
    out.line("job", 7, true, "late");
    assertThat(r.lines).containsExactly("7 out early", "7 err late");
    assertThat(r.completed).isFalse();

    out.end("job");
    out.line("job", 7, false, "after the end");
    assertThat(r.completed).isTrue();
    assertThat(r.lines).hasSize(2);
    Recorder late = new Recorder();
    out.subscribe("job", late);
    assertThat(late.completed).isTrue();
    assertThat(late.lines).isEmpty();
  }

  @Test
  void theBacklogKeepsTheNewestLines() {
    WorkerOutput out = new WorkerOutput("node1", "127.0.0.1");
    for (int i = 0; i < WorkerOutput.BACKLOG + 5; i++) {
      out.line("job", 1, false, "line " + i);
    }
    Recorder r = new Recorder();
    out.subscribe("job", r);
    assertThat(r.lines).hasSize(WorkerOutput.BACKLOG).startsWith("1 out line 5");
  }

  @Test
  void theWorkersOwnLogLinesBelowWarn_stayInItsLog() {
    assertThat(WorkerOutput.forDriver(true, "[main] INFO dev.manta.cluster.worker.X - started"))
        .isFalse();
    assertThat(WorkerOutput.forDriver(true, "[main] WARN dev.manta.cluster.worker.X - slow"))
        .isTrue();
    assertThat(WorkerOutput.forDriver(true, "a user's line")).isTrue();
    assertThat(WorkerOutput.forDriver(false, "[main] INFO x - printed to stdout")).isTrue();
  }
}
