/**
 * Cluster mode: rpc. How Manta processes talk: gRPC servers and channels ({@code Rpc}: protocol
 * version, deadlines, limits, errors that say what to do), the direct links that carry tasks and
 * results ({@code DirectLink}), and what guards both: the cluster token ({@code ClusterToken}) and
 * TLS ({@code ClusterTls}, with {@code TlsInit} for a test cluster's CA). Knows nothing of tasks,
 * objects or actors beyond their wire messages.
 */
package dev.manta.cluster.rpc;
