/**
 * The cluster's settings: {@link dev.manta.cluster.config.ClusterConfig} reads every {@code
 * manta.*} setting of the cluster processes (head, node agent, worker, driver) once, at process
 * start, and checks it. Depends on no other package of {@code manta-cluster}, so every one of them
 * may take its settings from here. The settings of the core (object store, scheduler, task
 * defaults) are {@link dev.manta.MantaConfig}'s.
 */
package dev.manta.cluster.config;
