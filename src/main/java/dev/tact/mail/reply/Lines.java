package dev.tact.mail.reply;

import java.util.Arrays;

/** A mail body split into lines, with each line's quoted/blank state computed once. */
final class Lines {

  private final String[] text;
  private final boolean[] quoted;
  private final boolean[] blank;

  Lines(String body) {
    String normalised = body.replace("\r\n", "\n").replace('\r', '\n');
    if (normalised.startsWith("\uFEFF")) {
      normalised = normalised.substring(1);
    }
    text = normalised.split("\n", -1);
    quoted = new boolean[text.length];
    blank = new boolean[text.length];
    for (int i = 0; i < text.length; i++) {
      blank[i] = text[i].isBlank();
      quoted[i] = !blank[i] && MailPatterns.QUOTED.matcher(text[i]).find();
    }
  }

  int size() {
    return text.length;
  }

  String get(int index) {
    return text[index];
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

  /** Lines [from, to) joined by "\n". */
  String join(int from, int to) {
    return String.join("\n", Arrays.asList(text).subList(from, to));
  }
}
