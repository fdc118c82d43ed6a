package dev.manta.processor.example;

import dev.manta.ActorHandle;
import dev.manta.Manta;
import dev.manta.ObjectRef;

/**
 * The same program twice: with the method-reference API and with the generated stubs. The README of
 * manta-processor quotes both bodies (between the {@code // begin} and {@code // end} marks).
 */
public final class ExamplePrograms {
  private ExamplePrograms() {}

  /** With the method-reference API. */
  public static String plain() {
    // begin plain
    ObjectRef<long[]> data = Manta.put(new long[] {3, 4, 5, 8});
    ObjectRef<Long> total = Manta.task(Stats::sum, data).remote();
    ObjectRef<Double> mean = Manta.task(Stats::mean, total, 4).numCpus(0.5).remote();
    ObjectRef<Long> parsed = Manta.task(Stats::parse, "42").maxRetries(0).remote();
    ActorHandle<Counter> hits =
        Manta.actor(Counter::new, 10L).name("hits-plain").maxPendingCalls(1_000).remote();
    hits.task(Counter::add, total).remote();
    hits.task(Counter::add, parsed).remote();
    ObjectRef<Long> after = hits.task(Counter::increment).remote();
    ObjectRef<String> text = hits.taskAsync(Counter::describe).remote();
    // end plain
    return mean.get() + " " + after.get() + " " + text.get();
  }

  /** With the stubs that manta-processor generates. */
  public static String withStubs() {
    // begin stubs
    ObjectRef<long[]> data = Manta.put(new long[] {3, 4, 5, 8});
    ObjectRef<Long> total = Stats_.sum(data);
    ObjectRef<Double> mean = Stats_.mean(total, 4);
    ObjectRef<Long> parsed = Stats_.parse("42");
    CounterActor hits = CounterActor.builder().name("hits-stubs").remote(10L);
    hits.add(total);
    hits.add(parsed);
    ObjectRef<Long> after = hits.increment();
    ObjectRef<String> text = hits.describe();
    // end stubs
    return mean.get() + " " + after.get() + " " + text.get();
  }
}
