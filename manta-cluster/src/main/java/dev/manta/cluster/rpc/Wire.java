package dev.manta.cluster.rpc;

import com.google.protobuf.ByteString;
import dev.manta.cluster.proto.InlineMsg;
import dev.manta.cluster.proto.ObjectIdMsg;
import dev.manta.cluster.proto.Resources;
import dev.manta.cluster.proto.StoredMsg;
import dev.manta.cluster.proto.ValueMsg;
import dev.manta.runtime.id.ActorId;
import dev.manta.runtime.id.ObjectId;
import dev.manta.runtime.id.TaskId;
import dev.manta.runtime.spec.ResourceSet;
import dev.manta.runtime.store.Failure;
import dev.manta.runtime.store.InlineValue;
import dev.manta.runtime.store.RemoteValue;
import dev.manta.runtime.store.StoreValue;
import dev.manta.runtime.store.StoredValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Conversions between the core's types and protocol messages. Stateless. */
public final class Wire {
  private Wire() {}

  /** An object id on the wire. */
  public static ObjectIdMsg id(ObjectId id) {
    return ObjectIdMsg.newBuilder()
        .setPrefix(id.task().prefix())
        .setSequence(id.task().sequence())
        .setIndex(id.index())
        .build();
  }

  /** An object id from the wire. */
  public static ObjectId id(ObjectIdMsg m) {
    return new ObjectId(new TaskId(m.getPrefix(), m.getSequence()), m.getIndex());
  }

  /** An actor id from its two halves. */
  public static ActorId actor(long prefix, long sequence) {
    return new ActorId(prefix, sequence);
  }

  /** Resources on the wire. */
  public static Resources resources(ResourceSet r) {
    return Resources.newBuilder()
        .putAllAmounts(r.toMap())
        .putAllLabelSelector(r.labels().toMap())
        .build();
  }

  /** Resources on the wire, from a map. */
  public static Resources resources(Map<String, Double> r) {
    return Resources.newBuilder().putAllAmounts(r).build();
  }

  /** Resources from the wire. */
  public static ResourceSet resources(Resources r) {
    ResourceSet s = ResourceSet.fromMap(r.getAmountsMap());
    return r.getLabelSelectorCount() == 0
        ? s
        : s.withLabels(dev.manta.runtime.spec.LabelSelector.of(r.getLabelSelectorMap()));
  }

  /**
   * Whether {@code demand} could ever be met on node {@code n}: its total has the amounts and its
   * labels match the demand's selector. With {@code now}, the node's available amounts instead.
   */
  public static boolean fits(ResourceSet demand, dev.manta.cluster.proto.NodeInfo n, boolean now) {
    return demand.feasibleOn(
        resources(now ? n.getAvailable() : n.getTotal()), n.getLabelsMap(), n.getNodeId());
  }

  /**
   * A value on the wire; a value in this node's store is described with {@code nodeId} and {@code
   * agentAddress} so that other nodes can pull it.
   */
  public static ValueMsg value(StoredValue v, String nodeId, String agentAddress) {
    return switch (v) {
      case InlineValue in ->
          ValueMsg.newBuilder()
              .setInline(
                  InlineMsg.newBuilder()
                      .setBytes(ByteString.copyFrom(in.bytes()))
                      .setFlags(in.flags()))
              .build();
      case StoreValue sv ->
          ValueMsg.newBuilder()
              .setStored(
                  StoredMsg.newBuilder()
                      .setId(id(sv.id()))
                      .setLength(sv.length())
                      .setFlags(sv.flags())
                      .setNodeId(nodeId)
                      .setAgentAddress(agentAddress))
              .build();
      case RemoteValue rv ->
          ValueMsg.newBuilder()
              .setStored(
                  StoredMsg.newBuilder()
                      .setId(id(rv.id()))
                      .setLength(rv.length())
                      .setFlags(rv.flags())
                      .setNodeId(rv.nodeId())
                      .setAgentAddress(rv.agentAddress()))
              .build();
      case Failure f -> ValueMsg.newBuilder().setFailure(ByteString.copyFrom(failure(f))).build();
    };
  }

  /** A value from the wire, as seen from node {@code localNode}. */
  public static StoredValue value(ValueMsg m, String localNode) {
    return switch (m.getKindCase()) {
      case INLINE ->
          new InlineValue(m.getInline().getBytes().toByteArray(), m.getInline().getFlags());
      case STORED -> {
        StoredMsg s = m.getStored();
        yield s.getNodeId().equals(localNode)
            ? new StoreValue(id(s.getId()), s.getLength(), s.getFlags())
            : new RemoteValue(
                id(s.getId()), s.getLength(), s.getFlags(), s.getNodeId(), s.getAgentAddress());
      }
      case FAILURE -> failure(m.getFailure().toByteArray());
      case KIND_NOT_SET -> throw new IllegalArgumentException("empty value message");
    };
  }

  /** A failure's bytes. */
  static byte[] failure(Failure f) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeFailure(out, f, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeFailure(DataOutputStream out, Failure f, int depth) throws IOException {
    out.writeUTF(f.kind().name());
    out.writeUTF(f.subjectId());
    out.writeUTF(f.functionName());
    out.writeUTF(f.exceptionClass());
    writeLong(out, f.message());
    writeLong(out, f.stackTrace());
    byte[] ex = f.exceptionBytes();
    out.writeInt(ex == null ? -1 : ex.length);
    if (ex != null) {
      out.write(ex);
    }
    out.writeBoolean(f.cause() != null && depth < MAX_CAUSE_DEPTH);
    if (f.cause() != null && depth < MAX_CAUSE_DEPTH) {
      writeFailure(out, f.cause(), depth + 1); // a deeper chain is cut, as a reader refuses it
    }
  }

  /** {@code s}, which may be null (an exception without a message), as its length and bytes. */
  private static void writeLong(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readLong(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n == -1) {
      return null;
    }
    byte[] b = new byte[length(in, n)];
    in.readFully(b);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Deepest chain of causes a failure from the wire may have. */
  static final int MAX_CAUSE_DEPTH = 64;

  /**
   * {@code n}, a length just read from {@code in} (over a byte array, whose {@code available} is
   * what is left), checked before anything of that size is allocated.
   *
   * @throws IllegalArgumentException if {@code n} is negative or more than the bytes left
   */
  private static int length(DataInputStream in, int n) throws IOException {
    if (n < 0 || n > in.available()) {
      throw new IllegalArgumentException(
          "malformed failure: a length of " + n + " with " + in.available() + " bytes left");
    }
    return n;
  }

  static Failure failure(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return readFailure(in, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Failure readFailure(DataInputStream in, int depth) throws IOException {
    if (depth > MAX_CAUSE_DEPTH) {
      throw new IllegalArgumentException(
          "malformed failure: causes nested deeper than " + MAX_CAUSE_DEPTH);
    }
    Failure.Kind kind = Failure.Kind.valueOf(in.readUTF());
    String subject = in.readUTF();
    String fn = in.readUTF();
    String exClass = in.readUTF();
    String message = readLong(in);
    String trace = readLong(in);
    int n = in.readInt();
    byte[] ex = null;
    if (n != -1) {
      ex = new byte[length(in, n)];
      in.readFully(ex);
    }
    Failure cause = in.readBoolean() ? readFailure(in, depth + 1) : null;
    return new Failure(kind, subject, fn, exClass, message, trace, ex, cause);
  }
}
