/** Cluster mode: head. */
package dev.manta.cluster.head;
