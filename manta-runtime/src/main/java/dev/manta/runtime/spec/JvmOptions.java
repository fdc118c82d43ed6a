package dev.manta.runtime.spec;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The check of the JVM options of an actor ({@code ActorCreator.jvmOptions}) or of a job. */
public final class JvmOptions {
  /** Options that replace what the worker JVM runs, or make it exit instead of running it. */
  private static final Set<String> REFUSED =
      Set.of(
          "-cp",
          "-classpath",
          "--class-path",
          "-jar",
          "-p",
          "--module-path",
          "-m",
          "--module",
          "-version",
          "--version",
          "-help",
          "--help",
          "-h",
          "-?",
          "-X",
          "--dry-run");

  private JvmOptions() {}

  /**
   * {@code options}, checked and copied.
   *
   * @throws IllegalArgumentException naming the first option that would break the actor's worker
   *     JVM, and why
   */
  public static List<String> check(List<String> options) {
    Objects.requireNonNull(options, "options");
    for (String o : options) {
      Objects.requireNonNull(o, "a JVM option is null");
      String name = o.contains("=") ? o.substring(0, o.indexOf('=')) : o;
      if (o.isBlank() || !o.startsWith("-")) {
        throw new IllegalArgumentException(
            "Actor JVM option '"
                + o
                + "' is not a JVM option (those start with '-', e.g. -Xmx2g or -Dkey=value):"
                + " pass each option as one list entry, without a main class or arguments");
      }
      if (REFUSED.contains(name)) {
        throw new IllegalArgumentException(
            "Actor JVM option '"
                + o
                + "' is refused: the worker JVM runs Manta's worker on the node's class path"
                + " (the job's code is loaded by the worker), so an option that replaces its"
                + " class path, module or main class, or makes the JVM exit at once, would break"
                + " it; drop it (ship code with the job instead)");
      }
    }
    return List.copyOf(options);
  }
}
