package dev.tact.tone.web;

import dev.tact.shared.ProblemException;
import dev.tact.tone.ToneCheck;

/** What the tone endpoints accept: a text of at most {@link ToneCheck#MAX_CHARS} characters (422 otherwise). */
final class ToneText {

  private ToneText() {
  }

  static String required(String text) {
    if (text == null) {
      throw ProblemException.invalid("missing-text", "Send the draft as 'text'.");
    }
    if (text.length() > ToneCheck.MAX_CHARS) {
      throw ProblemException.invalid("text-too-long", "The tone check reads at most " + ToneCheck.MAX_CHARS
          + " characters; this text has " + text.length() + ".");
    }
    return text;
  }
}
