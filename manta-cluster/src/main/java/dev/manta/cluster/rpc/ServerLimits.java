package dev.manta.cluster.rpc;

import dev.manta.cluster.config.ClusterConfig;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

/**
 * The per-connection limits every gRPC server of a Manta process sets explicitly (head, node
 * agents, the core-worker service of workers and drivers), all from {@link ClusterConfig}:
 *
 * <ul>
 *   <li>calls at once per connection ({@link ClusterConfig#maxCallsPerConnection}): announced to
 *       the client as HTTP/2's {@code MAX_CONCURRENT_STREAMS}, so a gRPC client holds its further
 *       calls until one ends, and a client that ignores it has the excess streams reset ({@code
 *       REFUSED_STREAM}); the connection and its other calls go on;
 *   <li>the largest inbound message ({@link ClusterConfig#maxMessageBytes}), checked from the
 *       message's length prefix before it is buffered, and the largest header block ({@link
 *       ClusterConfig#maxMetadataBytes}), past which a call is refused;
 *   <li>HTTP/2 stream resets: at most {@value #MAX_RESETS} per {@value #RESET_WINDOW_SECONDS} s per
 *       connection (the "rapid reset" flood, CVE-2023-44487), past which the connection is closed.
 * </ul>
 *
 * Stateless; the limits are read when a server is built.
 */
final class ServerLimits {
  /** Stream resets a connection may send per {@link #RESET_WINDOW_SECONDS} before it is closed. */
  static final int MAX_RESETS = 1_000;

  /** The window of {@link #MAX_RESETS}. */
  static final int RESET_WINDOW_SECONDS = 10;

  private ServerLimits() {}

  /** Sets {@code config}'s limits on {@code builder}; returns it. */
  static NettyServerBuilder apply(NettyServerBuilder builder, ClusterConfig config) {
    return builder
        .maxConcurrentCallsPerConnection(config.maxCallsPerConnection())
        .maxInboundMessageSize(config.maxMessageBytes())
        .maxInboundMetadataSize(config.maxMetadataBytes())
        .maxRstFramesPerWindow(MAX_RESETS, RESET_WINDOW_SECONDS);
  }
}
