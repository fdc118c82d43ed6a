package dev.manta.bench.jmh;

import dev.manta.Manta;
import dev.manta.MantaConfig;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Manta's embedded runtime, with one CPU per core, for the length of one benchmark trial. */
@State(Scope.Benchmark)
public class MantaState {
  /** Starts Manta. */
  @Setup(Level.Trial)
  public void start() {
    Manta.init(MantaConfig.builder().numCpus(Runtime.getRuntime().availableProcessors()).build());
  }

  /** Stops Manta. */
  @TearDown(Level.Trial)
  public void stop() {
    Manta.shutdown();
  }
}
