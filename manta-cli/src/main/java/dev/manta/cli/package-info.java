/**
 * The {@code manta} command: starts head and worker nodes as background JVMs ({@code manta start}),
 * stops them ({@code manta stop}) and prints a cluster's state ({@code manta status}). Owns the
 * session directories under {@code $MANTA_SESSION_ROOT} (default {@code /tmp/manta}): their layout,
 * the recorded pids and head address, the node logs. Knows nothing of how a node works: it launches
 * {@code dev.manta.cluster.NodeMain} as a process and reads the ready file that node writes.
 */
package dev.manta.cli;
