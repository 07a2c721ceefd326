package dev.tact.conversation;

import dev.tact.shared.Channel;
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

  /** A message built by name rather than by position; {@code messageId} and {@code channel} are required. */
  public static Builder builder(UUID messageId, Channel channel) {
    return new Builder(messageId, channel);
  }

  /** Builds an {@link InboundMessage} one named field at a time; what is not set is null, false or empty. */
  public static final class Builder {

    private final UUID messageId;
    private final Channel channel;
    private UUID inboundItemId;
    private UUID contactId;
    private String contactName;
    private String subject;
    private String text;
    private String externalMessageId;
    private String externalThreadId;
    private String conversationReference;
    private Instant receivedAt;
    private List<String> repliesTo = List.of();
    private Long subjectNumber;
    private String fullText;
    private UUID teamId;
    private boolean automatic;
    private boolean followUpOnly;
    private String forwardedBy;
    private String submittedBy;
    private boolean unauthenticated;

    private Builder(UUID messageId, Channel channel) {
      this.messageId = messageId;
      this.channel = channel;
    }

    public Builder inboundItem(UUID id) {
      this.inboundItemId = id;
      return this;
    }

    public Builder contact(UUID id, String name) {
      this.contactId = id;
      this.contactName = name;
      return this;
    }

    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /** The whole text when {@link #text} is only its new part. */
    public Builder fullText(String fullText) {
      this.fullText = fullText;
      return this;
    }

    public Builder externalMessageId(String id) {
      this.externalMessageId = id;
      return this;
    }

    public Builder externalThreadId(String id) {
      this.externalThreadId = id;
      return this;
    }

    public Builder conversationReference(String reference) {
      this.conversationReference = reference;
      return this;
    }

    public Builder receivedAt(Instant at) {
      this.receivedAt = at;
      return this;
    }

    public Builder repliesTo(List<String> externalIds) {
      this.repliesTo = externalIds;
      return this;
    }

    public Builder subjectNumber(Long number) {
      this.subjectNumber = number;
      return this;
    }

    public Builder team(UUID teamId) {
      this.teamId = teamId;
      return this;
    }

    public Builder automatic(boolean automatic) {
      this.automatic = automatic;
      return this;
    }

    public Builder followUpOnly(boolean followUpOnly) {
      this.followUpOnly = followUpOnly;
      return this;
    }

    public Builder forwardedBy(String forwarder) {
      this.forwardedBy = forwarder;
      return this;
    }

    public Builder submittedBy(String integration) {
      this.submittedBy = integration;
      return this;
    }

    public Builder unauthenticated(boolean unauthenticated) {
      this.unauthenticated = unauthenticated;
      return this;
    }

    public InboundMessage build() {
      return new InboundMessage(messageId, inboundItemId, channel, contactId, contactName, subject, text,
          externalMessageId, externalThreadId, conversationReference, receivedAt, repliesTo, subjectNumber, fullText,
          teamId, automatic, followUpOnly, forwardedBy, submittedBy, unauthenticated);
    }
  }
}
