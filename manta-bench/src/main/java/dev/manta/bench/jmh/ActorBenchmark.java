package dev.manta.bench.jmh;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** An actor call: one round trip, and 1000 calls then one get. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class ActorBenchmark {
  /** The actor: returns its argument. */
  public static final class Echo {
    /** Creates the actor. */
    public Echo() {}

    /** Returns {@code x}. */
    public int echo(int x) {
      return x;
    }
  }

  /** One actor, created once per trial (after Manta starts). */
  @State(Scope.Benchmark)
  public static class ActorState {
    ActorHandle<Echo> actor;

    /** Creates the actor and waits until it answers. */
    @Setup(Level.Trial)
    public void create(MantaState manta) {
      actor = Manta.actor(Echo::new).remote();
      Manta.get(actor.task(Echo::echo, 0).remote());
    }
  }

  /** One call and its get (Ray's {@code 1:1 actor calls sync}). */
  @Benchmark
  public int callAndGet(ActorState s) {
    return Manta.get(s.actor.task(Echo::echo, 1).remote());
  }

  /** 1000 calls, then one get of all; the score is calls per second. */
  @Benchmark
  @OperationsPerInvocation(1000)
  public int callBatchThenGet(ActorState s) {
    List<ObjectRef<Integer>> refs = new ArrayList<>(1000);
    for (int i = 0; i < 1000; i++) {
      refs.add(s.actor.task(Echo::echo, i).remote());
    }
    return Manta.get(refs).size();
  }
}
