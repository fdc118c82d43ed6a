package dev.manta.cluster.state;

import java.util.List;

/**
 * The rows of one listing, and the processes that did not answer it ({@code "address: why"}; only
 * tasks and objects are asked of processes, so only their listings can name any).
 */
public record Listing<R extends Row>(List<R> rows, List<String> unreachable) {
  /** Copies both lists. */
  public Listing {
    rows = List.copyOf(rows);
    unreachable = List.copyOf(unreachable);
  }

  /** The rows that pass {@code filter}, the first {@code limit} (0: all); unreachable kept. */
  public Listing<R> select(Filter filter, int limit) {
    List<R> kept = rows.stream().filter(filter::test).toList();
    if (limit > 0 && kept.size() > limit) {
      kept = kept.subList(0, limit);
    }
    return new Listing<>(kept, unreachable);
  }

  /**
   * The rows that pass {@code filter}, the last {@code limit} (0: all), in their order; for a
   * listing sorted oldest first (tasks), the newest. Unreachable kept.
   */
  public Listing<R> selectLast(Filter filter, int limit) {
    List<R> kept = rows.stream().filter(filter::test).toList();
    if (limit > 0 && kept.size() > limit) {
      kept = kept.subList(kept.size() - limit, kept.size());
    }
    return new Listing<>(kept, unreachable);
  }
}
