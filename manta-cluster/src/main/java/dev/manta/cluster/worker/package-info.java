/**
 * Cluster mode: a driver or worker process. {@code ClusterPortsImpl} implements the core's ports by
 * assembling package-private parts, one responsibility each: the view of the cluster ({@code
 * ClusterView}), leases and placement, an owner's push links and a worker's report links, the table
 * of specs in flight (the one place remote results complete), remote actors (the directory of where
 * they run, and their restarts, run by each actor's owner), borrowing, the worker's intake and the
 * gRPC service. Only {@code CoreAccess} calls into the core; {@code ClusterDriver} and {@code
 * WorkerMain} start processes.
 */
package dev.manta.cluster.worker;
