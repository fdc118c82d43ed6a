package dev.manta.bench;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One of Ray's benchmark rows: its exact name and unit, and either how to set it up on Manta or why
 * it cannot run on Manta yet.
 *
 * @param name Ray's row name, exactly as {@code ray microbenchmark} prints it
 * @param unit {@code "GB/s"} for the gigabytes rows, {@code "/s"} for the others
 * @param setup builds the workload from the sizes; empty when the row is not built
 * @param notBuilt why the row cannot run ("not built: ..."); empty when it runs
 */
record Row(
    String name,
    String unit,
    Optional<Function<Sizes, Workload>> setup,
    Optional<String> notBuilt) {
  Row {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    if (setup.isPresent() == notBuilt.isPresent()) {
      throw new IllegalArgumentException(
          "row '" + name + "' needs exactly one of a set-up and a not-built note");
    }
  }

  /** A row Manta runs. */
  static Row runs(String name, Function<Sizes, Workload> setup) {
    return new Row(name, unitOf(name), Optional.of(setup), Optional.empty());
  }

  /** A row Manta cannot run yet, and why. */
  static Row notBuilt(String name, String why) {
    return new Row(name, unitOf(name), Optional.empty(), Optional.of("not built: " + why));
  }

  /** Ray's rule: rows whose name contains "gigabytes" are GB/s, all others per second. */
  static String unitOf(String name) {
    return name.contains("gigabytes") ? "GB/s" : "/s";
  }
}
