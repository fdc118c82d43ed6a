package dev.manta.runtime;

/** {@link ActorBehaviour}, each test as the driver of a job on a real cluster. */
class ClusterActorTest extends ActorBehaviour<ClusterDriverFixture>
    implements ClusterDriverFixture.Source {}
