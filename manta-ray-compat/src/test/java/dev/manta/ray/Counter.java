package dev.manta.ray;

import io.ray.api.ActorHandle;
import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A test actor. Static latches let tests order actor calls without sleeping. */
public class Counter {
  static volatile CountDownLatch release = new CountDownLatch(0);
  static volatile CountDownLatch arrived = new CountDownLatch(0);

  private int value;

  public Counter(int start) {
    if (start < 0) {
      throw new IllegalArgumentException("negative start " + start);
    }
    this.value = start;
  }

  public int add(int delta) {
    value += delta;
    return value;
  }

  public int get() {
    return value;
  }

  public void reset() {
    value = 0;
  }

  /** Refs nested in a list arrive as refs (only top-level ref arguments are resolved). */
  public int addRefs(List<ObjectRef<Integer>> nested) {
    for (ObjectRef<Integer> r : nested) {
      value += Ray.get(r);
    }
    return value;
  }

  /** Counts down {@link #arrived}, then waits for {@link #release}; returns how long it waited. */
  public boolean rendezvous() throws InterruptedException {
    arrived.countDown();
    return release.await(10, TimeUnit.SECONDS);
  }

  public boolean restarted() {
    return Ray.getRuntimeContext().wasCurrentActorRestarted();
  }

  public String actorId() {
    return Ray.getRuntimeContext().getCurrentActorId().toString();
  }

  public String selfId() {
    ActorHandle<Counter> self = Ray.getRuntimeContext().getCurrentActorHandle();
    return self.getId().toString();
  }

  public int exit() {
    Ray.exitActor();
    return -1;
  }

  static int callThrough(ActorHandle<Counter> counter, int delta) {
    return counter.task(Counter::add, delta).remote().get();
  }
}
