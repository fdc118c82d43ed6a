/**
 * Actors: the directory of live actors (by id and name), each actor's mailbox and state machine,
 * and the handle classes users hold. Owns call ordering, concurrency limits and backpressure. Knows
 * nothing of how a call is executed ({@code exec}) or how its arguments are resolved ({@code
 * task}).
 *
 * <p>States: {@code CREATING} (constructor queued or running; calls queue up) → {@code ALIVE}
 * (calls run) → {@code DEAD} (killed, constructor failed, or runtime shut down; queued and later
 * calls fail with {@link dev.manta.ActorDiedException}). {@code CREATING} → {@code DEAD} directly
 * when the constructor fails or the actor is killed first. A proxy (an actor in another process)
 * also goes {@code ALIVE} → {@code CREATING} when its process died and its port restarts it ({@code
 * maxRestarts}); calls queue again until the port says it is placed.
 */
package dev.manta.runtime.actor;
