package dev.tact.policy.rules;

import dev.tact.policy.ConsentEntry;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Purpose;
import dev.tact.policy.Vote;
import dev.tact.shared.Channel;

/**
 * Reach people on the channel they used or a less intrusive one; a more intrusive channel than the one they last
 * used (a phone call after a tweet) needs their EXPRESS consent for that channel, whatever the purpose. Express
 * consent to marketing on a channel also covers transactional contact there.
 */
final class ChannelEscalationRule implements Rule {

  @Override
  public String name() {
    return "channel";
  }

  @Override
  public Vote vote(DecisionRequest request, PolicyFacts facts, PolicyContext context) {
    Channel last = facts.lastInboundChannel();
    if (last == null) {
      return abstain("the contact has not reached us on any channel yet");
    }
    String wanted = Ledger.channelName(request.channel());
    String used = Ledger.channelName(last);
    if (request.channel().intrusiveness() <= last.intrusiveness()) {
      return allow(wanted + " is no more intrusive than " + used + ", the channel they last used");
    }
    for (ConsentEntry entry : facts.consents()) {
      boolean purposeCovered = entry.purpose() == null || entry.purpose() == request.purpose()
          || entry.purpose() == Purpose.MARKETING;
      if (entry.kind() == ConsentEntry.Kind.EXPRESS && entry.channel() == request.channel() && purposeCovered) {
        return allow("they last used " + used + "; express consent to " + wanted + Ledger.describe(entry));
      }
    }
    return deny(wanted + " is more intrusive than " + used + ", the channel they last used, and they have not "
        + "given express consent to " + wanted + "; reply by " + used);
  }
}
