package dev.tact.mail;

import dev.tact.mail.reply.MailPatterns;

/**
 * The line-level marks of reply history and forwards that mail's reply extraction knows, in the languages and
 * clients it knows, for modules that read a message's text line by line (noise control's normaliser) and must
 * agree with what agents see as a message's new text.
 */
public final class ReplyMarkers {

  private ReplyMarkers() {}

  /** A line of a {@code >} quote. */
  public static boolean isQuoted(String line) {
    return MailPatterns.QUOTED.matcher(line).find();
  }

  /**
   * An "On DATE, NAME wrote:" header line, in any language mail knows: one that ends in "wrote:", or one that opens
   * with "On"/"Am"/"Le"… and says "wrote" before the name ("Am DATE schrieb NAME:").
   */
  public static boolean isAttribution(String line) {
    if (line.length() > MailPatterns.MAX_HEADER_CHARS || !MailPatterns.ENDS_WITH_COLON.matcher(line).find()) {
      return false;
    }
    return MailPatterns.WROTE_ENDING.matcher(line).find()
        || MailPatterns.ATTRIBUTION_WORD.matcher(line).find() && MailPatterns.WROTE_WORD.matcher(line).find();
  }

  /** A "-----Original Message-----" separator: everything below it is the earlier message. */
  public static boolean isOriginalMessage(String line) {
    return line.length() <= MailPatterns.MAX_HEADER_CHARS && MailPatterns.ORIGINAL_MESSAGE.matcher(line).find()
        && !isForwardMarker(line);
  }

  /** A "---------- Forwarded message ---------" or "Begin forwarded message:" line. */
  public static boolean isForwardMarker(String line) {
    return line.length() <= MailPatterns.MAX_HEADER_CHARS && MailPatterns.FORWARD_MARKER.matcher(line).find();
  }
}
