package dev.tact.mail;

import java.time.Instant;
import java.util.List;

/**
 * A message Tact sends, with what makes the answer thread back: its own Message-ID, the
 * Message-IDs it answers, and the conversation's token in the subject.
 *
 * @param messageId Tact's Message-ID for it, without angle brackets
 * @param inReplyTo the Message-ID it answers directly, or null
 * @param references the conversation's earlier Message-IDs, oldest first
 * @param conversationNumber the public number written into the subject as {@code [#1234]}; 0 for a message
 *     outside any conversation, whose subject is then written as given
 * @param automatic sent without a person deciding it (an acknowledgement, a notice): marked
 *     {@code Auto-Submitted: auto-generated} so that well-behaved auto-responders stay silent
 * @param cc copies, written in the Cc header (blind copies are the sender's envelope alone, never written)
 * @param attachments files sent as parts after the text
 */
public record OutgoingMail(MailAddress from, List<MailAddress> to, String subject, String text, String html,
    String messageId, String inReplyTo, List<String> references, long conversationNumber, boolean automatic,
    Instant date, List<MailAddress> cc, List<Attachment> attachments) {

  /** A file sent with the mail. */
  public record Attachment(String filename, String contentType, byte[] content) {}

  public OutgoingMail(MailAddress from, List<MailAddress> to, String subject, String text, String html,
      String messageId, String inReplyTo, List<String> references, long conversationNumber, boolean automatic,
      Instant date) {
    this(from, to, subject, text, html, messageId, inReplyTo, references, conversationNumber, automatic, date,
        List.of(), List.of());
  }

  public OutgoingMail {
    to = List.copyOf(to);
    references = references == null ? List.of() : List.copyOf(references);
    cc = cc == null ? List.of() : List.copyOf(cc);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
