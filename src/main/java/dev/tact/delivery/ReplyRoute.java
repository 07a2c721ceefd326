package dev.tact.delivery;

import dev.tact.contact.IdentityKind;
import dev.tact.policy.OutboundChannel;
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

  /** The policy's word for the channel. */
  public OutboundChannel outboundChannel() {
    return outboundChannel(channel);
  }

  static OutboundChannel outboundChannel(Channel channel) {
    return switch (channel) {
      case EMAIL, WEB -> OutboundChannel.EMAIL;
      case SMS -> OutboundChannel.SMS;
      case SOCIAL -> OutboundChannel.SOCIAL;
      case CHAT -> OutboundChannel.CHAT;
      case PHONE -> OutboundChannel.PHONE_CALL;
    };
  }
}
