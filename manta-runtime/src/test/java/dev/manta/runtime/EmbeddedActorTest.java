package dev.manta.runtime;

/** {@link ActorBehaviour} on the embedded runtime. */
class EmbeddedActorTest extends ActorBehaviour<EmbeddedFixture> implements EmbeddedFixture.Source {}
