package dev.tact.mail;

/**
 * One run of consecutive lines of a mail body that {@link ReplyExtractor} classified the same way, in the
 * order they appear.
 *
 * @param kind what the lines are
 * @param text the lines joined by "\n" (blank lines that follow them included)
 * @param hidden whether the lines are left out of {@link ReplyParts#visible()}
 */
public record Fragment(Kind kind, String text, boolean hidden) {

  /** What a fragment is. */
  public enum Kind {
    /** Text written by the sender of this message (inline replies included). */
    TEXT,
    /** A quote header such as "On ... wrote:" or an Outlook "From: ... Sent: ..." block. */
    QUOTE_HEADER,
    /** Quoted history: `>` lines or everything below a quote header. */
    QUOTED,
    /** The sender's signature or a mobile client's footer. */
    SIGNATURE
  }

  public Fragment {
    if (kind == null || text == null) {
      throw new IllegalArgumentException("kind and text are required");
    }
  }
}
