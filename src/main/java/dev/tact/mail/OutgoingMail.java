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
 */
public record OutgoingMail(MailAddress from, List<MailAddress> to, String subject, String text, String html,
    String messageId, String inReplyTo, List<String> references, long conversationNumber, boolean automatic,
    Instant date) {

  public OutgoingMail {
    to = List.copyOf(to);
    references = references == null ? List.of() : List.copyOf(references);
  }
}
