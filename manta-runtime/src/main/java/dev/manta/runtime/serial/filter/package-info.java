/**
 * The allowlists that every Java deserialization of bytes from another process goes through
 * (shipped functions, remote exceptions): which classes may appear, and limits on depth, references
 * and array sizes. Depends on nothing else of Manta, so that any package may use it.
 */
package dev.manta.runtime.serial.filter;
