package dev.manta;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A custom resource demand inside {@link RemoteFunction} or {@link RemoteActor}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Resource {
  /** The resource's name, e.g. {@code GPU}. */
  String name();

  /** How much of it; must be {@code >= 0}. */
  double amount();
}
