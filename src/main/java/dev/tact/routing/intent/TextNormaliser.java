package dev.tact.routing.intent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns free text into the lower-case word tokens the features are built from: Unicode NFKC, lower case, letters
 * and digits kept, every digit written as {@code 0} (order numbers and amounts then look alike), apostrophes
 * dropped ({@code don't} becomes {@code dont}), anything else separates words.
 */
public final class TextNormaliser {

  private TextNormaliser() {
  }

  /**
   * The normalised text: tokens separated by single spaces, no leading or trailing space; empty for null or blank
   * input. Only the first {@code maxChars} characters of the input are read.
   */
  public static String normalise(String text, int maxChars) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String head = text.length() > maxChars ? text.substring(0, safeEnd(text, maxChars)) : text;
    String folded = Normalizer.normalize(head, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    boolean pendingSpace = false;
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\'' || cp == '\u2019') {
        continue;
      }
      if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
        if (pendingSpace && !out.isEmpty()) {
          out.append(' ');
        }
        pendingSpace = false;
        out.appendCodePoint(Character.isDigit(cp) ? '0' : cp);
      } else {
        pendingSpace = true;
      }
    }
    return out.toString();
  }

  /** The tokens of {@link #normalise(String, int)}. */
  public static List<String> tokens(String text, int maxChars) {
    String normalised = normalise(text, maxChars);
    List<String> tokens = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= normalised.length(); i++) {
      if (i == normalised.length() || normalised.charAt(i) == ' ') {
        if (i > start) {
          tokens.add(normalised.substring(start, i));
        }
        start = i + 1;
      }
    }
    return tokens;
  }

  private static int safeEnd(String text, int end) {
    return Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
  }
}
