/**
 * Cluster mode: the head, the control store. Owns node membership and failure detection, jobs and
 * their ends, worker addresses, the actor directory and each actor's state (pending, alive,
 * restarting, dead, with its restart count; restarts themselves are run by the actor's owner),
 * named actors, the key-value store, and the subscriptions that publish their changes; keeps its
 * tables in a {@code HeadStorage} (memory, H2's MVStore with {@code --storage DIR}, or a Redis
 * server with {@code --storage redis://HOST:PORT}); fences nodes it declared dead. Holds metadata
 * only, never objects.
 */
package dev.manta.cluster.head;
