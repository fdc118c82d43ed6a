package dev.manta;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link Manta#wait}: the refs that were ready and those that were not, each list in
 * the order of the refs given to {@code wait}.
 *
 * @param ready refs whose values (or errors) are available; at most the number asked for
 * @param unready the other refs
 * @param <T> the type of the values
 */
public record WaitResult<T>(List<ObjectRef<T>> ready, List<ObjectRef<T>> unready) {
  /** Copies both lists, which must not be null. */
  public WaitResult {
    ready = List.copyOf(Objects.requireNonNull(ready, "ready"));
    unready = List.copyOf(Objects.requireNonNull(unready, "unready"));
  }

  /** The refs shown per list by {@link #toString()}; a wait over thousands stays one short line. */
  private static final int SHOWN = 4;

  /**
   * Both counts and the first few refs of each list, e.g. {@code WaitResult(1 ready [ObjectRef(…)],
   * 2 unready [ObjectRef(…), ObjectRef(…)])}.
   */
  @Override
  public String toString() {
    return "WaitResult("
        + ready.size()
        + " ready "
        + first(ready)
        + ", "
        + unready.size()
        + " unready "
        + first(unready)
        + ")";
  }

  private static String first(List<?> refs) {
    if (refs.size() <= SHOWN) {
      return refs.toString();
    }
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < SHOWN; i++) {
      sb.append(refs.get(i)).append(", ");
    }
    return sb.append("… ").append(refs.size() - SHOWN).append(" more]").toString();
  }
}
