package dev.manta.cluster.rpc;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Objects;
import java.util.Set;

/**
 * Who made a call: what the credential it presented ({@link ClusterToken#resolve}) makes it. A
 * server's token check ({@link Rpc}) puts the caller's principal into the call's gRPC {@link
 * Context}, where each handler that touches a job's state reads it ({@link #current()}) and checks
 * it ({@link #check}).
 *
 * <ul>
 *   <li>{@link Kind#NODE}: the cluster token itself: the head and the node agents. May do anything;
 *       the only principal that may register a node, beat for one or report a worker's death.
 *   <li>{@link Kind#ADMIN}: the admin token ({@code <session dir>/admin-token}, the CLI's): sees
 *       and acts on every job, but cannot register nodes.
 *   <li>{@link Kind#CLIENT}: the client token ({@code <session dir>/client-token}): may only say
 *       hello, see the nodes, and start a new job ({@code NewJob}), whose credential it then uses.
 *   <li>{@link Kind#JOB}: job {@link #jobId}'s credential (its driver and workers): sees and
 *       touches that job's objects, actors, workers, key-value entries and code only.
 * </ul>
 *
 * <p>A call on a server without a token (a cluster started with {@code --insecure-no-token}), and a
 * handler run outside any call (the head's own failure detector), act as {@link #UNCHECKED}, which
 * may do anything: without a token no caller can be told apart.
 *
 * <p>Immutable.
 */
public record Principal(Kind kind, String jobId) {
  /** What a credential makes its holder. */
  public enum Kind {
    NODE,
    ADMIN,
    CLIENT,
    JOB
  }

  /** The principal of calls on a server without a token, and of work outside any call. */
  public static final Principal UNCHECKED = new Principal(Kind.NODE, "");

  static final Context.Key<Principal> KEY = Context.key("manta-principal");

  /** Calls only the cluster token may make: they change the cluster's membership. */
  private static final Set<String> NODE_ONLY =
      Set.of(
          "manta.v1.Head/RegisterNode",
          "manta.v1.Head/Heartbeat",
          "manta.v1.Head/ReportWorkerDeath");

  /** Calls the client token may make: enough to start a job, and nothing of any job's. */
  private static final Set<String> CLIENT_MAY =
      Set.of("manta.v1.Head/Hello", "manta.v1.Head/GetClusterView", "manta.v1.Head/NewJob");

  /** A principal; {@code jobId} is the job of a {@link Kind#JOB}, empty for the others. */
  public Principal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(jobId, "jobId");
  }

  /** The principal of job {@code jobId}'s credential. */
  public static Principal job(String jobId) {
    return new Principal(Kind.JOB, jobId);
  }

  /** The caller of the call this thread serves now; {@link #UNCHECKED} outside a checked call. */
  public static Principal current() {
    Principal p = KEY.get();
    return p == null ? UNCHECKED : p;
  }

  /** Whether this principal sees and acts on every job (the cluster token, the admin token). */
  public boolean seesAll() {
    return kind == Kind.NODE || kind == Kind.ADMIN;
  }

  /** Whether this principal may see and touch the state of job {@code job}. */
  public boolean mayActFor(String job) {
    return seesAll() || (kind == Kind.JOB && jobId.equals(job));
  }

  /**
   * Refuses, with {@code PERMISSION_DENIED}, a principal that may not act for {@code job}: {@code
   * what} names what the call touches ("actor 3f:2", "the key-value entries").
   *
   * @throws StatusRuntimeException {@code PERMISSION_DENIED} naming what, whose it is, and why
   */
  public void check(String job, String what) {
    if (!mayActFor(job)) {
      throw denied(what, job);
    }
  }

  /**
   * The refusal of {@link #check}: {@code what} belongs to {@code job}, which this is not ({@code
   * job} empty: to no job, which only the cluster and admin tokens reach).
   */
  public StatusRuntimeException denied(String what, String job) {
    return Status.PERMISSION_DENIED
        .withDescription(
            "Permission denied: "
                + what
                + (job.isEmpty()
                    ? " is of no job (made with the cluster or admin token: only those reach it)"
                    : " belongs to job " + job)
                + ", and the caller holds "
                + describe()
                + "; a job's credential reaches only that job's objects, actors, workers, code and"
                + " key-value entries (the admin token, <session dir>/admin-token, reaches all)")
        .asRuntimeException();
  }

  /** What credential this is, for messages (never the credential itself). */
  public String describe() {
    return switch (kind) {
      case NODE -> "the cluster token";
      case ADMIN -> "the admin token";
      case CLIENT -> "the client token (which may only start a job)";
      case JOB -> "job " + jobId + "'s credential";
    };
  }

  /**
   * Why this principal may not call {@code fullMethodName} at all, or null if it may (each handler
   * then checks what the call touches).
   */
  String refusal(String fullMethodName) {
    if (NODE_ONLY.contains(fullMethodName) && kind != Kind.NODE) {
      return "Permission denied: "
          + fullMethodName
          + " takes the cluster token only (it changes the cluster's membership), and the caller"
          + " holds "
          + describe();
    }
    if (kind == Kind.CLIENT && !CLIENT_MAY.contains(fullMethodName)) {
      return "Permission denied: the client token may only start a job (Head/NewJob) and see the"
          + " nodes; call "
          + fullMethodName
          + " with the job credential that NewJob returned";
    }
    return null;
  }
}
