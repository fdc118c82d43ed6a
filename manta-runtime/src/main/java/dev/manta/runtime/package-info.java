/**
 * Manta's runtime: the {@link dev.manta.runtime.CoreWorker} that wires the concepts of the
 * subpackages together (ids, ownership, serial, store, task, exec, actor). Everything here is
 * internal: users program against {@code dev.manta} only.
 */
package dev.manta.runtime;
