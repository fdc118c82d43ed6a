/**
 * Cluster mode: a head (control store), one node agent per machine (worker pool, leases, the
 * shared-memory object store, transfers), and worker JVMs, over gRPC ({@code manta.proto}). The
 * core worker of the embedded runtime runs in every driver and worker, behind {@link
 * dev.manta.runtime.port.ClusterPorts}. Start nodes with {@link dev.manta.cluster.NodeMain} (what
 * {@code manta start} runs); drivers join with {@code Manta.init("manta://host:port")}.
 */
package dev.manta.cluster;
