package dev.tact.mail.reply;

import java.util.Arrays;

/**
 * A mail body split into lines, with each line's quoted/blank state computed once.
 *
 * <p>Every line also has a clean form that the patterns read: invisible format characters some clients add
 * (zero-width spaces and joiners, the byte-order mark, soft hyphens, left-to-right and right-to-left marks and
 * embeddings) removed, and every kind of space (no-break, narrow, ideographic) turned into a plain space. The text
 * shown stays the sender's own.
 */
final class Lines {

  private final String[] text;
  private final String[] clean;
  private final boolean[] quoted;
  private final boolean[] blank;

  Lines(String body) {
    this(body, ReplyRule.all());
  }

  Lines(String body, java.util.Set<ReplyRule> rules) {
    boolean cleanMarks = rules.contains(ReplyRule.INVISIBLE_MARKS);
    boolean barQuotes = rules.contains(ReplyRule.BAR_QUOTES);
    String normalised = body.replace("\r\n", "\n").replace('\r', '\n');
    if (normalised.startsWith("\uFEFF")) {
      normalised = normalised.substring(1);
    }
    text = normalised.split("\n", -1);
    clean = new String[text.length];
    quoted = new boolean[text.length];
    blank = new boolean[text.length];
    for (int i = 0; i < text.length; i++) {
      clean[i] = cleanMarks ? clean(text[i]) : text[i];
      blank[i] = clean[i].isBlank();
      quoted[i] = !blank[i] && MailPatterns.isQuoted(clean[i], barQuotes);
    }
  }

  /** {@code line} without invisible format characters and with every space as a plain space. */
  static String clean(String line) {
    StringBuilder out = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean invisible = isInvisible(c);
      boolean space = !invisible && c != ' ' && Character.getType(c) == Character.SPACE_SEPARATOR;
      if ((invisible || space) && out == null) {
        out = new StringBuilder(line.length()).append(line, 0, i);
      }
      if (out != null && !invisible) {
        out.append(space ? ' ' : c);
      }
    }
    return out == null ? line : out.toString();
  }

  /** A character that takes no room when shown: Unicode format characters (Cf) such as U+200B or U+FEFF. */
  static boolean isInvisible(char c) {
    return Character.getType(c) == Character.FORMAT;
  }

  /** Whitespace, a space of any kind or an invisible character. */
  static boolean isBlankChar(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || isInvisible(c);
  }

  int size() {
    return text.length;
  }

  /** The line as the sender wrote it. */
  String get(int index) {
    return text[index];
  }

  /** The line as the patterns read it (see the class comment). */
  String clean(int index) {
    return clean[index];
  }

  boolean isBlank(int index) {
    return index >= 0 && index < text.length && blank[index];
  }

  boolean isQuoted(int index) {
    return index >= 0 && index < text.length && quoted[index];
  }

  /** A line that is neither blank nor quoted. */
  boolean isText(int index) {
    return index >= 0 && index < text.length && !blank[index] && !quoted[index];
  }

  /** Index of the first non-blank line at or after {@code from}, or {@link #size()}. */
  int nextNonBlank(int from) {
    int i = Math.max(0, from);
    while (i < text.length && blank[i]) {
      i++;
    }
    return i;
  }

  /** Index of the last non-blank line at or before {@code from}, or -1. */
  int previousNonBlank(int from) {
    int i = Math.min(text.length - 1, from);
    while (i >= 0 && blank[i]) {
      i--;
    }
    return i;
  }

  /** Lines [from, to) joined by "\n". */
  String join(int from, int to) {
    return String.join("\n", Arrays.asList(text).subList(from, to));
  }
}
