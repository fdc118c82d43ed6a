package dev.manta.ray;

import dev.manta.ActorDiedException;
import dev.manta.GetTimeoutException;
import dev.manta.MantaException;
import dev.manta.ObjectFreedException;
import dev.manta.ObjectLostException;
import dev.manta.PendingCallsLimitException;
import dev.manta.TaskCancelledException;
import dev.manta.TaskException;
import dev.manta.WorkerDiedException;
import io.ray.api.exception.PendingCallsLimitExceededException;
import io.ray.api.exception.RayActorException;
import io.ray.api.exception.RayException;
import io.ray.api.exception.RayTaskException;
import io.ray.api.exception.RayTimeoutException;
import io.ray.api.exception.RayWorkerException;
import io.ray.api.exception.UnreconstructableException;
import io.ray.api.id.ActorId;
import java.util.function.Function;

/**
 * Turns Manta's exceptions into the Ray exception a Ray program catches. Each Ray exception keeps
 * the Manta exception (or, for a failed task, the task's own exception) as its cause, so no detail
 * is lost.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>Manta</th><th>Ray</th></tr>
 *   <tr><td>TaskException</td><td>RayTaskException, cause: the task's exception</td></tr>
 *   <tr><td>TaskCancelledException</td><td>RayTaskException (Ray Java has no cancel)</td></tr>
 *   <tr><td>ActorDiedException</td><td>RayActorException with the Ray actor id</td></tr>
 *   <tr><td>GetTimeoutException</td><td>RayTimeoutException</td></tr>
 *   <tr><td>ObjectFreedException</td><td>UnreconstructableException</td></tr>
 *   <tr><td>ObjectLostException</td><td>UnreconstructableException</td></tr>
 *   <tr><td>PendingCallsLimitException</td><td>PendingCallsLimitExceededException</td></tr>
 *   <tr><td>WorkerDiedException (a task's process died, e.g. System.exit)</td>
 *       <td>RayWorkerException</td></tr>
 *   <tr><td>any other MantaException</td><td>RayException</td></tr>
 * </table>
 */
final class RayErrors {
  /** Ray's messages start with {@code (pid=.., ip=..)}; Manta runs everything in this process. */
  static final int PID = (int) ProcessHandle.current().pid();

  static final String IP = "127.0.0.1";

  private RayErrors() {}

  /**
   * The Ray form of {@code e}; exceptions that are not Manta's are returned unchanged.
   *
   * @param rayActorId the Ray id of a Manta actor id (hex), or null if unknown
   */
  static RuntimeException toRay(RuntimeException e, Function<String, ActorId> rayActorId) {
    if (!(e instanceof MantaException me)) {
      return e;
    }
    return switch (me) {
      case TaskException te ->
          new RayTaskException(
              PID, IP, te.getMessage(), te.getCause() != null ? te.getCause() : te);
      case TaskCancelledException tc -> new RayTaskException(PID, IP, tc.getMessage(), tc);
      case ActorDiedException ad -> actorDied(ad, rayActorId);
      case GetTimeoutException gt -> new RayTimeoutException(gt.getMessage(), gt);
      case ObjectFreedException of -> new UnreconstructableException(of.getMessage(), of);
      case ObjectLostException ol -> new UnreconstructableException(ol.getMessage(), ol);
      case PendingCallsLimitException pc -> {
        PendingCallsLimitExceededException r =
            new PendingCallsLimitExceededException(pc.getMessage());
        r.initCause(pc);
        yield r;
      }
      case WorkerDiedException wd -> new RayWorkerException(wd.getMessage(), wd);
      default -> new RayException(me.getMessage(), me);
    };
  }

  private static RayActorException actorDied(
      ActorDiedException ad, Function<String, ActorId> rayActorId) {
    ActorId id = rayActorId.apply(ad.actorId());
    if (id == null) {
      id = ActorId.NIL;
    }
    if (ad.getCause() instanceof RuntimeException creation) {
      // The constructor failed: Ray's message for exactly that, with the constructor's error.
      return new RayActorException(PID, IP, id, toRay(creation, rayActorId));
    }
    RayActorException r = new RayActorException(id);
    r.initCause(ad);
    return r;
  }
}
