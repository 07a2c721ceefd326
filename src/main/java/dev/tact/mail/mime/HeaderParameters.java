package dev.tact.mail.mime;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A structured header value such as Content-Type or Content-Disposition: the leading token (lower-cased) and
 * its parameters (names lower-cased), with RFC 2231 continuations and charsets joined and decoded, and RFC 2047
 * encoded words inside quoted values decoded (common though not allowed).
 */
public record HeaderParameters(String value, Map<String, String> parameters) {

  /** Parses leniently; never throws. */
  public static HeaderParameters parse(String header) {
    if (header == null) {
      return new HeaderParameters("", Map.of());
    }
    List<String> pieces = splitOnSemicolons(header);
    String value = pieces.isEmpty() ? "" : pieces.get(0).trim().toLowerCase(Locale.ROOT);
    Map<String, String> plain = new LinkedHashMap<>();
    Map<String, TreeMap<Integer, String[]>> extended = new LinkedHashMap<>();
    for (int i = 1; i < pieces.size(); i++) {
      String piece = pieces.get(i);
      int eq = piece.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = piece.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String raw = piece.substring(eq + 1).trim();
      boolean quoted = raw.startsWith("\"");
      String val = unquote(raw);
      int star = name.indexOf('*');
      if (star < 0) {
        plain.putIfAbsent(name, val);
        continue;
      }
      String base = name.substring(0, star);
      String rest = name.substring(star + 1);
      boolean encoded = rest.endsWith("*") || rest.isEmpty();
      String number = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
      int index = number.isEmpty() ? 0 : parseIndex(number);
      if (index < 0) {
        continue;
      }
      extended.computeIfAbsent(base, k -> new TreeMap<>())
          .putIfAbsent(index, new String[] {val, encoded && !quoted ? "e" : ""});
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : plain.entrySet()) {
      result.put(entry.getKey(), EncodedWords.decode(entry.getValue()));
    }
    extended.forEach((name, sections) -> result.put(name, joinExtended(sections)));
    return new HeaderParameters(value, result);
  }

  /** A parameter by lower-case name, or null. */
  public String get(String name) {
    return parameters.get(name);
  }

  private static int parseIndex(String number) {
    try {
      return number.length() > 4 ? -1 : Integer.parseInt(number);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String joinExtended(TreeMap<Integer, String[]> sections) {
    String charset = null;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder text = new StringBuilder();
    boolean first = true;
    for (String[] section : sections.values()) {
      String val = section[0];
      boolean encoded = !section[1].isEmpty();
      if (first && encoded) {
        int q1 = val.indexOf('\'');
        int q2 = q1 < 0 ? -1 : val.indexOf('\'', q1 + 1);
        if (q2 > 0) {
          charset = val.substring(0, q1);
          val = val.substring(q2 + 1);
        }
      }
      first = false;
      if (encoded) {
        percentDecode(val, bytes);
      } else {
        flushBytes(bytes, charset, text);
        text.append(val);
      }
    }
    flushBytes(bytes, charset, text);
    return EncodedWords.decode(text.toString());
  }

  private static void flushBytes(ByteArrayOutputStream bytes, String charset, StringBuilder text) {
    if (bytes.size() > 0) {
      byte[] array = bytes.toByteArray();
      text.append(Charsets.decode(array, 0, array.length, charset, null));
      bytes.reset();
    }
  }

  private static void percentDecode(String val, ByteArrayOutputStream out) {
    for (int i = 0; i < val.length(); i++) {
      char c = val.charAt(i);
      if (c == '%' && i + 2 < val.length() && Character.digit(val.charAt(i + 1), 16) >= 0
          && Character.digit(val.charAt(i + 2), 16) >= 0) {
        out.write(Character.digit(val.charAt(i + 1), 16) << 4 | Character.digit(val.charAt(i + 2), 16));
        i += 2;
      } else if (c < 0x80) {
        out.write(c);
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
      }
    }
  }

  private static String unquote(String raw) {
    if (!raw.startsWith("\"")) {
      int space = raw.indexOf(' ');
      // unquoted values end at white space, except file names with spaces that senders forgot to quote
      return space > 0 && raw.substring(space).isBlank() ? raw.substring(0, space) : raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 1; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        out.append(raw.charAt(++i));
      } else if (c == '"') {
        break;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static List<String> splitOnSemicolons(String header) {
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inQuotes = false;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '"') {
        inQuotes = !inQuotes;
      } else if (c == '\\' && inQuotes && i + 1 < header.length()) {
        current.append(c).append(header.charAt(++i));
        continue;
      } else if (c == ';' && !inQuotes) {
        pieces.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    pieces.add(current.toString());
    return pieces;
  }
}
