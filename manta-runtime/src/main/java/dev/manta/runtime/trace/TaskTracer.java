package dev.manta.runtime.trace;

/**
 * Makes a span of each task execution and actor call. The runtime holds at most one per process
 * ({@link Tracing}); without one it creates no span objects. Implementations are thread-safe: runs
 * start and end on any thread.
 */
public interface TaskTracer {
  /**
   * Starts the span of one run.
   *
   * @param run what runs
   * @return the span, ended once by the runtime when the run ends
   */
  Span start(RunInfo run);

  /** Flushes what was recorded and stops exporting; called once, at process exit. */
  void close();

  /**
   * What the tracer learns of a run.
   *
   * @param name the function or method name (the task's name if the user gave one)
   * @param kind "task", "actor creation" or "actor call"
   * @param taskId the task id, hex
   * @param attempt which try this is (0 first)
   * @param actorId the actor's id, hex, or null for a plain task
   * @param parent the W3C traceparent of the submitting span, or null for a root
   */
  record RunInfo(
      String name, String kind, String taskId, int attempt, String actorId, String parent) {}

  /** One started span. */
  interface Span {
    /** This span's W3C traceparent: the parent of the tasks the run submits. */
    String traceParent();

    /**
     * Ends the span.
     *
     * @param outcome how the run ended ({@code FINISHED}, {@code FAILED}, {@code CANCELLED} ...)
     */
    void end(String outcome);
  }
}
