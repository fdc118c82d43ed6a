package dev.manta.cluster.rpc;

import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retrying a call to a peer that cannot be reached yet, with backoff, within a deadline: how a
 * driver or node agent joins a head that is busy (a machine booting worker JVMs answers late) or
 * restarting.
 *
 * <p>Policy: attempt {@code n} (from 0) gets a deadline of {@code firstAttemptMs * 2^n}, cut to
 * what is left of {@code totalMs}; between attempts the caller waits 100 ms, doubling up to 2 s. A
 * call that timed out ({@code DEADLINE_EXCEEDED}: the peer is there but slow) is retried until
 * {@code totalMs}; a refused one ({@code UNAVAILABLE}: nothing listens) only until {@code
 * refusedMs}, so that a wrong address still fails soon. Any other failure ends the retries at once.
 */
public final class Backoff {
  private static final Logger LOG = LoggerFactory.getLogger(Backoff.class);
  static final long FIRST_PAUSE_MS = 100;
  static final long MAX_PAUSE_MS = 2_000;

  private Backoff() {}

  /**
   * Runs a call that needs the head ({@code call} gets the milliseconds left of {@link
   * Rpc#headWaitMs()} and sends with {@link Rpc#headDeadline(io.grpc.stub.AbstractStub, long)}),
   * sending it again when the head's death cut it off ({@code UNAVAILABLE}), with backoff, until
   * that deadline. Every head call is idempotent (a register or update sent twice has the effect of
   * one), so a call the old head applied but whose answer was lost does no harm when sent again.
   *
   * @throws io.grpc.StatusRuntimeException the last failure, once the deadline is spent or for any
   *     other status
   */
  public static <T> T onHead(String what, LongFunction<T> call) {
    return untilReachable(what, Rpc.headWaitMs(), Rpc.headWaitMs(), Rpc.headWaitMs(), call);
  }

  /**
   * Runs {@code call} with the deadline of each attempt (ms) until it returns, per the policy
   * above; {@code what} names the call in logs.
   *
   * @throws io.grpc.StatusRuntimeException the last attempt's failure when the retries are over
   * @throws IllegalStateException if interrupted while waiting (the interrupt flag is set again)
   */
  public static <T> T untilReachable(
      String what, long firstAttemptMs, long totalMs, long refusedMs, LongFunction<T> call) {
    long start = System.nanoTime();
    long pause = FIRST_PAUSE_MS;
    for (int attempt = 0; ; attempt++) {
      long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      long attemptMs =
          Math.max(1, Math.min(firstAttemptMs << Math.min(attempt, 20), totalMs - elapsed));
      try {
        return call.apply(attemptMs);
      } catch (io.grpc.StatusRuntimeException e) {
        io.grpc.Status.Code c = e.getStatus().getCode();
        long after = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + pause;
        boolean again =
            (c == io.grpc.Status.Code.DEADLINE_EXCEEDED && after < totalMs)
                || (c == io.grpc.Status.Code.UNAVAILABLE && after < Math.min(refusedMs, totalMs));
        if (!again) {
          throw e;
        }
        LOG.info("{} failed ({}); trying again in {} ms", what, c, pause);
      }
      try {
        Thread.sleep(pause); // a backoff between attempts, not a wait for an event
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while retrying " + what, ie);
      }
      pause = Math.min(2 * pause, MAX_PAUSE_MS);
    }
  }

  /**
   * Runs {@code call} until it returns or {@code totalMs} have passed, pausing between attempts as
   * above (100 ms doubling up to 2 s), whatever it throws: for work that fails for a while and then
   * succeeds (placing an actor again while the cluster hears of a death and boots a worker), not
   * for a peer's answer. {@code what} names the work in logs.
   *
   * @throws RuntimeException the last attempt's failure once the time is spent
   * @throws IllegalStateException if interrupted while waiting (the interrupt flag is set again)
   */
  public static <T> T untilDone(String what, long totalMs, java.util.function.Supplier<T> call) {
    long start = System.nanoTime();
    long pause = FIRST_PAUSE_MS;
    while (true) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        long after = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + pause;
        if (after >= totalMs) {
          throw e;
        }
        LOG.info("{} failed ({}); trying again in {} ms", what, e.toString(), pause);
      }
      try {
        Thread.sleep(pause); // a backoff between attempts, not a wait for an event
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while retrying " + what, ie);
      }
      pause = Math.min(2 * pause, MAX_PAUSE_MS);
    }
  }
}
