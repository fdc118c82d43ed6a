/**
 * The annotation processor behind {@code @RemoteFunction} and {@code @RemoteActor}: it checks
 * definitions at compile time, generates typed stubs that call the method-reference API, and a
 * registry of every remote function by stable key. Owns only code generation; nothing here runs at
 * run time.
 */
package dev.manta.processor;
