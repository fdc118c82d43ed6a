package dev.manta.cluster.worker;

import dev.manta.MantaFunction;
import dev.manta.cluster.proto.TaskBatch;
import dev.manta.cluster.proto.TaskMsg;
import dev.manta.cluster.rpc.TaskMessages;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.port.ActorProxy;
import dev.manta.runtime.port.CoreAccess;
import dev.manta.runtime.port.TaskHandle;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.StoredValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's incoming work: decodes each task an owner sent, asks the core to build and run it (a
 * task on this worker's scheduler, an actor creation or call on its hosted actor), and sends its
 * result back to the owner once it is ready. A task that cannot be accepted is answered with its
 * failure, never dropped.
 */
final class TaskIntake {
  /*
   * Implementation notes
   *  N1  Functions are cached by owner prefix and function id (TaskMessages, F1): a message whose
   *      key is new carries the function, which is loaded once. Two threads loading one key at
   *      once load the same code; the last put wins, harmlessly.
   *  N2  A ref argument is held (one task reference, CoreAccess.holdArgument) from decoding until
   *      the spec counts it, so that another task finishing with the same argument cannot free it
   *      in between; argument objects made here are completed only after the spec counts them.
   *      On every path that got that far (accepted, or refused because its actor is gone) the new
   *      objects are completed and every hold is dropped, once.
   *  N3  `unreported` counts accepted tasks whose result is not yet handed to the report link;
   *      a worker about to exit waits for it to reach 0.
   *  Threads: acceptAll runs on the owner's stream thread (a gRPC event loop or a link's reader),
   *  in the root gRPC context, one batch at a time per stream, so a stream's tasks are accepted
   *  in order. A result is reported on the thread that completes it. No locks.
   *  N4  Objects owned here that a result's value holds refs to are lent to the task's owner
   *      (Borrowing counts it as their borrower) in the result's completion callback, which runs
   *      on the completing thread before the table can free the result and release what it
   *      contains; the owner releases them once it frees the result (Ray's nested refs).
   */
  private static final Logger LOG = LoggerFactory.getLogger(TaskIntake.class);

  /** Where results go: the report link of the owner at {@code owner}. */
  interface Reports {
    /**
     * Sends {@code value}, the result of try {@code attempt} of task {@code id}, to its owner, with
     * the objects owned here that the value holds refs to, lent to the owner ({@code nested}).
     */
    void report(String owner, TaskId id, int attempt, StoredValue value, List<ObjectId> nested);
  }

  /** Lends objects owned here to the process {@code borrower} (see {@link Borrowing#lend}). */
  interface Lender {
    /** Counts {@code borrower} as a borrower of each of {@code ids}; returns those it counted. */
    List<ObjectId> lend(long borrower, List<ObjectId> ids);
  }

  private final CoreAccess core;
  private final Reports reports;
  private final Lender lender;
  private final String nodeId;
  private final Supplier<String> address;
  private final Map<String, MantaFunction> functions = new ConcurrentHashMap<>(); // N1
  private final AtomicInteger unreported = new AtomicInteger(); // N3

  /**
   * The intake of a worker on node {@code nodeId}, serving at {@code address} (known once its
   * server runs), whose results go to {@code reports}; objects a result holds refs to are lent to
   * the task's owner through {@code lender} before it is reported (N4).
   */
  TaskIntake(
      CoreAccess core, Reports reports, Lender lender, String nodeId, Supplier<String> address) {
    this.core = core;
    this.reports = reports;
    this.lender = lender;
    this.nodeId = nodeId;
    this.address = address;
  }

  /** Accepts the tasks of one batch in order; a task that fails to be accepted is answered so. */
  void acceptAll(TaskBatch req) {
    for (TaskMsg m : req.getTasksList()) {
      try {
        accept(req, m);
      } catch (RuntimeException e) {
        // The owner gets the error as the task's failure; one line here, the trace at DEBUG (a
        // peer sending malformed tasks must not fill the log: the fuzz campaign's finding).
        LOG.warn(
            "Could not accept task {} from {}: {}",
            m.getTaskSequence(),
            req.getOwnerAddress(),
            e.toString());
        LOG.debug("Could not accept task {}", m.getTaskSequence(), e);
        TaskId id = new TaskId(m.getTaskPrefix(), m.getTaskSequence());
        reports.report(
            req.getOwnerAddress(),
            id,
            m.getAttempt(),
            Failure.ofThrowable(id.hex(), m.getName(), e),
            List.of());
      }
    }
  }

  /** The number of accepted tasks whose result has not been reported yet (N3). */
  int unreported() {
    return unreported.get();
  }

  private void accept(TaskBatch batch, TaskMsg msg) {
    String owner = batch.getOwnerAddress();
    TaskMessages.Incoming m = TaskMessages.decode(msg);
    MantaFunction fn = function(batch.getOwnerPrefix(), m);
    TaskId id = m.id();
    int attempt = msg.getAttempt(); // echoed, so the owner drops a result of an earlier try
    TaskArg[] args = new TaskArg[m.args().size()];
    List<CoreAccess.HeldArgument> held = new ArrayList<>(0);
    for (int i = 0; i < args.length; i++) {
      switch (m.args().get(i)) {
        case TaskMessages.RefArg r -> {
          CoreAccess.HeldArgument h = core.holdArgument(r.id(), () -> r.value(nodeId)); // N2
          held.add(h);
          args[i] = h.arg();
        }
        case TaskMessages.ValueArg v -> args[i] = new TaskArg.Value(v.bytes().toByteArray());
      }
    }
    TaskSpec.Kind kind = m.kind();
    ActorId actorId = m.actor();
    ActorProxy actor = null;
    if (kind == TaskSpec.Kind.ACTOR_CREATION) {
      actor =
          core.newHostedActor(
              actorId, m.actorName(), fn, Math.max(1, m.maxConcurrency()), attempt); // restarts
    } else if (kind == TaskSpec.Kind.ACTOR_CALL) {
      actor = core.hostedActor(actorId);
      if (actor == null) {
        settle(held);
        reports.report(
            owner,
            id,
            msg.getAttempt(),
            Failure.actorDied(
                actorId.hex(),
                "",
                "Actor " + actorId.hex() + " is not alive on worker " + address.get(),
                null),
            List.of());
        return;
      }
    }
    TaskHandle t =
        core.accept(
            new CoreAccess.IncomingTask(
                id,
                kind,
                fn,
                args,
                m.demand(),
                m.name(),
                m.maxRetries(),
                m.retryExceptions(),
                actor,
                m.retryExceptionTypes(),
                m.traceParent()));
    settle(held); // the spec counts its own references now
    unreported.incrementAndGet();
    long ownerPrefix = batch.getOwnerPrefix();
    core.resultOf(t)
        .thenAccept(
            v -> {
              try {
                // N4: runs as the result completes, before the result object (and with it what
                // it contains) can be freed here.
                List<ObjectId> nested = lender.lend(ownerPrefix, core.ownedRefsInResult(t));
                reports.report(owner, id, attempt, v, nested);
              } catch (RuntimeException | Error e) {
                // Never swallowed (its owner would wait for good): the owner gets this failure.
                LOG.warn("Could not report the result of task {} to {}", id.hex(), owner, e);
                reports.report(
                    owner,
                    id,
                    attempt,
                    Failure.ofThrowable(
                        id.hex(),
                        m.name(),
                        new IllegalStateException(
                            "Manta could not send the result of task "
                                + id.hex()
                                + " to its owner: "
                                + e,
                            e)),
                    List.of());
              } finally {
                unreported.decrementAndGet();
              }
            });
    switch (kind) {
      case TASK -> core.runLocally(t);
      case ACTOR_CREATION -> core.startHostedActor(actor, t);
      case ACTOR_CALL -> core.enqueueHostedCall(actor, t);
    }
  }

  /** The function of {@code m}, loaded once per owner and function id (N1). */
  private MantaFunction function(long ownerPrefix, TaskMessages.Incoming m) {
    String key = ownerPrefix + ":" + m.functionId();
    MantaFunction fn = functions.get(key);
    if (fn == null) {
      fn = core.loadFunction(m.function().toByteArray());
      functions.put(key, fn);
    }
    return fn;
  }

  /** Completes the new argument objects, then drops the holds on all of them (N2). */
  private void settle(List<CoreAccess.HeldArgument> held) {
    for (CoreAccess.HeldArgument h : held) {
      core.fillArgument(h);
    }
    for (CoreAccess.HeldArgument h : held) {
      core.releaseArgument(h);
    }
  }
}
