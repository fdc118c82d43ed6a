package dev.manta.ray;

import io.ray.api.id.JobId;
import io.ray.api.id.TaskId;
import io.ray.api.id.UniqueId;
import java.util.HexFormat;

/** Ray ids for Manta ids: Manta's hex ids, cut or zero-padded to the Ray id's length. */
final class RayIds {
  /** The one node of an embedded runtime. */
  static final UniqueId EMBEDDED_NODE =
      UniqueId.fromBytes(bytes("656d626564646564", UniqueId.LENGTH));

  private RayIds() {}

  /** The Ray id of a Manta node: its hex id, or {@link #EMBEDDED_NODE} for the embedded one. */
  static UniqueId node(String mantaId) {
    return mantaId.matches("[0-9a-fA-F]+")
        ? UniqueId.fromBytes(bytes(mantaId, UniqueId.LENGTH))
        : EMBEDDED_NODE;
  }

  static TaskId task(String mantaHex) {
    return TaskId.fromBytes(bytes(mantaHex, TaskId.LENGTH));
  }

  static JobId job(String mantaHex) {
    return JobId.fromBytes(bytes(mantaHex, JobId.LENGTH));
  }

  /** The bytes of {@code hex}, zero-padded on the left or cut on the left to {@code length}. */
  static byte[] bytes(String hex, int length) {
    byte[] raw = HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : "0" + hex);
    byte[] out = new byte[length];
    int n = Math.min(length, raw.length);
    System.arraycopy(raw, raw.length - n, out, length - n, n);
    return out;
  }
}
