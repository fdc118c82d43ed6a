package dev.manta.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the reports: {@link #write} turns maps, lists, strings, numbers, booleans
 * and null into indented JSON (a non-finite number becomes {@code null}, as strict JSON wants);
 * {@link #parse} reads any JSON document into the same types ({@code Map} keeps key order, numbers
 * are {@code Double}). A library would be a dependency of the whole reactor for two small files.
 */
final class Json {
  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /** Writes {@code value} as JSON, two spaces per level, a row of scalars on one line. */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 0);
    return out.append('\n').toString();
  }

  /**
   * Parses a JSON document.
   *
   * @throws IllegalArgumentException if {@code text} is not JSON; the message gives the offset
   */
  static Object parse(String text) {
    Json p = new Json(text);
    p.skipSpace();
    Object v = p.value();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("end of input");
    }
    return v;
  }

  private static void write(Object value, StringBuilder out, int depth) {
    switch (value) {
      case null -> out.append("null");
      case String s -> quote(s, out);
      case Double d when d.isNaN() || d.isInfinite() -> out.append("null");
      case Float f when f.isNaN() || f.isInfinite() -> out.append("null");
      case Number n -> out.append(n);
      case Boolean b -> out.append(b);
      case Map<?, ?> m -> {
        if (m.isEmpty()) {
          out.append("{}");
          return;
        }
        boolean flat = m.values().stream().noneMatch(v -> v instanceof Map || v instanceof List);
        out.append('{');
        String sep = "";
        for (Map.Entry<?, ?> e : m.entrySet()) {
          out.append(sep);
          if (flat) {
            sep = ", ";
          } else {
            sep = ",";
            newline(out, depth + 1);
          }
          quote(String.valueOf(e.getKey()), out);
          out.append(": ");
          write(e.getValue(), out, depth + 1);
        }
        if (!flat) {
          newline(out, depth);
        }
        out.append('}');
      }
      case List<?> l -> {
        if (l.isEmpty()) {
          out.append("[]");
          return;
        }
        boolean flat = l.stream().noneMatch(v -> v instanceof Map || v instanceof List);
        out.append('[');
        String sep = "";
        for (Object v : l) {
          out.append(sep);
          if (flat) {
            sep = ", ";
          } else {
            sep = ",";
            newline(out, depth + 1);
          }
          write(v, out, depth + 1);
        }
        if (!flat) {
          newline(out, depth);
        }
        out.append(']');
      }
      default ->
          throw new IllegalArgumentException(
              "cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n').append("  ".repeat(depth));
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private Object value() {
    if (pos >= text.length()) {
      throw error("a value");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", true);
      case 'f' -> literal("false", false);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    pos++;
    skipSpace();
    if (peek('}')) {
      pos++;
      return m;
    }
    while (true) {
      skipSpace();
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      m.put(key, value());
      skipSpace();
      if (peek(',')) {
        pos++;
      } else {
        expect('}');
        return m;
      }
    }
  }

  private List<Object> array() {
    List<Object> l = new ArrayList<>();
    pos++;
    skipSpace();
    if (peek(']')) {
      pos++;
      return l;
    }
    while (true) {
      skipSpace();
      l.add(value());
      skipSpace();
      if (peek(',')) {
        pos++;
      } else {
        expect(']');
        return l;
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= text.length()) {
        break;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("four hex digits");
          }
          sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> sb.append(e);
      }
    }
    throw error("a closing quote");
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error(word);
    }
    pos += word.length();
    return value;
  }

  private Double number() {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    if (start == pos) {
      throw error("a value");
    }
    try {
      return Double.valueOf(text.substring(start, pos));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "bad JSON number '" + text.substring(start, pos) + "' at offset " + start, e);
    }
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("'" + c + "'");
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String expected) {
    String near = text.substring(pos, Math.min(text.length(), pos + 20));
    return new IllegalArgumentException(
        "bad JSON at offset " + pos + ": expected " + expected + ", found '" + near + "'");
  }
}
