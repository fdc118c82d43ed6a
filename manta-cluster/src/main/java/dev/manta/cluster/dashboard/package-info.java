/**
 * The head's dashboard server ({@link dev.manta.cluster.dashboard.Dashboard}): the page the {@code
 * manta-dashboard} module bundles, and the JSON endpoints it polls, answered from the state API
 * ({@link dev.manta.cluster.state.ClusterState}). Knows nothing of how the head keeps its tables.
 */
package dev.manta.cluster.dashboard;
