package dev.manta.cluster.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a row's ordered, unmodifiable field map from alternating names and values. */
final class Fields {
  private Fields() {}

  static Map<String, Object> of(Object... namesAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }
}
