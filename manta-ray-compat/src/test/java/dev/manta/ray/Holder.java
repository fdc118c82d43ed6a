package dev.manta.ray;

import io.ray.api.Ray;
import java.util.ArrayList;
import java.util.List;

/** A plain actor for the value and threading tests: no Ray API in its state. */
public class Holder {
  private static final ThreadLocal<Integer> CALLS = ThreadLocal.withInitial(() -> 0);
  private String value;

  public Holder(String value) {
    this.value = value;
  }

  public String get() {
    return value;
  }

  public String set(String v) {
    String old = value;
    value = v;
    return old;
  }

  /** The calls this actor's thread has served so far, this one included: a thread-local count. */
  public int callsOnThisThread() {
    int n = CALLS.get() + 1;
    CALLS.set(n);
    return n;
  }

  /** The Ray actor id seen by a thread this actor starts. */
  public String actorIdOnOwnThread() throws InterruptedException {
    List<String> seen = new ArrayList<>();
    Thread t =
        new Thread(
            () -> {
              String id = Ray.getRuntimeContext().getCurrentActorId().toString();
              synchronized (seen) {
                seen.add(id);
              }
            });
    t.start();
    t.join();
    synchronized (seen) {
      return seen.get(0);
    }
  }
}
