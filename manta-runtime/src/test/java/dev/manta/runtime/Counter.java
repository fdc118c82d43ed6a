package dev.manta.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A test actor. */
public final class Counter {
  private int value;
  private final List<String> log = new ArrayList<>();

  public Counter(int start) {
    this.value = start;
  }

  public Counter() {
    this(0);
  }

  public int add(int delta) {
    value += delta;
    return value;
  }

  public int value() {
    return value;
  }

  public void record(String caller, int seq) {
    log.add(caller + ":" + seq);
  }

  public List<String> log() {
    return log;
  }

  public CompletionStage<Integer> addLater(int delta) {
    return CompletableFuture.supplyAsync(() -> delta).thenApply(this::add);
  }

  @SuppressWarnings("DoNotCallSuggester") // an actor method that fails on purpose
  public int boom() {
    throw new UnsupportedOperationException("boom");
  }
}
