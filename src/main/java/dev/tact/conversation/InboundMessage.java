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
 * A {@code subjectNumber} joins that conversation only when the sender takes part in it (its requester, an
 * earlier sender, a participant another module knows of, see {@link ParticipantSource}) or staff forwarded the
 * message; anyone else's message opens a conversation of its own that mentions the one named.
 *
 * @param forwardedBy who forwarded it to us on the requester's behalf ("Name <address>"), or null
 * @param submittedBy the authenticated integration that submitted it (e.g. "API token crm-sync"), or null; when
 *     the message names its conversation, the history says on whose authority it joined
 * @param unauthenticated the sender's identity could not be verified (email that fails SPF, DKIM and DMARC):
 *     the message may not act with the sender's authority (an opt-out in it is reviewed, not recorded)
 */
public record InboundMessage(UUID messageId, UUID inboundItemId, Channel channel, UUID contactId, String contactName,
    String subject, String text, String externalMessageId, String externalThreadId, String conversationReference,
    Instant receivedAt, List<String> repliesTo, Long subjectNumber, String fullText, UUID teamId, boolean automatic,
    boolean followUpOnly, String forwardedBy, String submittedBy, boolean unauthenticated) {

  public InboundMessage {
    repliesTo = repliesTo == null ? List.of() : List.copyOf(repliesTo);
  }

  /** An email, or any message read from a channel that threads by ids and subject tokens. */
  public InboundMessage(UUID messageId, UUID inboundItemId, Channel channel, UUID contactId, String contactName,
      String subject, String text, String externalMessageId, String externalThreadId, String conversationReference,
      Instant receivedAt, List<String> repliesTo, Long subjectNumber, String fullText, UUID teamId, boolean automatic,
      boolean followUpOnly, String forwardedBy) {
    this(messageId, inboundItemId, channel, contactId, contactName, subject, text, externalMessageId,
        externalThreadId, conversationReference, receivedAt, repliesTo, subjectNumber, fullText, teamId, automatic,
        followUpOnly, forwardedBy, null, false);
  }

  /** A message from a channel that names its conversation or thread itself (the API, chat, social). */
  public InboundMessage(UUID messageId, UUID inboundItemId, Channel channel, UUID contactId, String contactName,
      String subject, String text, String externalMessageId, String externalThreadId, String conversationReference,
      Instant receivedAt) {
    this(messageId, inboundItemId, channel, contactId, contactName, subject, text, externalMessageId,
        externalThreadId, conversationReference, receivedAt, List.of(), null, null, null, false, false, null, null,
        false);
  }

  /** This message as submitted by an authenticated integration (see {@code submittedBy}). */
  public InboundMessage submittedBy(String integration) {
    return new InboundMessage(messageId, inboundItemId, channel, contactId, contactName, subject, text,
        externalMessageId, externalThreadId, conversationReference, receivedAt, repliesTo, subjectNumber, fullText,
        teamId, automatic, followUpOnly, forwardedBy, integration, unauthenticated);
  }
}
