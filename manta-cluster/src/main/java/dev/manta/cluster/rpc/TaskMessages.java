package dev.manta.cluster.rpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.manta.MantaFunction;
import dev.manta.cluster.proto.ArgMsg;
import dev.manta.cluster.proto.ResultMsg;
import dev.manta.cluster.proto.TaskKind;
import dev.manta.cluster.proto.TaskMsg;
import dev.manta.cluster.proto.ValueMsg;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.spec.TaskArg;
import dev.manta.runtime.spec.TaskSpec;
import dev.manta.runtime.store.StoredValue;
import dev.manta.spi.AdaptedFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The task codec: a spec leaving for a worker as a {@link TaskMsg}, a {@link TaskMsg} arriving as
 * an {@link Incoming} (the fields of the task to build), and a task's result as a {@link
 * ResultMsg}.
 *
 * <p>Pure: it keeps no state and does no I/O. The one piece of state a push link needs, which
 * functions it already shipped, is the caller's {@link FunctionIds}. Safe from any thread.
 */
public final class TaskMessages {
  /*
   * Implementation notes
   *  F1  A function travels once per push link and shipping key (see shippingKey): the first
   *      message under a key carries its serialized bytes and a fresh id (1, 2, ...), later ones
   *      the id only. The receiver keys what it loaded by owner prefix and id, so ids need only be
   *      unique per owner, which holds because an owner keeps one push link per worker.
   *  F2  A ref argument travels with its value (the owner sends a task only once its ref
   *      arguments are ready), so the worker never asks the owner for it.
   */
  private TaskMessages() {}

  /**
   * A spec on its way to a worker, with what its message needs beyond the spec.
   *
   * @param spec the task, actor creation or actor call (READY, owned by the sender)
   * @param attempt which try of it this is (0 for the first), echoed in its result
   * @param actorName an actor creation's name, or null
   * @param maxConcurrency an actor creation's concurrency; 0 for other specs
   */
  public record Outgoing(TaskSpec spec, int attempt, String actorName, int maxConcurrency) {}

  /**
   * The ids under which one push link shipped functions (F1). Not thread-safe: only the link's
   * sender uses it.
   */
  public static final class FunctionIds {
    private final Map<Object, Integer> ids = new HashMap<>();
  }

  /**
   * The message for {@code o}. Ships the function if {@code fnIds} has not seen its key yet; {@code
   * refValue} gives the ready value of each ref argument, which travels with the message described
   * by {@code nodeId} and {@code agentAddress} (see {@link Wire#value(StoredValue, String,
   * String)}).
   *
   * @throws UncheckedIOException if the function does not serialize
   */
  public static TaskMsg encode(
      Outgoing o,
      FunctionIds fnIds,
      Function<ObjectId, StoredValue> refValue,
      String nodeId,
      String agentAddress) {
    TaskSpec t = o.spec();
    TaskMsg.Builder m =
        TaskMsg.newBuilder()
            .setTaskPrefix(t.id().prefix())
            .setTaskSequence(t.id().sequence())
            .setKind(
                switch (t.kind()) {
                  case TASK -> TaskKind.TASK;
                  case ACTOR_CREATION -> TaskKind.ACTOR_CREATION;
                  case ACTOR_CALL -> TaskKind.ACTOR_CALL;
                })
            .setDemand(Wire.resources(t.resources()))
            .setMaxRetries(t.maxRetries())
            .setAttempt(o.attempt())
            .setRetryExceptions(t.retryExceptions())
            .addAllRetryExceptionTypes(t.retryExceptionTypes());
    if (t.name() != null) {
      m.setName(t.name());
    }
    if (t.traceParent() != null) {
      m.setTraceparent(t.traceParent());
    }
    Object key = shippingKey(t.fn());
    Integer fid = fnIds.ids.get(key);
    if (fid == null) {
      fid = fnIds.ids.size() + 1;
      fnIds.ids.put(key, fid);
      m.setFunction(ByteString.copyFrom(serializeFunction(t.fn())));
    }
    m.setFunctionId(fid);
    for (TaskArg a : t.args()) {
      switch (a) {
        case TaskArg.Value v ->
            m.addArgs(ArgMsg.newBuilder().setValue(UnsafeByteOperations.unsafeWrap(v.bytes())));
        case TaskArg.Ref ref ->
            m.addArgs(
                ArgMsg.newBuilder()
                    .setRef(Wire.value(refValue.apply(ref.id()), nodeId, agentAddress))
                    .setRefId(Wire.id(ref.id())));
      }
    }
    if (t.actor() != null) {
      m.setActorPrefix(t.actor().prefix()).setActorSequence(t.actor().sequence());
      if (o.actorName() != null) {
        m.setActorName(o.actorName());
      }
      m.setMaxConcurrency(o.maxConcurrency());
    }
    return m.build();
  }

  /**
   * A task message as the receiver sees it, before anything of the core is involved.
   *
   * @param id the task's id (its owner's prefix)
   * @param kind task, actor creation or actor call
   * @param functionId the function's id on its owner's push link (F1)
   * @param function the serialized function, or empty if the link shipped it before
   * @param args the arguments, in order
   * @param demand the resources the task needs
   * @param name the task's name, or null
   * @param maxRetries as the owner set it
   * @param retryExceptions as the owner set it
   * @param actor the actor, for an actor creation or call; null for a task
   * @param actorName an actor creation's name, or null
   * @param maxConcurrency an actor creation's concurrency as sent (0 if none was)
   * @param retryExceptionTypes as the owner set it (empty: all, with {@code retryExceptions})
   * @param traceParent the W3C traceparent of the submitting run, or null
   */
  public record Incoming(
      TaskId id,
      TaskSpec.Kind kind,
      int functionId,
      ByteString function,
      List<Arg> args,
      ResourceSet demand,
      String name,
      int maxRetries,
      boolean retryExceptions,
      ActorId actor,
      String actorName,
      int maxConcurrency,
      List<String> retryExceptionTypes,
      String traceParent) {}

  /** One argument of an {@link Incoming} task. */
  public sealed interface Arg {}

  /**
   * A serialized value, passed by value.
   *
   * @param bytes the value as the owner serialized it
   */
  public record ValueArg(ByteString bytes) implements Arg {}

  /**
   * A ref argument: the object's id and its value as the owner had it (F2).
   *
   * @param id the object's id
   * @param value its value on the wire, decoded by {@link #value(String)}
   */
  public record RefArg(ObjectId id, ValueMsg value) implements Arg {
    /** The value, as seen from node {@code localNode}. */
    public StoredValue value(String localNode) {
      return Wire.value(value, localNode);
    }
  }

  /**
   * The task in {@code m}.
   *
   * @throws IllegalArgumentException if its kind is not one this build knows
   */
  public static Incoming decode(TaskMsg m) {
    TaskSpec.Kind kind =
        switch (m.getKind()) {
          case TASK -> TaskSpec.Kind.TASK;
          case ACTOR_CREATION -> TaskSpec.Kind.ACTOR_CREATION;
          case ACTOR_CALL -> TaskSpec.Kind.ACTOR_CALL;
          case UNRECOGNIZED -> throw new IllegalArgumentException("unknown task kind");
        };
    List<Arg> args = new ArrayList<>(m.getArgsCount());
    for (ArgMsg a : m.getArgsList()) {
      args.add(
          a.hasRef() ? new RefArg(Wire.id(a.getRefId()), a.getRef()) : new ValueArg(a.getValue()));
    }
    return new Incoming(
        new TaskId(m.getTaskPrefix(), m.getTaskSequence()),
        kind,
        m.getFunctionId(),
        m.getFunction(),
        args,
        Wire.resources(m.getDemand()),
        m.getName().isEmpty() ? null : m.getName(),
        m.getMaxRetries(),
        m.getRetryExceptions(),
        kind == TaskSpec.Kind.TASK ? null : new ActorId(m.getActorPrefix(), m.getActorSequence()),
        m.getActorName().isEmpty() ? null : m.getActorName(),
        m.getMaxConcurrency(),
        List.copyOf(m.getRetryExceptionTypesList()),
        m.getTraceparent().isEmpty() ? null : m.getTraceparent());
  }

  /**
   * The result message of try {@code attempt} of task {@code id}; a value in this node's store is
   * described with {@code nodeId} and {@code agentAddress} so that its owner can pull it; {@code
   * nested} are the objects owned by the sender that the value holds refs to, lent to the owner.
   */
  public static ResultMsg result(
      TaskId id,
      int attempt,
      StoredValue v,
      String nodeId,
      String agentAddress,
      List<ObjectId> nested) {
    ResultMsg.Builder b =
        ResultMsg.newBuilder()
            .setTaskPrefix(id.prefix())
            .setTaskSequence(id.sequence())
            .setAttempt(attempt)
            .setValue(Wire.value(v, nodeId, agentAddress));
    for (ObjectId o : nested) {
      b.addNested(Wire.id(o));
    }
    return b.build();
  }

  /** The objects a result's value holds refs to that its sender lent to the task's owner. */
  public static List<ObjectId> nested(ResultMsg r) {
    List<ObjectId> out = new ArrayList<>(r.getNestedCount());
    for (dev.manta.cluster.proto.ObjectIdMsg m : r.getNestedList()) {
      out.add(Wire.id(m));
    }
    return out;
  }

  /** The task a result message is for. */
  public static TaskId taskId(ResultMsg r) {
    return new TaskId(r.getTaskPrefix(), r.getTaskSequence());
  }

  /** A result message's value, as seen from node {@code localNode}. */
  public static StoredValue value(ResultMsg r, String localNode) {
    return Wire.value(r.getValue(), localNode);
  }

  /**
   * What a function is shipped under on a push link: the worker keeps the first function sent under
   * an id and runs it for every later task with that id. A lambda or method reference is keyed by
   * its class: it captures nothing, so every instance of the class runs the same code. An {@link
   * AdaptedFunction} is keyed by itself: one adapter class serves every function of its API (all of
   * Ray's calls are one class), so its class says nothing, and its {@code equals} says which
   * adapted functions run the same code.
   */
  static Object shippingKey(MantaFunction fn) {
    return fn instanceof AdaptedFunction ? fn : fn.getClass();
  }

  private static byte[] serializeFunction(MantaFunction fn) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(fn);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize remote function " + fn, e);
    }
    return bytes.toByteArray();
  }
}
