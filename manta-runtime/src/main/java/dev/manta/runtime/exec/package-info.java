/**
 * Remote functions: identifying a method reference or lambda (its name, arity, kind, whether it
 * captures state) and invoking it with an argument array without reflection. Knows nothing of
 * scheduling or storage.
 */
package dev.manta.runtime.exec;
