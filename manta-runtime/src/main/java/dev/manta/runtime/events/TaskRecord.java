package dev.manta.runtime.events;

/**
 * One run of a task, actor creation or actor call in the process that executed it, as the state API
 * lists it ({@code manta list tasks}, {@code manta timeline}).
 *
 * @param taskId the task's id (hex)
 * @param name the name shown in errors: the user's task name, else the function's
 * @param kind {@code task}, {@code actor creation} or {@code actor call}
 * @param actorId the actor's id (hex) for a creation or call, else empty
 * @param attempt which try this is (0 first)
 * @param state {@code RUNNING}, {@code FINISHED}, {@code FAILED} or {@code CANCELLED}
 * @param startMicros when the run started, microseconds since the epoch
 * @param endMicros when its result was stored, microseconds since the epoch; 0 while it runs
 * @param threadId the executing thread's {@link Thread#threadId()}
 */
public record TaskRecord(
    String taskId,
    String name,
    String kind,
    String actorId,
    int attempt,
    String state,
    long startMicros,
    long endMicros,
    long threadId) {}
