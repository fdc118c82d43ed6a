/**
 * The allowlists that every deserialization of bytes from another process goes through: Java
 * serialization (shipped functions, remote exceptions: {@code JavaInputFilter}, with limits on
 * depth, references and array sizes) and, in cluster mode, Fory (task arguments, results and {@code
 * put} values: {@code ValueClassFilter}, by class name before the class is loaded). Depends on
 * nothing else of Manta, so that any package may use it.
 */
package dev.manta.runtime.serial.filter;
