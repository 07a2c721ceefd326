package dev.tact.intake;

import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.conversation.InboundMessage;
import dev.tact.noise.NoiseCandidate;
import java.util.function.Supplier;

/**
 * What a reader found in one item, in the road's common terms.
 *
 * @param sender who the conversation is with (for a staff forward: the original sender); parsed when the sender
 *     is identified, after the channel's {@link ChannelTraits#suppression()} (a looping mail is not parked for it)
 * @param names the sender's names as written
 * @param message the message to file, all but its contact
 * @param reporting who reported it, for noise control
 * @param traits what the item's channel adds to the road
 */
record ReadItem(Supplier<Identity> sender, ContactNames names, InboundMessage.Builder message, Reporting reporting,
    ChannelTraits traits) {

  /**
   * Who wrote and who sent the item, as noise control compares and limits them.
   *
   * @param authorKey who wrote the text (for a staff forward: the original sender)
   * @param sender the address or handle that sent it to us (for a staff forward: the forwarder)
   * @param reporter who reported it, as shown to agents ("Name <address>")
   * @param forwarded staff forwarded it on the author's behalf
   * @param comment what the forwarder wrote above the forward, or null
   * @param unauthenticated the sender could not be verified
   */
  record Reporting(String authorKey, String sender, String reporter, boolean forwarded, String comment,
      boolean unauthenticated) {

    NoiseCandidate candidate(InboundMessage message) {
      return new NoiseCandidate(message, authorKey, sender, reporter, forwarded, comment, unauthenticated);
    }
  }
}
