/** Cluster mode: agent. */
package dev.manta.cluster.agent;
