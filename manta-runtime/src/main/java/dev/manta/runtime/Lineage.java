package dev.manta.runtime;

import dev.manta.runtime.ownership.OwnedObject;
import dev.manta.runtime.ownership.ReferenceTable;
import dev.manta.runtime.port.ClusterPorts;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.StoredValue;
import dev.manta.runtime.task.Submitter;
import dev.manta.runtime.task.TaskRun;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds objects this process owns whose only copy was lost with a node, by running again the
 * task that made each (and, recursively, the tasks that made its arguments, where those are freed
 * or lost too), or, where that cannot be, completes the object with an {@code OBJECT_LOST} failure
 * that says why. The owner keeps a task's run (its immutable {@link TaskSpec}) as the producer of
 * its result while the result lives, and while a task whose lineage is kept takes it as an argument
 * ({@link Submitter}); a rebuild is bounded by each task's retries and runs at most {@code
 * maxTasks} tasks.
 *
 * <p>A loss is noticed where a read of the bytes fails ({@link #lost}): the node holding them is
 * then awaited dead (a read that failed on a live node is not a loss), so nothing is rebuilt twice
 * for one death and a passing network error rebuilds nothing.
 */
final class Lineage {
  /*
   * Implementation notes
   *  L1  One rebuild per loss: a lost object is reopened (ReferenceTable.reopen: pending again,
   *      only if still live and still holding the lost value) by exactly one caller, who then
   *      plans and submits its rebuild or fails it. Others find it reopened and wait on its new
   *      value. An argument found freed is made again in the table (create, which refuses a
   *      second one with the same id: a racing planner uses the one made).
   *  L2  A plan is made in full before anything runs: if some object in it cannot be rebuilt, every
   *      object the plan reopened or made is completed with the loss (made ones are then freed, as
   *      nothing counts them), and no task runs. Otherwise the runs count their arguments and are
   *      resolved as new tasks: each waits for its rebuilt arguments.
   *  L3  A rebuilt run counts one more attempt of its task: with the retries the task had, it
   *      shares one budget with retries on worker death (CoreAccess.nextAttempt).
   *  L4  Besides get (lost), wait and the resolution of a new task's arguments ask too
   *      (rebuildIfLost), without blocking: only a death already known counts there. A task whose
   *      argument is reopened waits for it as for any pending argument (Submitter.resolve).
   *  L5  A task sent with an argument whose node died before this process heard of it fails
   *      reading it on its worker; that failure is not stored (retryIfArgumentLost): the task
   *      goes back from READY to WAITING (a CAS, so a cancel meanwhile wins) and is resolved
   *      again, which is L4 once the death is known. Its argument counts stay held throughout.
   *  Threads: lost() blocks (it waits to hear of the node's death); it runs on a getter's thread.
   *  rebuildIfLost() never blocks: it runs on a waiter's or submitter's thread, or in a
   *  completion callback of the table.
   *  No locks of its own: the table's monitors and CAS gates (L1) order racing planners.
   */
  private static final Logger LOG = LoggerFactory.getLogger(Lineage.class);

  private final long prefix;
  private final ReferenceTable table;
  private final Submitter submitter;
  private final ClusterPorts ports;
  private final Consumer<TaskRun> dispatch;
  private final int maxTasks;

  Lineage(
      long prefix,
      ReferenceTable table,
      Submitter submitter,
      ClusterPorts ports,
      Consumer<TaskRun> dispatch,
      int maxTasks) {
    this.prefix = prefix;
    this.table = table;
    this.submitter = submitter;
    this.ports = ports;
    this.dispatch = dispatch;
    this.maxTasks = maxTasks;
  }

  /**
   * Reading {@code o}'s value {@code v} failed. If {@code node}, holding the bytes, is (within
   * {@code timeoutNanos}, bounded by the cluster's death detection) declared dead, the object is
   * lost: true once it is reopened for its rebuild or completed with why it cannot be (here or by
   * another reader), so the caller reads {@code o.value()} again. False if the node lives (the read
   * failed for another reason) or the object is not this process's to rebuild. Blocks while it
   * waits.
   */
  boolean lost(OwnedObject o, StoredValue v, String node, long timeoutNanos) {
    if (o.id().task().prefix() != prefix) {
      return false; // a borrowed object: its owner rebuilds it
    }
    String death = ports.awaitNodeDeath(node, timeoutNanos < 0 ? Long.MAX_VALUE : timeoutNanos);
    if (death == null) {
      return false;
    }
    if (table.reopen(o, v)) { // L1
      rebuild(o, death);
    }
    return true;
  }

  /**
   * The non-blocking {@link #lost}, for {@code wait} and for the arguments of a new task: if {@code
   * o}, owned here, is ready with a value whose bytes are on a node already known dead, it is
   * reopened for its rebuild (or completed with why it cannot be), and this returns true; the
   * caller then reads {@code o.value()} afresh (pending while the rebuild runs). False if its value
   * is not known lost. A node that died but is not yet declared dead is not waited for: its objects
   * are found lost by the next read, wait or task that looks after the head declares it.
   */
  boolean rebuildIfLost(OwnedObject o) {
    if (o.id().task().prefix() != prefix) {
      return false; // a borrowed object: its owner rebuilds it
    }
    StoredValue v = o.value().getNow(null);
    String death = deathOf(v);
    if (death == null) {
      return false;
    }
    if (table.reopen(o, v)) { // L1
      rebuild(o, death);
    }
    return true;
  }

  /**
   * A run of {@code t} on another process ended with {@code result}. If that is the run failing to
   * read a ref argument owned here ({@link dev.manta.ObjectFreedException} naming it) that was sent
   * before this process heard of its node's death, this takes the completion over and returns true:
   * on a thread of its own it waits (bounded, as {@link #lost}) to hear whether a node holding one
   * of {@code t}'s arguments died; if one did and {@code t} has retries left, {@code t} is resolved
   * again, one attempt more, which rebuilds its lost arguments first (L4) and sends it once they
   * are ready; else {@code complete} stores the result. False (the caller completes) for any other
   * result.
   */
  boolean retryIfArgumentLost(TaskRun t, StoredValue result, Runnable complete) {
    if (!(result instanceof Failure f)
        || f.kind() != Failure.Kind.TASK_FAILED
        || !dev.manta.ObjectFreedException.class.getName().equals(f.exceptionClass())
        || t.kind() != TaskSpec.Kind.TASK) {
      return false;
    }
    String message = f.message() == null ? "" : f.message();
    List<String> nodes = new ArrayList<>(1);
    for (TaskArg a : t.args()) {
      // Only an argument the failure names ("Object <id> is not available: ..."): a task that
      // threw the exception over another object it read is stored at once.
      if (a instanceof OwnedObject o
          && o.id().task().prefix() == prefix
          && message.contains(o.id().hex())) {
        String node = ports.nodeOf(o.value().getNow(null));
        if (node != null && !nodes.contains(node)) {
          nodes.add(node);
        }
      }
    }
    if (nodes.isEmpty()) {
      return false;
    }
    Thread.ofVirtual()
        .name("manta-lineage-argument")
        .start(
            () -> {
              String death = null;
              for (String node : nodes) {
                death = ports.awaitNodeDeath(node, Long.MAX_VALUE);
                if (death != null) {
                  break;
                }
              }
              if (death == null
                  || (t.maxRetries() >= 0 && t.attempt >= t.maxRetries())
                  || !t.state.compareAndSet(TaskRun.READY, TaskRun.WAITING)) {
                complete.run(); // not a loss, no retries left, or cancelled meanwhile
                return;
              }
              t.attempt++; // L3: one budget with the other retries
              LOG.warn(
                  "Task {} ({}) could not read an argument: {}; running it again once its lost"
                      + " arguments are rebuilt (retry {} of {})",
                  t.displayName(),
                  t.id().hex(),
                  death,
                  t.attempt,
                  t.maxRetries());
              submitter.resolve(t, dispatch);
            });
    return true;
  }

  /** Whether {@code v} is a value whose bytes were on a node already known dead. */
  private boolean onDeadNode(StoredValue v) {
    return deathOf(v) != null;
  }

  /** Why the node holding {@code v}'s bytes died, if it is already known dead; else null. */
  private String deathOf(StoredValue v) {
    return v == null ? null : ports.knownLost(v);
  }

  /** Plans and submits the rebuild of the reopened {@code o}, or fails it (L2). */
  private void rebuild(OwnedObject o, String death) {
    List<OwnedObject> opened = new ArrayList<>();
    opened.add(o);
    List<TaskRun> runs = new ArrayList<>();
    try {
      plan(o, death, new int[] {maxTasks}, opened, runs);
    } catch (Unrebuildable u) {
      String message =
          "Object "
              + o.id().hex()
              + " was lost: its only copy was on "
              + death
              + ", and it cannot be rebuilt: "
              + u.getMessage();
      LOG.error("{}", message);
      for (OwnedObject x : opened) {
        table.complete(x, Failure.objectLost(x.id().hex(), message));
      }
      return;
    }
    LOG.warn(
        "Object {} was lost with {}; rebuilding it by running {} task(s) again",
        o.id().hex(),
        death,
        runs.size());
    for (TaskRun t : runs) {
      submitter.resolve(t, dispatch);
    }
  }

  /**
   * Adds to {@code runs} the run that makes {@code target} (pending) again, after the runs that
   * make its freed or lost arguments again; {@code opened} collects every object reopened or made.
   */
  private void plan(
      OwnedObject target, String death, int[] budget, List<OwnedObject> opened, List<TaskRun> runs)
      throws Unrebuildable {
    if (!(target.producer() instanceof TaskRun old)) {
      throw new Unrebuildable(
          target == opened.get(0)
              ? "it was made by put (or by an actor), and only a task's result can be made again"
              : "it needs object "
                  + target.id().hex()
                  + ", which is freed or lost and whose lineage was not kept (a put object, an"
                  + " actor's result, or beyond the "
                  + maxTasks
                  + " tasks of lineage kept, manta.lineage-max-tasks)");
    }
    if (old.kind() != TaskSpec.Kind.TASK) {
      throw new Unrebuildable("it was made by an actor, whose results are not rebuilt");
    }
    if (old.maxRetries() >= 0 && old.attempt >= old.maxRetries()) {
      throw new Unrebuildable(
          "task "
              + old.displayName()
              + " ("
              + old.id().hex()
              + ") that made "
              + target.id().hex()
              + " has no retries left (maxRetries "
              + old.maxRetries()
              + ")");
    }
    if (--budget[0] < 0) {
      throw new Unrebuildable(
          "rebuilding it would run more than "
              + maxTasks
              + " tasks (manta.lineage-max-tasks); raise it to rebuild longer chains");
    }
    TaskArg[] args = old.args().clone();
    List<OwnedObject> refs = new ArrayList<>(old.argRefs.size());
    Set<Object> topLevel = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof OwnedObject a) {
        topLevel.add(a);
        OwnedObject now = argumentNow(a, death, budget, opened, runs);
        args[i] = now;
        refs.add(now);
      }
    }
    for (OwnedObject nested : old.argRefs) { // refs inside value arguments: they must still live
      if (!topLevel.contains(nested)) {
        OwnedObject live = table.lookup(nested.id());
        if (live == null || onDeadNode(live.value().getNow(null))) {
          throw new Unrebuildable(
              "object " + nested.id().hex() + ", held inside an argument, is freed or lost");
        }
        refs.add(live);
      }
    }
    runs.add(submitter.rerun(old, args, refs, target));
  }

  /** The object to pass for argument {@code a} of a task being rebuilt, rebuilding it if needed. */
  private OwnedObject argumentNow(
      OwnedObject a, String death, int[] budget, List<OwnedObject> opened, List<TaskRun> runs)
      throws Unrebuildable {
    while (true) {
      OwnedObject live = table.lookup(a.id());
      if (live != null) {
        StoredValue v = live.value().getNow(null);
        if (onDeadNode(v) && table.reopen(live, v)) { // L1: lost too, and ours to rebuild
          opened.add(live);
          plan(live, death, budget, opened, runs);
        }
        return live; // ready, pending, or being rebuilt by whoever reopened it
      }
      OwnedObject fresh;
      try {
        fresh = table.create(a.id(), a.producer()); // L1: freed, so made again
      } catch (IllegalStateException raced) {
        continue; // another planner made it just now: use that one
      }
      opened.add(fresh);
      plan(fresh, death, budget, opened, runs);
      return fresh;
    }
  }

  /** Why an object cannot be rebuilt. */
  private static final class Unrebuildable extends Exception {
    private static final long serialVersionUID = 1L;

    Unrebuildable(String message) {
      super(message, null, false, false);
    }
  }
}
