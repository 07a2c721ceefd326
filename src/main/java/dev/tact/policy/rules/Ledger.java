package dev.tact.policy.rules;

import dev.tact.policy.PolicyChannels;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;

/** Matching of consent-ledger lines to a request: null channel, purpose or subject in a line means "all". */
final class Ledger {

  private Ledger() {}

  static boolean coversChannel(ConsentEntry entry, Channel channel) {
    return entry.channel() == null || entry.channel() == channel;
  }

  static boolean coversSubject(ConsentEntry entry, String subject) {
    return entry.subject() == null || entry.subject().equalsIgnoreCase(subject == null ? "" : subject.strip());
  }

  static boolean coversPurpose(ConsentEntry entry, Purpose purpose) {
    return entry.purpose() == null || entry.purpose() == purpose;
  }

  static String channelName(Channel channel) {
    return channel == null ? "any channel" : PolicyChannels.words(channel);
  }

  static String describe(ConsentEntry entry) {
    StringBuilder text = new StringBuilder();
    if (entry.givenAt() != null) {
      text.append(" on ").append(entry.givenAt().toString(), 0, 10);
    }
    if (entry.source() != null && !entry.source().isBlank()) {
      text.append(" (").append(entry.source());
      if (entry.evidence() != null && !entry.evidence().isBlank()) {
        text.append(": \"").append(entry.evidence()).append('"');
      }
      text.append(')');
    }
    return text.toString();
  }
}
