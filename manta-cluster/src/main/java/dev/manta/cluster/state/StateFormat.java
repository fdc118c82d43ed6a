package dev.manta.cluster.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders rows for people (an aligned table) or for scripts (JSON). Stateless. */
public final class StateFormat {
  /** A cell wider than this is cut, ending in {@code ...}; JSON is never cut. */
  static final int MAX_CELL = 48;

  private StateFormat() {}

  /**
   * The rows as a table: a header of upper-case field names, then one line per row, at most the
   * first {@code columns} fields of each (0: all). "No rows" when there are none.
   */
  public static String table(List<? extends Row> rows, int columns) {
    if (rows.isEmpty()) {
      return "No rows" + System.lineSeparator();
    }
    List<String> names = new ArrayList<>(rows.get(0).fields().keySet());
    if (columns > 0 && names.size() > columns) {
      names = names.subList(0, columns);
    }
    List<List<String>> cells = new ArrayList<>();
    int[] width = new int[names.size()];
    List<String> header = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      header.add(names.get(i).toUpperCase(java.util.Locale.ROOT));
      width[i] = header.get(i).length();
    }
    for (Row r : rows) {
      Map<String, Object> f = r.fields();
      List<String> line = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        Object v = f.get(names.get(i));
        String s = v == null || v.toString().isEmpty() ? "-" : v.toString();
        if (s.length() > MAX_CELL) {
          s = s.substring(0, MAX_CELL - 3) + "...";
        }
        line.add(s);
        width[i] = Math.max(width[i], s.length());
      }
      cells.add(line);
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width);
    for (List<String> l : cells) {
      line(sb, l, width);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        l.append("  ");
      }
      l.append(cells.get(i));
      if (i < cells.size() - 1) {
        l.append(" ".repeat(width[i] - cells.get(i).length()));
      }
    }
    sb.append(l.toString().stripTrailing()).append(System.lineSeparator());
  }

  /**
   * The listing as one JSON object: {@code {"rows": [ {field: value, ...}, ... ], "unreachable":
   * [...]}}, every field of every row.
   */
  public static String json(Listing<? extends Row> listing) {
    List<Object> rows = new ArrayList<>();
    for (Row r : listing.rows()) {
      rows.add(r.fields());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", rows);
    out.put("unreachable", listing.unreachable());
    return Json.write(out) + System.lineSeparator();
  }

  /** {@code value} (a row's fields, a list, a map, a string, a number) as JSON text. */
  public static String json(Object value) {
    return Json.write(value instanceof Row r ? r.fields() : value) + System.lineSeparator();
  }
}
