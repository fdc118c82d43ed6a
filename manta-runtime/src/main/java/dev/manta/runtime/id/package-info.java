/**
 * Ids of jobs, tasks, actors and objects: small immutable records over fixed-width numbers. Owns id
 * layout and generation; knows nothing of what the ids name.
 *
 * <p>Layout: a {@link dev.manta.runtime.id.TaskId} is 128 bits, a 64-bit random prefix drawn once
 * per worker process (so ids from different workers never collide) and a 64-bit counter. An {@link
 * dev.manta.runtime.id.ObjectId} is the task that made the object plus a 1-based index: return
 * values count up from 1; {@code put} objects use a fresh task id of their own.
 */
package dev.manta.runtime.id;
