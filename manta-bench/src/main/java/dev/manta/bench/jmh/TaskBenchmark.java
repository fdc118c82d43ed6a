package dev.manta.bench.jmh;

import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** A task's submit and completion: one round trip, and a batch of 1000 then one get. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class TaskBenchmark {
  static int one() {
    return 1;
  }

  /** Submit one task and get its result (Ray's {@code single client tasks sync}). */
  @Benchmark
  public int submitAndGet(MantaState manta) {
    return Manta.get(Manta.task(TaskBenchmark::one).remote());
  }

  /** Submit 1000 tasks, then get them all; the score is tasks per second. */
  @Benchmark
  @OperationsPerInvocation(1000)
  public int submitBatchThenGet(MantaState manta) {
    List<ObjectRef<Integer>> refs = new ArrayList<>(1000);
    for (int i = 0; i < 1000; i++) {
      refs.add(Manta.task(TaskBenchmark::one).remote());
    }
    return Manta.get(refs).size();
  }
}
