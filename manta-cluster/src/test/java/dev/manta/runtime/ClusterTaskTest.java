package dev.manta.runtime;

/** {@link TaskBehaviour}, each test as the driver of a job on a real cluster. */
class ClusterTaskTest extends TaskBehaviour<ClusterDriverFixture>
    implements ClusterDriverFixture.Source {}
