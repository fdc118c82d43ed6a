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
}
