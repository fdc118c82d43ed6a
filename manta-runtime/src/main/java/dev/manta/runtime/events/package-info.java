/**
 * Manta's JDK Flight Recorder events: one per task execution, actor call, spill, restore and object
 * transfer, so that {@code jcmd <pid> JFR.start} or {@code -XX:StartFlightRecording} shows Manta's
 * work beside garbage collection, locks and I/O in JDK Mission Control.
 *
 * <p>Every event is in the category "Manta" and enabled by JFR's default settings. When no
 * recording runs, an event costs an allocation the JIT removes and one check ({@code
 * shouldCommit}), so the hot paths create them unconditionally. Events are written on the thread
 * that did the work; none of them blocks.
 */
package dev.manta.runtime.events;
