package dev.tact.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's message on its way into a conversation. What it continues is decided in this
 * order: {@code conversationReference} (an id or public number the sender named), the channel's
 * {@code externalThreadId}, the external ids it {@code repliesTo} (an email's In-Reply-To and
 * References, nearest first), then a conversation number found in its subject
 * ({@code subjectNumber}). Otherwise it opens a new conversation, unless it is
 * {@code followUpOnly} (a bounce, say), which is then not filed at all.
 *
 * @param text what agents read first: for email, the new text without quoted history and signature
 * @param fullText the whole text when {@code text} is only its new part; null when they are the same
 * @param teamId the team a new conversation goes to (the mailbox's), or null
 * @param automatic sent by a machine (auto-reply, bounce, list mail): never answered automatically
 * @param forwardedBy who forwarded it to us on the requester's behalf ("Name <address>"), or null
 */
public record InboundMessage(UUID messageId, UUID inboundItemId, Channel channel, UUID contactId, String contactName,
    String subject, String text, String externalMessageId, String externalThreadId, String conversationReference,
    Instant receivedAt, List<String> repliesTo, Long subjectNumber, String fullText, UUID teamId, boolean automatic,
    boolean followUpOnly, String forwardedBy) {

  public InboundMessage {
    repliesTo = repliesTo == null ? List.of() : List.copyOf(repliesTo);
  }

  /** A message from a channel that names its conversation or thread itself (the API, chat, social). */
  public InboundMessage(UUID messageId, UUID inboundItemId, Channel channel, UUID contactId, String contactName,
      String subject, String text, String externalMessageId, String externalThreadId, String conversationReference,
      Instant receivedAt) {
    this(messageId, inboundItemId, channel, contactId, contactName, subject, text, externalMessageId,
        externalThreadId, conversationReference, receivedAt, List.of(), null, null, null, false, false, null);
  }
}
