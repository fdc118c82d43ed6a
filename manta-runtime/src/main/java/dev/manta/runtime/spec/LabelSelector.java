package dev.manta.runtime.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which nodes a task or actor may run on, by the nodes' labels ({@code manta start --labels
 * k=v,...}), as Ray's {@code label_selector}: every key's condition must hold (a hard constraint).
 * A condition is one of {@code value} (the label is that value), {@code !value} (the label is
 * absent or another value), {@code in(a,b,...)} (the label is one of them) and {@code !in(a,b,...)}
 * (absent or none of them). The key {@value #NODE_ID} is every node's own id, so a selector can pin
 * work to one node. Immutable.
 */
public final class LabelSelector {
  /** The label every node has: its node id. */
  public static final String NODE_ID = "manta.io/node-id";

  /** No condition: every node matches. */
  public static final LabelSelector NONE = new LabelSelector(Map.of(), Map.of());

  private final Map<String, String> source; // key -> expression, sorted by key
  private final Map<String, Condition> conditions;

  private record Condition(boolean negated, List<String> values) {
    boolean holds(String label) {
      boolean in = label != null && values.contains(label);
      return negated != in;
    }
  }

  private LabelSelector(Map<String, String> source, Map<String, Condition> conditions) {
    this.source = source;
    this.conditions = conditions;
  }

  /**
   * The selector of {@code selector} (label key to condition).
   *
   * @throws IllegalArgumentException naming the key, for a blank key, a blank condition or value,
   *     or an {@code in(...)} without its closing parenthesis or with an empty value
   */
  public static LabelSelector of(Map<String, String> selector) {
    Objects.requireNonNull(selector, "selector");
    if (selector.isEmpty()) {
      return NONE;
    }
    Map<String, Condition> parsed = new TreeMap<>();
    Map<String, String> source = new TreeMap<>();
    for (Map.Entry<String, String> e : selector.entrySet()) {
      Condition c = parse(e.getKey(), e.getValue()); // checks the key before TreeMap sees it
      parsed.put(e.getKey(), c);
      source.put(e.getKey(), e.getValue());
    }
    Map<String, Condition> conditions = new LinkedHashMap<>(parsed);
    return new LabelSelector(
        Collections.unmodifiableMap(source), Collections.unmodifiableMap(conditions));
  }

  private static Condition parse(String key, String expression) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("labelSelector: a label key is blank");
    }
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException(
          "labelSelector: the condition of label '"
              + key
              + "' is blank; give a value, !value,"
              + " in(a,b) or !in(a,b)");
    }
    String e = expression.strip();
    boolean negated = e.startsWith("!");
    if (negated) {
      e = e.substring(1).strip();
    }
    List<String> values = new ArrayList<>();
    if (e.startsWith("in(")) {
      if (!e.endsWith(")")) {
        throw new IllegalArgumentException(
            "labelSelector: the condition '"
                + expression
                + "' of label '"
                + key
                + "' lacks its closing ')'; write in(a,b)");
      }
      for (String v : e.substring(3, e.length() - 1).split(",", -1)) {
        values.add(v.strip());
      }
    } else {
      values.add(e);
    }
    for (String v : values) {
      if (v.isEmpty()) {
        throw new IllegalArgumentException(
            "labelSelector: the condition '"
                + expression
                + "' of label '"
                + key
                + "' has an empty value");
      }
    }
    return new Condition(negated, List.copyOf(values));
  }

  /** Whether a node with {@code labels} and id {@code nodeId} satisfies every condition. */
  public boolean matches(Map<String, String> labels, String nodeId) {
    for (Map.Entry<String, Condition> c : conditions.entrySet()) {
      String label = c.getKey().equals(NODE_ID) ? nodeId : labels.get(c.getKey());
      if (!c.getValue().holds(label)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this selector has no condition. */
  public boolean isEmpty() {
    return conditions.isEmpty();
  }

  /** The conditions as given (key to expression, sorted by key), for the wire. */
  public Map<String, String> toMap() {
    return source;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSelector s && s.source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  /** For example {@code {zone=in(a,b), disk=!hdd}}. */
  @Override
  public String toString() {
    return source.toString();
  }
}
