/**
 * Values that describe work, below both the engine that runs it and the ports that move it: what
 * Manta knows about a remote function ({@link dev.manta.runtime.spec.FunctionInfo}), the immutable
 * {@link dev.manta.runtime.spec.TaskSpec} with its {@link dev.manta.runtime.spec.TaskArg}s, the
 * resources work demands ({@link dev.manta.runtime.spec.ResourceSet}) and the check of the JVM
 * options an actor or a job asks for ({@link dev.manta.runtime.spec.JvmOptions}). Nothing here
 * holds run state or imports the engine.
 */
package dev.manta.runtime.spec;
