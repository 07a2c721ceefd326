package dev.tact.mail;

import java.nio.charset.StandardCharsets;

/** Helpers to write test messages as text blocks (LF line ends become CRLF as on the wire). */
final class Mails {

  private Mails() {
  }

  static byte[] crlf(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  static ParsedMail parse(String text) {
    try {
      return new MailParser(MailLimits.defaults()).parse(crlf(text));
    } catch (UnparseableMailException e) {
      throw new AssertionError("test message should parse: " + e.getMessage(), e);
    }
  }
}
