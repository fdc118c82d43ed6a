package dev.manta.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code --resources} option: a flat JSON object of resource name to amount, such as {@code
 * {"GPU": 1, "nodeB": 1}}, kept both as the text the user wrote (passed to the node unchanged) and
 * as parsed amounts (to reject bad input before a JVM is started).
 *
 * <p>Names are non-empty JSON strings, each at most once; amounts are JSON numbers {@code >= 0}.
 * {@code CPU} is refused: the node's CPU count comes from {@code --num-cpus}.
 *
 * @param json the text as given
 * @param amounts name to amount, in the order written; unmodifiable
 */
record CustomResources(String json, Map<String, Double> amounts) {
  CustomResources {
    Objects.requireNonNull(json, "json");
    amounts = Collections.unmodifiableMap(new LinkedHashMap<>(amounts));
  }

  /**
   * Parses {@code json}.
   *
   * @throws IllegalArgumentException saying what is wrong and at which character (counted from 1)
   */
  static CustomResources parse(String json) {
    return new CustomResources(json, new Parser(json).object());
  }

  /** A recursive-descent parser for exactly one JSON object whose values are numbers. */
  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    Map<String, Double> object() {
      var amounts = new LinkedHashMap<String, Double>();
      skipSpace();
      if (atEnd()) throw error("expected a JSON object such as {\"GPU\": 1}, got nothing");
      expect('{', "expected '{' to open a JSON object such as {\"GPU\": 1}");
      skipSpace();
      if (peek() == '}') {
        pos++;
      } else {
        while (true) {
          skipSpace();
          int keyAt = pos;
          String name = string();
          skipSpace();
          expect(':', "expected ':' after resource name \"" + name + "\"");
          skipSpace();
          double amount = number(name);
          if (name.isEmpty()) throw error(keyAt, "a resource name must not be empty");
          if (name.equals("CPU")) {
            throw error(keyAt, "CPU is not a custom resource: set it with --num-cpus");
          }
          if (amounts.put(name, amount) != null) {
            throw error(keyAt, "resource \"" + name + "\" appears twice");
          }
          skipSpace();
          if (peek() == ',') {
            pos++;
          } else if (peek() == '}') {
            pos++;
            break;
          } else {
            throw error("expected ',' or '}' after the amount of \"" + name + "\"");
          }
        }
      }
      skipSpace();
      if (!atEnd()) throw error("unexpected text after the closing '}'");
      return amounts;
    }

    private String string() {
      if (peek() != '"') throw error("expected a resource name in double quotes");
      int start = pos++;
      var sb = new StringBuilder();
      while (true) {
        if (atEnd()) throw error(start, "unterminated string");
        char c = text.charAt(pos++);
        if (c == '"') return sb.toString();
        if (c < 0x20) throw error(pos - 1, "control character in a string; escape it");
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        if (atEnd()) throw error(start, "unterminated string");
        char e = text.charAt(pos++);
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            if (pos + 4 > text.length()) throw error(pos - 2, "\\u needs four hex digits");
            try {
              sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error(pos - 2, "\\u needs four hex digits", ex);
            }
            pos += 4;
          }
          default -> throw error(pos - 2, "unknown escape \\" + e);
        }
      }
    }

    /** A JSON number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private double number(String name) {
      int start = pos;
      if (peek() == '-') pos++;
      if (peek() == '0') {
        pos++;
      } else if (isDigit(peek())) {
        while (isDigit(peek())) pos++;
      } else {
        throw error(start, "the amount of \"" + name + "\" must be a number, such as 1 or 0.5");
      }
      if (peek() == '.') {
        pos++;
        if (!isDigit(peek())) throw error("expected a digit after '.'");
        while (isDigit(peek())) pos++;
      }
      if (peek() == 'e' || peek() == 'E') {
        pos++;
        if (peek() == '+' || peek() == '-') pos++;
        if (!isDigit(peek())) throw error("expected a digit in the exponent");
        while (isDigit(peek())) pos++;
      }
      String literal = text.substring(start, pos);
      double value = Double.parseDouble(literal);
      if (!Double.isFinite(value)) {
        throw error(start, "the amount of \"" + name + "\" is too large: " + literal);
      }
      if (value < 0) {
        throw error(start, "the amount of \"" + name + "\" must be >= 0, was " + literal);
      }
      return value;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private void expect(char c, String message) {
      if (peek() != c) throw error(message);
      pos++;
    }

    private void skipSpace() {
      while (!atEnd() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) pos++;
    }

    private boolean atEnd() {
      return pos >= text.length();
    }

    /** The next character, or {@code '\0'} at the end (never valid where it is checked). */
    private char peek() {
      return atEnd() ? '\0' : text.charAt(pos);
    }

    private IllegalArgumentException error(String message) {
      return error(pos, message);
    }

    private IllegalArgumentException error(int at, String message) {
      return new IllegalArgumentException(describe(at, message));
    }

    private IllegalArgumentException error(int at, String message, Throwable cause) {
      return new IllegalArgumentException(describe(at, message), cause);
    }

    private String describe(int at, String message) {
      String where = at >= text.length() ? "at the end" : "at character " + (at + 1);
      return "invalid resources JSON " + where + ": " + message + " (in " + text + ")";
    }
  }
}
