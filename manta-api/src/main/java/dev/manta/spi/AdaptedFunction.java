package dev.manta.spi;

import dev.manta.MantaFunction;

/**
 * A function of another API (Ray's {@code RayFunc}, a generated stub) presented to Manta. Manta
 * identifies it, checks it for captured state and names it by {@link #target()}, a serializable
 * lambda or method reference; it runs it through {@link #invoke}.
 *
 * <p>An adapted function is a value, and implementations must say so with {@code equals} and {@code
 * hashCode}: two adapted functions are equal only if they do the same wherever they run. In cluster
 * mode an owner ships each distinct function to a worker once and the worker runs that copy for
 * every later equal one, since every function of one API shares one adapter class. So all of its
 * state must be serializable and equal copies must behave the same; state of the process that made
 * it (an object only that process holds) must not change what it does.
 */
public interface AdaptedFunction extends MantaFunction {
  /** The original function object: a non-capturing serializable lambda or method reference. */
  Object target();

  /** Number of parameters, the actor included for actor methods. */
  int arity();

  /** What the function returns. */
  Returns returns();

  /** Runs the function; for actor methods {@code args[0]} is the actor. */
  Object invoke(Object[] args) throws Exception;

  /** Kinds of return. */
  enum Returns {
    /** A value. */
    VALUE,
    /** Nothing. */
    VOID,
    /** A {@code CompletionStage} whose value is the result. */
    ASYNC
  }
}
