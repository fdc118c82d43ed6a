package dev.manta.cluster.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One group of a summary: the tasks of one name, or the actors of one class, counted by state.
 *
 * @param group the task name or actor class
 * @param kind what was counted: {@code task}, {@code actor call}, {@code actor creation}, {@code
 *     actor}
 * @param byState how many are in each state, states in a fixed order
 */
public record SummaryRow(String group, String kind, Map<String, Long> byState) implements Row {
  /** Copies the counts, keeping their order. */
  public SummaryRow {
    byState = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byState));
  }

  /** All counted. */
  public long total() {
    return byState.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public Map<String, Object> fields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", group);
    m.put("kind", kind);
    m.put("total", total());
    byState.forEach((s, n) -> m.put(s.toLowerCase(java.util.Locale.ROOT), n));
    return java.util.Collections.unmodifiableMap(m);
  }
}
