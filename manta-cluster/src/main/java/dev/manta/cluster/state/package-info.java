/**
 * The state API of a live cluster, for programs and for {@code manta list|get|summary|memory|
 * timeline|logs}: {@link dev.manta.cluster.state.ClusterState} asks the head, which answers from
 * its tables (nodes, actors, jobs, workers) and by asking every live process (the runs each
 * executed, the objects each owns). Rows are records ({@link dev.manta.cluster.state.Row}); {@link
 * dev.manta.cluster.state.StateFormat} renders them as a table or JSON, {@link
 * dev.manta.cluster.state.Timeline} as a Chrome trace. Owns no state: every call asks the head
 * anew. Knows nothing of how the head or the processes keep what they report.
 */
package dev.manta.cluster.state;
