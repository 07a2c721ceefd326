package dev.tact.mail;

import dev.tact.mail.mime.HeaderScan;
import dev.tact.mail.mime.MessageIds;
import dev.tact.mail.mime.MessageReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Parses raw RFC 5322 / MIME messages leniently and within {@link MailLimits}. Thread-safe and stateless: build
 * one and share it. Anything mail-like is parsed, and what was wrong with it is listed in
 * {@link ParsedMail#defects()}; only input that is not mail at all is refused with
 * {@link UnparseableMailException}.
 */
public final class MailParser {

  private final MailLimits limits;

  public MailParser(MailLimits limits) {
    this.limits = limits;
  }

  /** A parser with {@link MailLimits#defaults()}. */
  public MailParser() {
    this(MailLimits.defaults());
  }

  /**
   * Parses a message.
   *
   * @throws UnparseableMailException when the input is empty, larger than {@code maxBytes}, or has no header
   *     block; never any other exception
   */
  public ParsedMail parse(byte[] raw) throws UnparseableMailException {
    if (raw == null || raw.length == 0) {
      throw new UnparseableMailException("empty input");
    }
    if (raw.length > limits.maxBytes()) {
      throw new UnparseableMailException(
          "message of " + raw.length + " bytes is larger than the limit of " + limits.maxBytes() + " bytes");
    }
    String whyNot = HeaderScan.whyNotMail(raw);
    if (whyNot != null) {
      throw new UnparseableMailException(whyNot);
    }
    try {
      return new MessageReader(limits).read(raw, 0);
    } catch (RuntimeException | StackOverflowError e) {
      return fallback(raw, e);
    }
  }

  /**
   * The Message-ID of a raw message without angle brackets, read from the header block only; null when there is
   * none. Never throws.
   */
  public static String messageIdOf(byte[] raw) {
    try {
      return MessageIds.first(HeaderScan.firstValue(raw, "Message-ID"));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Keeps the mail readable when the parser itself fails: the whole input as text, and why. */
  private static ParsedMail fallback(byte[] raw, Throwable failure) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    return new ParsedMail(messageIdOf(raw), List.of(), List.of(), null, null, List.of(), List.of(), List.of(),
        null, null, null, text, false, null, List.of(), List.of(), null, AutomaticMail.NONE, List.of(),
        List.of("parser failure, raw message kept as text: " + failure.getClass().getSimpleName()));
  }
}
