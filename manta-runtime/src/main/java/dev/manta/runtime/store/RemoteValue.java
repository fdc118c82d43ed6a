package dev.manta.runtime.store;

import dev.manta.runtime.id.ObjectId;

/**
 * A value whose bytes are in another node's object store (cluster mode). Reading it pulls the bytes
 * into this node's store first ({@link ObjectStore#localize}).
 *
 * @param id the object
 * @param length its size in bytes
 * @param flags as for {@link InlineValue}
 * @param nodeId the node holding the bytes
 * @param agentAddress that node's agent, {@code host:port}, to pull from
 */
public record RemoteValue(ObjectId id, int length, int flags, String nodeId, String agentAddress)
    implements StoredValue {
  @Override
  public long sizeBytes() {
    return length;
  }

  @Override
  public String location() {
    return "node " + nodeId;
  }
}
