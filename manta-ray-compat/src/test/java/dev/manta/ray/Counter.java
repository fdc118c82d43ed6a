package dev.manta.ray;

import io.ray.api.ActorHandle;
import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test actor. {@link #meet} lets tests see how many of its calls run at once without sleeping and
 * without state in the test JVM, so the tests hold wherever the actor lives (a cluster worker).
 */
public class Counter {
  private final Map<Integer, CountDownLatch> meetings = new ConcurrentHashMap<>();
  private int value;
  private final boolean restartedAtBirth;

  public Counter(int start) {
    if (start < 0) {
      throw new IllegalArgumentException("negative start " + start);
    }
    this.value = start;
    this.restartedAtBirth = Ray.getRuntimeContext().wasCurrentActorRestarted();
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

  /**
   * Waits until {@code parties} calls of this actor (this one included) are inside {@code meet} or
   * {@link #meetAgain} at once; false if that does not happen within {@code timeoutMs}.
   */
  public boolean meet(int parties, long timeoutMs) throws InterruptedException {
    CountDownLatch meeting = meetings.computeIfAbsent(parties, CountDownLatch::new);
    meeting.countDown();
    return meeting.await(timeoutMs, TimeUnit.MILLISECONDS);
  }

  /** {@link #meet} under another name: another method, the same meetings. */
  public boolean meetAgain(int parties, long timeoutMs) throws InterruptedException {
    return meet(parties, timeoutMs);
  }

  public boolean restarted() {
    return Ray.getRuntimeContext().wasCurrentActorRestarted();
  }

  /** What {@link #restarted} said inside the constructor of this instance. */
  public boolean restartedAtBirth() {
    return restartedAtBirth;
  }

  public long pid() {
    return ProcessHandle.current().pid();
  }

  /** Ends the actor's process at once, as a crash would (only where the actor has its own JVM). */
  public int halt() {
    Runtime.getRuntime().halt(1);
    return -1;
  }

  public String actorId() {
    return Ray.getRuntimeContext().getCurrentActorId().toString();
  }

  public String selfId() {
    ActorHandle<Counter> self = Ray.getRuntimeContext().getCurrentActorHandle();
    return self.getId().toString();
  }

  /** Ray's GetCurrentActorHandleTest shape: a call to itself, whose ref it returns unwaited. */
  public ObjectRef<Integer> addThroughSelf(int delta) {
    ActorHandle<Counter> self = Ray.getRuntimeContext().getCurrentActorHandle();
    return self.task(Counter::add, delta).remote();
  }

  /** Creates an actor from inside this one: with its job's default lifetime, or non-detached. */
  public ActorHandle<Counter> createChild(int start, boolean nonDetached) {
    var creator = Ray.actor(Counter::new, start);
    if (nonDetached) {
      creator.setLifetime(io.ray.api.options.ActorLifetime.NON_DETACHED);
    }
    ActorHandle<Counter> child = creator.remote();
    child.task(Counter::get).remote().get(); // created before this call returns
    return child;
  }

  public int exit() {
    Ray.exitActor();
    return -1;
  }

  static int callThrough(ActorHandle<Counter> counter, int delta) {
    return counter.task(Counter::add, delta).remote().get();
  }
}
