/**
 * The core worker's ports: contracts only, importing nothing of the engine (only {@code spec},
 * {@code id}, {@code store}, the task records of {@code events} and the public API). Outbound,
 * {@link dev.manta.runtime.port.ClusterPorts}: where a task runs, where an actor lives, where an
 * object's bytes are, who else exists. Inbound, {@link dev.manta.runtime.port.CoreAccess}: the one
 * door through which ports act on the core. {@link dev.manta.runtime.port.PortsFactory} opens them;
 * the engine's tasks and actors appear only as {@link dev.manta.runtime.port.TaskHandle} and {@link
 * dev.manta.runtime.port.ActorProxy}. The embedded runtime implements the ports in process, {@code
 * manta-cluster} over gRPC.
 *
 * <h2>Which thread completes what</h2>
 *
 * <ul>
 *   <li>A task handed to {@code runTask}, {@code createActor} or {@code sendActorCall} is completed
 *       exactly once: by a core thread if the port ran it here ({@code runLocally}, {@code
 *       startActorHere}), else by the port calling {@code CoreAccess.complete}, on a transport
 *       thread only for a plain value of a task that holds no refs ({@link
 *       dev.manta.runtime.port.TaskHandle#holdsRefs()}), otherwise on a thread that may block.
 *   <li>What the core registered on an object (a waiting task, a user's callback) runs on the
 *       {@code callbackExecutor} the factory gave, which leaves transport threads.
 *   <li>A stand-in of a borrowed object is completed by the port ({@code completeObject}) on the
 *       thread that received the owner's value.
 *   <li>{@link dev.manta.runtime.port.ActorProxy#placed()} and {@link
 *       dev.manta.runtime.port.ActorProxy#restarting()} never block and may run on a transport
 *       thread; {@link dev.manta.runtime.port.ActorProxy#kill} fails calls and runs callbacks, so
 *       ports call it off transport threads.
 *   <li>{@code released} runs on the thread that freed the object; {@code actorKilled} on the
 *       thread that killed the actor. Neither may block on the network.
 * </ul>
 */
package dev.manta.runtime.port;
