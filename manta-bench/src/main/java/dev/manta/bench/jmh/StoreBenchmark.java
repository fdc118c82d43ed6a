package dev.manta.bench.jmh;

import dev.manta.Manta;
import dev.manta.ObjectRef;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The object store through the API: put, get of a present object, and put + free. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class StoreBenchmark {
  /** A byte array of {@code bytes} and a ref to a stored copy of it. */
  @State(Scope.Benchmark)
  public static class Value {
    /** 8 B is an inline-sized value; 1 MiB goes past the 100 KiB inline threshold. */
    @Param({"8", "1048576"})
    public int bytes;

    byte[] value;
    ObjectRef<byte[]> stored;

    /** Makes the value and stores one copy for the get benchmark. */
    @Setup(Level.Trial)
    public void make(MantaState manta) {
      value = new byte[bytes];
      stored = Manta.put(value);
    }
  }

  /** Put, dropping the ref (freed when the GC clears it). */
  @Benchmark
  public ObjectRef<byte[]> put(Value v) {
    return Manta.put(v.value);
  }

  /** Get of an object already in the store (a private copy each time). */
  @Benchmark
  public byte[] get(Value v) {
    return Manta.get(v.stored);
  }

  /** Put, then free at once: store memory stays flat. */
  @Benchmark
  public void putThenFree(Value v) {
    Manta.free(List.of(Manta.put(v.value)));
  }
}
