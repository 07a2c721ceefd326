package dev.tact.mail.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the value of one Authentication-Results header field (RFC 8601 section 2.2):
 * {@code authserv-id [version] ( "; none" / 1*( ";" method["/"version] "=" result [reason] *propspec ) )}, with
 * comments (nested, with quoted pairs) anywhere and quoted-string values. Lenient where MTAs differ (spaces around
 * {@code =}, a trailing {@code ;}, unknown methods and properties), strict where trust depends on it: a field without
 * an authserv-id (one that starts with {@code method=result}), or of a version other than 1, is not read at all.
 * Pure and thread-safe; never throws.
 */
public final class AuthResultsParser {

  private AuthResultsParser() {}

  /** The field read, or empty when it has no authserv-id or is of an unknown version. */
  public static Optional<AuthResultsHeader> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    List<String> parts = splitOnSemicolons(withoutComments(value));
    Optional<String> authservId = authservId(parts.getFirst());
    if (authservId.isEmpty()) {
      return Optional.empty();
    }
    List<AuthResult> results = new ArrayList<>();
    for (String part : parts.subList(1, parts.size())) {
      String resinfo = part.strip();
      if (resinfo.isEmpty() || resinfo.equalsIgnoreCase("none")) {
        continue;
      }
      resultOf(resinfo).ifPresent(results::add);
    }
    return Optional.of(new AuthResultsHeader(authservId.get(), results));
  }

  /** authserv-id [CFWS version]: a token or quoted string that is not itself a method=result. */
  private static Optional<String> authservId(String first) {
    Cursor c = new Cursor(first.strip());
    if (c.atEnd()) {
      return Optional.empty();
    }
    String id = c.peek() == '"' ? c.quoted() : c.token("");
    if (id.isEmpty() || id.indexOf('=') >= 0) {
      return Optional.empty(); // no authserv-id: e.g. "spf=pass ..." as some hosts write it
    }
    c.skipSpace();
    if (!c.atEnd()) {
      String version = c.token("");
      if (!version.equals("1") || !c.rest().isBlank()) {
        return Optional.empty();
      }
    }
    return Optional.of(id);
  }

  /** method [ "/" version ] "=" result [ reason=value ] *( ptype.property=value ). */
  private static Optional<AuthResult> resultOf(String resinfo) {
    Cursor c = new Cursor(resinfo);
    String method = c.token("=/").toLowerCase(Locale.ROOT);
    c.skipSpace();
    if (c.peek() == '/') {
      c.next();
      c.skipSpace();
      c.token("=");
      c.skipSpace();
    }
    if (method.isEmpty() || c.peek() != '=') {
      return Optional.empty();
    }
    c.next();
    c.skipSpace();
    String result = c.token("").toLowerCase(Locale.ROOT);
    if (result.isEmpty()) {
      return Optional.empty();
    }
    String reason = null;
    Map<String, String> properties = new LinkedHashMap<>();
    while (true) {
      c.skipSpace();
      if (c.atEnd()) {
        break;
      }
      String key = c.token("=").toLowerCase(Locale.ROOT).replace(" ", "");
      c.skipSpace();
      if (key.isEmpty() || c.peek() != '=') {
        break; // not a property: the rest is not understood and not used
      }
      c.next();
      c.skipSpace();
      String value = c.peek() == '"' ? c.quoted() : c.token("");
      if (key.equals("reason")) {
        reason = value;
      } else {
        properties.putIfAbsent(key, value);
      }
    }
    return Optional.of(new AuthResult(method, result, reason, properties));
  }

  /** The value with every comment (nested, with quoted pairs) replaced by a space; quoted strings kept whole. */
  static String withoutComments(String value) {
    StringBuilder out = new StringBuilder(value.length());
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (depth > 0) {
        if (ch == '\\') {
          i++;
        } else if (ch == '(') {
          depth++;
        } else if (ch == ')') {
          depth--;
          if (depth == 0) {
            out.append(' ');
          }
        }
        continue;
      }
      if (quoted) {
        out.append(ch);
        if (ch == '\\' && i + 1 < value.length()) {
          out.append(value.charAt(++i));
        } else if (ch == '"') {
          quoted = false;
        }
        continue;
      }
      if (ch == '(') {
        depth = 1;
      } else {
        if (ch == '"') {
          quoted = true;
        }
        out.append(ch);
      }
    }
    return out.toString();
  }

  /** Splits on the semicolons outside quoted strings; always at least one part. */
  private static List<String> splitOnSemicolons(String value) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (quoted && ch == '\\' && i + 1 < value.length()) {
        part.append(ch).append(value.charAt(++i));
        continue;
      }
      if (ch == '"') {
        quoted = !quoted;
      }
      if (ch == ';' && !quoted) {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(ch);
      }
    }
    parts.add(part.toString());
    return parts;
  }

  /** Reads tokens and quoted strings off one part of the field. */
  private static final class Cursor {

    private final String text;
    private int at;

    Cursor(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return at >= text.length();
    }

    char peek() {
      return atEnd() ? '\0' : text.charAt(at);
    }

    void next() {
      at++;
    }

    String rest() {
      return text.substring(Math.min(at, text.length()));
    }

    void skipSpace() {
      while (!atEnd() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    /** Characters up to white space or one of {@code stops}. */
    String token(String stops) {
      int start = at;
      while (!atEnd() && !Character.isWhitespace(text.charAt(at)) && stops.indexOf(text.charAt(at)) < 0) {
        at++;
      }
      return text.substring(start, at);
    }

    /** A quoted string at the cursor, without its quotes and with quoted pairs resolved. */
    String quoted() {
      StringBuilder out = new StringBuilder();
      at++; // the opening quote
      while (!atEnd() && text.charAt(at) != '"') {
        char ch = text.charAt(at++);
        if (ch == '\\' && !atEnd()) {
          ch = text.charAt(at++);
        }
        out.append(ch);
      }
      at++; // the closing quote, when there is one
      return out.toString();
    }
  }
}
