package dev.manta.runtime;

/** {@link TaskBehaviour} on the embedded runtime. */
class EmbeddedTaskTest extends TaskBehaviour<EmbeddedFixture> implements EmbeddedFixture.Source {}
