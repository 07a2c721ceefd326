package dev.tact.delivery;

import dev.tact.contact.IdentityKind;
import dev.tact.policy.PolicyChannels;
import dev.tact.shared.Channel;
import java.util.UUID;

/**
 * Where one reply goes, decided before it is written: the channel, the recipient (an identity of the contact, or
 * null when the contact has none there) and whether it can leave Tact.
 *
 * @param deliverable there is a recipient and a way out: the reply is queued and counts as a response
 * @param whyNot otherwise, the reason its outbox row and the conversation page show
 */
public record ReplyRoute(UUID conversationId, long conversationNumber, UUID contactId, Channel channel,
    IdentityKind kind, String recipient, boolean deliverable, String whyNot, boolean chosen) {

  /** The channel the contact policy is asked about: a web form's reply goes by email. */
  public Channel outboundChannel() {
    return PolicyChannels.answering(channel);
  }
}
