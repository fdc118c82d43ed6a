package dev.manta;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Checks label selectors ({@link TaskCall#labelSelector}) where they are given. */
final class Labels {
  private Labels() {}

  /**
   * A read-only copy of {@code selector}, each condition checked: a key that is not blank, and a
   * value, {@code !value}, {@code in(a,b,...)} or {@code !in(a,b,...)} with no empty value.
   *
   * @throws IllegalArgumentException naming the key and the condition, if one is malformed
   * @throws NullPointerException if {@code selector} is null
   */
  static Map<String, String> checked(Map<String, String> selector) {
    Objects.requireNonNull(selector, "selector");
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : selector.entrySet()) {
      String key = e.getKey();
      String expression = e.getValue();
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("labelSelector: a label key is blank");
      }
      if (expression == null || expression.isBlank()) {
        throw new IllegalArgumentException(
            "labelSelector: the condition of label '"
                + key
                + "' is blank; give value, !value, in(a,b) or !in(a,b)");
      }
      String x = expression.strip();
      if (x.startsWith("!")) {
        x = x.substring(1).strip();
      }
      String[] values = {x};
      if (x.startsWith("in(")) {
        if (!x.endsWith(")")) {
          throw new IllegalArgumentException(
              "labelSelector: the condition '"
                  + expression
                  + "' of label '"
                  + key
                  + "' lacks its closing ')'; write in(a,b)");
        }
        values = x.substring(3, x.length() - 1).split(",", -1);
      }
      for (String v : values) {
        if (v.isBlank()) {
          throw new IllegalArgumentException(
              "labelSelector: the condition '"
                  + expression
                  + "' of label '"
                  + key
                  + "' has an empty value");
        }
      }
      copy.put(key, expression);
    }
    return Collections.unmodifiableMap(copy);
  }
}
