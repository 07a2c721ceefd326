package dev.tact.delivery.dkim;

/** The "relaxed" header and body canonicalisation of RFC 6376, section 3.4.2 and 3.4.4. */
final class RelaxedCanonicalization {

  private RelaxedCanonicalization() {}

  /** {@code name:value} with the name lower-cased, folds undone, whitespace runs as one space, none at the ends; plus CRLF. */
  static String header(HeaderField field) {
    String raw = field.raw();
    int colon = raw.indexOf(':');
    String value = raw.substring(colon + 1).replace("\r\n", "");
    return field.lowerName() + ":" + stripSpaces(collapseWhitespace(value)) + "\r\n";
  }

  /** Whitespace runs as one space, none at line ends, no empty lines at the end, CRLF after a non-empty body. */
  static String body(String body) {
    String[] lines = body.split("\r\n", -1);
    StringBuilder out = new StringBuilder(body.length());
    int pendingEmpty = 0;
    for (String line : lines) {
      String canonical = stripTrailing(collapseWhitespace(line));
      if (canonical.isEmpty()) {
        pendingEmpty++;
        continue;
      }
      out.append("\r\n".repeat(pendingEmpty)).append(canonical).append("\r\n");
      pendingEmpty = 0;
    }
    return out.toString();
  }

  private static String collapseWhitespace(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean inRun = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t') {
        if (!inRun) {
          out.append(' ');
        }
        inRun = true;
      } else {
        out.append(c);
        inRun = false;
      }
    }
    return out.toString();
  }

  private static String stripSpaces(String s) {
    String trailingGone = stripTrailing(s);
    return trailingGone.startsWith(" ") ? trailingGone.substring(1) : trailingGone;
  }

  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }
}
