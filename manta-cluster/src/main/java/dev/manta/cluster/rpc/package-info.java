/** Cluster mode: rpc. */
package dev.manta.cluster.rpc;
