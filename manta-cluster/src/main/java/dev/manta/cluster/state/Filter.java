package dev.manta.cluster.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Conditions on a row's fields, all of which must hold: {@code key=value} (equal) or {@code
 * key!=value} (not equal), compared as text ignoring case; a key the row does not have fails {@code
 * =} and passes {@code !=}. Immutable.
 */
public final class Filter {
  private record Condition(String key, String value, boolean equal) {}

  private final List<Condition> conditions;

  private Filter(List<Condition> conditions) {
    this.conditions = List.copyOf(conditions);
  }

  /** The filter every row passes. */
  public static Filter all() {
    return new Filter(List.of());
  }

  /**
   * The filter of {@code expressions}, each {@code key=value} or {@code key!=value}.
   *
   * @throws IllegalArgumentException naming an expression without {@code =}, or with an empty key
   */
  public static Filter parse(List<String> expressions) {
    List<Condition> out = new ArrayList<>();
    for (String e : expressions) {
      int eq = e.indexOf('=');
      if (eq <= 0 || (eq == 1 && e.charAt(0) == '!')) {
        throw new IllegalArgumentException(
            "Filter '" + e + "' is not KEY=VALUE or KEY!=VALUE (for example state=RUNNING)");
      }
      boolean not = e.charAt(eq - 1) == '!';
      String key = e.substring(0, not ? eq - 1 : eq).strip().toLowerCase(Locale.ROOT);
      out.add(new Condition(key, e.substring(eq + 1).strip(), !not));
    }
    return new Filter(out);
  }

  /** Whether {@code row} meets every condition. */
  public boolean test(Row row) {
    Map<String, Object> f = row.fields();
    for (Condition c : conditions) {
      Object v = f.get(c.key());
      boolean same = v != null && String.valueOf(v).equalsIgnoreCase(c.value());
      if (same != c.equal()) {
        return false;
      }
    }
    return true;
  }
}
