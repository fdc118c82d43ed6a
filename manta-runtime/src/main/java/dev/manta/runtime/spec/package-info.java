/**
 * Values that describe work, below both the engine that runs it and the ports that move it: what
 * Manta knows about a remote function ({@link dev.manta.runtime.spec.FunctionInfo}). Nothing here
 * holds run state or imports the engine.
 */
package dev.manta.runtime.spec;
