package dev.manta;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method as a remote function. With {@code manta-processor} on the annotation
 * processor path, the compiler generates a typed stub for it and registers it in the function
 * index; without the processor the method is still callable as {@code Manta.task(Cls::method)}.
 * Options declared here are defaults; options set on a call override them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RemoteFunction {
  /** Task name shown in errors and logs; empty means {@code Class.method}. */
  String name() default "";

  /** CPUs each call holds while it runs. */
  double numCpus() default 1;

  /** Custom resources each call holds while it runs. */
  Resource[] resources() default {};

  /**
   * {@link #maxRetries()} not given: the runtime's {@link MantaConfig#taskMaxRetries()} applies.
   */
  int CONFIGURED_RETRIES = -2;

  /**
   * Retries after a failure of the process running the call (-1: forever, 0: never); by default the
   * runtime's {@link MantaConfig#taskMaxRetries()} ({@value TaskCall#DEFAULT_MAX_RETRIES} unless
   * configured).
   */
  int maxRetries() default CONFIGURED_RETRIES;

  /** Whether exceptions thrown by the function are retried too (every exception). */
  boolean retryExceptions() default false;

  /**
   * Exceptions thrown by the function that are retried (instances of these classes or of their
   * subclasses; the causes are not matched), as {@link TaskCall#retryExceptions(Class[])} does;
   * empty: {@link #retryExceptions()} decides. Giving both is an error the processor reports.
   */
  Class<? extends Throwable>[] retryExceptionTypes() default {};
}
