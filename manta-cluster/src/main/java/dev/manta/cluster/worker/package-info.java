/** Cluster mode: worker. */
package dev.manta.cluster.worker;
