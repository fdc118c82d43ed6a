package dev.manta.runtime;

/** {@link HandleTravelBehaviour}, each test as the driver of a job on a real cluster. */
class ClusterHandleTravelTest extends HandleTravelBehaviour<ClusterDriverFixture>
    implements ClusterDriverFixture.Source {}
