package dev.tact.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of an archive's table file: a JSON array on one line. Writing ({@link CanonicalRow}) is canonical (the same
 * values always give the same characters): strings escape only the quote, the backslash and control characters;
 * reading accepts exactly what writing gives (null, true, false, numbers, strings).
 */
final class CanonicalJson {

  /** A JSON number, kept as written so that no precision is lost on the way to its column. */
  record Number(String literal) {}

  private CanonicalJson() {}

  static void quote(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        out.append(escape(c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  /** How a quote, a backslash or a control character is written inside a string. */
  static String escape(char c) {
    return switch (c) {
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> "\\u00" + Character.forDigit(c >> 4, 16) + Character.forDigit(c & 0xF, 16);
    };
  }

  /** Reads one line {@link CanonicalRow} wrote; a line that is not one is refused with {@link ArchiveProblem}. */
  static List<Object> parseArray(String text, String where) {
    List<Object> values = new ArrayList<>();
    int i = 0;
    int n = text.length();
    if (n < 2 || text.charAt(0) != '[' || text.charAt(n - 1) != ']') {
      throw malformed(where);
    }
    i = 1;
    if (i == n - 1) {
      return values;
    }
    while (true) {
      char c = text.charAt(i);
      if (c == '"') {
        StringBuilder value = new StringBuilder();
        i++;
        while (true) {
          if (i >= n - 1) {
            throw malformed(where);
          }
          char d = text.charAt(i++);
          if (d == '"') {
            break;
          }
          if (d != '\\') {
            value.append(d);
            continue;
          }
          char e = text.charAt(i++);
          switch (e) {
            case '"' -> value.append('"');
            case '\\' -> value.append('\\');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'u' -> {
              value.append((char) Integer.parseInt(text, i, i + 4, 16));
              i += 4;
            }
            default -> throw malformed(where);
          }
        }
        values.add(value.toString());
      } else {
        int end = i;
        while (end < n - 1 && text.charAt(end) != ',') {
          end++;
        }
        String token = text.substring(i, end);
        switch (token) {
          case "null" -> values.add(null);
          case "true" -> values.add(Boolean.TRUE);
          case "false" -> values.add(Boolean.FALSE);
          default -> {
            if (token.isEmpty() || !(Character.isDigit(token.charAt(0)) || token.charAt(0) == '-')) {
              throw malformed(where);
            }
            values.add(new Number(token));
          }
        }
        i = end;
      }
      if (i == n - 1) {
        return values;
      }
      if (text.charAt(i) != ',') {
        throw malformed(where);
      }
      i++;
    }
  }

  private static ArchiveProblem malformed(String where) {
    return new ArchiveProblem("The archive is damaged: " + where + " is not a row this format writes");
  }
}
