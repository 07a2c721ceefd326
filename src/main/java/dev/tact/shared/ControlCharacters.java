package dev.tact.shared;

/**
 * Control characters in text that must stay on one line: identifiers, names, subjects. A line break
 * there is how a value breaks out of a mail header (header injection); the other controls (NUL, ESC,
 * the C1 range, the Unicode line and paragraph separators) have no business in them either.
 */
public final class ControlCharacters {

  private ControlCharacters() {}

  /** Whether this character is a C0 or C1 control, DEL, or a Unicode line or paragraph separator. */
  public static boolean isControl(int c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }

  /** The index of the first control character in the text, or -1 (also for null). */
  public static int firstIn(String text) {
    if (text == null) {
      return -1;
    }
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the text holds a carriage return or a line feed. */
  public static boolean hasLineBreak(String text) {
    return text != null && (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0);
  }

  /** The text on one line: every run of control characters becomes one space, ends stripped; null stays null. */
  public static String singleLine(String text) {
    if (firstIn(text) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean inRun = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        if (!inRun) {
          out.append(' ');
        }
        inRun = true;
      } else {
        out.append(c);
        inRun = false;
      }
    }
    return out.toString().strip();
  }
}
