package dev.manta.runtime;

/** {@link HandleTravelBehaviour} on the embedded runtime. */
class EmbeddedHandleTravelTest extends HandleTravelBehaviour<EmbeddedFixture>
    implements EmbeddedFixture.Source {}
