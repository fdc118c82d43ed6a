package dev.manta.bench.jmh;

import dev.manta.runtime.serial.Serializer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Manta's serializer alone (Fory with Manta's pool and checks), without a runtime: a round trip of
 * a boxed int, a small record, and a list of 100 records.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class SerializerBenchmark {
  /** A small record, like a typical task argument. */
  public record Point(long id, double x, double y, String label) {}

  private Serializer serializer;
  private Point point;
  private List<Point> points;

  /** Builds the serializer and the values. */
  @Setup
  public void setup() {
    serializer = new Serializer(List.of(), SerializerBenchmark.class.getClassLoader());
    point = new Point(42, 1.5, -2.5, "p");
    points = new ArrayList<>(100);
    for (int i = 0; i < 100; i++) {
      points.add(new Point(i, i * 0.5, -i, "p" + i));
    }
  }

  /** Serialize and deserialize the int 0 (Ray's put/get rows store it). */
  @Benchmark
  public Object intRoundTrip() {
    return serializer.deserialize(serializer.serialize(0, h -> {}));
  }

  /** Serialize and deserialize one small record. */
  @Benchmark
  public Object recordRoundTrip() {
    return serializer.deserialize(serializer.serialize(point, h -> {}));
  }

  /** Serialize and deserialize a list of 100 small records. */
  @Benchmark
  public Object listRoundTrip() {
    return serializer.deserialize(serializer.serialize(points, h -> {}));
  }
}
